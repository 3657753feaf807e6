package io.learnflow.progress;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.learnflow.model.LearningModule;
import io.learnflow.model.Topics;
import io.learnflow.progress.job.ProcessedEventPruning;
import io.learnflow.stack.DatabaseProbe;
import io.learnflow.stack.KafkaProbe;
import io.learnflow.stack.LearnFlowStackResource;
import io.learnflow.stack.LocalStack;
import io.learnflow.stack.StudentTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

@QuarkusTest
@QuarkusTestResource(value = LearnFlowStackResource.class, initArgs = @ResourceArg(name = "service", value = "progress"))
class ProgressTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    final KafkaProbe kafka = new KafkaProbe(LocalStack.shared().endpoints());
    final DatabaseProbe db = new DatabaseProbe(LocalStack.shared().endpoints());
    final StudentTokens tokens = new StudentTokens(LocalStack.shared().endpoints());

    @Inject
    ProcessedEventPruning pruning;

    long processed(UUID eventId) {
        return db.count("SELECT count(*) FROM progress.processed_event WHERE event_id = ?", eventId);
    }

    long attempts(UUID student, LearningModule module) {
        return db.rows("SELECT attempts_count FROM progress.student_progress WHERE student_id = ? AND module = ?",
                student, module.name()).stream().mapToLong(row -> ((Number) row.get("attempts_count")).longValue())
                .sum();
    }

    @Test
    void sameInteractionDeliveredTwiceCountsOnce() {
        Interactions ada = new Interactions(kafka, UUID.randomUUID());
        var first = ada.submission(LearningModule.LOOPS, "loops-sum", true, Instant.now());
        ada.send(first);
        var later = ada.submission(LearningModule.LOOPS, "loops-sum", false, Instant.now());

        await().atMost(WAIT).until(() -> processed(later.eventId()) == 1);
        assertThat(db.rows("SELECT attempts_count, success_count, streak_days, completed_exercises"
                + " FROM progress.student_progress WHERE student_id = ?", ada.student)).singleElement()
                .satisfies(row -> {
                    assertThat(row.get("attempts_count")).isEqualTo(2);
                    assertThat(row.get("success_count")).isEqualTo(1);
                    assertThat(row.get("streak_days")).isEqualTo(1);
                    assertThat(row.get("completed_exercises")).isEqualTo(1);
                });
        assertThat(db.count("SELECT count(*) FROM progress.interaction WHERE student_id = ?", ada.student))
                .isEqualTo(2);
    }

    @Test
    void unparseableInteractionIsDeadLetteredAndTheNextOneCounted() {
        Interactions bo = new Interactions(kafka, UUID.randomUUID());
        String poison = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"studentId\":\"" + bo.student + "\"}";
        kafka.send(Topics.INTERACTION, bo.student.toString(), poison);
        bo.quizAnswer(LearningModule.LISTS, true, Instant.now());

        assertThat(kafka.find(Topics.deadLetterOf(Topics.INTERACTION), r -> poison.equals(r.value()), WAIT)).hasSize(1);
        await().atMost(WAIT).until(() -> attempts(bo.student, LearningModule.LISTS) == 1);
    }

    @Test
    void anInteractionForAnUnknownModuleIsDeadLetteredAndTheNextOneCounted() {
        Interactions cy = new Interactions(kafka, UUID.randomUUID());
        String unknown = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"occurredAt\":\"2026-03-02T10:00:00Z\","
                + "\"queryId\":\"" + UUID.randomUUID() + "\",\"studentId\":\"" + cy.student + "\",\"service\":"
                + "\"exercise\",\"interactionType\":\"exercise\",\"module\":\"recursion\",\"successful\":true,"
                + "\"kind\":\"quiz_answer\"}";
        kafka.send(Topics.INTERACTION, cy.student.toString(), unknown);
        cy.quizAnswer(LearningModule.STRINGS, false, Instant.now());

        assertThat(kafka.find(Topics.deadLetterOf(Topics.INTERACTION), r -> unknown.equals(r.value()), WAIT))
                .hasSize(1);
        await().atMost(WAIT).until(() -> attempts(cy.student, LearningModule.STRINGS) == 1);
        assertThat(db.count("SELECT count(*) FROM progress.student_progress WHERE student_id = ?", cy.student))
                .isEqualTo(1);
    }

    @Test
    void questionsAreEngagementAndNeverMoveMastery() {
        Interactions di = new Interactions(kafka, UUID.randomUUID());
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var last = di.question(LearningModule.FUNCTIONS, start);
        for (int i = 1; i < 10; i++) {
            last = di.question(LearningModule.FUNCTIONS, start.plusSeconds(30L * i));
        }
        var lastQuestion = last;
        await().atMost(WAIT).until(() -> processed(lastQuestion.eventId()) == 1);

        given().auth().oauth2(tokens.studentToken(di.student)).get("/api/v1/progress/me")
                .then().statusCode(200)
                .body("evidenceCount", equalTo(0))
                .body("modules[0].module", equalTo("functions"))
                .body("modules[0].questions", equalTo(10))
                .body("modules[0].attempts", equalTo(0))
                .body("modules[0].mastery", equalTo(25))
                .body("modules[0].totalLearningMinutes", equalTo(4))
                .body("masteryByDay", empty());
    }

    @Test
    void studentReadsOnlyTheirOwnProgress() {
        Interactions ada = new Interactions(kafka, UUID.randomUUID());
        UUID bob = UUID.randomUUID();
        ada.quizAnswer(LearningModule.STRINGS, true, Instant.now());
        ada.quizAnswer(LearningModule.CLASSES, false, Instant.now());
        await().atMost(WAIT).until(() -> attempts(ada.student, LearningModule.CLASSES) == 1);

        given().auth().oauth2(tokens.studentToken(ada.student)).get("/api/v1/progress/me")
                .then().statusCode(200)
                .body("studentId", equalTo(ada.student.toString()))
                .body("evidenceCount", equalTo(2))
                .body("modules", hasSize(2))
                .body("modules.find { it.module == 'strings' }.mastery", equalTo(66));
        given().auth().oauth2(tokens.studentToken(bob)).get("/api/v1/progress/me")
                .then().statusCode(200).body("modules", empty());
        given().get("/api/v1/progress/me").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void processedEventIdsOlderThanTheRetentionAreForgotten() throws Throwable {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        db.executeAs("progress", "INSERT INTO progress.processed_event (event_id, processed_at) VALUES ('" + old
                + "', now() - interval '30 days'), ('" + recent + "', now() - interval '1 day')");

        VertxContextSupport.subscribeAndAwait(() -> pruning.pruneBefore(Instant.now().minus(Duration.ofDays(14))));

        assertThat(processed(old)).isZero();
        assertThat(processed(recent)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(StudentTokens.Forgery.class)
    void forgedOrStaleTokensAreRefused(StudentTokens.Forgery forgery) {
        given().auth().oauth2(tokens.forged(UUID.randomUUID(), forgery)).get("/api/v1/progress/me")
                .then().statusCode(401).contentType("application/problem+json");
    }
}
