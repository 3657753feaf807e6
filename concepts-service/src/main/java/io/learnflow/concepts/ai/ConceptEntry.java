package io.learnflow.concepts.ai;

import java.util.List;

import io.learnflow.model.LearningModule;

/** One explanation of the knowledge base, with a worked example and a question to check understanding. */
public record ConceptEntry(String id, LearningModule module, String title, List<String> keywords, String explanation,
        String example, String check) {
}
