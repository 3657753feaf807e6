package io.learnflow.progress;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.learnflow.model.EventCodec;
import io.learnflow.model.InteractionRecorded;
import io.learnflow.model.LearningModule;
import io.learnflow.model.QueryType;
import io.learnflow.model.ServiceName;
import io.learnflow.model.Topics;
import io.learnflow.stack.DatabaseProbe;
import io.learnflow.stack.KafkaProbe;
import io.learnflow.stack.LearnFlowStackResource;
import io.learnflow.stack.LocalStack;
import io.learnflow.stack.StudentTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = LearnFlowStackResource.class, initArgs = @ResourceArg(name = "service", value = "progress"))
class ProgressTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    final KafkaProbe kafka = new KafkaProbe(LocalStack.shared().endpoints());
    final DatabaseProbe db = new DatabaseProbe(LocalStack.shared().endpoints());
    final StudentTokens tokens = new StudentTokens(LocalStack.shared().endpoints());

    static InteractionRecorded interaction(UUID student, LearningModule module, boolean successful) {
        return new InteractionRecorded(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), student,
                ServiceName.CONCEPTS, QueryType.CONCEPT, module, successful, null, null, null);
    }

    void send(InteractionRecorded event) {
        kafka.send(Topics.INTERACTION, event.studentId().toString(), EventCodec.encode(event));
    }

    long attempts(UUID student, LearningModule module) {
        return db.rows("SELECT attempts FROM progress.student_progress WHERE student_id = ? AND module = ?", student,
                module.name()).stream().mapToLong(row -> ((Number) row.get("attempts")).longValue()).sum();
    }

    @Test
    void sameInteractionDeliveredTwiceCountsOnce() {
        UUID student = UUID.randomUUID();
        InteractionRecorded event = interaction(student, LearningModule.LOOPS, true);
        InteractionRecorded later = interaction(student, LearningModule.LOOPS, false);
        send(event);
        send(event);
        send(later);

        await().atMost(WAIT).until(() -> db.count("SELECT count(*) FROM progress.processed_event WHERE event_id = ?",
                later.eventId()) == 1);
        assertThat(attempts(student, LearningModule.LOOPS)).isEqualTo(2);
        assertThat(db.rows("SELECT successes, streak_days FROM progress.student_progress WHERE student_id = ?", student))
                .singleElement().satisfies(row -> {
                    assertThat(row.get("successes")).isEqualTo(1);
                    assertThat(row.get("streak_days")).isEqualTo(1);
                });
    }

    @Test
    void unparseableInteractionIsDeadLetteredAndTheNextOneCounted() {
        UUID student = UUID.randomUUID();
        String poison = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"studentId\":\"" + student + "\"}";
        kafka.send(Topics.INTERACTION, student.toString(), poison);
        send(interaction(student, LearningModule.LISTS, true));

        assertThat(kafka.find(Topics.deadLetterOf(Topics.INTERACTION), r -> poison.equals(r.value()), WAIT)).hasSize(1);
        await().atMost(WAIT).until(() -> attempts(student, LearningModule.LISTS) == 1);
    }

    @Test
    void studentReadsOnlyTheirOwnProgress() {
        UUID ada = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        send(interaction(ada, LearningModule.STRINGS, true));
        send(interaction(ada, LearningModule.CLASSES, false));
        await().atMost(WAIT).until(() -> attempts(ada, LearningModule.CLASSES) == 1);

        given().auth().oauth2(tokens.studentToken(ada)).get("/api/v1/progress/me")
                .then().statusCode(200)
                .body("studentId", equalTo(ada.toString()))
                .body("modules", hasSize(2))
                .body("modules.find { it.module == 'strings' }.mastery", equalTo(33));
        given().auth().oauth2(tokens.studentToken(bob)).get("/api/v1/progress/me")
                .then().statusCode(200).body("modules", empty());
        given().get("/api/v1/progress/me").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void teachersSeeEveryStudentsSummaryAndStudentsMayNot() {
        UUID cy = UUID.randomUUID();
        send(interaction(cy, LearningModule.LOOPS, true));
        send(interaction(cy, LearningModule.LISTS, false));
        await().atMost(WAIT).until(() -> attempts(cy, LearningModule.LISTS) == 1);

        given().auth().oauth2(tokens.teacherToken(UUID.randomUUID())).get("/api/v1/teacher/students")
                .then().statusCode(200)
                .body("find { it.studentId == '" + cy + "' }.modulesPractised", equalTo(2))
                .body("find { it.studentId == '" + cy + "' }.attempts", equalTo(2))
                .body("find { it.studentId == '" + cy + "' }.successes", equalTo(1))
                .body("find { it.studentId == '" + cy + "' }.modules", hasSize(2));
        given().auth().oauth2(tokens.studentToken(cy)).get("/api/v1/teacher/students")
                .then().statusCode(403).contentType("application/problem+json");
        given().get("/api/v1/teacher/students").then().statusCode(401);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(StudentTokens.Forgery.class)
    void forgedOrStaleTokensAreRefused(StudentTokens.Forgery forgery) {
        given().auth().oauth2(tokens.forged(UUID.randomUUID(), forgery)).get("/api/v1/progress/me")
                .then().statusCode(401).contentType("application/problem+json");
    }
}
