package io.learnflow.progress.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitBktTest {

    @Test
    void onSimulatedStudentsBktRanksTheNextAttemptBetterThanTheOldRule() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        FitBkt.run(FitBkt.simulate(500, new Random(9)), 0.2, 9, "simulated",
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        String report = printed.toString(StandardCharsets.UTF_8);
        assertThat(report).contains("test-students      100").contains("module loops");
        double bkt = figure(report, "auc-bkt");
        double old = figure(report, "auc-old-rule");
        assertThat(bkt).isGreaterThan(old);
    }

    @Test
    void aJsonlExportIsReadInTimeOrderPerStudent(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("evidence.jsonl");
        Files.writeString(file, """
                {"studentId":"a","module":"loops","correct":false,"occurredAt":"2026-01-05T10:00:00Z"}
                {"studentId":"a","module":"loops","correct":true,"occurredAt":"2026-01-05T09:00:00Z"}

                {"studentId":"b","module":"lists","correct":true}
                """);

        List<FitBkt.Attempt> attempts = FitBkt.readJsonl(file);

        assertThat(attempts).hasSize(3);
        assertThat(attempts.get(2).module().json()).isEqualTo("lists");
    }

    private static double figure(String report, String name) {
        return report.lines().filter(line -> line.startsWith(name + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(name.length()).trim())).orElseThrow();
    }
}
