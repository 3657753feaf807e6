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
 * How {@code ./learnflow scale SERVICE N} reaches the running launcher: the script moves a file
 * {@code scale-SERVICE.request} holding N into the control directory; the launcher scales, calls back (to rewrite
 * the ready file) and answers in {@code scale-SERVICE.done}, a line starting with {@code ok} or {@code error}.
 */
final class ScaleRequests implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ScaleRequests.class);
    private static final String REQUEST = ".request";

    private final Path control;
    private final LearnFlowSystem system;
    private final Runnable afterScaling;
    private final WatchService watcher;
    private final Thread thread;

    ScaleRequests(Path control, LearnFlowSystem system, Runnable afterScaling) throws IOException {
        this.control = Files.createDirectories(control);
        this.system = system;
        this.afterScaling = afterScaling;
        this.watcher = control.getFileSystem().newWatchService();
        control.register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
        this.thread = new Thread(this::serve, "learnflow-scale-requests");
        thread.setDaemon(true);
        thread.start();
    }

    private void serve() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                key.pollEvents();
                try (var requests = Files.list(control)) {
                    for (Path request : requests.filter(ScaleRequests::isRequest).toList()) {
                        handle(request);
                    }
                }
                key.reset();
            }
        } catch (InterruptedException | ClosedWatchServiceException stopped) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.errorf("scale requests stopped: %s", e.getMessage());
        }
    }

    private static boolean isRequest(Path path) {
        String name = path.getFileName().toString();
        return name.startsWith("scale-") && name.endsWith(REQUEST);
    }

    void handle(Path request) throws IOException {
        String file = request.getFileName().toString();
        String service = file.substring("scale-".length(), file.length() - REQUEST.length());
        String answer;
        try {
            int count = Replicas.count(Files.readString(request).strip());
            system.scale(Replicas.service(service), count);
            afterScaling.run();
            answer = "ok: " + service + " runs " + count + " instance(s)";
        } catch (Exception e) {
            answer = "error: " + e.getMessage();
        }
        Files.deleteIfExists(request);
        Path partial = control.resolve("scale-" + service + ".done.tmp");
        Files.writeString(partial, answer + "\n");
        Files.move(partial, control.resolve("scale-" + service + ".done"), StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void close() throws IOException {
        watcher.close();
        thread.interrupt();
    }
}
