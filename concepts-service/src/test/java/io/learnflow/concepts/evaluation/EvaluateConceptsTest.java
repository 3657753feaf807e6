package io.learnflow.concepts.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The command on the development set copied into the project ({@code concepts/concepts-dev.jsonl}): its output keeps
 * its format, and the figures stay where the README says (retrieval or curriculum changes that lose them fail here).
 */
class EvaluateConceptsTest {

    @Test
    void printsEachFigureByNameAndKeepsTheDevelopmentSetFigures() throws URISyntaxException {
        Path dev = Path.of(EvaluateConceptsTest.class.getResource("/concepts/concepts-dev.jsonl").toURI());
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            EvaluateConcepts.main(new String[] { dev.toString(), "--cross-validate" });
        } finally {
            System.setOut(original);
        }
        Map<String, String> figures = Arrays.stream(captured.toString(StandardCharsets.UTF_8).split("\n"))
                .filter(line -> line.contains(": "))
                .collect(Collectors.toMap(line -> line.substring(0, line.indexOf(": ")),
                        line -> line.substring(line.indexOf(": ") + 2)));

        assertThat(figures).containsKeys("questions", "covered questions", "module accuracy", "not covered precision",
                "not covered recall", "latency p50 ms", "latency p99 ms", "cross-validated module accuracy",
                "cross-validated not covered precision", "cross-validated not covered recall");
        assertThat(figures.get("questions")).isEqualTo("48");
        assertThat(figures.get("covered questions")).isEqualTo("40");
        assertThat(Double.parseDouble(figures.get("module accuracy"))).isGreaterThanOrEqualTo(0.95);
        assertThat(Double.parseDouble(figures.get("not covered recall"))).isGreaterThanOrEqualTo(0.875);
        assertThat(Double.parseDouble(figures.get("cross-validated module accuracy"))).isGreaterThanOrEqualTo(0.925);
        assertThat(Double.parseDouble(figures.get("cross-validated not covered recall"))).isGreaterThanOrEqualTo(0.75);
    }
}
