package io.learnflow.concepts.ai;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A question about what some code prints or does ("what does this print?", "what is the output of..."), and the code
 * it is about: the query's code, or a fenced block in its text.
 */
public final class CodeQuestion {

    private static final Pattern ASKS_WHAT_IT_DOES = Pattern.compile(
            "\\b(what|which)\\b.{0,40}\\b(print|prints|printed|output|outputs|show|shows|display|displays|return|returns"
                    + "|do|does|result)\\b|\\boutput of\\b|\\bwhat happens\\b|\\bwhy does (it|this) print\\b"
                    + "|qu[eé] imprime|was gibt .{0,30}\\baus\\b",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern FENCED = Pattern.compile("```(?:python|py)?\\s*\\n(.*?)```", Pattern.DOTALL);

    private CodeQuestion() {
    }

    /** The code to run, if the question asks what it prints or does and carries code. */
    public static Optional<String> snippetOf(String queryText, String code) {
        String prose = FENCED.matcher(queryText).replaceAll(" ");
        if (!ASKS_WHAT_IT_DOES.matcher(prose).find()) {
            return Optional.empty();
        }
        if (code != null && !code.isBlank()) {
            return Optional.of(code);
        }
        Matcher fenced = FENCED.matcher(queryText);
        return fenced.find() && !fenced.group(1).isBlank() ? Optional.of(fenced.group(1)) : Optional.empty();
    }
}
