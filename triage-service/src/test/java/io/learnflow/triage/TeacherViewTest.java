package io.learnflow.triage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class TeacherViewTest {

    private static String teacherToken() {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", "teacher-a@learnflow.test", "password", "a teacher's long passphrase"))
                .post("/api/v1/auth/token")
                .then().statusCode(200).extract().path("accessToken");
    }

    @Test
    void aConfiguredTeacherReadsAStudentsQueriesAndStudentsCannot() {
        Students.SignedIn student = Students.registerAndSignIn();
        given().auth().oauth2(student.token()).contentType(ContentType.JSON)
                .body(Map.of("queryText", "What does len() return for a dictionary?"))
                .post("/api/v1/queries").then().statusCode(202);

        given().auth().oauth2(teacherToken()).queryParam("studentId", student.id())
                .get("/api/v1/teacher/queries")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].queryText", equalTo("What does len() return for a dictionary?"));
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
