package io.learnflow.debug.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The evaluation command over the project's copy of the 20 QuixBugs development programs (MIT, see its LICENSE). */
class EvaluateDebugTest {

    static Path quixbugs() throws Exception {
        return Path.of(EvaluateDebugTest.class.getResource("/quixbugs").toURI());
    }

    @Test
    void theBuggyLineIsFoundByDiffingAgainstTheFix() throws Exception {
        Map<String, QuixBugsProgram> programs = QuixBugsProgram.all(quixbugs()).stream()
                .collect(Collectors.toMap(QuixBugsProgram::name, p -> p));

        assertThat(programs).hasSize(20);
        assertThat(programs.get("gcd").buggyLines()).containsExactly(5);
        assertThat(programs.get("gcd").fixedLines()).containsExactly("return gcd(b, a % b)");
        assertThat(programs.get("reverse_linked_list").buggyLines()).as("a fix that only adds a line")
                .containsExactly(5, 6);
        assertThat(programs.get("detect_cycle").problem().tests()).as("pytest functions of a graph program")
                .hasSize(6);
        assertThat(programs.get("detect_cycle").problem().otherFiles()).containsKey("node.py");
    }

    @Test
    void evaluationRanksTheBuggyLinesAndNoHintLeaksTheFix(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path json = dir.resolve("report.json");

        EvaluateDebug.main(new String[] {quixbugs().toString(), "--json", json.toString()});

        JsonNode report = new ObjectMapper().readTree(Files.readString(json));
        assertThat(report.path("programCount").asInt()).isEqualTo(20);
        assertThat(report.path("leaks").asInt()).isZero();
        assertThat(report.path("top3").asDouble()).isGreaterThanOrEqualTo(report.path("top1").asDouble());
        assertThat(report.path("top1").asDouble()).as("top-1 on the development set").isGreaterThanOrEqualTo(0.5);
        List<String> rankedFirst = List.of("gcd", "pascal", "sieve", "hanoi", "bucketsort");
        report.path("programs").forEach(program -> {
            if (rankedFirst.contains(program.path("program").asText())) {
                assertThat(program.path("rank").asInt()).as(program.path("program").asText()).isEqualTo(1);
            }
        });
    }
}
