package io.learnflow.stack.launcher;

import java.io.PrintStream;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;

import io.learnflow.model.EventCodec;
import io.learnflow.model.InteractionKind;
import io.learnflow.model.InteractionRecorded;
import io.learnflow.model.LearningModule;
import io.learnflow.model.QueryType;
import io.learnflow.model.ServiceName;
import io.learnflow.model.Topics;

/**
 * {@code ./learnflow db seed sample}: a teacher, two students with known passwords, a class and a week of their work,
 * played through the running LearnFlow so that every service keeps its own records: the accounts and the class through
 * the HTTP API (the teacher's account is made a teacher by triage's own role, since a teacher cannot register), a
 * question of each student today through triage and the tutors, and the week before as the interactions the
 * specialists would have reported, dated over the last seven days, which progress turns into mastery, streaks, learning
 * time and alerts. Ada works steadily and improves; Bo struggles with loops.
 */
public final class SampleWeek {

    static final String TEACHER_EMAIL = "teacher@sample.learnflow.dev";
    static final String TEACHER_PASSWORD = "sample-teacher-pass-1";
    static final String CLASS_NAME = "Python for beginners (sample)";
    static final Duration PROCESSED_WITHIN = Duration.ofSeconds(90);

    record SampleAccount(String firstName, String lastName, String email, String password) {
    }

    static final SampleAccount TEACHER = new SampleAccount("Grace", "Teacher", TEACHER_EMAIL, TEACHER_PASSWORD);
    static final SampleAccount ADA = new SampleAccount("Ada", "Student", "ada@sample.learnflow.dev",
            "sample-ada-pass-1");
    static final SampleAccount BO = new SampleAccount("Bo", "Student", "bo@sample.learnflow.dev", "sample-bo-pass-1");

    /** Acting as triage's own role, for the one write the HTTP API does not offer. */
    @FunctionalInterface
    public interface TriageSql {
        Connection connect() throws SQLException;
    }

    private final LearnFlowClient client;
    private final String kafkaBootstrap;
    private final TriageSql triage;
    private final TriageSql progressReader;
    private final Clock clock;
    private final PrintStream out;

    public SampleWeek(LearnFlowClient client, String kafkaBootstrap, TriageSql triage, TriageSql progressReader,
            Clock clock, PrintStream out) {
        this.client = client;
        this.kafkaBootstrap = kafkaBootstrap;
        this.triage = triage;
        this.progressReader = progressReader;
        this.clock = clock;
        this.out = out;
    }

    /** Loads the sample once; a second run finds the teacher's account and changes nothing. */
    public void seed() throws SQLException {
        LearnFlowClient.Reply teacher = client.registerReply(TEACHER.email(), TEACHER.password(), TEACHER.firstName(),
                TEACHER.lastName());
        if (teacher.status() == 409) {
            out.println("The sample is already loaded (" + TEACHER_EMAIL + " exists); nothing changed.");
            printAccounts();
            return;
        }
        teacher.expect(201);
        makeTeacher(TEACHER.email());
        UUID ada = client.register(ADA.email(), ADA.password(), ADA.firstName(), ADA.lastName());
        UUID bo = client.register(BO.email(), BO.password(), BO.firstName(), BO.lastName());
        out.println("Accounts: a teacher and two students");

        String teacherToken = client.token(TEACHER.email(), TEACHER.password());
        JsonNode schoolClass = client.openClass(teacherToken, CLASS_NAME).expect(201).body();
        String adaToken = client.token(ADA.email(), ADA.password());
        String boToken = client.token(BO.email(), BO.password());
        client.joinClass(adaToken, schoolClass.path("joinCode").asText()).expect(200);
        client.joinClass(boToken, schoolClass.path("joinCode").asText()).expect(200);
        out.println("Class \"" + CLASS_NAME + "\" (join code " + schoolClass.path("joinCode").asText()
                + ") with both students");

        askToday(adaToken, "How do I add an item to the end of a list?", "lists");
        askToday(boToken, "Why does range(1, 5) stop at 4?", "loops");
        out.println("Today: a question of each student, answered by the tutors");

        List<InteractionRecorded> week = new ArrayList<>(adasWeek(ada));
        week.addAll(bosWeek(bo));
        publish(week);
        awaitProcessed(week);
        out.println("The week before: " + week.size() + " interactions over 7 days, counted by progress");

        for (var student : List.of(Map.entry(ADA, adaToken), Map.entry(BO, boToken))) {
            out.println("Progress of " + student.getKey().firstName() + ":");
            DemoSession.printProgress(client.progress(student.getValue()).expect(200).body(), out);
        }
        JsonNode alerts = client.classAlerts(teacherToken, schoolClass.path("id").asText()).expect(200).body();
        out.println("Open alerts in the class: " + alerts.size());
        printAccounts();
    }

    private void askToday(String token, String text, String module) {
        String queryId = client.ask(token, Map.of("queryText", text, "module", module)).expect(202).body()
                .path("id").asText();
        client.awaitAnswer(token, queryId, Duration.ofSeconds(60));
    }

    private void printAccounts() {
        out.println("Sign in with (POST /api/v1/auth/token on triage):");
        for (SampleAccount account : List.of(TEACHER, ADA, BO)) {
            out.printf("  %-8s %-32s password %s%n", account == TEACHER ? "teacher" : "student", account.email(),
                    account.password());
        }
    }

    private void makeTeacher(String email) throws SQLException {
        try (Connection connection = triage.connect(); PreparedStatement update = connection.prepareStatement(
                "UPDATE student_profile SET role = 'TEACHER' WHERE email = ?")) {
            update.setString(1, email);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("the sample teacher's account " + email + " was not found in triage");
            }
        }
    }

    /** Ada: every day, a question on the day's module, then exercises she gets right within two tries. */
    List<InteractionRecorded> adasWeek(UUID ada) {
        LearningModule[] days = {LearningModule.VARIABLES, LearningModule.VARIABLES, LearningModule.CONDITIONALS,
            LearningModule.LOOPS, LearningModule.LOOPS, LearningModule.LISTS, LearningModule.STRINGS};
        List<InteractionRecorded> events = new ArrayList<>();
        for (int day = 0; day < days.length; day++) {
            LearningModule module = days[day];
            Session session = new Session(ada, at(6 - day, 17), events);
            session.question(module);
            int exercise = 1 + day % 4;
            if (day % 2 == 1) {
                session.submission(module, exercise, 2);
            }
            session.submission(module, exercise, 4);
            session.quiz(module, 1 + day % 5, true);
        }
        return events;
    }

    /** Bo: four days of seven, questions, and loops that keep going wrong the same way. */
    List<InteractionRecorded> bosWeek(UUID bo) {
        List<InteractionRecorded> events = new ArrayList<>();
        Session monday = new Session(bo, at(6, 19), events);
        monday.question(LearningModule.VARIABLES);
        monday.submission(LearningModule.VARIABLES, 1, 4);
        monday.quiz(LearningModule.VARIABLES, 1, false);
        Session tuesday = new Session(bo, at(5, 20), events);
        tuesday.question(LearningModule.CONDITIONALS);
        tuesday.submission(LearningModule.CONDITIONALS, 1, 3);
        Session friday = new Session(bo, at(2, 18), events);
        friday.question(LearningModule.LOOPS);
        friday.debugRun(LearningModule.LOOPS, false);
        friday.quiz(LearningModule.LOOPS, 1, false);
        Session today = new Session(bo, at(0, 8), events);
        for (int attempt = 0; attempt < 3; attempt++) {
            today.submission(LearningModule.LOOPS, 1, 1);
        }
        today.debugRun(LearningModule.LOOPS, false);
        return events;
    }

    private Instant at(int daysAgo, int hourUtc) {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(daysAgo).atTime(hourUtc, 0)
                .toInstant(ZoneOffset.UTC);
    }

    /** One sitting of a student: interactions four minutes apart in one tutoring session. */
    private static final class Session {

        private final UUID student;
        private final UUID sessionId = UUID.randomUUID();
        private final List<InteractionRecorded> events;
        private Instant next;

        Session(UUID student, Instant start, List<InteractionRecorded> events) {
            this.student = student;
            this.next = start;
            this.events = events;
        }

        void question(LearningModule module) {
            add(ServiceName.CONCEPTS, QueryType.CONCEPT, module, true, null, null, null, null, InteractionKind.QUESTION,
                    null);
        }

        void submission(LearningModule module, int exercise, int passed) {
            add(ServiceName.EXERCISE, QueryType.EXERCISE, module, passed == 4, "lf-" + module.json() + "-" + exercise,
                    passed, passed == 4 ? null : "range-bounds", passed == 4, InteractionKind.EXERCISE_SUBMISSION,
                    passed * 25);
        }

        void quiz(LearningModule module, int question, boolean right) {
            add(ServiceName.EXERCISE, QueryType.EXERCISE, module, right, "quiz-" + module.json() + "-" + question,
                    null, null, null, InteractionKind.QUIZ_ANSWER, right ? 100 : 0);
        }

        void debugRun(LearningModule module, boolean passes) {
            add(ServiceName.DEBUG, QueryType.DEBUG, module, passes, null, null, passes ? null : "range-bounds", passes,
                    InteractionKind.DEBUG_RUN, null);
        }

        private void add(ServiceName service, QueryType type, LearningModule module, boolean successful,
                String exerciseId, Integer testsPassed, String errorCategory, Boolean codePasses, InteractionKind kind,
                Integer grade) {
            events.add(new InteractionRecorded(UUID.randomUUID(), next, UUID.randomUUID(), student, service, type,
                    module, successful, exerciseId, testsPassed, testsPassed == null ? null : 4, errorCategory,
                    codePasses, kind, grade, null, null, sessionId));
            next = next.plus(Duration.ofMinutes(4));
        }
    }

    private void publish(List<InteractionRecorded> week) {
        Properties config = new Properties();
        config.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (InteractionRecorded event : week) {
                producer.send(new ProducerRecord<>(Topics.INTERACTION, event.studentId().toString(),
                        EventCodec.encode(event)));
            }
            producer.flush();
        }
    }

    private void awaitProcessed(List<InteractionRecorded> week) throws SQLException {
        Instant deadline = clock.instant().plus(PROCESSED_WITHIN);
        try (Connection connection = progressReader.connect(); PreparedStatement count = connection.prepareStatement(
                "SELECT count(*) FROM progress.processed_event WHERE event_id = ANY (?)")) {
            Array ids = connection.createArrayOf("uuid", week.stream().map(InteractionRecorded::eventId).toArray());
            count.setArray(1, ids);
            long processed = 0;
            while (processed < week.size()) {
                if (clock.instant().isAfter(deadline)) {
                    throw new IllegalStateException("progress counted " + processed + " of the sample's " + week.size()
                            + " interactions within " + PROCESSED_WITHIN.toSeconds() + " s: is the progress service "
                            + "running? (./learnflow status)");
                }
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    processed = rows.getLong(1);
                }
                if (processed < week.size()) {
                    pause();
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for progress", e);
        }
    }
}
