package io.learnflow.debug.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.learnflow.feedback.StudentCode;
import io.learnflow.sandbox.TestCase;

/**
 * Turns what a student sends into a problem to run: {@code assert} lines at the top level of their code become tests
 * (their lines left blank, so line numbers stay the student's), and a {@code tests} text is either pytest-style
 * {@code test_} functions (each one a test, the rest of the text run first) or {@code assert} lines.
 */
public final class StudentTests {

    private static final Pattern TEST_FUNCTION = Pattern.compile("^def\\s+(test\\w*)\\s*\\(\\s*\\)\\s*:",
            Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^\\s*(?:from\\s+[\\w.]+\\s+)?import\\s+(.+)$");

    private StudentTests() {
    }

    public static DebugProblem problem(String code, String stdin, String tests) {
        return problem(code, stdin, tests, Map.of());
    }

    public static DebugProblem problem(String code, String stdin, String tests, Map<String, String> otherFiles) {
        String source = code == null ? "" : code.replace("\r\n", "\n");
        List<TestCase> cases = new ArrayList<>();
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("assert ") || lines[i].startsWith("assert(")) {
                cases.add(new TestCase.AssertTest(lines[i].strip()));
                lines[i] = "";
            }
        }
        String module = String.join("\n", lines);
        String setup = null;
        if (tests != null && !tests.isBlank()) {
            String text = withoutImportsOf(tests.replace("\r\n", "\n"), new StudentCode(module).definedFunctions());
            Matcher function = TEST_FUNCTION.matcher(text);
            List<TestCase> functions = new ArrayList<>();
            while (function.find()) {
                functions.add(new TestCase.AssertTest(function.group(1) + "()"));
            }
            if (!functions.isEmpty()) {
                setup = text;
                cases.addAll(functions);
            } else {
                StringBuilder rest = new StringBuilder();
                for (String line : text.split("\n")) {
                    if (line.startsWith("assert")) {
                        cases.add(new TestCase.AssertTest(line.strip()));
                    } else if (!line.isBlank()) {
                        rest.append(line).append('\n');
                    }
                }
                setup = rest.isEmpty() ? null : rest.toString();
            }
        }
        return new DebugProblem(module, stdin, cases, setup, otherFiles);
    }

    /** Imports of the student's own functions (the tests run in the module's namespace already) and of pytest. */
    private static String withoutImportsOf(String tests, Set<String> functions) {
        StringBuilder kept = new StringBuilder();
        for (String line : tests.split("\n", -1)) {
            Matcher imported = IMPORT.matcher(line);
            if (imported.matches() && StudentCode.indentOf(line) == 0) {
                List<String> names = List.of(imported.group(1).split("\\s*,\\s*"));
                boolean own = names.stream().map(n -> n.split("\\s+as\\s+")[0].strip())
                        .allMatch(n -> functions.contains(n) || n.equals("pytest") || n.equals("*"));
                if (own) {
                    continue;
                }
            }
            kept.append(line).append('\n');
        }
        return kept.toString();
    }
}
