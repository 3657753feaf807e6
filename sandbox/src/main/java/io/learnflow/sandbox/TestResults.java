package io.learnflow.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the harness's result lines into outcomes; tests it never reported are NOT_RUN, with the run's reason. */
final class TestResults {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestResults() {
    }

    static TestSuiteResult read(RunReport report, int testCount) {
        TestOutcome[] outcomes = new TestOutcome[testCount];
        List<Integer> loadLines = List.of();
        PythonError loadError = null;
        for (String line : report.results().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (IOException e) {
                throw new UncheckedIOException("unreadable test result: " + line, e);
            }
            if ("load".equals(node.path("kind").asText())) {
                loadLines = Sandbox.ints(node.path("lines"));
                loadError = error(node.path("error"));
                continue;
            }
            int index = node.path("index").asInt(-1);
            if (index < 0 || index >= testCount) {
                continue;
            }
            outcomes[index] = new TestOutcome(index, TestStatus.valueOf(node.path("status").asText()),
                    text(node.path("expected")), text(node.path("actual")), error(node.path("error")),
                    Sandbox.ints(node.path("lines")), node.path("millis").asLong(), text(node.path("input")));
        }
        ProgramResult run = report.program();
        List<TestOutcome> tests = new ArrayList<>();
        for (int i = 0; i < testCount; i++) {
            tests.add(outcomes[i] != null ? outcomes[i] : new TestOutcome(i, TestStatus.NOT_RUN, null, null,
                    new PythonError("NotRun", run.message() != null ? run.message() : "the run ended first", null,
                            null), List.of(), 0));
        }
        return new TestSuiteResult(run, loadError, loadLines, tests);
    }

    private static String text(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? null : node.asText();
    }

    private static PythonError error(JsonNode node) {
        if (!node.isObject()) {
            return null;
        }
        return new PythonError(node.path("type").asText(), node.path("message").asText(), null,
                node.path("line").isNull() ? null : node.path("line").asInt());
    }
}
