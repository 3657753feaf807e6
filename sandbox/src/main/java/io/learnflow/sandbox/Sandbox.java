package io.learnflow.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
    private final ExecutorService streams = Executors.newCachedThreadPool(daemon("sandbox-stream"));
    private final BlockingQueue<Integer> slots;

    public Sandbox(SandboxConfig config) {
        this.config = config;
        checkIsolation(config);
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
        ObjectNode spec = JSON.createObjectNode();
        spec.put("mode", "program");
        spec.put("main", request.mainFile());
        spec.put("stdin", request.stdin());
        spec.set("args", JSON.valueToTree(request.args()));
        return submit(request.files(), spec, request.limits(), RunReport::program);
    }

    public CompletableFuture<TestSuiteResult> runTests(TestSuiteRequest request) {
        ObjectNode spec = JSON.createObjectNode();
        spec.put("mode", "tests");
        spec.put("module", request.moduleFile());
        spec.put("setup", request.setup());
        spec.put("perTestSeconds", request.perTestBudget().toMillis() / 1000.0);
        spec.put("coverage", request.lineCoverage());
        ArrayNode tests = spec.putArray("tests");
        for (TestCase test : request.tests()) {
            ObjectNode node = tests.addObject();
            if (test instanceof TestCase.AssertTest assertion) {
                node.put("kind", "assert").put("code", assertion.code());
            } else if (test instanceof TestCase.CallTest call) {
                node.put("kind", "call").put("function", call.function());
                node.set("args", call.args());
                node.set("expected", call.expected());
            } else if (test instanceof TestCase.StdioTest stdio) {
                node.put("kind", "stdio").put("stdin", stdio.stdin()).put("expected", stdio.expectedStdout());
            }
        }
        return submit(request.files(), spec, request.limits() != null ? request.limits() : suiteLimits(request),
                report -> TestResults.read(report, request.tests().size()));
    }

    private <T> CompletableFuture<T> submit(Map<String, String> files, ObjectNode spec, SandboxLimits requested,
            java.util.function.Function<RunReport, T> finish) {
        SandboxLimits limits = requested != null ? requested : config.limits();
        spec.set("limits", limitsJson(limits));
        spec.set("files", JSON.valueToTree(files.keySet()));
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            runs.execute(() -> {
                try {
                    result.complete(finish.apply(execute(files, spec, limits)));
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            result.complete(finish.apply(RunReport.busy(config.poolSize(), config.queueCapacity())));
        }
        return result;
    }

    private RunReport execute(Map<String, String> files, ObjectNode spec, SandboxLimits limits) {
        int slot;
        try {
            slot = slots.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RunReport.error("interrupted while waiting for a place");
        }
        try (RunDirectory run = RunDirectory.create(files, spec.toString())) {
            ProcessBuilder builder = new ProcessBuilder(SandboxCommand.of(config, limits, run, slot))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().clear();
            Process process = builder.start();
            Future<byte[]> stdout = streams.submit(() -> readAll(process.getInputStream()));
            Future<byte[]> stderr = streams.submit(() -> readAll(process.getErrorStream()));
            long waitSeconds = limits.wallTime().toSeconds() + BACKSTOP_SECONDS;
            boolean ended = process.waitFor(waitSeconds, TimeUnit.SECONDS);
            if (!ended) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                LOG.warnf("sandbox run in place %d outlived its wall time by %d s and was killed", slot,
                        BACKSTOP_SECONDS);
            }
            String report = new String(stdout.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8);
            String diagnostics = new String(stderr.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8);
            if (report.isBlank()) {
                return ended ? RunReport.supervisorLost(process.exitValue(), diagnostics)
                        : RunReport.wallTimeBackstop(limits);
            }
            return RunReport.parse(JSON.readTree(report));
        } catch (IOException e) {
            return RunReport.error("could not start the sandbox: " + e.getMessage());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
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

    private static JsonNode limitsJson(SandboxLimits limits) {
        ObjectNode node = JSON.createObjectNode();
        node.put("cpuSeconds", Math.max(1, limits.cpuTime().toSeconds()));
        node.put("wallSeconds", limits.wallTime().toMillis() / 1000.0);
        node.put("memoryBytes", limits.memoryBytes());
        node.put("processes", limits.processes());
        node.put("openFiles", limits.openFiles());
        node.put("fileSizeBytes", limits.fileSizeBytes());
        node.put("outputBytes", limits.outputBytes());
        return node;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
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

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        runs.shutdownNow();
        streams.shutdownNow();
    }

    static List<Integer> ints(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asInt()));
        return values;
    }

}
