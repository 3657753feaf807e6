package io.learnflow.stack.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.learnflow.stack.ConsumerGroups;

/**
 * The Java side of the {@code ./learnflow} script.
 *
 * <pre>
 * serve --root DIR --home DIR [--port-base N] [--replicas debug=3,exercise=2]
 *                                               start everything, write HOME/ready, run until stopped; scale on
 *                                               restart Kafka or PostgreSQL on requests in HOME/control ({@link ControlRequests})
 * demo  --triage URL --progress URL             play a short student session against a running LearnFlow
 * groups --kafka BOOTSTRAP                      print each consumer group's members, partitions and lag
 * </pre>
 */
public final class LearnFlowCommand {

    private LearnFlowCommand() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        Map<String, String> options = options(args);
        switch (args[0]) {
            case "serve" -> serve(Path.of(options.getOrDefault("root", ".")).toAbsolutePath(),
                    Path.of(options.getOrDefault("home", ".learnflow")).toAbsolutePath(),
                    Integer.parseInt(options.getOrDefault("port-base", "8081")),
                    Replicas.parse(options.get("replicas")));
            case "groups" -> System.out.print(ConsumerGroups.render(ConsumerGroups.describe(required(options, "kafka"),
                    LearnFlowSystem.CONSUMER_GROUPS)));
            case "demo" -> new DemoSession(new LearnFlowClient(required(options, "triage"),
                    required(options, "progress")), System.out).run();
            default -> usage();
        }
    }

    private static void serve(Path root, Path home, int portBase, Replicas replicas) throws Exception {
        Path ready = home.resolve("ready");
        Files.deleteIfExists(ready);
        LearnFlowSystem system = LearnFlowSystem.start(root, home.resolve("logs"), portBase, replicas);
        CountDownLatch stopped = new CountDownLatch(1);
        ControlRequests control = new ControlRequests(home.resolve("control"), system, () -> writeReady(home, system));
        ScheduledExecutorService supervisor = Executors.newSingleThreadScheduledExecutor();
        supervisor.scheduleWithFixedDelay(() -> {
            try {
                if (system.restartDead(Instant.now())) {
                    writeReady(home, system);
                }
            } catch (Exception e) {
                System.err.println("could not start a service again: " + e.getMessage());
            }
        }, 1, 1, TimeUnit.SECONDS);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                supervisor.shutdownNow();
                control.close();
                Files.deleteIfExists(ready);
            } catch (Exception ignored) {
                // the file is only a signal for the script
            }
            system.close();
            stopped.countDown();
        }, "learnflow-shutdown"));
        writeReady(home, system);
        stopped.await();
    }

    /** HOME/ready: what the script prints and what {@code down} stops (every instance's pid), replaced atomically. */
    private static void writeReady(Path home, LearnFlowSystem system) {
        StringBuilder summary = new StringBuilder();
        summary.append("startup_ms=").append(system.startupMillis()).append('\n');
        summary.append("web_url=").append(system.urlOf(LearnFlowSystem.WEB)).append('\n');
        for (String service : LearnFlowSystem.SERVICES) {
            summary.append(service).append("_url=").append(system.urlOf(service)).append('\n');
            summary.append(service).append("_instances=").append(system.pidsOf(service).size()).append('\n');
        }
        system.instancePids().forEach((instance, pid) -> summary.append(instance).append("_pid=").append(pid)
                .append('\n'));
        system.instanceRestarts().forEach((instance, restarts) -> summary.append(instance).append("_restarts=")
                .append(restarts).append('\n'));
        summary.append("kafka=").append(system.stack().endpoints().kafkaBootstrap()).append('\n');
        summary.append("postgres=").append(system.stack().endpoints().jdbcUrl()).append('\n');
        summary.append("postgres_admin=").append(system.stack().endpoints().admin().username()).append('\n');
        summary.append("postgres_admin_password=").append(system.stack().endpoints().admin().password()).append('\n');
        try {
            Path partial = home.resolve("ready.tmp");
            Files.writeString(partial, summary);
            // it names the database's administrator login
            Files.setPosixFilePermissions(partial, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            Files.move(partial, home.resolve("ready"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + home.resolve("ready"), e);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        List<String> rest = List.of(args).subList(1, args.length);
        for (int i = 0; i + 1 < rest.size(); i += 2) {
            if (!rest.get(i).startsWith("--")) {
                usage();
            }
            options.put(rest.get(i).substring(2), rest.get(i + 1));
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            usage();
        }
        return value;
    }

    private static void usage() {
        System.err.println("usage: serve --root DIR --home DIR [--port-base N] [--replicas SERVICE=N,...] | demo --triage "
                + "URL --progress URL | groups --kafka BOOTSTRAP");
        System.exit(2);
    }
}
