package io.learnflow.debug.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.learnflow.debug.service.DebugProblem;
import io.learnflow.debug.service.StudentTests;
import io.learnflow.sandbox.TestCase;

/**
 * One program of a folder in QuixBugs' layout: {@code python_programs/X.py} (buggy), {@code correct_python_programs/X.py}
 * (fixed; the buggy line is found by diff), tests from {@code json_testcases/X.json} or else
 * {@code python_testcases/test_X.py}, and {@code node.py} for the graph programs.
 *
 * @param buggyLines the buggy program's lines the fix changes; for a fix that only adds lines, the lines around
 *                   the addition
 * @param fixedLines the lines of the fix that differ, for the leak check
 */
record QuixBugsProgram(String name, String buggy, DebugProblem problem, Set<Integer> buggyLines,
        List<String> fixedLines) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<QuixBugsProgram> all(Path folder) throws IOException {
        List<QuixBugsProgram> programs = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder.resolve("python_programs"))) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString().replaceFirst("\\.py$", "");
                if (!file.toString().endsWith(".py") || name.equals("node") || name.endsWith("_test")
                        || !Files.exists(folder.resolve("correct_python_programs").resolve(name + ".py"))) {
                    continue;
                }
                try {
                    QuixBugsProgram program = read(folder, name);
                    if (program != null) {
                        programs.add(program);
                    } else {
                        System.err.println("skipped " + name + ": no json_testcases/" + name
                                + ".json nor python_testcases/test_" + name + ".py");
                    }
                } catch (IOException | RuntimeException e) {
                    System.err.println("skipped " + name + ": its files cannot be read (" + e.getMessage() + ")");
                }
            }
        }
        return programs;
    }

    private static QuixBugsProgram read(Path folder, String name) throws IOException {
        String buggy = Files.readString(folder.resolve("python_programs").resolve(name + ".py"));
        String correct = Files.readString(folder.resolve("correct_python_programs").resolve(name + ".py"));
        Map<String, String> others = new HashMap<>();
        for (Path node : List.of(folder.resolve("node.py"), folder.resolve("python_programs/node.py"))) {
            if (Files.exists(node)) {
                others.put("node.py", Files.readString(node));
                break;
            }
        }
        Path json = folder.resolve("json_testcases").resolve(name + ".json");
        Path pytest = folder.resolve("python_testcases").resolve("test_" + name + ".py");
        DebugProblem problem;
        if (Files.exists(json)) {
            List<TestCase> tests = new ArrayList<>();
            for (String line : Files.readAllLines(json)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode testCase = JSON.readTree(line);
                JsonNode args = testCase.get(0).isArray() ? testCase.get(0) : JSON.createArrayNode().add(testCase.get(0));
                tests.add(new TestCase.CallTest(name, args, testCase.get(1)));
            }
            problem = new DebugProblem(buggy, "", tests, null, others);
        } else if (Files.exists(pytest)) {
            String tests = Files.readString(pytest).replaceAll("(?s)if pytest\\.use_correct:.*?else:\\s*\\n\\s*from "
                    + "python_programs\\." + name + " import " + name, "from " + name + " import " + name);
            problem = StudentTests.problem(buggy, "", tests, others);
        } else {
            return null;
        }
        Diff diff = Diff.of(buggy, correct);
        return new QuixBugsProgram(name, buggy, problem, diff.buggyLines(), diff.fixedLines());
    }

    /** The lines the fix changes, by a longest-common-subsequence diff of the code lines (comments, docstrings out). */
    record Diff(Set<Integer> buggyLines, List<String> fixedLines) {

        static Diff of(String buggy, String correct) {
            List<int[]> a = codeLines(buggy);
            List<int[]> b = codeLines(correct);
            String[] aText = buggy.split("\n", -1);
            String[] bText = correct.split("\n", -1);
            int n = a.size();
            int m = b.size();
            int[][] lcs = new int[n + 1][m + 1];
            for (int i = n - 1; i >= 0; i--) {
                for (int j = m - 1; j >= 0; j--) {
                    lcs[i][j] = norm(aText[a.get(i)[0]]).equals(norm(bText[b.get(j)[0]])) ? lcs[i + 1][j + 1] + 1
                            : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
                }
            }
            Set<Integer> removed = new LinkedHashSet<>();
            Set<Integer> around = new LinkedHashSet<>();
            List<String> added = new ArrayList<>();
            int i = 0;
            int j = 0;
            while (i < n || j < m) {
                if (i < n && j < m && norm(aText[a.get(i)[0]]).equals(norm(bText[b.get(j)[0]]))) {
                    i++;
                    j++;
                } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                    added.add(bText[b.get(j)[0]].strip());
                    if (i > 0) {
                        around.add(a.get(i - 1)[0] + 1);
                    }
                    if (i < n) {
                        around.add(a.get(i)[0] + 1);
                    }
                    j++;
                } else {
                    removed.add(a.get(i)[0] + 1);
                    i++;
                }
            }
            return new Diff(removed.isEmpty() ? around : removed, added);
        }

        private static String norm(String line) {
            return line.replaceAll("#.*$", "").replaceAll("\\s+", "");
        }

        /** Indexes of the lines that are code: not blank, not a comment, not inside a docstring. */
        private static List<int[]> codeLines(String source) {
            List<int[]> lines = new ArrayList<>();
            String[] all = source.split("\n", -1);
            boolean inString = false;
            for (int i = 0; i < all.length; i++) {
                String line = all[i].strip();
                int quotes = countTripleQuotes(line);
                if (inString || line.startsWith("\"\"\"") || line.startsWith("'''")) {
                    if (quotes % 2 == 1) {
                        inString = !inString;
                    }
                    continue;
                }
                if (!line.isEmpty() && !line.startsWith("#")) {
                    lines.add(new int[] {i});
                }
            }
            return lines;
        }

        private static int countTripleQuotes(String line) {
            return (line.length() - line.replace("\"\"\"", "").length()) / 3
                    + (line.length() - line.replace("'''", "").length()) / 3;
        }
    }
}
