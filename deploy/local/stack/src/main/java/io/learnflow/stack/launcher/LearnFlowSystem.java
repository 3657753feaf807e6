package io.learnflow.stack.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jboss.logging.Logger;

import io.learnflow.stack.DatabaseBootstrap;
import io.learnflow.stack.LocalStack;
import io.learnflow.stack.database.SchemaMigration;

/**
 * The whole of LearnFlow on one machine: LocalStack, then the five packaged services as separate JVMs started
 * together, each pointed at the stack. Used by {@code ./learnflow up} and by the system test.
 */
public final class LearnFlowSystem implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LearnFlowSystem.class);
    public static final List<String> SERVICES = List.of("triage", "concepts", "debug", "exercise", "progress");
    /** The web page and the one address of the APIs: not a consumer of anything, supervised like a service. */
    public static final String WEB = "web";
    /** The services whose APIs the page uses, which the web module forwards to. */
    static final List<String> WEB_UPSTREAMS = List.of("triage", "exercise", "progress");
    private static final List<String> SUPERVISED = java.util.stream.Stream.concat(SERVICES.stream(),
            java.util.stream.Stream.of(WEB)).toList();
    /** Every service's consumer group (its name), and the exercise service's graders, which read in their own. */
    public static final List<String> CONSUMER_GROUPS = List.of("triage", "concepts", "debug", "exercise",
            "exercise-grader", "progress");
    private static final Duration READY_WITHIN = Duration.ofSeconds(180);
    /**
     * Each specialist's Kafka consumers of routed queries per instance: one instance per service here, so three
     * consumers answer side by side what one would answer waiting on the database and the broker in turn; two
     * instances take the topics' six partitions between them.
     */
    public static final int SPECIALIST_QUERY_CONSUMERS = 3;
    private static final List<String> SPECIALISTS = List.of("concepts", "debug", "exercise");

    private final LocalStack stack;
    private final List<ServiceProcess> services;
    private final long startupMillis;

    private final Path root;
    private final Path logs;
    private final Map<ServiceProcess, Instant> diedAt = new HashMap<>();
    private boolean closing;

    private LearnFlowSystem(LocalStack stack, List<ServiceProcess> services, long startupMillis, Path root,
            Path logs) {
        this.stack = stack;
        this.services = services;
        this.startupMillis = startupMillis;
        this.root = root;
        this.logs = logs;
    }

    /**
     * @param root     the repository checkout, where each service's {@code target/quarkus-app} is
     * @param logs     where each service's log goes
     * @param basePort the first of five consecutive ports (the web page one below it), or 0 for free ports
     */
    public static LearnFlowSystem start(Path root, Path logs, int basePort) throws Exception {
        return start(root, logs, basePort, Replicas.none());
    }

    /**
     * As {@link #start(Path, Path, int)}, with more than one instance of some services: every instance of a service
     * is in the same consumer group; the first listens on the service's port, the others on free ports.
     */
    public static LearnFlowSystem start(Path root, Path logs, int basePort, Replicas replicas) throws Exception {
        long started = System.nanoTime();
        Files.createDirectories(logs);
        LocalStack stack = LocalStack.start(System.getenv());
        List<ServiceProcess> services = new ArrayList<>();
        try {
            migrateSchemas(stack, root);
            for (int i = 0; i < SERVICES.size(); i++) {
                String name = SERVICES.get(i);
                services.add(startService(stack, root, logs, name, basePort > 0 ? basePort + i : freePort(),
                        name + ".log"));
                for (int instance = 2; instance <= replicas.of(name); instance++) {
                    services.add(startService(stack, root, logs, name, freePort(), name + "-" + instance + ".log"));
                }
            }
            services.add(startWeb(root, logs, basePort > 0 ? basePort - 1 : freePort(), services));
            awaitReady(services);
        } catch (Exception e) {
            services.forEach(ServiceProcess::stop);
            stack.close();
            throw e.getCause() instanceof IllegalStateException cause ? cause : e;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.infof("LearnFlow ready in %d ms", millis);
        return new LearnFlowSystem(stack, services, millis, root, logs);
    }

    /**
     * Each service's changelog, applied once here rather than by every instance as it starts: Liquibase costs a
     * starting service about a second of CPU and 8 MB of classes, and a second instance of a service started
     * beside the first could otherwise take queries before either had migrated the schema.
     */
    private static void migrateSchemas(LocalStack stack, Path root) throws Exception {
        long started = System.nanoTime();
        for (String service : SERVICES) {
            try (Connection connection = DatabaseBootstrap.connect(
                    stack.endpoints().databaseAs(stack.endpoints().loginOf(service)))) {
                SchemaMigration.applyChangelog(connection, service, root);
            } catch (Exception e) {
                throw new IllegalStateException("migrating " + service + "'s schema failed: "
                        + SchemaMigration.rootMessage(e), e);
            }
        }
        LOG.infof("schemas migrated in %d ms", (System.nanoTime() - started) / 1_000_000);
    }

    private static void awaitReady(List<ServiceProcess> services) throws Exception {
        ExecutorService waiting = Executors.newFixedThreadPool(services.size());
        try {
            List<Future<?>> ready = new ArrayList<>();
            for (ServiceProcess service : services) {
                ready.add(waiting.submit(() -> {
                    service.awaitReady(READY_WITHIN);
                    return null;
                }));
            }
            for (Future<?> each : ready) {
                each.get();
            }
        } finally {
            waiting.shutdownNow();
        }
    }

    /** One more instance of a service, in the same consumer group, on a free port; stopped with the rest. */
    public synchronized String startAnotherInstance(String service) throws Exception {
        long instances = services.stream().filter(s -> s.name().equals(service)).count();
        ServiceProcess extra = startService(stack, root, logs, service, freePort(),
                service + "-" + (instances + 1) + ".log");
        services.add(extra);
        extra.awaitReady(READY_WITHIN);
        return extra.url();
    }

    /**
     * Runs {@code count} instances of a service: starts more (and waits until they are ready) or stops the newest
     * ones; the first instance, on the service's own port, always stays.
     */
    public synchronized void scale(String service, int count) throws Exception {
        Replicas.service(service);
        Replicas.count(String.valueOf(count));
        List<ServiceProcess> running = instancesOf(service);
        List<ServiceProcess> started = new ArrayList<>();
        for (int instance = running.size() + 1; instance <= count; instance++) {
            started.add(startService(stack, root, logs, service, freePort(), service + "-" + instance + ".log"));
        }
        services.addAll(started);
        if (!started.isEmpty()) {
            awaitReady(started);
        }
        for (ServiceProcess extra : running.subList(Math.min(count, running.size()), running.size())) {
            extra.stop();
            services.remove(extra);
        }
        LOG.infof("%s runs %d instance(s)", service, count);
    }

    private List<ServiceProcess> instancesOf(String service) {
        return services.stream().filter(s -> s.name().equals(service)).toList();
    }

    /** The process ids of a service's instances, the first instance first. */
    public synchronized List<Long> pidsOf(String service) {
        return instancesOf(service).stream().map(ServiceProcess::pid).toList();
    }

    private static ServiceProcess startService(LocalStack stack, Path root, Path logs, String name, int port,
            String logFile) throws IOException {
        Map<String, String> config = new LinkedHashMap<>(stack.endpoints().serviceConfig(name));
        config.put("quarkus.liquibase.migrate-at-start", "false");
        if (SPECIALISTS.contains(name)) {
            config.put("learnflow.specialist.query-consumers", String.valueOf(SPECIALIST_QUERY_CONSUMERS));
        }
        return ServiceProcess.start(name, root.resolve(name + "-service/target/quarkus-app/quarkus-run.jar"), port,
                config, logs.resolve(logFile));
    }

    private static ServiceProcess startWeb(Path root, Path logs, int port, List<ServiceProcess> services)
            throws IOException {
        Map<String, String> config = new LinkedHashMap<>();
        for (String upstream : WEB_UPSTREAMS) {
            String url = services.stream().filter(s -> s.name().equals(upstream)).findFirst().orElseThrow().url();
            config.put("learnflow.web.upstreams." + upstream, url);
        }
        return ServiceProcess.start(WEB, root.resolve("web/target/quarkus-app/quarkus-run.jar"), port, config,
                logs.resolve("web.log"));
    }

    public LocalStack stack() {
        return stack;
    }

    public synchronized String urlOf(String service) {
        return services.stream().filter(s -> s.name().equals(service)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + service)).url();
    }

    public synchronized Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        services.forEach(s -> pids.putIfAbsent(s.name(), s.pid()));
        return pids;
    }

    /** Every instance's process id, keyed {@code debug}, {@code debug_2}, ... in the order they were started. */
    public synchronized Map<String, Long> instancePids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String service : SUPERVISED) {
            List<ServiceProcess> instances = instancesOf(service);
            for (int i = 0; i < instances.size(); i++) {
                pids.put(i == 0 ? service : service + "_" + (i + 1), instances.get(i).pid());
            }
        }
        return pids;
    }

    public synchronized List<Long> allPids() {
        return services.stream().map(ServiceProcess::pid).toList();
    }

    public long startupMillis() {
        return startupMillis;
    }

    /**
     * Starts again, as Kubernetes would, each instance that died without being stopped: after 1 s for its first
     * restart, then twice as long each time up to 30 s, so that a service that cannot start does not spin.
     *
     * @return whether an instance was started again
     */
    public synchronized boolean restartDead(Instant now) throws IOException {
        boolean restarted = false;
        for (int i = 0; i < services.size(); i++) {
            ServiceProcess instance = services.get(i);
            if (closing || instance.alive()) {
                continue;
            }
            Instant due = diedAt.computeIfAbsent(instance, dead -> now)
                    .plus(Duration.ofSeconds(Math.min(30, 1L << Math.min(5, instance.restarts()))));
            if (!now.isBefore(due)) {
                diedAt.remove(instance);
                ServiceProcess again = instance.restarted();
                services.set(i, again);
                LOG.warnf("%s on port %d died; started again (restart %d, pid %d)", instance.name(), instance.port(),
                        again.restarts(), again.pid());
                restarted = true;
            }
        }
        return restarted;
    }

    /** How often each instance was started again, keyed as {@link #instancePids()}. */
    public synchronized Map<String, Integer> instanceRestarts() {
        Map<String, Integer> restarts = new LinkedHashMap<>();
        for (String service : SUPERVISED) {
            List<ServiceProcess> instances = instancesOf(service);
            for (int i = 0; i < instances.size(); i++) {
                restarts.put(i == 0 ? service : service + "_" + (i + 1), instances.get(i).restarts());
            }
        }
        return restarts;
    }

    @Override
    public synchronized void close() {
        closing = true;
        // every service is asked at once, then waited for: they stop (and write their archives) side by side
        services.forEach(ServiceProcess::signalStop);
        services.forEach(ServiceProcess::awaitStopped);
        stack.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
