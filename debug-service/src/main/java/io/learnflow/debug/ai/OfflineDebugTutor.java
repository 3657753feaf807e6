package io.learnflow.debug.ai;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.model.LearningModule;
import io.learnflow.model.QueryRouted;
import io.learnflow.sandbox.PythonError;
import io.learnflow.sandbox.TracebackParser;
import io.learnflow.specialist.ai.Tutor;
import io.learnflow.specialist.ai.TutorAnswer;
import io.smallrye.mutiny.Uni;

/**
 * Explains a failure from the traceback the student pasted: what happened and where, what it means, and the first
 * thing to check. It gives a hint, not a corrected program, so the student makes the fix.
 */
@ApplicationScoped
public class OfflineDebugTutor implements Tutor {

    private static final Pattern UNKNOWN_NAME = Pattern.compile("name '([A-Za-z_]\\w*)' is not defined");
    private static final Pattern IDENTIFIER = Pattern.compile("\\b[A-Za-z_]\\w*\\b");

    @Override
    public String name() {
        return "debug-offline-v1";
    }

    @Override
    public Uni<TutorAnswer> answer(QueryRouted query) {
        return Uni.createFrom().item(() -> {
            Optional<PythonError> error = TracebackParser.parse(query.errorText())
                    .or(() -> TracebackParser.parse(query.queryText()));
            return error.map(e -> explain(e, query)).orElseGet(() -> askForTheError(query));
        });
    }

    private TutorAnswer explain(PythonError error, QueryRouted query) {
        Optional<ErrorCatalog.Entry> known = ErrorCatalog.explain(error.type());
        StringBuilder answer = new StringBuilder("**What happened:** Python stopped with `").append(error.type())
                .append('`');
        if (error.line() != null) {
            answer.append(" on line ").append(error.line());
        }
        answer.append(error.message().isEmpty() ? "." : ": " + error.message());
        lineOf(query.code(), error.line() != null ? error.line() : 0).ifPresent(line -> answer.append("\n\nThe line:\n```python\n")
                .append(line.strip()).append("\n```"));
        answer.append("\n\n**What it means:** ").append(known.map(ErrorCatalog.Entry::meaning)
                .orElse("this exception is raised when an operation cannot go on; its message above says why."));
        answer.append("\n\n**Hint:** ").append(specificHint(error, query.code())
                .orElse(known.map(ErrorCatalog.Entry::firstCheck)
                        .orElse("read the message, then print the values used on that line just before it runs.")));
        answer.append("\n\nTry the fix yourself, run it again, and send me the new error if there is one.");
        LearningModule module = query.module() != null ? query.module()
                : known.map(ErrorCatalog.Entry::module).orElse(moduleOfCode(query.code()));
        return TutorAnswer.of("hint", answer.toString(), module, known.isPresent());
    }

    private TutorAnswer askForTheError(QueryRouted query) {
        String text = query.queryText().toLowerCase(Locale.ROOT);
        String symptomHint;
        if (text.contains("none")) {
            symptomHint = "Getting `None` usually means a function prints its result instead of `return`ing it, or "
                    + "a list method such as `sort()` (which returns None) was assigned.";
        } else if (text.contains("infinite") || text.contains("never stop") || text.contains("stuck")
                || text.contains("hang")) {
            symptomHint = "A loop that never ends usually has a condition that never becomes false: check that the "
                    + "variable in the `while` condition changes inside the loop.";
        } else {
            symptomHint = "Add `print(...)` lines before the part that misbehaves to see the values, and compare them "
                    + "with what you expected.";
        }
        String content = "I couldn't find an error message in what you sent. " + symptomHint
                + "\n\nIf Python shows an error, paste the whole traceback (from `Traceback (most recent call last)` "
                + "to the last line) together with your code, and tell me what you expected to happen.";
        return TutorAnswer.of("hint", content, query.module() != null ? query.module() : moduleOfCode(query.code()),
                false);
    }

    private static Optional<String> specificHint(PythonError error, String code) {
        Matcher unknown = UNKNOWN_NAME.matcher(error.message());
        if (!"NameError".equals(error.type()) || !unknown.find() || code == null) {
            return Optional.empty();
        }
        String missing = unknown.group(1);
        Set<String> names = new LinkedHashSet<>();
        Matcher identifiers = IDENTIFIER.matcher(code);
        while (identifiers.find()) {
            names.add(identifiers.group());
        }
        return names.stream()
                .filter(name -> !name.equals(missing) && editDistance(name, missing) <= 2)
                .findFirst()
                .map(close -> "`" + missing + "` is never given a value, but your code has `" + close
                        + "`. Is one of them a typo?");
    }

    private static Optional<String> lineOf(String code, int line) {
        if (code == null || line <= 0) {
            return Optional.empty();
        }
        String[] lines = code.split("\\R", -1);
        return line <= lines.length && !lines[line - 1].isBlank() ? Optional.of(lines[line - 1]) : Optional.empty();
    }

    private static LearningModule moduleOfCode(String code) {
        if (code == null) {
            return null;
        }
        if (code.contains("class ")) {
            return LearningModule.CLASSES;
        }
        if (code.contains("def ")) {
            return LearningModule.FUNCTIONS;
        }
        if (code.contains("for ") || code.contains("while ")) {
            return LearningModule.LOOPS;
        }
        if (code.contains("if ")) {
            return LearningModule.CONDITIONALS;
        }
        return LearningModule.VARIABLES;
    }

    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
