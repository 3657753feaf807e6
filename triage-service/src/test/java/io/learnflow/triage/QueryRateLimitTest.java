package io.learnflow.triage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.learnflow.model.Topics;
import io.learnflow.stack.DatabaseProbe;
import io.learnflow.stack.KafkaProbe;
import io.learnflow.stack.LocalStack;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class QueryRateLimitTest {

    final KafkaProbe kafka = new KafkaProbe(LocalStack.shared().endpoints());
    final DatabaseProbe db = new DatabaseProbe(LocalStack.shared().endpoints());

    @Test
    void theQueryOverTheLimitOfAMinuteIsRefusedAndNothingOfItIsKept() {
        Students.SignedIn student = Students.registerAndSignIn();
        String marker = UUID.randomUUID().toString();

        for (int i = 1; i <= 60; i++) {
            given().auth().oauth2(student.token()).contentType(ContentType.JSON)
                    .body(Map.of("queryText", "What is a list in Python? " + marker + " #" + i))
                    .post("/api/v1/queries")
                    .then().statusCode(202);
        }
        given().auth().oauth2(student.token()).contentType(ContentType.JSON)
                .body(Map.of("queryText", "What is a tuple in Python? " + marker + " #61"))
                .post("/api/v1/queries")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"))
                .body("status", equalTo(429))
                .body("detail", containsString("at most 60 a minute"));

        assertThat(db.rows("SELECT count(*) AS n FROM triage.student_query WHERE student_id = ?", student.id()))
                .singleElement().satisfies(row -> assertThat(row.get("n")).isEqualTo(60L));
        assertThat(db.rows("SELECT id FROM triage.student_query WHERE query_text LIKE ?", "%" + marker + " #61"))
                .isEmpty();
        assertThat(kafka.find(Topics.QUERY_CONCEPTS, r -> r.value().contains(marker + " #60"), Duration.ofSeconds(30)))
                .hasSize(1);

        Students.SignedIn other = Students.registerAndSignIn();
        given().auth().oauth2(other.token()).contentType(ContentType.JSON)
                .body(Map.of("queryText", "What is a tuple in Python?"))
                .post("/api/v1/queries")
                .then().statusCode(202);
    }
}
