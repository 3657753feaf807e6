package io.learnflow.sandbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Prints the sandbox's figures ({@code ./learnflow bench-sandbox}): the per-run overhead against a bare
 * {@code python3 -c pass}, runs per second with the default pool, and the time to grade the whole MBPP bank.
 */
public final class SandboxBenchmark {

    private static final int LATENCY_RUNS = 30;
    private static final int THROUGHPUT_RUNS = 300;

    private SandboxBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        SandboxConfig config = SandboxConfig.defaults();
        System.out.printf("Sandbox benchmark: %s isolation, pool %d, queue %d, %d cores%n", config.isolation(),
                config.poolSize(), config.queueCapacity(), Runtime.getRuntime().availableProcessors());

        double bare = medianMillis(() -> {
            Process python = new ProcessBuilder(config.python().toString(), "-c", "pass").start();
            python.waitFor(30, TimeUnit.SECONDS);
        });
        try (Sandbox single = new Sandbox(config.withPool(1, 1))) {
            double sandboxed = medianMillis(() -> single.run(ProgramRequest.of("pass")).get());
            System.out.printf("Per run: bare python3 -c pass %.1f ms, sandboxed %.1f ms: overhead %.2fx (median of %d)%n",
                    bare, sandboxed, sandboxed / bare, LATENCY_RUNS);
        }
        try (Sandbox pool = new Sandbox(config)) {
            Semaphore inFlight = new Semaphore(config.queueCapacity());
            long started = System.nanoTime();
            List<CompletableFuture<ProgramResult>> runs = new ArrayList<>();
            for (int i = 0; i < THROUGHPUT_RUNS; i++) {
                inFlight.acquire();
                runs.add(pool.run(ProgramRequest.of("print(sum(range(100)))"))
                        .whenComplete((r, e) -> inFlight.release()));
            }
            long ok = runs.stream().map(CompletableFuture::join).filter(r -> r.stdout().equals("4950\n")).count();
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("Throughput: %d trivial runs in %.1f s: %.1f runs/s (%d correct)%n", THROUGHPUT_RUNS,
                    seconds, THROUGHPUT_RUNS / seconds, ok);

            List<JsonNode> bank = RealProgramsTest.mbpp();
            for (boolean coverage : new boolean[] { false, true }) {
                started = System.nanoTime();
                List<CompletableFuture<TestSuiteResult>> grades = new ArrayList<>();
                for (JsonNode problem : bank) {
                    inFlight.acquire();
                    TestSuiteRequest suite = RealProgramsTest.mbppSuite(problem,
                            problem.path("code").asText().replace("\r\n", "\n"));
                    grades.add(pool.runTests(new TestSuiteRequest(suite.files(), suite.moduleFile(), suite.setup(),
                            suite.tests(), suite.perTestBudget(), null, coverage))
                            .whenComplete((r, e) -> inFlight.release()));
                }
                long passed = grades.stream().map(CompletableFuture::join).filter(TestSuiteResult::allPassed).count();
                seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("MBPP bank (%s line coverage): %d problems graded in %.1f s (%.1f/s), %d passed%n",
                        coverage ? "with" : "without", bank.size(), seconds, bank.size() / seconds, passed);
            }
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private static double medianMillis(Step step) throws Exception {
        step.run();
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < LATENCY_RUNS; i++) {
            long started = System.nanoTime();
            step.run();
            times.add((System.nanoTime() - started) / 1e6);
        }
        Collections.sort(times);
        return times.get(times.size() / 2);
    }
}
