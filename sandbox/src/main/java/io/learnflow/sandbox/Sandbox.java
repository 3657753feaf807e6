package io.learnflow.sandbox;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    public Sandbox(SandboxConfig config) {
        this.config = config;
        checkIsolation(config);
        this.control = RunDirectory.control();
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

    private <T> CompletableFuture<T> submit(Map<String, String> files, StringBuilder spec, String stdin, String tests,
            SandboxLimits requested, Function<RunReport, T> finish) {
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
                    result.complete(finish.apply(execute(files, spec.toString(), stdin, tests, limits)));
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            result.complete(finish.apply(RunReport.busy(config.poolSize(), config.queueCapacity())));
        }
        return result;
    }

    private RunReport execute(Map<String, String> files, String spec, String stdin, String tests,
            SandboxLimits limits) {
        int slot;
        try {
            slot = slots.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RunReport.error("interrupted while waiting for a place");
        }
        try (RunDirectory run = RunDirectory.run(files, spec, stdin, tests)) {
            ProcessBuilder builder = new ProcessBuilder(SandboxCommand.of(config, limits, control, run, slot))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true);
            // the sandbox's first process shows its environment in /proc/1/environ: start it with none
            builder.environment().clear();
            Process process = builder.start();
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
            return RunReport.parse(output, process.exitValue());
        } catch (IOException e) {
            return RunReport.error("could not start the sandbox: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RunReport.error("interrupted during the run");
        } catch (RuntimeException e) {
            return RunReport.error("the sandbox run failed: " + e);
        } finally {
            slots.add(slot);
        }
    }

    /** Enough CPU for every test to use its whole budget, plus a second to load the module. */
    private SandboxLimits suiteLimits(TestSuiteRequest request) {
        Duration suite = request.perTestBudget().multipliedBy(request.tests().size()).plusSeconds(1);
        SandboxLimits defaults = config.limits();
        if (suite.compareTo(defaults.cpuTime()) <= 0) {
            return defaults;
        }
        return defaults.withCpuTime(suite).withWallTime(suite.plusSeconds(2));
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
