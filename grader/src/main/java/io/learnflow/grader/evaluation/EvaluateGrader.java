package io.learnflow.grader.evaluation;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.learnflow.feedback.NoviceErrorCatalogue;
import io.learnflow.grader.ExerciseTest;
import io.learnflow.grader.Grader;
import io.learnflow.grader.GraderConfig;
import io.learnflow.grader.GradingReport;
import io.learnflow.grader.GradingRequest;
import io.learnflow.grader.GradingVerdict;
import io.learnflow.sandbox.Sandbox;
import io.learnflow.sandbox.SandboxConfig;

/**
 * {@code ./learnflow eval-grader FILE.jsonl [--budget SECONDS]}: grades every line of an MBPP-format file with the
 * grader and prints agreement with the lines' {@code expected} verdict (or, without one, the share of references that
 * pass), the confusion counts, the time per grading and gradings per second. Progress goes to stderr.
 */
public final class EvaluateGrader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EvaluateGrader() {
    }

    record Line(String taskId, String code, String setup, List<String> tests, String expected) {
    }

    record Outcome(Line line, GradingReport report, long nanos) {
        boolean gradedPass() {
            return report.allPassed();
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ./learnflow eval-grader FILE.jsonl [--budget SECONDS]");
            System.exit(2);
        }
        Duration budget = GraderConfig.defaults().perTestBudget();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--budget") && i + 1 < args.length) {
                budget = Duration.ofMillis((long) (Double.parseDouble(args[++i]) * 1000));
            } else {
                System.err.println("unknown option " + args[i]);
                System.exit(2);
            }
        }
        List<Line> lines = read(Path.of(args[0]));
        SandboxConfig config = SandboxConfig.defaults();
        try (Sandbox sandbox = new Sandbox(config);
                Grader grader = new Grader(sandbox, new NoviceErrorCatalogue(),
                        GraderConfig.defaults().withPerTestBudget(budget))) {
            warmUp(grader, lines);
            long started = System.nanoTime();
            long[] cpuBefore = cpuMillis();
            List<Outcome> outcomes = grade(grader, lines, config.poolSize());
            long wall = System.nanoTime() - started;
            long[] cpuAfter = cpuMillis();
            print(outcomes, wall, cpuAfter[0] - cpuBefore[0], cpuAfter[1] - cpuBefore[1], System.out);
        }
    }

    /**
     * CPU time of this JVM, and of every process it started and reaped (the sandbox runs and all they ran), from
     * /proc/self/stat; 0 where there is none.
     */
    static long[] cpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // utime + stime, cutime + cstime, in ticks of 10 ms (USER_HZ is 100 on Linux)
            return new long[] {(Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10,
                    (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * 10};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    static List<Line> read(Path file) throws IOException {
        List<Line> lines = new ArrayList<>();
        for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (text.isBlank()) {
                continue;
            }
            JsonNode node = JSON.readTree(text);
            List<String> tests = new ArrayList<>();
            node.path("test_list").forEach(t -> tests.add(t.asText()));
            String expected = node.hasNonNull("expected") ? node.path("expected").asText() : null;
            lines.add(new Line(node.path("task_id").asText(), node.path("code").asText(),
                    node.path("test_setup_code").asText(""), tests, expected));
        }
        return lines;
    }

    private static GradingRequest request(Line line) {
        List<ExerciseTest> tests = new ArrayList<>();
        for (int i = 0; i < line.tests().size(); i++) {
            tests.add(ExerciseTest.visible("test " + (i + 1), line.tests().get(i)));
        }
        return new GradingRequest(line.code(), line.setup(), tests);
    }

    /** A few gradings first, so that the figures are of a warm JVM. */
    private static void warmUp(Grader grader, List<Line> lines) {
        List<CompletableFuture<GradingReport>> warm = new ArrayList<>();
        for (int i = 0; i < Math.min(4, lines.size()); i++) {
            warm.add(grader.grade(request(lines.get(i))));
        }
        warm.forEach(CompletableFuture::join);
    }

    /** Every line graded, as many at once as the sandbox has places, so that a grading's time is its own. */
    static List<Outcome> grade(Grader grader, List<Line> lines, int inFlight) throws InterruptedException {
        Semaphore places = new Semaphore(inFlight);
        List<CompletableFuture<Outcome>> pending = new ArrayList<>();
        int[] done = {0};
        for (Line line : lines) {
            places.acquire();
            long start = System.nanoTime();
            pending.add(grader.grade(request(line)).thenApply(report -> {
                places.release();
                synchronized (done) {
                    if (++done[0] % 100 == 0) {
                        System.err.printf(Locale.ROOT, "graded %d of %d%n", done[0], lines.size());
                    }
                }
                return new Outcome(line, report, System.nanoTime() - start);
            }));
        }
        return pending.stream().map(CompletableFuture::join).toList();
    }

    static void print(List<Outcome> outcomes, long wall, long jvmCpu, long childrenCpu, PrintStream out) {
        int labelled = 0;
        int agree = 0;
        int passPass = 0;
        int passFail = 0;
        int failPass = 0;
        int failFail = 0;
        int unlabelled = 0;
        int unlabelledPassing = 0;
        int undecided = 0;
        int timedOut = 0;
        List<String> disagreements = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            if (outcome.report().verdict() == GradingVerdict.UNDECIDED) {
                undecided++;
            }
            if (outcome.report().limitHit() != null) {
                timedOut += outcome.report().limitHit().contains("TIME") ? 1 : 0;
            }
            String expected = outcome.line().expected();
            boolean pass = outcome.gradedPass();
            if (expected == null) {
                unlabelled++;
                unlabelledPassing += pass ? 1 : 0;
                if (!pass) {
                    disagreements.add(outcome.line().taskId() + " reference graded fail: " + outcome.report().feedback());
                }
                continue;
            }
            labelled++;
            boolean expectedPass = expected.equals("pass");
            if (expectedPass == pass) {
                agree++;
            } else {
                disagreements.add(outcome.line().taskId() + " expected " + expected + ", graded "
                        + (pass ? "pass" : "fail") + ": " + outcome.report().feedback());
            }
            if (expectedPass) {
                if (pass) {
                    passPass++;
                } else {
                    passFail++;
                }
            } else if (pass) {
                failPass++;
            } else {
                failFail++;
            }
        }
        long[] millis = outcomes.stream().mapToLong(o -> o.nanos() / 1_000_000).sorted().toArray();
        out.printf(Locale.ROOT, "lines %d%n", outcomes.size());
        if (labelled > 0) {
            out.printf(Locale.ROOT, "agreement %.4f (%d of %d)%n", (double) agree / labelled, agree, labelled);
            out.printf(Locale.ROOT, "expected-pass graded-pass %d%n", passPass);
            out.printf(Locale.ROOT, "expected-pass graded-fail %d%n", passFail);
            out.printf(Locale.ROOT, "expected-fail graded-pass %d%n", failPass);
            out.printf(Locale.ROOT, "expected-fail graded-fail %d%n", failFail);
        }
        if (unlabelled > 0) {
            out.printf(Locale.ROOT, "references-passing %.4f (%d of %d)%n", (double) unlabelledPassing / unlabelled,
                    unlabelledPassing, unlabelled);
        }
        out.printf(Locale.ROOT, "undecided %d%n", undecided);
        out.printf(Locale.ROOT, "gradings-out-of-time %d%n", timedOut);
        out.printf(Locale.ROOT, "grading-p50-ms %d%n", percentile(millis, 0.50));
        out.printf(Locale.ROOT, "grading-p95-ms %d%n", percentile(millis, 0.95));
        out.printf(Locale.ROOT, "gradings-per-second %.1f%n", outcomes.size() / (wall / 1e9));
        if (jvmCpu + childrenCpu > 0) {
            double perGrading = (double) (jvmCpu + childrenCpu) / outcomes.size();
            out.printf(Locale.ROOT, "cpu-ms-per-grading %.1f%n", perGrading);
            out.printf(Locale.ROOT, "cpu-ms-per-grading-in-the-jvm %.1f%n", (double) jvmCpu / outcomes.size());
            out.printf(Locale.ROOT, "gradings-per-second-if-the-cores-were-free %.1f%n",
                    Runtime.getRuntime().availableProcessors() * 1000 / perGrading);
        }
        disagreements.stream().limit(50).forEach(d -> out.println("disagreement " + d));
    }

    private static long percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
