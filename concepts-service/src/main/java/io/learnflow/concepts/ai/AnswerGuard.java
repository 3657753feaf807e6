package io.learnflow.concepts.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.learnflow.model.QueryRouted;

/**
 * The concepts tutor's output guardrail on a model's answer: it explains, it does not do the student's work. An answer
 * is refused when its code is more than a short example, when it defines a function the student's own code defines
 * (a rewrite of their attempt), or when it defines any function while the student is working on an exercise.
 */
final class AnswerGuard {

    static final int MAX_EXAMPLE_LINES = 8;
    private static final Pattern FENCED = Pattern.compile("```[^\\n]*\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern DEF = Pattern.compile("^\\s*def\\s+([A-Za-z_]\\w*)\\s*\\(", Pattern.MULTILINE);

    private AnswerGuard() {
    }

    /** Why the answer may not be shown, or empty when it may. */
    static Optional<String> breach(String answer, QueryRouted query) {
        List<String> blocks = codeBlocks(answer);
        long lines = blocks.stream().flatMap(String::lines).filter(line -> !line.isBlank()).count();
        if (lines > MAX_EXAMPLE_LINES) {
            return Optional.of("the AI model's answer held " + lines + " lines of code, more than a short example");
        }
        Set<String> defined = blocks.stream().flatMap(block -> functions(block).stream()).collect(Collectors.toSet());
        if (defined.isEmpty()) {
            return Optional.empty();
        }
        if (query.exerciseId() != null && !query.exerciseId().isBlank()) {
            return Optional.of("the AI model's answer wrote a function while the student is working on an exercise");
        }
        List<String> theirs = query.code() == null ? List.of() : functions(query.code());
        return theirs.stream().filter(defined::contains).findFirst()
                .map(name -> "the AI model's answer rewrote the student's function " + name + "()");
    }

    private static List<String> codeBlocks(String answer) {
        List<String> blocks = new ArrayList<>();
        Matcher fenced = FENCED.matcher(answer);
        while (fenced.find()) {
            blocks.add(fenced.group(1));
        }
        return blocks;
    }

    private static List<String> functions(String code) {
        List<String> names = new ArrayList<>();
        Matcher def = DEF.matcher(code);
        while (def.find()) {
            names.add(def.group(1));
        }
        return names;
    }
}
