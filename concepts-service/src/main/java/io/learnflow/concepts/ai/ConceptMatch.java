package io.learnflow.concepts.ai;

/**
 * An entry and how well it fits a question: MiniLM's cosine, the squashed keyword score, their blend ({@code fit}),
 * and the blend with the prior for the student's module ({@code score}, by which entries are ranked).
 */
public record ConceptMatch(CurriculumEntry entry, double score, double fit, double semantic, double keyword) {
}
