package io.learnflow.system;

import static io.learnflow.stack.launcher.LearnFlowSystem.SPECIALIST_QUERY_CONSUMERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.learnflow.model.Topics;
import io.learnflow.stack.ConsumerGroups;
import io.learnflow.stack.DatabaseProbe;
import io.learnflow.stack.bench.ChaosOptions;
import io.learnflow.stack.bench.ChaosRun;
import io.learnflow.stack.bench.ChaosRun.ChaosReport;
import io.learnflow.stack.bench.ChaosTarget;
import io.learnflow.stack.launcher.LearnFlowClient;
import io.learnflow.stack.launcher.LearnFlowSystem;
import io.learnflow.stack.launcher.SampleWeek;

/** LocalStack and the five packaged services as separate processes, used over HTTP by two students. */
@ExtendWith(RunningLearnFlow.class)
class LearnFlowSystemIT {

    static final Duration ANSWER_WITHIN = Duration.ofSeconds(90);

    static LearnFlowSystem system;
    static LearnFlowClient client;
    static DatabaseProbe db;

    @BeforeAll
    static void useTheRunningSystem() {
        system = RunningLearnFlow.system;
        client = RunningLearnFlow.client;
        db = RunningLearnFlow.db;
    }

    record Student(UUID id, String token) {
    }

    static Student newStudent(String firstName) {
        String email = firstName.toLowerCase() + "-" + UUID.randomUUID() + "@example.org";
        UUID id = client.register(email, "long enough password", firstName, "Tester");
        return new Student(id, client.token(email, "long enough password"));
    }

    JsonNode askAndAwait(Student student, Map<String, ?> query, String expectedRoute) {
        JsonNode accepted = client.ask(student.token(), query).expect(202).body();
        assertThat(accepted.path("routing").path("type").asText()).isEqualTo(expectedRoute);
        JsonNode answered = client.awaitAnswer(student.token(), accepted.get("id").asText(), ANSWER_WITHIN);
        assertThat(answered.path("status").asText()).as("final status of %s", query).isEqualTo("completed");
        return answered;
    }

    @Test
    void twoStudentsGetEveryKindOfAnswerAndSeeOnlyTheirOwnData() {
        Student ada = newStudent("Ada");
        Student bob = newStudent("Bob");

        JsonNode concept = askAndAwait(ada, Map.of("queryText", "How does range work in a for loop?"), "concept");
        JsonNode debug = askAndAwait(ada, Map.of("queryText", "this crashes",
                "code", "ages = {'ana': 20}\nprint(ages['bo'])",
                "errorText", "Traceback (most recent call last):\n  File \"a.py\", line 2, in <module>\nKeyError: 'bo'"),
                "debug");
        JsonNode exercise = askAndAwait(ada, Map.of("queryText", "Give me an exercise on lists"), "exercise");

        assertThat(concept.path("answer").path("answeredBy").asText()).isEqualTo("concepts");
        assertThat(concept.path("answer").path("content").asText()).contains("range");
        assertThat(debug.path("answer").path("answeredBy").asText()).isEqualTo("debug");
        assertThat(debug.path("answer").path("content").asText()).contains("KeyError").contains("line 2");
        assertThat(exercise.path("answer").path("answeredBy").asText()).isEqualTo("exercise");
        assertThat(exercise.path("answer").path("content").asText()).contains("**Exercise lf-lists-1: ");

        UUID conceptId = UUID.fromString(concept.get("id").asText());
        UUID debugId = UUID.fromString(debug.get("id").asText());
        UUID exerciseId = UUID.fromString(exercise.get("id").asText());
        assertThat(db.count("SELECT count(*) FROM triage.student_query WHERE student_id = ? AND status = 'COMPLETED'",
                ada.id())).isEqualTo(3);
        assertThat(db.count("SELECT count(*) FROM triage.service_routing WHERE query_id IN (?, ?, ?)", conceptId,
                debugId, exerciseId)).isEqualTo(3);
        assertThat(db.count("SELECT count(*) FROM concepts.learning_response WHERE query_id = ?", conceptId))
                .isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM debug.learning_response WHERE query_id = ?", debugId)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM exercise.exercise_assignment WHERE query_id = ?", exerciseId))
                .isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM concepts.interaction_history WHERE student_id = ?", ada.id()))
                .isEqualTo(1);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                "SELECT coalesce(sum(questions_count + attempts_count), 0) FROM progress.student_progress"
                        + " WHERE student_id = ?", ada.id()) == 3);
        assertThat(client.progress(ada.token()).expect(200).body().path("modules")).hasSize(3);

        assertThat(client.query(bob.token(), conceptId.toString()).status()).isEqualTo(404);
        assertThat(client.eventStreamStatus(bob.token(), conceptId.toString())).isEqualTo(404);
        assertThat(client.history(bob.token()).expect(200).body().path("total").asInt()).isZero();
        assertThat(client.progress(bob.token()).expect(200).body().path("modules")).isEmpty();
        assertThat(client.query(ada.token(), conceptId.toString()).expect(200).body().path("status").asText())
                .isEqualTo("completed");
    }

    @Test
    void aSpecialistInstanceKilledUnderLoadLeavesEveryAcceptedQueryAnsweredOnce() throws Exception {
        system.scale("debug", 2);
        long doomed = system.pidsOf("debug").get(1);
        String kafka = system.stack().endpoints().kafkaBootstrap();
        await().atMost(Duration.ofSeconds(60)).until(() -> consumersOfDebugQueries(kafka) == 2 * SPECIALIST_QUERY_CONSUMERS);
        List<Student> students = List.of(newStudent("Dee"), newStudent("Eve"), newStudent("Fay"), newStudent("Gus"),
                newStudent("Hal"), newStudent("Ivy"));
        Map<String, Student> accepted = new LinkedHashMap<>();

        for (int round = 0; round < 4; round++) {
            for (Student student : students) {
                JsonNode reply = client.ask(student.token(), Map.of("queryText", "why does this crash? (" + round + ")",
                        "code", "marks = {'ana': 20}\nprint(marks['bo" + round + "'])",
                        "errorText", "Traceback (most recent call last):\n  File \"a.py\", line 2, in <module>\n"
                                + "KeyError: 'bo" + round + "'")).expect(202).body();
                assertThat(reply.path("routing").path("type").asText()).isEqualTo("debug");
                accepted.put(reply.get("id").asText(), student);
            }
            if (round == 1) {
                assertThat(ProcessHandle.of(doomed).orElseThrow().destroyForcibly()).isTrue();
            }
        }

        await().atMost(Duration.ofSeconds(90)).until(() -> consumersOfDebugQueries(kafka) == SPECIALIST_QUERY_CONSUMERS);
        accepted.forEach((id, student) -> {
            JsonNode answered = client.awaitAnswer(student.token(), id, ANSWER_WITHIN);
            assertThat(answered.path("status").asText()).as("final status of %s", id).isEqualTo("completed");
            assertThat(answered.path("answer").path("answeredBy").asText()).isEqualTo("debug");
            assertThat(db.count("SELECT count(*) FROM debug.learning_response WHERE query_id = ?", UUID.fromString(id)))
                    .as("answers stored for %s", id).isEqualTo(1);
        });
        assertThat(responseEventIdsByQuery(kafka, accepted.keySet())).allSatisfy((query, eventIds) -> assertThat(eventIds)
                .as("distinct ResponseReady events for %s", query).hasSize(1));
    }

    /**
     * How many members of the debug group share learnflow.query.debug once all its partitions are assigned (each
     * instance has {@code SPECIALIST_QUERY_CONSUMERS} members on its queries and one on feedback); -1 while some
     * partition has no member.
     */
    private static long consumersOfDebugQueries(String kafka) {
        ConsumerGroups.GroupStatus debug = ConsumerGroups.describe(kafka, List.of("debug")).get(0);
        if (!debug.assignsAllOf(Topics.QUERY_DEBUG, 6)) {
            return -1;
        }
        return debug.members().stream()
                .filter(m -> m.partitions().stream().anyMatch(p -> p.topic().equals(Topics.QUERY_DEBUG))).count();
    }

    /**
     * Every ResponseReady on the topic for the given queries, by query: a redelivered answer keeps its event id. Records
     * of other queries (other tests', the chaos run's poison among them) are skipped unread.
     */
    private static Map<String, Set<String>> responseEventIdsByQuery(String kafka, Set<String> queries) {
        Map<String, Set<String>> eventIds = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.RESPONSE).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (queries.stream().noneMatch(record.value()::contains)) {
                        continue;
                    }
                    JsonNode event = json.readTree(record.value());
                    String query = event.path("queryId").asText();
                    if (queries.contains(query)) {
                        eventIds.computeIfAbsent(query, q -> new HashSet<>()).add(event.path("eventId").asText());
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(eventIds.keySet()).containsExactlyInAnyOrderElementsOf(queries);
        return eventIds;
    }

    @Test
    void theSampleWeekFillsProgressAndTheTeachersViewAndIsLoadedOnce() throws Exception {
        var endpoints = system.stack().endpoints();
        var triage = endpoints.loginOf("triage");
        var admin = endpoints.admin();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        SampleWeek sample = new SampleWeek(client, endpoints.kafkaBootstrap(),
                () -> DriverManager.getConnection(endpoints.jdbcUrl(), triage.username(), triage.password()),
                () -> DriverManager.getConnection(endpoints.jdbcUrl(), admin.username(), admin.password()),
                Clock.systemUTC(), new PrintStream(printed, true, StandardCharsets.UTF_8));

        sample.seed();

        String teacher = client.token("teacher@sample.learnflow.dev", "sample-teacher-pass-1");
        JsonNode classes = client.teacherClasses(teacher).expect(200).body();
        assertThat(classes).hasSize(1);
        JsonNode alerts = client.classAlerts(teacher, classes.get(0).path("id").asText()).expect(200).body();
        assertThat(alerts).isNotEmpty().allSatisfy(alert -> assertThat(alert.path("module").asText())
                .isEqualTo("loops"));
        Map<String, Integer> ada = masteryByModule(client.token("ada@sample.learnflow.dev", "sample-ada-pass-1"));
        Map<String, Integer> bo = masteryByModule(client.token("bo@sample.learnflow.dev", "sample-bo-pass-1"));
        assertThat(ada).containsKeys("variables", "conditionals", "loops", "lists", "strings");
        assertThat(ada.get("loops")).isGreaterThan(bo.get("loops"));
        assertThat(bo.get("loops")).isLessThan(50);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("ada@sample.learnflow.dev")
                .contains("password sample-ada-pass-1").contains("Open alerts in the class: " + alerts.size());

        printed.reset();
        sample.seed();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("The sample is already loaded");
        assertThat(client.teacherClasses(teacher).expect(200).body()).hasSize(1);
    }

    static Map<String, Integer> masteryByModule(String token) {
        Map<String, Integer> mastery = new HashMap<>();
        client.progress(token).expect(200).body().path("modules")
                .forEach(module -> mastery.put(module.path("module").asText(), module.path("mastery").asInt()));
        return mastery;
    }

    @Test
    void theWebPageKilledWithSigkillIsStartedAgainAndForwardsAgain() {
        // a service's restart is the chaos run's (debug is killed there and must come back); this is the page's
        long killed = system.pidsOf("web").get(0);
        ProcessHandle.of(killed).orElseThrow().destroyForcibly();

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            system.restartDead(java.time.Instant.now());
            return system.pidsOf("web").get(0) != killed;
        });
        assertThat(system.instanceRestarts().get("web")).isEqualTo(1);

        LearnFlowClient viaPage = new LearnFlowClient(system.urlOf("web"), system.urlOf("web"));
        String email = "di-" + UUID.randomUUID() + "@example.org";
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> viaPage.registerReply(email, "long enough password", "Di", "Tester").status() == 201);
        String token = viaPage.token(email, "long enough password");
        JsonNode accepted = viaPage.ask(token, Map.of("queryText", "What is a tuple in Python?")).expect(202).body();
        JsonNode answered = viaPage.awaitAnswer(token, accepted.get("id").asText(), ANSWER_WITHIN);
        assertThat(answered.path("answer").path("answeredBy").asText()).isEqualTo("concepts");
        assertThat(viaPage.progress(token).expect(200).body().path("studentId").asText()).isNotBlank();
    }

    @Test
    void aShortChaosRunLosesNothingAndCountsNothingTwice() throws Exception {
        var supervisor = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        supervisor.scheduleWithFixedDelay(() -> {
            try {
                system.restartDead(java.time.Instant.now());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
        long debugBefore = system.pidsOf("debug").get(0);
        ChaosTarget target = new ChaosTarget() {
            @Override
            public String triageUrl() {
                return system.urlOf("triage");
            }

            @Override
            public String kafkaBootstrap() {
                return system.stack().endpoints().kafkaBootstrap();
            }

            @Override
            public String jdbcUrl() {
                return system.stack().endpoints().jdbcUrl();
            }

            @Override
            public String databaseAdmin() {
                return system.stack().endpoints().admin().username();
            }

            @Override
            public String databaseAdminPassword() {
                return system.stack().endpoints().admin().password();
            }

            @Override
            public java.util.Optional<Long> pidOf(String service) {
                return system.pidsOf(service).stream().findFirst();
            }

            @Override
            public String restart(String server) throws Exception {
                system.stack().restartKafka();
                return server + " restarted";
            }
        };
        ChaosReport report;
        try {
            report = new ChaosRun(ChaosOptions.parse("--rate", "4", "--duration", "24", "--kill", "debug",
                    "--restart-kafka", "yes", "--restart-postgres", "no", "--grace", "240"), target).run();
            await().atMost(Duration.ofSeconds(60)).until(() -> system.pidsOf("debug").get(0) != debugBefore);
        } finally {
            supervisor.shutdownNow();
        }

        assertThat(report.faults()).anyMatch(line -> line.contains("killed -9 debug"))
                .anyMatch(line -> line.contains("kafka: kafka restarted"));
        assertThat(report.accepted()).isPositive();
        assertThat(report.neverFinished()).isZero();
        assertThat(report.answersStoredTwice()).isZero();
        assertThat(report.progressCountedTwice()).isZero();
        assertThat(report.deadLettered()).isGreaterThanOrEqualTo(report.poisonSent()).isPositive();
    }

    @Test
    void clientOnEitherTriageInstanceReceivesTheAnswer() throws Exception {
        String secondTriage = system.startAnotherInstance("triage");
        LearnFlowClient viaSecond = new LearnFlowClient(secondTriage, system.urlOf("progress"));
        Student cy = newStudent("Cy");
        for (int i = 0; i < 4; i++) {
            JsonNode accepted = client.ask(cy.token(), Map.of("queryText", "What is a while loop? (" + i + ")"))
                    .expect(202).body();
            String id = accepted.get("id").asText();
            CompletableFuture<JsonNode> onSecond = CompletableFuture.supplyAsync(
                    () -> viaSecond.awaitAnswer(cy.token(), id, ANSWER_WITHIN));
            JsonNode onFirst = client.awaitAnswer(cy.token(), id, ANSWER_WITHIN);
            assertThat(onFirst.path("status").asText()).isEqualTo("completed");
            assertThat(onSecond.get().path("answer")).isEqualTo(onFirst.path("answer"));
        }
    }
}
