package io.learnflow.triage;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;

/** Registers students through the API and signs them in, as a client would. */
final class Students {

    private Students() {
    }

    record SignedIn(UUID id, String token) {
    }

    static SignedIn registerAndSignIn() {
        String email = "student-" + UUID.randomUUID() + "@example.org";
        String password = "correct horse battery";
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password, "firstName", "Ada", "lastName", "Byron"))
                .post("/api/v1/students")
                .then().statusCode(201).extract().path("id");
        String token = given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/token")
                .then().statusCode(200).extract().path("accessToken");
        return new SignedIn(UUID.fromString(id), token);
    }
}
