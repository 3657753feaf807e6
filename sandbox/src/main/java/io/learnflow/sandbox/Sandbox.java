package io.learnflow.sandbox;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Runs untrusted Python: a bounded pool of runs at once, a bounded queue behind it, and a BUSY result when both are
 * full. Every method returns at once; results complete on the sandbox's own threads, never on the caller's.
 */
public final class Sandbox implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Sandbox.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long BACKSTOP_SECONDS = 5;

    private final SandboxConfig config;
    private final ThreadPoolExecutor runs;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
            daemon("sandbox-watchdog"));
    private final BlockingQueue<Integer> slots;
    private final RunDirectory control;
    private final AtomicLong finishedRuns = new AtomicLong();
    private final AtomicLong refusedRuns = new AtomicLong();

    /**
     * What the pool has done and holds now.
     *
     * @param runs    runs finished since start, whatever their outcome
     * @param refused runs refused because every place and the whole queue were taken
     * @param running runs in a place now
     * @param waiting runs queued for a place now
     */
    public record Load(long runs, long refused, int running, int waiting) {
    }

    public Sandbox(SandboxConfig config) {
        this.config = config;
        checkIsolation(config);
        this.control = RunDirectory.control(config.python());
        this.slots = new ArrayBlockingQueue<>(config.poolSize());
        for (int i = 0; i < config.poolSize(); i++) {
            slots.add(i);
        }
        this.runs = new ThreadPoolExecutor(config.poolSize(), config.poolSize(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, config.queueCapacity())), daemon("sandbox-run"),
                new ThreadPoolExecutor.AbortPolicy());
    }

    public SandboxConfig config() {
        return config;
    }

    public Load load() {
        return new Load(finishedRuns.get(), refusedRuns.get(), runs.getActiveCount(), runs.getQueue().size());
    }

    public CompletableFuture<ProgramResult> run(ProgramRequest request) {
        StringBuilder spec = new StringBuilder("mode=program\nmain=").append(request.mainFile()).append('\n');
        request.args().forEach(arg -> spec.append("arg=").append(arg.replace('\n', ' ')).append('\n'));
        return submit(request.files(), spec, request.stdin(), null, request.limits(), RunReport::program);
    }

    public CompletableFuture<TestSuiteResult> runTests(TestSuiteRequest request) {
        ObjectNode suite = JSON.createObjectNode();
        suite.put("module", request.moduleFile());
        suite.put("setup", request.setup());
        suite.put("perTestSeconds", request.perTestBudget().toMillis() / 1000.0);
        suite.put("coverage", request.lineCoverage());
        ArrayNode tests = suite.putArray("tests");
        for (TestCase test : request.tests()) {
            test.writeTo(tests.addObject());
        }
        return submit(request.files(), new StringBuilder("mode=tests\n"), "", suite.toString(),
                request.limits() != null ? request.limits() : suiteLimits(request),
                report -> TestResults.read(report, request.tests().size()));
    }

    /**
     * Grades a module against test statements it never sees: a trusted supervisor evaluates each statement itself and
     * calls into a fresh process per test that runs the student's code, values crossing back as plain data only, so
     * that nothing the code does can make a test pass that it does not pass (see grading.py). Tests the run never
     * finished are NOT_RUN.
     */
    public CompletableFuture<TestSuiteResult> grade(GradingSuiteRequest request) {
        String token = UUID.randomUUID().toString().replace("-", "");
        ObjectNode input = JSON.createObjectNode();
        input.put("token", token);
        input.put("setup", request.setup());
        ArrayNode tests = input.putArray("tests");
        request.statements().forEach(statement -> tests.addObject().put("statement", statement));
        StringBuilder spec = new StringBuilder("mode=grade\nmodule=").append(GradingSuiteRequest.MODULE)
                .append("\ntests=").append(request.statements().size())
                .append("\nperTestSeconds=").append(request.perTestBudget().toMillis() / 1000.0).append('\n');
        SandboxLimits limits = request.limits() != null ? request.limits() : gradingLimits(request);
        return submit(new Run(request.files(), spec, "", null, input.toString().getBytes(StandardCharsets.UTF_8),
                token), limits, report -> TestResults.read(report, request.statements().size()));
    }

    /** What one run needs besides its limits; {@code input} and {@code token} only for a grading run. */
    private record Run(Map<String, String> files, StringBuilder spec, String stdin, String tests, byte[] input,
            String token) {
    }

    private <T> CompletableFuture<T> submit(Map<String, String> files, StringBuilder spec, String stdin, String tests,
            SandboxLimits requested, Function<RunReport, T> finish) {
        return submit(new Run(files, spec, stdin, tests, null, null), requested, finish);
    }

    private <T> CompletableFuture<T> submit(Run run, SandboxLimits requested, Function<RunReport, T> finish) {
        StringBuilder spec = run.spec();
        SandboxLimits limits = requested != null ? requested : config.limits();
        spec.append("cpuSeconds=").append(Math.max(1, limits.cpuTime().toSeconds())).append('\n')
                .append("wallSeconds=").append(limits.wallTime().toMillis() / 1000.0).append('\n')
                .append("memoryBytes=").append(limits.memoryBytes()).append('\n')
                .append("processes=").append(limits.processes()).append('\n')
                .append("openFiles=").append(limits.openFiles()).append('\n')
                .append("fileSizeBytes=").append(limits.fileSizeBytes()).append('\n')
                .append("outputBytes=").append(limits.outputBytes()).append('\n');
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            runs.execute(() -> {
                try {
                    result.complete(finish.apply(execute(run, spec.toString(), limits)));
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            refusedRuns.incrementAndGet();
            result.complete(finish.apply(RunReport.busy(config.poolSize(), config.queueCapacity())));
        }
        return result;
    }

    private RunReport execute(Run request, String spec, SandboxLimits limits) {
        int slot;
        try {
            slot = slots.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RunReport.error("interrupted while waiting for a place");
        }
        try (RunDirectory run = RunDirectory.run(request.files(), spec, request.stdin(), request.tests())) {
            boolean grading = request.input() != null;
            ProcessBuilder builder = new ProcessBuilder(SandboxCommand.of(config, limits, control, run, slot, grading))
                    .redirectErrorStream(true);
            if (!grading) {
                builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            }
            // the sandbox's first process shows its environment in /proc/1/environ: start it with none
            builder.environment().clear();
            Process process = builder.start();
            if (grading) {
                // the tests reach the supervisor on a pipe only it holds, never as a file of the run
                try (OutputStream in = process.getOutputStream()) {
                    in.write(request.input());
                } catch (IOException e) {
                    LOG.debugf("a grading run ended before it read its tests: %s", e.getMessage());
                }
            }
            ScheduledFuture<?> backstop = watchdog.schedule(() -> {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                LOG.warnf("a sandbox run outlived its wall time by %d s and was killed", BACKSTOP_SECONDS);
            }, limits.wallTime().toMillis() + BACKSTOP_SECONDS * 1000, TimeUnit.MILLISECONDS);
            byte[] output;
            try (InputStream in = process.getInputStream()) {
                output = in.readAllBytes();
            }
            process.waitFor();
            if (!backstop.cancel(false)) {
                return RunReport.wallTimeBackstop(limits);
            }
            return RunReport.parse(output, process.exitValue(), request.token());
        } catch (IOException e) {
            return RunReport.error("could not start the sandbox: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RunReport.error("interrupted during the run");
        } catch (RuntimeException e) {
            return RunReport.error("the sandbox run failed: " + e);
        } finally {
            slots.add(slot);
            finishedRuns.incrementAndGet();
        }
    }

    /** Enough CPU for every test to use its whole budget, plus a second to load the module. */
    private SandboxLimits suiteLimits(TestSuiteRequest request) {
        return suiteLimits(request.perTestBudget(), request.tests().size());
    }

    private SandboxLimits suiteLimits(Duration perTest, int tests) {
        Duration suite = perTest.multipliedBy(tests).plusSeconds(1);
        SandboxLimits defaults = config.limits();
        if (suite.compareTo(defaults.cpuTime()) <= 0) {
            return defaults;
        }
        return defaults.withCpuTime(suite).withWallTime(suite.plusSeconds(2));
    }

    /** A test's budget is CPU time; one that waits instead ends at five times its budget of wall time. */
    private SandboxLimits gradingLimits(GradingSuiteRequest request) {
        int tests = request.statements().size();
        Duration cpu = request.perTestBudget().multipliedBy(tests).plusSeconds(1);
        Duration wall = request.perTestBudget().multipliedBy(5).plusSeconds(1).multipliedBy(tests).plusSeconds(2);
        SandboxLimits defaults = config.limits();
        return defaults.withCpuTime(cpu.compareTo(defaults.cpuTime()) > 0 ? cpu : defaults.cpuTime())
                .withWallTime(wall.compareTo(defaults.wallTime()) > 0 ? wall : defaults.wallTime());
    }

    private static void checkIsolation(SandboxConfig config) {
        if (!Files.isExecutable(config.python())) {
            throw new SandboxUnavailableException("no Python at " + config.python());
        }
        if (config.isolation() == Isolation.UNSAFE_LOCAL) {
            LOG.warn("*** The sandbox runs in UNSAFE-LOCAL mode: student code runs with only resource limits, with "
                    + "access to this machine's files, network and environment. Never use this on a server. ***");
            return;
        }
        if (!Files.isExecutable(config.bubblewrap())) {
            throw new SandboxUnavailableException("bubblewrap is not installed (" + config.bubblewrap()
                    + " is missing), so student code cannot be isolated. Install it with `apt-get install -y "
                    + "bubblewrap`; on a developer laptop only, the isolation UNSAFE_LOCAL runs without it.");
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    static List<Integer> ints(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asInt()));
        return values;
    }

    @Override
    public void close() {
        runs.shutdownNow();
        watchdog.shutdownNow();
        control.close();
    }
}
