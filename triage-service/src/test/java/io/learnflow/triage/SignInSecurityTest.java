package io.learnflow.triage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class SignInSecurityTest {

    private static ValidatableResponse register(String email, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password, "firstName", "Ana", "lastName", "B"))
                .post("/api/v1/students").then();
    }

    private static ValidatableResponse signIn(String email, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/token").then();
    }

    private static String email() {
        return "student-" + UUID.randomUUID() + "@example.org";
    }

    @Test
    void commonAndShortPasswordsAreRefusedNamingTheField() {
        register(email(), "password123").statusCode(400).contentType("application/problem+json")
                .body("invalidParams[0].name", equalTo("password"))
                .body("invalidParams[0].reason", containsString("most common passwords"));
        register(email(), "QwErTy123").statusCode(400).body("detail", containsString("password"));
        register(email(), "short").statusCode(400).body("detail", containsString("between 8 and 128"));
        register(email(), "a long and uncommon passphrase").statusCode(201);
    }

    @Test
    void repeatedFailuresForOneEmailAreSlowedDownAlikeForUnknownEmails() {
        String known = email();
        register(known, "the right passphrase").statusCode(201);
        String unknown = email();

        for (int attempt = 1; attempt <= 5; attempt++) {
            String knownDetail = signIn(known, "wrong guess " + attempt).statusCode(401).extract().path("detail");
            String unknownDetail = signIn(unknown, "wrong guess " + attempt).statusCode(401).extract().path("detail");
            assertThat(unknownDetail).isEqualTo(knownDetail);
        }
        String knownRefusal = signIn(known, "the right passphrase").statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"))
                .extract().path("detail");
        String unknownRefusal = signIn(unknown, "the right passphrase").statusCode(429).extract().path("detail");
        assertThat(knownRefusal).contains("too many failed sign-ins");
        assertThat(unknownRefusal.replaceAll("\\d+ s", "N s")).isEqualTo(knownRefusal.replaceAll("\\d+ s", "N s"));

        String other = email();
        register(other, "another good passphrase").statusCode(201);
        signIn(other, "another good passphrase").statusCode(200).body("tokenType", equalTo("Bearer"));
    }

    @Test
    void aRefreshTokenBuysOneNewPairAndReusingItEndsTheFamily() {
        String email = email();
        register(email, "a refreshing passphrase").statusCode(201);
        io.restassured.path.json.JsonPath first = signIn(email, "a refreshing passphrase").statusCode(200)
                .body("expiresIn", equalTo(900)).extract().jsonPath();
        String firstRefresh = first.getString("refreshToken");
        assertThat(first.getLong("refreshExpiresIn")).isEqualTo(7 * 24 * 3600L);

        io.restassured.path.json.JsonPath second = refresh(firstRefresh).statusCode(200).extract().jsonPath();
        assertThat(second.getString("refreshToken")).isNotEqualTo(firstRefresh);
        given().auth().oauth2(second.getString("accessToken")).get("/api/v1/queries").then().statusCode(200);

        refresh(firstRefresh).statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("sign in again"));
        refresh(second.getString("refreshToken")).statusCode(401);
        refresh("not-a-token").statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/auth/refresh").then().statusCode(400);
    }

    private static ValidatableResponse refresh(String refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken))
                .post("/api/v1/auth/refresh").then();
    }
}
