package io.learnflow.triage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.learnflow.model.ClassMembershipChanged;
import io.learnflow.model.EventCodec;
import io.learnflow.model.Topics;
import io.learnflow.stack.KafkaProbe;
import io.learnflow.stack.LocalStack;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class TeacherViewTest {

    final KafkaProbe kafka = new KafkaProbe(LocalStack.shared().endpoints());

    private static String teacherToken() {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", "teacher-a@learnflow.test", "password", "a teacher's long passphrase"))
                .post("/api/v1/auth/token")
                .then().statusCode(200).extract().path("accessToken");
    }

    private static UUID subjectOf(String token) throws Exception {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return UUID.fromString(new ObjectMapper().readTree(payload).get("sub").asText());
    }

    @Test
    void aTeacherReadsTheQueriesOfTheirClassesStudentsOnlyAndStudentsCannot() throws Exception {
        Students.SignedIn student = Students.registerAndSignIn();
        given().auth().oauth2(student.token()).contentType(ContentType.JSON)
                .body(Map.of("queryText", "What does len() return for a dictionary?"))
                .post("/api/v1/queries").then().statusCode(202);
        String teacher = teacherToken();

        given().auth().oauth2(teacher).queryParam("studentId", student.id()).get("/api/v1/teacher/queries")
                .then().statusCode(404).contentType("application/problem+json");

        UUID classId = UUID.randomUUID();
        kafka.send(Topics.CLASS_MEMBERSHIP, student.id().toString(), EventCodec.encode(new ClassMembershipChanged(
                UUID.randomUUID(), Instant.now(), classId, subjectOf(teacher), student.id(), true)));
        kafka.send(Topics.CLASS_MEMBERSHIP, student.id().toString(), "{ not a membership");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(teacher)
                .queryParam("studentId", student.id()).get("/api/v1/teacher/queries")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].queryText", equalTo("What does len() return for a dictionary?")));
        assertThat(kafka.find(Topics.deadLetterOf(Topics.CLASS_MEMBERSHIP),
                r -> r.value().equals("{ not a membership"), Duration.ofSeconds(30))).hasSize(1);

        kafka.send(Topics.CLASS_MEMBERSHIP, student.id().toString(), EventCodec.encode(new ClassMembershipChanged(
                UUID.randomUUID(), Instant.now(), classId, subjectOf(teacher), student.id(), false)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(teacher)
                .queryParam("studentId", student.id()).get("/api/v1/teacher/queries").then().statusCode(404));
        given().auth().oauth2(teacherToken()).get("/api/v1/teacher/queries")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(student.token()).queryParam("studentId", student.id())
                .get("/api/v1/teacher/queries")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void selfRegistrationNeverMakesATeacher() {
        String email = "would-be-teacher-" + UUID.randomUUID() + "@example.org";
        given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "a long enough passphrase", "firstName", "Mal",
                        "lastName", "Lory", "role", "teacher"))
                .post("/api/v1/students").then().statusCode(201);
        String token = given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "a long enough passphrase"))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("accessToken");
        given().auth().oauth2(token).queryParam("studentId", UUID.randomUUID()).get("/api/v1/teacher/queries")
                .then().statusCode(403);
    }
}
