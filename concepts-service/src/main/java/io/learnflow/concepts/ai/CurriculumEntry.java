package io.learnflow.concepts.ai;

import java.util.List;

import io.learnflow.model.LearningModule;

/**
 * One concept of the curriculum, written for beginners: what it is, a tiny example, the misconception beginners most
 * often hold about it, and a question that checks understanding. {@code asks} are a few ways a beginner might ask
 * about it, which the retrieval compares questions with.
 */
public record CurriculumEntry(String id, LearningModule module, String title, List<String> keywords,
        List<String> asks, String explanation, String example, String misconception, String check) {

    public CurriculumEntry {
        if (id == null || id.isBlank() || module == null || title == null || explanation == null || example == null
                || misconception == null || check == null) {
            throw new IllegalArgumentException("curriculum entry " + id + " lacks a field");
        }
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        asks = asks == null ? List.of() : List.copyOf(asks);
    }
}
