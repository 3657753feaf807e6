package io.learnflow.exercise.service;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;

import io.learnflow.exercise.model.CognitiveLevel;
import io.learnflow.exercise.model.ExerciseDifficulty;
import io.learnflow.exercise.model.ExerciseKind;
import io.learnflow.exercise.model.ExerciseTestCase;
import io.learnflow.exercise.model.QuizOption;
import io.learnflow.model.LearningModule;

/**
 * An exercise or quiz question as the shipped bank's files write it ({@code bank/mbpp-exercises.json}, generated,
 * and the exercise banks of the seed units {@code curriculum/units/<module>.json}, written for LearnFlow). A quiz question's {@code stem} is its description.
 */
public record BankEntry(String id, ExerciseKind kind, Integer sourceTaskId, String title, LearningModule module,
        ExerciseDifficulty difficulty, Integer complexity, String functionName,
        @JsonAlias("stem") String description, String starterCode, String solutionCode, String testSetupCode,
        List<ExerciseTestCase> tests, List<String> hints, Integer estimatedMinutes, List<String> tags,
        List<QuizOption> options, String answerKey, String rationaleRight, CognitiveLevel cognitiveLevel) {

    BankEntry inModule(LearningModule fileModule, ExerciseKind fileKind) {
        return new BankEntry(id, kind != null ? kind : fileKind, sourceTaskId, title,
                module != null ? module : fileModule, difficulty, complexity, functionName, description, starterCode,
                solutionCode, testSetupCode, tests, hints, estimatedMinutes, tags, options, answerKey, rationaleRight,
                cognitiveLevel);
    }
}
