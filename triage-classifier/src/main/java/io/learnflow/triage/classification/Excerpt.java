package io.learnflow.triage.classification;

/** A text on one line, cut to a length with an ellipsis, for reasons and log lines. */
public final class Excerpt {

    private Excerpt() {
    }

    public static String of(String text, int maxLength) {
        if (text == null) {
            return "(empty)";
        }
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= maxLength ? line : line.substring(0, maxLength - 3) + "...";
    }
}
