package io.learnflow.triage.classification;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A student's message as the classifier reads it: at most the first 2,000 and the last 1,000 characters of a long
 * message, its prose apart from the code lines pasted into it, and the English glosses of its foreign words.
 *
 * @param original   the message text (shortened if long)
 * @param code       the code attached to the message, or empty
 * @param errorText  the error text attached to the message, or empty
 * @param prose      the message without its code lines, with the glosses appended
 * @param lower      {@code prose} in lower case, with the original code lines, for matching signals
 * @param words      number of words of prose
 * @param codeLines  number of lines of the message that look like Python
 * @param foreign    whether the message has words of another language
 */
public record ReadMessage(String original, String code, String errorText, String prose, String lower, int words,
        int codeLines, boolean foreign) {

    static final int HEAD = 2_000;
    static final int TAIL = 1_000;

    private static final Pattern CODE_LINE = Pattern.compile(
            "^(\\s{2,}\\S.*|\\t.*|\\s*(def|class|for|while|if|elif|else|try|except|with|return|import|from|print)\\b.*[:()].*"
                    + "|\\s*[\\w.\\[\\]'\"]+\\s*[-+*/%]?=\\s*\\S.*|\\s*[\\w.]+\\(.*\\)\\s*|\\s*#.*|\\s*>>>.*)$");
    private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");
    private static final Pattern NON_ASCII_LETTER = Pattern.compile("[\\p{L}&&[^\\p{ASCII}]]");

    public static ReadMessage of(StudentMessage message, Glossary glossary) {
        String text = shorten(message.text() == null ? "" : message.text());
        StringBuilder prose = new StringBuilder();
        int codeLines = 0;
        String[] lines = text.split("\\R");
        for (String line : lines) {
            if (lines.length > 1 && CODE_LINE.matcher(line).matches()) {
                codeLines++;
            } else {
                prose.append(prose.isEmpty() ? "" : " ").append(line.strip());
            }
        }
        String lowerProse = prose.toString().toLowerCase(Locale.ROOT);
        String glosses = glossary.glossesOf(lowerProse);
        String withGlosses = glosses.isEmpty() ? prose.toString() : prose + " (" + glosses + ")";
        int words = (int) WORD.matcher(prose).results().count();
        boolean foreign = !glosses.isEmpty() || NON_ASCII_LETTER.matcher(prose).find();
        return new ReadMessage(text, shorten(orEmpty(message.code())), shorten(orEmpty(message.errorText())),
                withGlosses, text.toLowerCase(Locale.ROOT) + (glosses.isEmpty() ? "" : " " + glosses), words, codeLines,
                foreign);
    }

    private static String shorten(String text) {
        return text.length() <= HEAD + TAIL ? text : text.substring(0, HEAD) + "\n" + text.substring(text.length() - TAIL);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
