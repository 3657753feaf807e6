package io.learnflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.learnflow.stack.DatabaseProbe;
import io.learnflow.stack.launcher.LearnFlowClient;
import io.learnflow.stack.launcher.LearnFlowSystem;

/** LocalStack and the five packaged services as separate processes, used over HTTP by two students. */
class LearnFlowSystemIT {

    static final Duration ANSWER_WITHIN = Duration.ofSeconds(90);

    static LearnFlowSystem system;
    static LearnFlowClient client;
    static DatabaseProbe db;

    @BeforeAll
    static void startEverything() throws Exception {
        system = LearnFlowSystem.start(Path.of(System.getProperty("learnflow.root")),
                Path.of(System.getProperty("learnflow.logs")), 0);
        System.out.printf("system-test: LocalStack and five services ready in %d ms%n", system.startupMillis());
        client = new LearnFlowClient(system.urlOf("triage"), system.urlOf("progress"));
        db = new DatabaseProbe(system.stack().endpoints());
    }

    @AfterAll
    static void stopEverything() {
        var pids = system.allPids();
        system.close();
        pids.forEach(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .as("service process " + pid + " still running after stop").isFalse());
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
        assertThat(exercise.path("answer").path("content").asText()).contains("Exercise mbpp-");

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
                "SELECT coalesce(sum(attempts), 0) FROM progress.student_progress WHERE student_id = ?", ada.id()) == 3);
        assertThat(client.progress(ada.token()).expect(200).body().path("modules")).hasSize(3);

        assertThat(client.query(bob.token(), conceptId.toString()).status()).isEqualTo(404);
        assertThat(client.eventStreamStatus(bob.token(), conceptId.toString())).isEqualTo(404);
        assertThat(client.history(bob.token()).expect(200).body().path("total").asInt()).isZero();
        assertThat(client.progress(bob.token()).expect(200).body().path("modules")).isEmpty();
        assertThat(client.query(ada.token(), conceptId.toString()).expect(200).body().path("status").asText())
                .isEqualTo("completed");
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
