package io.learnflow.triage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.learnflow.model.EventCodec;
import io.learnflow.model.QueryRouted;
import io.learnflow.model.QueryType;
import io.learnflow.model.ServiceName;
import io.learnflow.model.Topics;
import io.learnflow.stack.DatabaseProbe;
import io.learnflow.stack.KafkaProbe;
import io.learnflow.stack.LearnFlowStackResource;
import io.learnflow.stack.LocalStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A specialist that cannot serve a query hands it back; triage routes it once more, and never a second time. */
@QuarkusTest
@QuarkusTestResource(value = LearnFlowStackResource.class, initArgs = @ResourceArg(name = "service", value = "triage"))
class HandBackTest {

    private static final String TRACEBACK_REASON = "it carries a Python traceback or error message";

    final KafkaProbe kafka = new KafkaProbe(LocalStack.shared().endpoints());
    final DatabaseProbe db = new DatabaseProbe(LocalStack.shared().endpoints());

    @Test
    void aHandedBackQueryIsRoutedOnceMoreRecordedAndAnsweredThere() {
        Students.SignedIn ada = Students.registerAndSignIn();
        String id = askConcepts(ada);

        Specialists.handBack(kafka, ada, id, ServiceName.CONCEPTS, TRACEBACK_REASON, QueryType.DEBUG);
        Specialists.handBack(kafka, ada, id, ServiceName.CONCEPTS, TRACEBACK_REASON, QueryType.DEBUG);
        List<ConsumerRecord<String, String>> rerouted = kafka.find(Topics.QUERY_DEBUG, r -> r.value().contains(id),
                Duration.ofSeconds(30));
        QueryRouted event = EventCodec.decode(rerouted.get(0).value(), QueryRouted.class);
        assertThat(event.handedBackBy()).isEqualTo(ServiceName.CONCEPTS);
        assertThat(event.routing().type()).isEqualTo(QueryType.DEBUG);
        assertThat(event.attempt()).isEqualTo(2);
        Specialists.explain(kafka, ada, id, "An answer from the tutor that handed the question back.");
        Specialists.answer(kafka, ada, id, ServiceName.DEBUG, "hint", "Line 2 uses a name that was never defined.",
                null, null);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(ada.token())
                .get("/api/v1/queries/" + id)
                .then().statusCode(200)
                .body("status", equalTo("completed"))
                .body("routing.type", equalTo("debug"))
                .body("answer.answeredBy", equalTo("debug"))
                .body("answer.content", equalTo("Line 2 uses a name that was never defined.")));
        assertThat(kafka.find(Topics.QUERY_DEBUG, r -> r.value().contains(id), Duration.ofSeconds(30)))
                .as("the duplicate hand-back routes nothing more").hasSize(1);
        assertThat(db.rows("SELECT original_service, target_service, routing_reason, attempt, delivery"
                + " FROM triage.service_routing WHERE query_id = ? ORDER BY attempt", UUID.fromString(id)))
                .satisfiesExactly(
                        first -> {
                            assertThat(first.get("original_service")).isEqualTo("TRIAGE");
                            assertThat(first.get("target_service")).isEqualTo("CONCEPTS");
                        },
                        handBack -> {
                            assertThat(handBack.get("original_service")).isEqualTo("CONCEPTS");
                            assertThat(handBack.get("target_service")).isEqualTo("DEBUG");
                            assertThat((String) handBack.get("routing_reason")).contains("handed back by concepts")
                                    .contains(TRACEBACK_REASON);
                            assertThat(handBack.get("delivery")).isEqualTo("SENT");
                        });
    }

    @Test
    void aSecondHandBackIsNotRoutedAgainButEndsTheQueryWithAReason() {
        Students.SignedIn ada = Students.registerAndSignIn();
        String id = askConcepts(ada);
        Specialists.handBack(kafka, ada, id, ServiceName.CONCEPTS, TRACEBACK_REASON, QueryType.DEBUG);
        kafka.find(Topics.QUERY_DEBUG, r -> r.value().contains(id), Duration.ofSeconds(30));

        Specialists.handBack(kafka, ada, id, ServiceName.DEBUG, "it asks for practice", QueryType.EXERCISE);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(ada.token())
                .get("/api/v1/queries/" + id)
                .then().statusCode(200)
                .body("status", equalTo("failed"))
                .body("failureReason", containsString("No tutor could take this question")));
        assertThat(db.rows("SELECT target_service FROM triage.service_routing WHERE query_id = ? ORDER BY attempt",
                UUID.fromString(id))).extracting(row -> row.get("target_service")).containsExactly("CONCEPTS", "DEBUG");
    }

    @Test
    void onlyTheSpecialistTheQueryIsRoutedToMayHandItBack() {
        Students.SignedIn ada = Students.registerAndSignIn();
        String id = askConcepts(ada);

        Specialists.handBack(kafka, ada, id, ServiceName.EXERCISE, "not mine", QueryType.DEBUG);
        Specialists.explain(kafka, ada, id, "A list keeps items in order.");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(ada.token())
                .get("/api/v1/queries/" + id)
                .then().statusCode(200)
                .body("status", equalTo("completed"))
                .body("answer.answeredBy", equalTo("concepts")));
        assertThat(db.count("SELECT count(*) FROM triage.service_routing WHERE query_id = ?", UUID.fromString(id)))
                .isEqualTo(1);
    }

    private static String askConcepts(Students.SignedIn student) {
        return given().auth().oauth2(student.token()).contentType(ContentType.JSON)
                .body(Map.of("queryText", "What is a list in Python and how do I make one?"))
                .post("/api/v1/queries").then().statusCode(202)
                .body("routing.type", equalTo("concept"))
                .extract().path("id");
    }
}
