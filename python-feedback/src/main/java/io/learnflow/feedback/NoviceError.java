package io.learnflow.feedback;

import io.learnflow.model.LearningModule;

/**
 * One kind of mistake beginners make, in words for a beginner.
 *
 * @param id      a stable name, recorded as the interaction's error category
 * @param meaning what happened, without jargon
 * @param look    where to look and what to observe, asked as a question
 * @param rule    the rule of Python being broken
 * @param example a tiny example of the rule, unrelated to any student's code
 */
public record NoviceError(String id, String title, String meaning, String look, String rule, String example,
        LearningModule module) {
}
