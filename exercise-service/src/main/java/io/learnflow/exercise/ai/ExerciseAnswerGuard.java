package io.learnflow.exercise.ai;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.learnflow.exercise.model.Exercise;
import io.learnflow.llm.guard.ModelCode;

/**
 * The practice tutor's output guardrail on a model's answer: no solution to the exercise the student is working on. An
 * answer is refused when it defines a function, when it contains a line of the reference solution that is neither the
 * student's nor the starter code's, or when its code blocks hold more than {@value #MAX_NEW_LINES} lines that are not
 * the student's own.
 */
final class ExerciseAnswerGuard {

    static final int MAX_NEW_LINES = 1;
    /** Shorter solution lines ({@code return x}, {@code else:}) say nothing about the solution. */
    static final int MIN_TELLING_LINE = 10;

    private ExerciseAnswerGuard() {
    }

    /** Why the answer may not be shown, or empty when it may; the reason never quotes the solution. */
    static Optional<String> breach(String answer, Exercise exercise, String studentCode) {
        if (!ModelCode.functions(String.join("\n", ModelCode.blocks(answer))).isEmpty()
                || answer.matches("(?s).*\\bdef\\s+" + exercise.functionName + "\\s*\\(.*")) {
            return Optional.of("the AI model's answer wrote a function for the exercise");
        }
        Set<String> given = lines(studentCode);
        given.addAll(lines(exercise.starterCode));
        String flat = ModelCode.normalised(answer);
        boolean tellsTheSolution = lines(exercise.solutionCode).stream()
                .anyMatch(line -> line.length() >= MIN_TELLING_LINE && !given.contains(line) && flat.contains(line));
        if (tellsTheSolution) {
            return Optional.of("the AI model's answer contained a line of the solution");
        }
        long written = ModelCode.lines(answer).stream().map(ModelCode::normalised).filter(line -> !given.contains(line))
                .count();
        if (written > MAX_NEW_LINES) {
            return Optional.of("the AI model's answer wrote " + written + " lines of code");
        }
        return Optional.empty();
    }

    private static Set<String> lines(String code) {
        return (code == null ? "" : code).lines().map(ModelCode::normalised).filter(line -> !line.isEmpty())
                .collect(Collectors.toSet());
    }
}
