package io.learnflow.stack.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One LearnFlow service running as its own JVM, with its log in a file. */
final class ServiceProcess {

    /**
     * The flags measured to start five services fastest on two cores (see DESIGN §6), with a heap and a code cache
     * sized to what a service uses: the largest live set after a bench, triage's, is about 50 MB. The heap starts
     * small and grows (and shrinks after a full collection) to 1.25–1.7 times what is live, rather than keeping
     * every page the old generation ever touched up to its maximum. Methods are compiled after a tenth of the usual
     * calls: the framework code a query runs is called a few times per query, so at the default thresholds the first
     * minute of load ran interpreted.
     */
    static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-XX:CompileThresholdScaling=0.1", "-Xss512k",
            "-Xms24m", "-Xmx160m", "-Xmn16m", "-XX:MinHeapFreeRatio=20", "-XX:MaxHeapFreeRatio=40",
            "-XX:ReservedCodeCacheSize=48m");
    /** glibc's malloc arenas, one per thread that allocates by default: two keep native memory from spreading. */
    static final String MALLOC_ARENAS = "2";

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;
    private final Path runnerJar;
    private final Map<String, String> config;
    private final int restarts;
    private final boolean archiving;

    private ServiceProcess(String name, int port, Process process, Path log, Path runnerJar,
            Map<String, String> config, int restarts, boolean archiving) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
        this.runnerJar = runnerJar;
        this.config = config;
        this.restarts = restarts;
        this.archiving = archiving;
    }

    static ServiceProcess start(String name, Path runnerJar, int port, Map<String, String> config, Path log)
            throws IOException {
        return start(name, runnerJar, port, config, log, 0);
    }

    private static ServiceProcess start(String name, Path runnerJar, int port, Map<String, String> config, Path log,
            int restarts) throws IOException {
        if (!runnerJar.toFile().isFile()) {
            throw new IllegalStateException(name + " is not built: " + runnerJar + " is missing (run ./mvnw install "
                    + "-DskipTests)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        String extra = System.getenv("LEARNFLOW_JVM_FLAGS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        List<String> sharing = classDataSharing(name, runnerJar, log, !"off".equalsIgnoreCase(System.getenv("LEARNFLOW_CDS")));
        command.addAll(sharing);
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.http.host=127.0.0.1");
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(runnerJar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // the stack's settings above are the whole story: not a DATABASE_URL the launcher was started with
        builder.environment().keySet().removeIf(key -> key.startsWith("QUARKUS_") || key.startsWith("KAFKA_")
                || key.equals("DATABASE_URL") || key.equals("LEARNFLOW_DATABASE_URL"));
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", MALLOC_ARENAS);
        boolean archiving = sharing.stream().anyMatch(flag -> flag.startsWith("-XX:ArchiveClassesAtExit="));
        return new ServiceProcess(name, port, builder.start(), log, runnerJar, config, restarts, archiving);
    }

    /**
     * A class-data archive per service and build (JDK dynamic CDS): the first instance of a service started from a
     * build writes it when it exits, every later start maps it and loads its classes from it. Next to the logs, in
     * {@code cds/}; {@code LEARNFLOW_CDS=off} turns it off.
     */
    static List<String> classDataSharing(String name, Path runnerJar, Path log, boolean enabled) throws IOException {
        if (!enabled) {
            return List.of();
        }
        Path archives = Files.createDirectories(log.toAbsolutePath().getParent().resolveSibling("cds"));
        String build = name + "-" + Files.size(runnerJar) + "-" + Files.getLastModifiedTime(runnerJar).toMillis();
        Path archive = archives.resolve(build + ".jsa");
        try (DirectoryStream<Path> old = Files.newDirectoryStream(archives, name + "-*.jsa")) {
            for (Path stale : old) {
                if (!stale.equals(archive)) {
                    Files.deleteIfExists(stale);
                }
            }
        }
        if (Files.isRegularFile(archive)) {
            return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=error");
        }
        boolean firstInstance = log.getFileName().toString().equals(name + ".log");
        return firstInstance ? List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=error") : List.of();
    }

    /** The same service started again, on the same port with the same configuration, after this one died. */
    ServiceProcess restarted() throws IOException {
        return start(name, runnerJar, port, config, log, restarts + 1);
    }

    boolean alive() {
        return process.isAlive();
    }

    int restarts() {
        return restarts;
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits until the service reports ready (Kafka and database included), or fails saying where its log is. */
    void awaitReady(Duration within) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(within);
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " was not ready within " + within.toSeconds() + " s; see " + log);
    }

    void stop() {
        signalStop();
        awaitStopped();
    }

    /** Asks the service to stop (SIGTERM, its children first); {@link #awaitStopped()} waits for it. */
    void signalStop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    /**
     * Waits for a service asked to stop: 15 s, or 90 s for one writing its class-data archive at exit (triage's
     * takes more than 15 s while the others write theirs), then kills it.
     */
    void awaitStopped() {
        try {
            if (!process.waitFor(archiving ? 90 : 15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
