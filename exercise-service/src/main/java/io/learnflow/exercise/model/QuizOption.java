package io.learnflow.exercise.model;

/** One option of a multiple-choice question; {@code rationaleWrong} says why it is wrong (null for the answer). */
public record QuizOption(String id, String text, String rationaleWrong) {
}
