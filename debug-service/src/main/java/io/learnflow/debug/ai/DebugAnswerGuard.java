package io.learnflow.debug.ai;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.learnflow.llm.guard.ModelCode;

/**
 * The debug tutor's output guardrail on a model's answer: no corrected code. An answer is refused when it contains a
 * line that fixes the student's code or a changed copy of one of their lines ({@link LeakGuard}), or when its code
 * blocks hold more than {@value #MAX_NEW_LINES} lines that are not the student's own (a rewrite).
 */
final class DebugAnswerGuard {

    static final int MAX_NEW_LINES = 1;

    private DebugAnswerGuard() {
    }

    /** Why the answer may not be shown, or empty when it may; the reason never quotes the fix. */
    static Optional<String> breach(String answer, List<String> fixedLines, String studentCode) {
        if (!LeakGuard.leaks(List.of(answer), fixedLines, studentCode).isEmpty()) {
            return Optional.of("the AI model's answer contained the corrected code");
        }
        Set<String> own = (studentCode == null ? "" : studentCode).lines().map(ModelCode::normalised)
                .collect(Collectors.toSet());
        long written = ModelCode.lines(answer).stream().map(ModelCode::normalised).filter(line -> !own.contains(line))
                .count();
        if (written > MAX_NEW_LINES) {
            return Optional.of("the AI model's answer wrote " + written + " lines of new code");
        }
        return Optional.empty();
    }
}
