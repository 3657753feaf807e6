package io.learnflow.stack.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The LearnFlow that {@code ./learnflow up} started: read from its ready file, its servers restarted through the
 * launcher's control directory.
 */
final class LauncherTarget implements ChaosTarget {

    private static final Duration RESTART_WITHIN = Duration.ofSeconds(120);

    private final Path ready;
    private final Path control;
    private final Map<String, String> started;

    LauncherTarget(Path ready, Path control) throws IOException {
        this.ready = ready;
        this.control = control;
        this.started = LoadBench.readReady(ready);
    }

    @Override
    public String triageUrl() {
        return started.get("triage_url");
    }

    @Override
    public String kafkaBootstrap() {
        return started.get("kafka");
    }

    @Override
    public String jdbcUrl() {
        return started.get("postgres");
    }

    @Override
    public String databaseAdmin() {
        return started.get("postgres_admin");
    }

    @Override
    public String databaseAdminPassword() {
        return started.get("postgres_admin_password");
    }

    @Override
    public Optional<Long> pidOf(String service) {
        try {
            return Optional.ofNullable(LoadBench.readReady(ready).get(service + "_pid")).map(Long::parseLong);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ready, e);
        }
    }

    @Override
    public String restart(String server) throws Exception {
        Path done = control.resolve("restart-" + server + ".done");
        Files.deleteIfExists(done);
        Files.createDirectories(control);
        Path partial = control.resolve("restart-" + server + ".request.tmp");
        Files.writeString(partial, "\n");
        Files.move(partial, control.resolve("restart-" + server + ".request"), StandardCopyOption.ATOMIC_MOVE);
        long deadline = System.nanoTime() + RESTART_WITHIN.toNanos();
        while (!Files.exists(done)) {
            if (System.nanoTime() > deadline) {
                return "the launcher did not answer within " + RESTART_WITHIN.toSeconds() + " s";
            }
            Thread.sleep(100);
        }
        return Files.readString(done).strip();
    }
}
