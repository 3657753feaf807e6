package io.learnflow.progress;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.learnflow.model.EventCodec;
import io.learnflow.model.FeedbackSubmitted;
import io.learnflow.model.LearningModule;
import io.learnflow.model.QueryRouted;
import io.learnflow.model.QueryType;
import io.learnflow.model.ResponseOutcome;
import io.learnflow.model.ResponseReady;
import io.learnflow.model.RoutingDecision;
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
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(value = LearnFlowStackResource.class, initArgs = @ResourceArg(name = "service", value = "progress"))
class AnalyticsTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    final KafkaProbe kafka = new KafkaProbe(LocalStack.shared().endpoints());
    final DatabaseProbe db = new DatabaseProbe(LocalStack.shared().endpoints());
    final StudentTokens tokens = new StudentTokens(LocalStack.shared().endpoints());

    final Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);

    UUID ask(UUID student, QueryType type, int atSecond, int attempt, UUID queryId) {
        send(routed(student, type, atSecond, attempt, queryId));
        return queryId;
    }

    QueryRouted routed(UUID student, QueryType type, int atSecond, int attempt, UUID queryId) {
        return new QueryRouted(UUID.randomUUID(), today.plusSeconds(atSecond), queryId, student, "a question", null,
                null, null, LearningModule.LOOPS, null, new RoutingDecision(type, 0.9, "test", "embedded"), attempt);
    }

    void send(QueryRouted routed) {
        kafka.send(routed.routing().type().queryTopic(), routed.studentId().toString(), EventCodec.encode(routed));
    }

    void answer(UUID student, UUID queryId, ServiceName by, int atSecond) {
        kafka.send(Topics.RESPONSE, student.toString(), EventCodec.encode(new ResponseReady(UUID.randomUUID(),
                today.plusSeconds(atSecond), queryId, student, by, ResponseOutcome.ANSWERED, "explanation", "an answer",
                null, LearningModule.LOOPS, null)));
    }

    void rate(UUID student, UUID queryId, ServiceName by, int rating) {
        kafka.send(Topics.FEEDBACK, student.toString(), EventCodec.encode(new FeedbackSubmitted(UUID.randomUUID(),
                today.plusSeconds(100), queryId, student, by, rating, null)));
    }

    @Test
    void aTeacherSeesTheirClassActivityQueriesTimeToAnswerAndRatings() {
        UUID grace = UUID.randomUUID();
        String classId = given().auth().oauth2(tokens.teacherToken(grace)).contentType(ContentType.JSON)
                .body("{\"name\":\"Analytics\"}").post("/api/v1/teacher/classes").then().statusCode(201)
                .extract().path("id");
        String code = given().auth().oauth2(tokens.teacherToken(grace)).get("/api/v1/teacher/classes")
                .then().extract().path("find { it.id == '" + classId + "' }.joinCode");
        Interactions ada = new Interactions(kafka, UUID.randomUUID());
        Interactions bob = new Interactions(kafka, UUID.randomUUID());
        UUID outsider = UUID.randomUUID();
        for (UUID student : new UUID[] { ada.student, bob.student }) {
            given().auth().oauth2(tokens.studentToken(student)).contentType(ContentType.JSON)
                    .body("{\"joinCode\":\"" + code + "\"}").post("/api/v1/classes/join").then().statusCode(200);
        }

        UUID q1 = ask(ada.student, QueryType.CONCEPT, 10, 1, UUID.randomUUID());
        ask(ada.student, QueryType.CONCEPT, 70, 2, q1);
        UUID q4 = ask(ada.student, QueryType.CONCEPT, 80, 1, UUID.randomUUID());
        UUID q2 = ask(ada.student, QueryType.DEBUG, 20, 1, UUID.randomUUID());
        UUID q3 = ask(bob.student, QueryType.CONCEPT, 30, 1, UUID.randomUUID());
        ask(outsider, QueryType.EXERCISE, 40, 1, UUID.randomUUID());
        QueryRouted deliveredTwice = routed(bob.student, QueryType.DEBUG, 45, 1, UUID.randomUUID());
        send(deliveredTwice);
        send(deliveredTwice);
        answer(ada.student, q1, ServiceName.CONCEPTS, 14);
        answer(ada.student, q2, ServiceName.DEBUG, 30);
        answer(bob.student, q3, ServiceName.CONCEPTS, 36);
        answer(ada.student, q4, ServiceName.CONCEPTS, 88);
        rate(ada.student, q1, ServiceName.CONCEPTS, 4);
        rate(bob.student, q3, ServiceName.CONCEPTS, 5);
        var graded = ada.submission(LearningModule.LOOPS, "loops-sum", true, today.plusSeconds(50));
        await().atMost(WAIT).until(() -> db.count("SELECT count(*) FROM progress.learning_event WHERE student_id IN"
                + " (?, ?)", ada.student, bob.student) == 12);
        await().atMost(WAIT).until(() -> db.count("SELECT count(*) FROM progress.processed_event WHERE event_id = ?",
                graded.eventId()) == 1);

        String day = LocalDate.ofInstant(today, ZoneOffset.UTC).toString();
        given().auth().oauth2(tokens.teacherToken(grace)).get("/api/v1/teacher/classes/" + classId + "/analytics?days=3")
                .then().statusCode(200)
                .body("days", hasSize(3))
                .body("days.find { it.day == '" + day + "' }.activeStudents", equalTo(2))
                .body("days.find { it.day == '" + day + "' }.queriesByType.concept", equalTo(3))
                .body("days.find { it.day == '" + day + "' }.queriesByType.debug", equalTo(2))
                .body("days.find { it.day == '" + day + "' }.queriesByType.exercise", equalTo(null))
                .body("days.find { it.day == '" + day + "' }.submissionsGraded", equalTo(1))
                .body("queriesAnswered", equalTo(4))
                // 4 s, 10 s, 6 s and 8 s from the first routing to the answer
                .body("medianTimeToAnswerMs", equalTo(7000))
                .body("feedbackCount", equalTo(2))
                .body("averageFeedbackRating", equalTo(4.5f));

        given().auth().oauth2(tokens.teacherToken(UUID.randomUUID()))
                .get("/api/v1/teacher/classes/" + classId + "/analytics").then().statusCode(404);
        given().auth().oauth2(tokens.teacherToken(grace))
                .get("/api/v1/teacher/classes/" + classId + "/analytics?days=0").then().statusCode(400);
    }
}
