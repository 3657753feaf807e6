package io.learnflow.stack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BenchReportTest {

    @Test
    void refusalsNeverFinishedAndPercentilesAreCountedFromTheTraces() {
        BenchOptions options = BenchOptions.parse(new String[] {"--rate", "10", "--duration", "1"});
        List<QueryTrace> traces = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            traces.add(trace(i * 100_000_000L, 202, i * 10.0, "completed", i * 100.0));
        }
        traces.add(trace(900_000_000L, 202, 5.0, null, -1));
        traces.add(trace(950_000_000L, 503, 1.0, null, -1));

        BenchReport report = BenchReport.of(options, traces, 0, 2.0, Map.of("triage", 100.0),
                Map.of("triage", 900.0));

        assertThat(report.offered()).isEqualTo(10);
        assertThat(report.accepted()).isEqualTo(9);
        assertThat(report.refusedByStatus()).containsExactly(Map.entry(503, 1L));
        assertThat(report.answered()).isEqualTo(8);
        assertThat(report.neverFinished()).isEqualTo(1);
        assertThat(report.answer().p50()).isEqualTo(400.0);
        assertThat(report.answer().max()).isEqualTo(800.0);
        assertThat(report.post().p99()).isEqualTo(80.0);
        assertThat(report.cpuMillisPerAnswered()).containsEntry("triage", 100.0);
    }

    @Test
    void optionsHaveDefaultsAndBadValuesAreRefusedByName() {
        BenchOptions defaults = BenchOptions.parse(new String[0]);
        assertThat(defaults.rate()).isEqualTo(50);
        assertThat(defaults.students()).as("enough that 60 a minute per student is never reached").isEqualTo(75);
        assertThat(defaults.streams()).isEqualTo("sse");
        assertThat(defaults.out()).isEqualTo(Path.of(".learnflow/bench"));

        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--streams", "carrier-pigeon"}))
                .hasMessageContaining("--streams is one of");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--rate", "fast"}))
                .hasMessageContaining("--rate must be a number");
    }

    private static QueryTrace trace(long sentAt, int status, double postMillis, String end, double answerMillis) {
        QueryTrace trace = new QueryTrace(sentAt, "token");
        trace.postStatus = status;
        trace.postMillis = postMillis;
        trace.finalStatus = end;
        trace.answerMillis = answerMillis;
        return trace;
    }
}
