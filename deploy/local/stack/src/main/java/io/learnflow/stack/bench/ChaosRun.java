package io.learnflow.stack.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.learnflow.model.Topics;

/**
 * {@code ./learnflow chaos}: the bench's load while faults are injected into the running LearnFlow — each specialist
 * killed with SIGKILL in turn (the launcher starts it again), the Kafka broker and PostgreSQL restarted, poison
 * records and duplicates of real records sent to the topics the services consume — and then the invariants checked:
 * every accepted query finished, no answer stored twice, no interaction counted twice by progress. Exits 1 when an
 * invariant is broken.
 */
public final class ChaosRun {

    private static final List<String> SPECIALISTS = List.of("concepts", "debug", "exercise");
    private static final List<String> DUPLICATED = List.of(Topics.QUERY_CONCEPTS, Topics.QUERY_DEBUG,
            Topics.QUERY_EXERCISE, Topics.RESPONSE, Topics.INTERACTION);
    private static final int DUPLICATES_PER_TOPIC = 20;

    private final ChaosOptions options;
    private final ChaosTarget target;
    private final ScheduledExecutorService faults = Executors.newSingleThreadScheduledExecutor();
    private final List<String> log = new ArrayList<>();
    private long start;
    private int poisonSent;

    public ChaosRun(ChaosOptions options, ChaosTarget target) {
        this.options = options;
        this.target = target;
    }

    public static void main(String[] args) throws Exception {
        ChaosOptions options;
        try {
            options = ChaosOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        ChaosRun run = new ChaosRun(options, new LauncherTarget(options.ready(), options.control()));
        System.exit(run.run().holds() ? 0 : 1);
    }

    public ChaosReport run() throws Exception {
        BenchOptions load = new BenchOptions(options.rate(), options.duration(), options.students(), "none", "study",
                Path.of("."), options.grace(), Path.of("."), 0);
        LoadBench bench = new LoadBench(load, target.triageUrl(), new ProcessCpu(Map.of()));
        try {
            List<LoadBench.Student> students = bench.registerStudents();
            int poisonBefore = deadLettered();
            schedule();
            bench.offer(students);
            faults.shutdownNow();
            List<QueryTrace> traces = bench.traces();
            System.out.println("checking the invariants...");
            List<UUID> studentIds = students.stream().map(LoadBench.Student::id).toList();
            ChaosReport report = new ChaosReport(traces, answeredTwice(studentIds), countedTwice(studentIds),
                    poisonSent, deadLetteredSince(poisonBefore), List.copyOf(log));
            report.print(System.out);
            return report;
        } finally {
            faults.shutdownNow();
            bench.shutdown();
        }
    }

    /** The faults, spread over the load: a kill every so often, the broker and the database once each. */
    private void schedule() {
        start = System.nanoTime();
        List<Runnable> plan = new ArrayList<>();
        List<Runnable> kills = options.kill().stream().<Runnable>map(service -> () -> kill(service)).toList();
        List<Runnable> others = new ArrayList<>(List.of(this::poison, this::duplicate));
        if (options.restartKafka()) {
            others.add(() -> restart("kafka"));
        }
        if (options.restartPostgres()) {
            others.add(() -> restart("postgres"));
        }
        others.add(this::duplicate);
        for (int i = 0; i < Math.max(kills.size(), others.size()); i++) {
            if (i < kills.size()) {
                plan.add(kills.get(i));
            }
            if (i < others.size()) {
                plan.add(others.get(i));
            }
        }
        long step = options.duration() * 1000L / (plan.size() + 1);
        for (int i = 0; i < plan.size(); i++) {
            Runnable fault = plan.get(i);
            faults.schedule(() -> {
                try {
                    fault.run();
                } catch (RuntimeException e) {
                    note("a fault could not be injected: " + e.getMessage());
                }
            }, step * (i + 1), TimeUnit.MILLISECONDS);
        }
    }

    private void kill(String service) {
        var pid = target.pidOf(service);
        if (pid.isEmpty()) {
            note(service + " has no running instance to kill");
            return;
        }
        boolean killed = ProcessHandle.of(pid.get()).map(ProcessHandle::destroyForcibly).orElse(false);
        note((killed ? "killed -9 " : "could not kill ") + service + " (pid " + pid.get() + ")");
    }

    private void restart(String server) {
        note("restarting " + server + "...");
        try {
            note(server + ": " + target.restart(server));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            note(server + " restart failed: " + e.getMessage());
        }
    }

    /** Records no consumer can read: broken JSON, and JSON that is no event; each must end in the topic's DLQ. */
    private void poison() {
        if (!options.poison()) {
            return;
        }
        List<String> bodies = List.of("{ this is not json", "{\"eventId\":\"not-a-uuid\",\"studentId\":42}");
        try (KafkaProducer<String, String> producer = producer()) {
            for (String topic : Topics.CONSUMED) {
                for (String body : bodies) {
                    producer.send(new ProducerRecord<>(topic, "chaos-" + UUID.randomUUID(), body));
                    poisonSent++;
                }
            }
            producer.flush();
        }
        note("sent " + bodies.size() * Topics.CONSUMED.size() + " poison records");
    }

    /** Sends again, unchanged, the latest records of the topics whose consumers must be idempotent. */
    private void duplicate() {
        int sent = 0;
        try (KafkaProducer<String, String> producer = producer()) {
            for (String topic : DUPLICATED) {
                for (ConsumerRecord<String, String> record : latest(topic, DUPLICATES_PER_TOPIC)) {
                    producer.send(new ProducerRecord<>(topic, record.key(), record.value()));
                    sent++;
                }
            }
            producer.flush();
        }
        note("delivered " + sent + " records a second time");
    }

    private List<ConsumerRecord<String, String>> latest(String topic, int count) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, target.kafkaBootstrap(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long wanted = 0;
            for (TopicPartition partition : partitions) {
                long from = Math.max(0, ends.get(partition) - Math.max(1, count / partitions.size()));
                wanted += ends.get(partition) - from;
                consumer.seek(partition, from);
            }
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (records.size() < wanted && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** Records dead-lettered since the count given, once at least the poison sent is among them (or 30 s passed). */
    private int deadLetteredSince(int before) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int since = deadLettered() - before;
        while (since < poisonSent && System.nanoTime() < deadline) {
            Thread.sleep(500);
            since = deadLettered() - before;
        }
        return since;
    }

    /** Records in every dead-letter topic, summed over partitions. */
    private int deadLettered() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, target.kafkaBootstrap(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            List<TopicPartition> partitions = Topics.CONSUMED.stream().map(Topics::deadLetterOf)
                    .flatMap(topic -> consumer.partitionsFor(topic).stream()
                            .map(p -> new TopicPartition(topic, p.partition())))
                    .toList();
            Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions);
            return (int) consumer.endOffsets(partitions).entrySet().stream()
                    .mapToLong(end -> end.getValue() - begins.get(end.getKey())).sum();
        }
    }

    /** Queries of these students with an answer stored by more than one specialist, or more than once by one. */
    private long answeredTwice(List<UUID> students) throws SQLException {
        String answers = SPECIALISTS.stream()
                .map(s -> "SELECT query_id FROM " + s + ".learning_response WHERE outcome = 'ANSWERED'"
                        + " AND student_id = ANY (?)")
                .collect(Collectors.joining(" UNION ALL "));
        try (Connection db = database()) {
            return single(db, "SELECT count(*) FROM (SELECT query_id FROM (" + answers + ") a GROUP BY query_id"
                    + " HAVING count(*) > 1) twice", students, SPECIALISTS.size());
        }
    }

    /**
     * Interactions progress counted (as evidence or as a question) beyond those the specialists recorded, summed over
     * these students, once progress has caught up (or a minute has passed).
     */
    private long countedTwice(List<UUID> students) throws SQLException, InterruptedException {
        String recorded = SPECIALISTS.stream()
                .map(s -> "SELECT student_id FROM " + s + ".interaction_history WHERE module IS NOT NULL"
                        + " AND student_id = ANY (?)")
                .collect(Collectors.joining(" UNION ALL "));
        String compare = "SELECT coalesce(sum(greatest(coalesce(p.counted, 0) - r.recorded, 0)), 0) AS beyond,"
                + " coalesce(sum(greatest(r.recorded - coalesce(p.counted, 0), 0)), 0) AS behind"
                + " FROM (SELECT student_id, count(*) AS recorded FROM (" + recorded + ") x GROUP BY student_id) r"
                + " LEFT JOIN (SELECT student_id, sum(attempts_count + questions_count) AS counted"
                + " FROM progress.student_progress"
                + " WHERE student_id = ANY (?) GROUP BY student_id) p ON p.student_id = r.student_id";
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (Connection db = database()) {
            while (true) {
                long[] figures = pair(db, compare, students, SPECIALISTS.size() + 1);
                if (figures[1] == 0 || System.nanoTime() > deadline) {
                    if (figures[1] > 0) {
                        note(figures[1] + " recorded interactions not (yet) counted by progress");
                    }
                    return figures[0];
                }
                Thread.sleep(500);
            }
        }
    }

    private Connection database() throws SQLException {
        return DriverManager.getConnection(target.jdbcUrl(), target.databaseAdmin(), target.databaseAdminPassword());
    }

    private static long single(Connection db, String sql, List<UUID> students, int parameters) throws SQLException {
        return pair(db, sql, students, parameters)[0];
    }

    private static long[] pair(Connection db, String sql, List<UUID> students, int parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            var ids = db.createArrayOf("uuid", students.toArray());
            for (int i = 1; i <= parameters; i++) {
                statement.setArray(i, ids);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getMetaData().getColumnCount() > 1 ? new long[] {rows.getLong(1), rows.getLong(2)}
                        : new long[] {rows.getLong(1), 0};
            }
        }
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, target.kafkaBootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    private synchronized void note(String event) {
        String line = String.format("  %5.1f s  %s", (System.nanoTime() - start) / 1e9, event);
        log.add(line);
        System.out.println(line);
    }

    /** What a chaos run found. */
    public record ChaosReport(List<QueryTrace> traces, long answersStoredTwice, long progressCountedTwice, int poisonSent,
            int deadLettered, List<String> faults) {

        public long accepted() {
            return traces.stream().filter(QueryTrace::accepted).count();
        }

        public long withStatus(String status) {
            return traces.stream().filter(t -> t.accepted() && status.equals(t.finalStatus)).count();
        }

        public long neverFinished() {
            return traces.stream().filter(t -> t.accepted() && !t.finished()).count();
        }

        Map<String, Long> failureReasons() {
            return traces.stream().filter(t -> t.accepted() && "failed".equals(t.finalStatus))
                    .collect(Collectors.groupingBy(t -> t.failureReason == null ? "(no reason)" : t.failureReason,
                            TreeMap::new, Collectors.counting()));
        }

        Map<Integer, Long> refused() {
            return traces.stream().filter(t -> !t.accepted())
                    .collect(Collectors.groupingBy(t -> t.postStatus, TreeMap::new, Collectors.counting()));
        }

        public boolean holds() {
            return neverFinished() == 0 && answersStoredTwice == 0 && progressCountedTwice == 0;
        }

        void print(java.io.PrintStream out) {
            out.println("faults:");
            faults.forEach(out::println);
            out.printf("offered %d%n", traces.size());
            out.printf("refused %s%n", refused().isEmpty() ? "0" : refused().entrySet().stream()
                    .map(e -> (e.getKey() < 0 ? "no answer" : e.getKey()) + "=" + e.getValue())
                    .collect(Collectors.joining(" ")));
            out.printf("accepted %d%n", accepted());
            out.printf("completed %d%n", withStatus("completed"));
            out.printf("failed %d%n", withStatus("failed"));
            failureReasons().forEach((reason, count) -> out.printf("  failed %d: %s%n", count, reason));
            out.printf("poison records sent %d%n", poisonSent);
            out.printf("records dead-lettered %d%n", deadLettered);
            out.printf("never finished %d%n", neverFinished());
            out.printf("answers stored twice %d%n", answersStoredTwice);
            out.printf("progress counted twice %d%n", progressCountedTwice);
            out.println(holds() ? "invariants hold" : "INVARIANTS BROKEN");
        }
    }
}
