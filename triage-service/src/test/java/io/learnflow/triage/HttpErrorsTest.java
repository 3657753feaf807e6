package io.learnflow.triage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

@QuarkusTest
class HttpErrorsTest {

    static final String PROBLEM = "application/problem+json";

    @Test
    void malformedJsonIsA400Problem() {
        Students.SignedIn ada = Students.registerAndSignIn();
        given().auth().oauth2(ada.token()).contentType(ContentType.JSON).body("{\"queryText\": \"unfinished")
                .post("/api/v1/queries")
                .then().statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400)).body("title", equalTo("Malformed request body"));
    }

    @Test
    void missingOrTooLongTextIsA400NamingTheField() {
        Students.SignedIn ada = Students.registerAndSignIn();
        given().auth().oauth2(ada.token()).contentType(ContentType.JSON).body(Map.of("code", "x = 1"))
                .post("/api/v1/queries")
                .then().statusCode(400).contentType(PROBLEM)
                .body("invalidParams.name", hasItem("queryText"));
        given().auth().oauth2(ada.token()).contentType(ContentType.JSON)
                .body(Map.of("queryText", "a".repeat(10_001)))
                .post("/api/v1/queries")
                .then().statusCode(400).contentType(PROBLEM)
                .body("invalidParams.name", hasItem("queryText"))
                .body("detail", containsString("10000"));
        given().auth().oauth2(ada.token()).contentType(ContentType.JSON)
                .body(Map.of("queryText", "a".repeat(10_000)))
                .post("/api/v1/queries")
                .then().statusCode(202);
    }

    @Test
    void aBodyOverSixtyFourKibibytesIsA413Problem() throws Exception {
        Students.SignedIn ada = Students.registerAndSignIn();
        String refused = exchangeRaw("POST /api/v1/queries HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + ada.token() + "\r\nContent-Type: application/json\r\nContent-Length: " + 11 * 1024 * 1024
                + "\r\nExpect: 100-continue\r\n\r\n");
        assertThat(refused).startsWith("HTTP/1.1 413").containsIgnoringCase("Content-Type: " + PROBLEM)
                .contains("\"status\":413", "larger than the service accepts");
        given().auth().oauth2(ada.token()).contentType(ContentType.JSON)
                .body(Map.of("queryText", "why does this fail?", "code", "x = 1\n".repeat(3_000)))
                .post("/api/v1/queries")
                .then().statusCode(202);
    }

    /** Sends the request head only and reads what the service answers until it closes the connection. */
    private static String exchangeRaw(String head) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void unknownEnumValueIsA400() {
        Students.SignedIn ada = Students.registerAndSignIn();
        given().auth().oauth2(ada.token()).contentType(ContentType.JSON)
                .body(Map.of("queryText", "what is a loop?", "module", "astrology"))
                .post("/api/v1/queries")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("astrology"));
    }

    @Test
    void unknownQueryIsA404() {
        Students.SignedIn ada = Students.registerAndSignIn();
        given().auth().oauth2(ada.token()).get("/api/v1/queries/" + UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM).body("status", equalTo(404));
    }

    @Test
    void missingOrForgedTokenIsA401() {
        given().contentType(ContentType.JSON).body(Map.of("queryText", "hello"))
                .post("/api/v1/queries")
                .then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.").get("/api/v1/queries")
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        String email = "ana-" + UUID.randomUUID() + "@example.org";
        given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "a good long password", "firstName", "Ana", "lastName", "B"))
                .post("/api/v1/students").then().statusCode(201).body(not(containsString("password")));
        String wrongPassword = given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "not the password"))
                .post("/api/v1/auth/token").then().statusCode(401).contentType(PROBLEM).extract().path("detail");
        given().contentType(ContentType.JSON)
                .body(Map.of("email", "nobody-" + UUID.randomUUID() + "@example.org", "password", "not the password"))
                .post("/api/v1/auth/token").then().statusCode(401).body("detail", equalTo(wrongPassword));
    }

    @Test
    void registeringTheSameEmailTwiceIsAConflict() {
        Map<String, String> student = Map.of("email", "twice-" + UUID.randomUUID() + "@example.org",
                "password", "a good long password", "firstName", "Ana", "lastName", "B");
        given().contentType(ContentType.JSON).body(student).post("/api/v1/students").then().statusCode(201);
        given().contentType(ContentType.JSON).body(student).post("/api/v1/students")
                .then().statusCode(409).contentType(PROBLEM);
    }
}
