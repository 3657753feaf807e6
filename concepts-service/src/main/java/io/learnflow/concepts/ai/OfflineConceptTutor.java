package io.learnflow.concepts.ai;

import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.model.LearningModule;
import io.learnflow.model.QueryRouted;
import io.learnflow.specialist.ai.Tutor;
import io.learnflow.specialist.ai.TutorAnswer;
import io.smallrye.mutiny.Uni;

/**
 * Explains a concept from the knowledge base: the explanation, a worked example, and a question that checks
 * understanding. When nothing matches it says so and lists what it can explain, rather than guessing.
 */
@ApplicationScoped
public class OfflineConceptTutor implements Tutor {

    private static final double MIN_SCORE = 1.0;

    private final KnowledgeBase knowledge;

    public OfflineConceptTutor(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    @Override
    public String name() {
        return "concepts-offline-" + knowledge.version();
    }

    @Override
    public Uni<TutorAnswer> answer(QueryRouted query) {
        String question = query.queryText() + (query.code() != null ? "\n" + query.code() : "");
        return Uni.createFrom().item(() -> knowledge.bestFor(question, query.module())
                .filter(scored -> scored.score() >= MIN_SCORE)
                .map(scored -> explain(scored.entry()))
                .orElseGet(() -> notInNotes(query.module())));
    }

    private static TutorAnswer explain(ConceptEntry entry) {
        String content = "**" + entry.title() + "**\n\n" + entry.explanation() + "\n\nExample:\n```python\n"
                + entry.example() + "\n```\n\nCheck yourself: " + entry.check();
        return TutorAnswer.of("explanation", content, entry.module(), true);
    }

    private TutorAnswer notInNotes(LearningModule module) {
        String topics = knowledge.entries().stream()
                .filter(e -> module == null || e.module() == module)
                .map(ConceptEntry::title)
                .collect(Collectors.joining("; "));
        String content = "I don't have an explanation that fits this question in my notes yet. Could you rephrase it, "
                + "or name the Python construct you are asking about? Topics I can explain"
                + (module != null ? " in " + module.json() : "") + ": " + topics + ".";
        return TutorAnswer.of("clarification", content, module, false);
    }
}
