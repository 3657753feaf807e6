package io.learnflow.feedback;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A student's source read line by line, the way a beginner's program is laid out: the names it defines, the blocks
 * its loops and functions open, and the lines that look like a known mistake. A light reading, not a parser: it
 * works on code that does not parse, which is when a student needs it most.
 */
public final class StudentCode {

    private static final Pattern DEF = Pattern.compile("^\\s*def\\s+([A-Za-z_]\\w*)\\s*\\(([^)]*)\\)");
    private static final Pattern ASSIGNED = Pattern.compile("^\\s*([A-Za-z_]\\w*)\\s*(?:[-+*/%]?=)(?!=)");
    private static final Pattern FOR_NAMES = Pattern.compile("^\\s*for\\s+([A-Za-z_][\\w\\s,]*)\\s+in\\b");
    private static final Pattern IDENTIFIER = Pattern.compile("\\b[A-Za-z_]\\w*\\b");
    private static final Pattern STRING = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");

    private final String source;
    private final List<String> lines;

    public StudentCode(String source) {
        this.source = source == null ? "" : source.replace("\r\n", "\n");
        this.lines = List.of(this.source.split("\n", -1));
    }

    public String source() {
        return source;
    }

    public boolean isEmpty() {
        return source.isBlank();
    }

    public int lineCount() {
        return lines.size();
    }

    /** Line {@code number} (from 1), or empty when out of range or blank. */
    public Optional<String> line(Integer number) {
        if (number == null || number < 1 || number > lines.size() || lines.get(number - 1).isBlank()) {
            return Optional.empty();
        }
        return Optional.of(lines.get(number - 1));
    }

    public String lineText(int number) {
        return number >= 1 && number <= lines.size() ? lines.get(number - 1) : "";
    }

    /** The line without its string literals and comment, so that words inside text are not read as code. */
    public static String codeOnly(String line) {
        String withoutStrings = STRING.matcher(line).replaceAll("''");
        int hash = withoutStrings.indexOf('#');
        return hash >= 0 ? withoutStrings.substring(0, hash) : withoutStrings;
    }

    public static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    public List<Integer> linesMatching(Pattern pattern) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (pattern.matcher(codeOnly(lines.get(i))).find()) {
                found.add(i + 1);
            }
        }
        return found;
    }

    public Optional<Integer> firstLineMatching(Pattern pattern) {
        List<Integer> found = linesMatching(pattern);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    public Set<String> definedFunctions() {
        Set<String> names = new LinkedHashSet<>();
        for (String line : lines) {
            Matcher def = DEF.matcher(line);
            if (def.find()) {
                names.add(def.group(1));
            }
        }
        return names;
    }

    /** Names the code gives a value: assignments, loop variables, parameters, functions. */
    public Set<String> definedNames() {
        Set<String> names = new LinkedHashSet<>(definedFunctions());
        for (String line : lines) {
            String code = codeOnly(line);
            Matcher assigned = ASSIGNED.matcher(code);
            if (assigned.find()) {
                names.add(assigned.group(1));
            }
            Matcher loop = FOR_NAMES.matcher(code);
            if (loop.find()) {
                for (String name : loop.group(1).split(",")) {
                    names.add(name.strip());
                }
            }
            Matcher def = DEF.matcher(code);
            if (def.find()) {
                for (String parameter : def.group(2).split(",")) {
                    String name = parameter.split("[=:]")[0].replace("*", "").strip();
                    if (!name.isEmpty()) {
                        names.add(name);
                    }
                }
            }
        }
        return names;
    }

    public Set<String> identifiers() {
        Set<String> names = new LinkedHashSet<>();
        for (String line : lines) {
            Matcher identifier = IDENTIFIER.matcher(codeOnly(line));
            while (identifier.find()) {
                names.add(identifier.group());
            }
        }
        return names;
    }

    /**
     * The lines of the block that line {@code header} opens (a loop, a function, a branch): the following lines
     * indented deeper than it, up to the first one that is not.
     */
    public List<Integer> blockOf(int header) {
        List<Integer> block = new ArrayList<>();
        int indent = indentOf(lineText(header));
        for (int i = header + 1; i <= lines.size(); i++) {
            String line = lineText(i);
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            if (indentOf(line) <= indent) {
                break;
            }
            block.add(i);
        }
        return block;
    }

    /** The function whose body holds this line, if any. */
    public Optional<Integer> enclosingFunction(int line) {
        int indent = indentOf(lineText(line));
        for (int i = line - 1; i >= 1; i--) {
            String text = lineText(i);
            if (!text.isBlank() && indentOf(text) < indent) {
                if (DEF.matcher(text).find()) {
                    return Optional.of(i);
                }
                indent = indentOf(text);
            }
        }
        return Optional.empty();
    }

    public static int editDistance(String a, String b) {
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
