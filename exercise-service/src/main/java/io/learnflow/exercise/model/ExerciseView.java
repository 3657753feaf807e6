package io.learnflow.exercise.model;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.learnflow.model.LearningModule;

/**
 * An exercise or quiz question as a student sees it: the task, starter code, hints, the visible tests and how many
 * hidden ones there are (with what they check); for a question, the options without the answer key. Never the
 * reference solution, never a hidden test's statement.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExerciseView(String id, ExerciseKind kind, String title, LearningModule module,
        ExerciseDifficulty difficulty, String description, String functionName, String starterCode,
        List<VisibleTest> tests, Integer hiddenTests, List<String> hiddenTestChecks, List<String> hints,
        List<Option> options, CognitiveLevel cognitiveLevel, int estimatedMinutes, List<String> tags,
        Instant updatedAt) {

    public record VisibleTest(String name, String statement) {
    }

    public record Option(String id, String text) {
    }

    public static ExerciseView of(Exercise e) {
        if (e.kind == ExerciseKind.MCQ) {
            return new ExerciseView(e.id, e.kind, e.title, e.module, e.difficulty, e.problemDescription, null, null,
                    null, null, null, null, ExerciseJson.options(e).stream().map(o -> new Option(o.id(), o.text()))
                            .toList(), e.cognitiveLevel, e.estimatedCompletionTime, ExerciseJson.tags(e),
                    e.updatedAt);
        }
        List<ExerciseTestCase> tests = ExerciseJson.tests(e);
        List<ExerciseTestCase> hidden = tests.stream().filter(ExerciseTestCase::hidden).toList();
        return new ExerciseView(e.id, e.kind, e.title, e.module, e.difficulty, e.problemDescription, e.functionName,
                e.starterCode, tests.stream().filter(t -> !t.hidden()).map(t -> new VisibleTest(t.name(),
                        t.statement())).toList(), hidden.size(), hidden.stream().map(ExerciseTestCase::checks)
                        .toList(), ExerciseJson.hints(e), null, null, e.estimatedCompletionTime, ExerciseJson.tags(e),
                e.updatedAt);
    }
}
