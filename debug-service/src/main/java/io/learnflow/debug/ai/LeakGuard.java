package io.learnflow.debug.ai;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.learnflow.feedback.StudentCode;

/**
 * Makes sure no answer hands over the fix: it contains neither a fixed line nor a code block with a line that is a
 * changed version of one of the student's lines. Quoting the student's own lines is fine; so are the catalogue's
 * examples, which belong to other programs.
 */
public final class LeakGuard {

    private static final Pattern CODE_BLOCK = Pattern.compile("```[a-z]*\\n(.*?)```", Pattern.DOTALL);
    static final String WITHHELD = "```\n(the corrected code is left for you to write)\n```";

    private LeakGuard() {
    }

    /** What in these answers gives away a fix: the fixed lines they contain, and changed copies of student lines. */
    public static List<String> leaks(List<String> answers, List<String> fixedLines, String studentCode) {
        Set<String> own = normalisedLines(studentCode);
        List<String> found = new ArrayList<>();
        for (String answer : answers) {
            String flat = normalise(answer);
            for (String fixed : fixedLines) {
                String line = normalise(fixed);
                if (line.length() >= 4 && !own.contains(line) && flat.contains(line)) {
                    found.add(fixed);
                }
            }
            Matcher block = CODE_BLOCK.matcher(answer);
            while (block.find()) {
                if (answer.substring(0, block.start()).endsWith(DebugHints.OTHER_PROGRAM)) {
                    continue;
                }
                for (String line : block.group(1).split("\n")) {
                    if (isChangedCopy(normalise(line), own)) {
                        found.add(line);
                    }
                }
            }
        }
        return found;
    }

    /** The answer with any code block that would give the fix away replaced. */
    public static String clean(String answer, List<String> fixedLines, String studentCode) {
        Set<String> own = normalisedLines(studentCode);
        StringBuilder kept = new StringBuilder();
        Matcher block = CODE_BLOCK.matcher(answer);
        int last = 0;
        while (block.find()) {
            kept.append(answer, last, block.start());
            boolean leaks = !leaks(List.of(block.group()), fixedLines, studentCode).isEmpty();
            kept.append(leaks ? WITHHELD : block.group());
            last = block.end();
        }
        kept.append(answer.substring(last));
        String result = kept.toString();
        for (String fixed : fixedLines) {
            String line = fixed.strip();
            if (normalise(line).length() >= 4 && !own.contains(normalise(line)) && result.contains(line)) {
                result = result.replace(line, "(withheld)");
            }
        }
        return result;
    }

    private static boolean isChangedCopy(String line, Set<String> own) {
        if (line.length() < 6 || own.contains(line)) {
            return false;
        }
        for (String mine : own) {
            if (mine.length() >= 4 && StudentCode.editDistance(line, mine) <= Math.max(2, mine.length() / 5)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> normalisedLines(String code) {
        Set<String> lines = new HashSet<>();
        for (String line : (code == null ? "" : code).split("\n")) {
            String n = normalise(line);
            if (!n.isEmpty()) {
                lines.add(n);
            }
        }
        return lines;
    }

    private static String normalise(String text) {
        return text.replaceAll("\\s+", "");
    }
}
