package io.learnflow.triage;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.learnflow.stack.KafkaProbe;
import io.learnflow.stack.LocalStack;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * With as many routed queries waiting for their answer as allowed, triage refuses the next query at once with 503 and
 * Retry-After and keeps nothing of it; once the specialist's answer is committed (and noticed), it takes queries again.
 */
@QuarkusTest
@TestProfile(OverloadTest.OneAwaitingAnswer.class)
class OverloadTest {

    public static class OneAwaitingAnswer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("learnflow.triage.limits.max-awaiting-answer", "1",
                    "learnflow.triage.redrive.deadline", "10m");
        }
    }

    final KafkaProbe kafka = new KafkaProbe(LocalStack.shared().endpoints());

    @Test
    void aQueryPastTheBoundOnUnansweredQueriesIsRefusedWith503UntilTheAnswerComes() {
        Students.SignedIn ada = Students.registerAndSignIn();
        String first = ask(ada, "What is a list in Python and how do I make one?").then().statusCode(202)
                .body("routing.type", equalTo("concept"))
                .extract().path("id");

        ask(ada, "What is a dictionary in Python?")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("1"))
                .body("status", equalTo(503))
                .body("detail", containsString("again in a moment"));
        given().auth().oauth2(ada.token()).get("/api/v1/queries?page=0")
                .then().statusCode(200).body("total", equalTo(1));

        Specialists.explain(kafka, ada, first, "A list keeps values in order: [1, 2, 3].");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(
                () -> ask(ada, "What is a dictionary in Python?").then().statusCode(202));
        given().auth().oauth2(ada.token()).get("/api/v1/queries?page=0")
                .then().statusCode(200).body("total", equalTo(2));
    }

    private static io.restassured.response.Response ask(Students.SignedIn student, String text) {
        return given().auth().oauth2(student.token()).contentType(ContentType.JSON)
                .body(Map.of("queryText", text)).post("/api/v1/queries");
    }
}
