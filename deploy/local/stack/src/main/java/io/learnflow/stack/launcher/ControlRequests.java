package io.learnflow.stack.launcher;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;

import org.jboss.logging.Logger;

/**
 * How other commands reach the running launcher: a file {@code NAME.request} moved into the control directory, answered
 * in {@code NAME.done} with a line starting with {@code ok} or {@code error}.
 * <ul>
 * <li>{@code scale-SERVICE.request} holding N ({@code ./learnflow scale SERVICE N}): the launcher scales and calls back
 * (to rewrite the ready file);</li>
 * <li>{@code restart-kafka.request}, {@code restart-postgres.request} ({@code ./learnflow chaos}): the launcher
 * restarts the broker or the database it started, on the same port and data.</li>
 * </ul>
 */
final class ControlRequests implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ControlRequests.class);
    private static final String REQUEST = ".request";

    private final Path control;
    private final LearnFlowSystem system;
    private final Runnable afterScaling;
    private final WatchService watcher;
    private final Thread thread;

    ControlRequests(Path control, LearnFlowSystem system, Runnable afterScaling) throws IOException {
        this.control = Files.createDirectories(control);
        this.system = system;
        this.afterScaling = afterScaling;
        this.watcher = control.getFileSystem().newWatchService();
        control.register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
        this.thread = new Thread(this::serve, "learnflow-control-requests");
        thread.setDaemon(true);
        thread.start();
    }

    private void serve() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                key.pollEvents();
                try (var requests = Files.list(control)) {
                    for (Path request : requests.filter(ControlRequests::isRequest).toList()) {
                        handle(request);
                    }
                }
                key.reset();
            }
        } catch (InterruptedException | ClosedWatchServiceException stopped) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.errorf("control requests stopped: %s", e.getMessage());
        }
    }

    private static boolean isRequest(Path path) {
        String name = path.getFileName().toString();
        return (name.startsWith("scale-") || name.startsWith("restart-")) && name.endsWith(REQUEST);
    }

    void handle(Path request) throws IOException {
        String file = request.getFileName().toString();
        String name = file.substring(0, file.length() - REQUEST.length());
        String answer;
        try {
            answer = "ok: " + (name.startsWith("scale-") ? scale(name.substring("scale-".length()),
                    Files.readString(request).strip()) : restart(name.substring("restart-".length())));
        } catch (Exception e) {
            answer = "error: " + e.getMessage();
        }
        Files.deleteIfExists(request);
        Path partial = control.resolve(name + ".done.tmp");
        Files.writeString(partial, answer + "\n");
        Files.move(partial, control.resolve(name + ".done"), StandardCopyOption.ATOMIC_MOVE);
    }

    private String scale(String service, String instances) throws Exception {
        int count = Replicas.count(instances);
        system.scale(Replicas.service(service), count);
        afterScaling.run();
        return service + " runs " + count + " instance(s)";
    }

    private String restart(String server) throws Exception {
        switch (server) {
            case "kafka" -> system.stack().restartKafka();
            case "postgres" -> system.stack().restartPostgres();
            default -> throw new IllegalArgumentException("'" + server + "' is not kafka or postgres");
        }
        return server + " restarted";
    }

    @Override
    public void close() throws IOException {
        watcher.close();
        thread.interrupt();
    }
}
