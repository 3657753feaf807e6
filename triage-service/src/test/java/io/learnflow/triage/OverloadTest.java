package io.learnflow.triage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** With no room for another query, triage refuses at once with 503 and Retry-After, and keeps nothing of it. */
@QuarkusTest
@TestProfile(OverloadTest.NoRoom.class)
class OverloadTest {

    public static class NoRoom implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("learnflow.triage.limits.max-in-flight", "0");
        }
    }

    @Test
    void aQueryPastTheInFlightBoundIsRefusedWith503AndRetryAfter() {
        Students.SignedIn ada = Students.registerAndSignIn();

        given().auth().oauth2(ada.token()).contentType(ContentType.JSON)
                .body(Map.of("queryText", "what is a list?"))
                .post("/api/v1/queries")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("1"))
                .body("status", equalTo(503))
                .body("detail", containsString("again in a moment"));

        given().auth().oauth2(ada.token()).get("/api/v1/queries?page=0")
                .then().statusCode(200).body("total", equalTo(0));
    }
}
