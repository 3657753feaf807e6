package io.learnflow.stack.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * {@code ./learnflow bench}: an open-loop load of students' queries against a running LearnFlow. Queries are sent at
 * the offered rate whatever the answers do (so a slow system shows as latency and refusals, not as a lower rate), each
 * followed to its end over its event stream, by polling, or not at all; then the figures are printed, and written as
 * JSON with a latency-over-time chart.
 */
public final class LoadBench {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String PASSWORD = "bench passphrase of a student";

    private final BenchOptions options;
    private final String triage;
    private final ProcessCpu cpu;
    private final ExecutorService io = Executors.newFixedThreadPool(4);
    private final ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ConcurrentLinkedQueue<QueryTrace> traces = new ConcurrentLinkedQueue<>();
    private final List<CompletableFuture<?>> followed = Collections.synchronizedList(new ArrayList<>());

    LoadBench(BenchOptions options, String triage, ProcessCpu cpu) {
        this.options = options;
        this.triage = triage;
        this.cpu = cpu;
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        Map<String, String> ready = readReady(options.ready());
        Map<String, Long> pids = new LinkedHashMap<>();
        ready.forEach((key, value) -> {
            if (key.endsWith("_pid")) {
                pids.put(key.substring(0, key.length() - 4), Long.parseLong(value));
            }
        });
        if (options.launcherPid() > 0) {
            pids.put("launcher+kafka", options.launcherPid());
        }
        LoadBench bench = new LoadBench(options, ready.get("triage_url"), new ProcessCpu(pids));
        try {
            bench.run();
        } finally {
            bench.shutdown();
        }
        System.exit(0);
    }

    private void run() throws Exception {
        List<Student> students = registerStudents();
        Map<String, Double> cpuBefore = cpu.now();
        long start = offer(students);
        double wallSeconds = (System.nanoTime() - start) / 1e9;
        Map<String, Double> cpuAfter = cpu.now();
        BenchReport report = BenchReport.of(options, new ArrayList<>(traces), start, wallSeconds, cpuBefore, cpuAfter);
        report.print(System.out);
        Files.createDirectories(options.out());
        JSON.writeValue(options.out().resolve("bench.json").toFile(), report.asJson());
        LatencyChart.write(new ArrayList<>(traces), start, options.out().resolve("latency.png"));
        System.out.println("figures written to " + options.out().resolve("bench.json") + " and "
                + options.out().resolve("latency.png"));
    }

    /**
     * Offers the study mix at the options' rate for their duration, each query followed to its end (or the grace
     * period's), and returns when all are: the clock's start, in {@link System#nanoTime()}.
     */
    long offer(List<Student> students) throws InterruptedException {
        StudySessionMix mix = new StudySessionMix(options.mix().equals("exercise"));
        int total = (int) Math.round(options.rate() * options.duration());
        List<Map<String, Object>> messages = IntStream.range(0, total).mapToObj(i -> mix.next()).toList();
        System.out.printf("offering %.0f queries/s for %d s (%d queries, %d students, mix: %s, streams: %s)...%n",
                options.rate(), options.duration(), total, students.size(), options.mix(), options.streams());

        long start = System.nanoTime();
        long intervalNanos = (long) (1_000_000_000L / options.rate());
        for (int i = 0; i < total; i++) {
            int index = i;
            long due = start + i * intervalNanos;
            clock.schedule(() -> send(students.get(index % students.size()).token(), messages.get(index), due),
                    due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        long sendingEnds = start + total * intervalNanos;
        long nextReport = start + 10_000_000_000L;
        while (System.nanoTime() < sendingEnds || traces.size() < total) {
            Thread.sleep(200);
            if (System.nanoTime() >= nextReport) {
                nextReport += 10_000_000_000L;
                System.out.printf("  %3d s: %d of %d sent, %d finished%n", (System.nanoTime() - start) / 1_000_000_000L,
                        traces.size(), total, traces.stream().filter(QueryTrace::finished).count());
            }
        }
        awaitEnds(start);
        if (options.streams().equals("none")) {
            readFinalStates();
        }
        return start;
    }

    List<QueryTrace> traces() {
        return new ArrayList<>(traces);
    }

    void shutdown() {
        io.shutdownNow();
        clock.shutdownNow();
    }

    /** A student the bench registered: the id the service gave it and its access token. */
    record Student(UUID id, String token) {
    }

    List<Student> registerStudents() {
        System.out.printf("registering %d students...%n", options.students());
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<CompletableFuture<Student>> signedIn = IntStream.range(0, options.students())
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    String email = "bench-" + run + "-" + i + "@learnflow.local";
                    UUID id = UUID.fromString(post("/api/v1/students", null, Map.of("email", email, "password",
                            PASSWORD, "firstName", "Bench", "lastName", "Student " + i), 201).get("id").asText());
                    return new Student(id, post("/api/v1/auth/token", null, Map.of("email", email, "password",
                            PASSWORD), 200).get("accessToken").asText());
                }, io))
                .toList();
        return signedIn.stream().map(CompletableFuture::join).toList();
    }

    private void send(String token, Map<String, Object> message, long due) {
        QueryTrace trace = new QueryTrace(due, token);
        traces.add(trace);
        HttpRequest request = HttpRequest.newBuilder(URI.create(triage + "/api/v1/queries"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(json(message))).build();
        CompletableFuture<?> done = http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .<Void>thenCompose(response -> {
                    trace.postMillis = (System.nanoTime() - due) / 1e6;
                    trace.postStatus = response.statusCode();
                    if (!trace.accepted()) {
                        return CompletableFuture.<Void>completedFuture(null);
                    }
                    JsonNode view = parse(response.body());
                    trace.queryId = view.path("id").asText();
                    if (finishedStatus(view.path("status").asText())) {
                        finish(trace, view.path("status").asText());
                        return CompletableFuture.<Void>completedFuture(null);
                    }
                    return switch (options.streams()) {
                        case "sse" -> followStream(token, trace);
                        case "poll" -> poll(token, trace);
                        default -> CompletableFuture.<Void>completedFuture(null);
                    };
                })
                .exceptionally(failure -> {
                    if (trace.postStatus == 0) {
                        trace.postStatus = -1;
                    }
                    return null;
                });
        followed.add(done);
    }

    private CompletableFuture<Void> followStream(String token, QueryTrace trace) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(triage + "/api/v1/queries/" + trace.queryId
                        + "/events"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(options.grace() + options.duration())).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
            private Flow.Subscription subscription;

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                this.subscription = subscription;
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(String line) {
                if (line.startsWith("data:")) {
                    String status = parse(line.substring(5)).path("status").asText();
                    if (finishedStatus(status) && trace.finalStatus == null) {
                        finish(trace, status);
                        subscription.cancel();
                    }
                }
            }

            @Override
            public void onError(Throwable failure) {
            }

            @Override
            public void onComplete() {
            }
        })).thenAccept(response -> { });
    }

    private CompletableFuture<Void> poll(String token, QueryTrace trace) {
        CompletableFuture<Void> ended = new CompletableFuture<>();
        clock.schedule(() -> pollOnce(token, trace, ended), 100, TimeUnit.MILLISECONDS);
        return ended;
    }

    private void pollOnce(String token, QueryTrace trace, CompletableFuture<Void> ended) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(triage + "/api/v1/queries/" + trace.queryId))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).GET().build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            String status = response != null ? parse(response.body()).path("status").asText() : "";
            if (finishedStatus(status)) {
                finish(trace, status);
                ended.complete(null);
            } else if (!ended.isDone()) {
                clock.schedule(() -> pollOnce(token, trace, ended), 100, TimeUnit.MILLISECONDS);
            }
        });
    }

    private void awaitEnds(long start) throws InterruptedException {
        long deadline = System.nanoTime() + options.grace() * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            boolean waiting = traces.stream().anyMatch(t -> t.postStatus == 0
                    || t.accepted() && !t.finished() && !options.streams().equals("none"));
            if (!waiting) {
                return;
            }
            Thread.sleep(200);
        }
        followed.forEach(future -> future.cancel(true));
    }

    /** Without streams, each accepted query's end is read once afterwards, with the times the service recorded. */
    private void readFinalStates() throws InterruptedException {
        long deadline = System.nanoTime() + options.grace() * 1_000_000_000L;
        for (QueryTrace trace : traces.stream().filter(QueryTrace::accepted).toList()) {
            while (trace.finalStatus == null && System.nanoTime() < deadline) {
                JsonNode view = getOrNull("/api/v1/queries/" + trace.queryId, trace.token);
                if (view != null && finishedStatus(view.path("status").asText())) {
                    trace.finalStatus = view.path("status").asText();
                    trace.failureReason = view.path("failureReason").asText(null);
                    if (view.hasNonNull("answeredAt")) {
                        trace.answerMillis = Duration.between(Instant.parse(view.get("createdAt").asText()),
                                Instant.parse(view.get("answeredAt").asText())).toNanos() / 1e6;
                    }
                } else {
                    Thread.sleep(200);
                }
            }
        }
    }

    private static void finish(QueryTrace trace, String status) {
        trace.finalStatus = status;
        trace.answerMillis = (System.nanoTime() - trace.sentAtNanos) / 1e6;
    }

    private static boolean finishedStatus(String status) {
        return "completed".equals(status) || "failed".equals(status);
    }

    private JsonNode post(String path, String token, Map<String, ?> body, int expected) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(triage + path))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json(body)));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return parse(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode getOrNull(String path, String token) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(triage + path))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? parse(response.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static Map<String, String> readReady(Path ready) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(ready)) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return values;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
