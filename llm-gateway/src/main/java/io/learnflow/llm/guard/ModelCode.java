package io.learnflow.llm.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code in a model's answer, as the tutors' output guardrails read it: fenced blocks, the lines in them that are
 * not blank, and the functions they define.
 */
public final class ModelCode {

    private static final Pattern FENCED = Pattern.compile("```[^\\n]*\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern DEF = Pattern.compile("^\\s*def\\s+([A-Za-z_]\\w*)\\s*\\(", Pattern.MULTILINE);

    private ModelCode() {
    }

    public static List<String> blocks(String answer) {
        List<String> blocks = new ArrayList<>();
        Matcher fenced = FENCED.matcher(answer == null ? "" : answer);
        while (fenced.find()) {
            blocks.add(fenced.group(1));
        }
        return blocks;
    }

    public static List<String> lines(String answer) {
        return blocks(answer).stream().flatMap(String::lines).filter(line -> !line.isBlank()).toList();
    }

    /** The names of the functions {@code code} defines. */
    public static List<String> functions(String code) {
        List<String> names = new ArrayList<>();
        Matcher def = DEF.matcher(code == null ? "" : code);
        while (def.find()) {
            names.add(def.group(1));
        }
        return names;
    }

    /** Whitespace removed, so that a line compares equal however it is indented or spaced. */
    public static String normalised(String line) {
        return line.replaceAll("\\s+", "");
    }
}
