package io.learnflow.triage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.learnflow.model.EventCodec;
import io.learnflow.model.QueryRouted;
import io.learnflow.model.Topics;
import io.learnflow.stack.DatabaseProbe;
import io.learnflow.stack.KafkaProbe;
import io.learnflow.stack.LearnFlowStackResource;
import io.learnflow.stack.LocalStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The optional input, tests and exercise of a debugging request travel from the HTTP body to the debug topic. */
@QuarkusTest
@QuarkusTestResource(value = LearnFlowStackResource.class, initArgs = @ResourceArg(name = "service", value = "triage"))
class QueryDebugInputsTest {

    final KafkaProbe kafka = new KafkaProbe(LocalStack.shared().endpoints());
    final DatabaseProbe db = new DatabaseProbe(LocalStack.shared().endpoints());

    @Test
    void stdinTestsAndExerciseAreStoredAndRouted() {
        Students.SignedIn ada = Students.registerAndSignIn();

        String id = given().auth().oauth2(ada.token()).contentType(ContentType.JSON)
                .body(Map.of("queryText", "my function returns the wrong number, the test fails",
                        "code", "def add(a, b):\n    return a - b", "stdin", "2\n3\n",
                        "tests", "assert add(2, 3) == 5", "exerciseId", "mbpp-17"))
                .post("/api/v1/queries").then().statusCode(202).extract().path("id");

        List<ConsumerRecord<String, String>> published = kafka.find(Topics.QUERY_DEBUG, r -> r.value().contains(id),
                Duration.ofSeconds(30));
        assertThat(published).hasSize(1);
        QueryRouted event = EventCodec.decode(published.get(0).value(), QueryRouted.class);
        assertThat(event.stdin()).isEqualTo("2\n3\n");
        assertThat(event.tests()).isEqualTo("assert add(2, 3) == 5");
        assertThat(event.exerciseId()).isEqualTo("mbpp-17");
        assertThat(db.rows("SELECT stdin, tests, exercise_id FROM triage.student_query WHERE id = ?",
                UUID.fromString(id))).singleElement().satisfies(row -> assertThat(row.get("exercise_id"))
                .isEqualTo("mbpp-17"));
    }

    @Test
    void testsOverTheLimitAreRefusedNamingTheField() {
        Students.SignedIn ada = Students.registerAndSignIn();

        given().auth().oauth2(ada.token()).contentType(ContentType.JSON)
                .body(Map.of("queryText", "my test fails", "code", "x = 1", "tests", "#".repeat(20_001)))
                .post("/api/v1/queries").then().statusCode(400)
                .body("invalidParams.name", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("tests")));
    }
}
