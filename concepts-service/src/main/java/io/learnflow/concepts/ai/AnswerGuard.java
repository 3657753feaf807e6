package io.learnflow.concepts.ai;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.learnflow.llm.guard.ModelCode;
import io.learnflow.model.QueryRouted;

/**
 * The concepts tutor's output guardrail on a model's answer: it explains, it does not do the student's work. An answer
 * is refused when its code is more than a short example, when it defines a function the student's own code defines
 * (a rewrite of their attempt), or when it defines any function while the student is working on an exercise.
 */
final class AnswerGuard {

    static final int MAX_EXAMPLE_LINES = 8;

    private AnswerGuard() {
    }

    /** Why the answer may not be shown, or empty when it may. */
    static Optional<String> breach(String answer, QueryRouted query) {
        List<String> blocks = ModelCode.blocks(answer);
        long lines = ModelCode.lines(answer).size();
        if (lines > MAX_EXAMPLE_LINES) {
            return Optional.of("the AI model's answer held " + lines + " lines of code, more than a short example");
        }
        Set<String> defined = Set.copyOf(ModelCode.functions(String.join("\n", blocks)));
        if (defined.isEmpty()) {
            return Optional.empty();
        }
        if (query.exerciseId() != null && !query.exerciseId().isBlank()) {
            return Optional.of("the AI model's answer wrote a function while the student is working on an exercise");
        }
        List<String> theirs = ModelCode.functions(query.code());
        return theirs.stream().filter(defined::contains).findFirst()
                .map(name -> "the AI model's answer rewrote the student's function " + name + "()");
    }
}
