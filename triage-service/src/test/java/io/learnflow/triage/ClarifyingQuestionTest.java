package io.learnflow.triage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import io.learnflow.stack.LocalStack;
import io.learnflow.triage.classification.ClassifierDefaults;
import io.learnflow.triage.classification.EmbeddedClassifier;
import io.learnflow.triage.classification.StudentMessage;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ClarifyingQuestionTest {

    static final String UNCLEAR = "tuples";
    static final String FOLLOW_UP = "I'd like an exercise to practise it";

    final KafkaProbe kafka = new KafkaProbe(LocalStack.shared().endpoints());
    final DatabaseProbe db = new DatabaseProbe(LocalStack.shared().endpoints());

    @Test
    void anUnclearMessageGetsAClarifyingQuestionAndTheAnswerIsRoutedWithIt() {
        try (EmbeddedClassifier shipped = EmbeddedClassifier.shipped(Double.parseDouble(ClassifierDefaults.EARLY_EXIT))) {
            assertThat(shipped.classify(new StudentMessage(UNCLEAR, null, null)).confidence())
                    .as("the shipped model is unsure about \"%s\"", UNCLEAR)
                    .isLessThan(Double.parseDouble(ClassifierDefaults.CLARIFY_BELOW));
        }
        Students.SignedIn student = Students.registerAndSignIn();

        JsonPath asked = given().auth().oauth2(student.token()).contentType(ContentType.JSON)
                .body(Map.of("queryText", UNCLEAR))
                .post("/api/v1/queries")
                .then().statusCode(202).extract().jsonPath();
        String askedId = asked.getString("id");
        String sessionId = asked.getString("sessionId");

        JsonPath answered = await().atMost(Duration.ofSeconds(30)).until(
                () -> given().auth().oauth2(student.token()).get("/api/v1/queries/" + askedId)
                        .then().statusCode(200).extract().jsonPath(),
                view -> "completed".equals(view.getString("status")));
        assertThat(answered.getString("answer.type")).isEqualTo("clarifying_question");
        assertThat(answered.getString("answer.answeredBy")).isEqualTo("triage");
        assertThat(answered.getString("answer.content")).contains("would you like").endsWith("?");
        assertThat(db.rows("SELECT clarifying_question FROM triage.student_query WHERE id = ?",
                UUID.fromString(askedId)))
                .singleElement().satisfies(row -> assertThat(row.get("clarifying_question"))
                        .isEqualTo(answered.getString("answer.content")));
        assertThat(db.count("SELECT count(*) FROM triage.service_routing WHERE query_id = ?", UUID.fromString(askedId)))
                .as("triage asks its clarifying question itself, without a delivery over Kafka")
                .isZero();

        String followUpId = given().auth().oauth2(student.token()).contentType(ContentType.JSON)
                .body(Map.of("queryText", FOLLOW_UP, "sessionId", sessionId))
                .post("/api/v1/queries")
                .then().statusCode(202)
                .body("routing.type", org.hamcrest.Matchers.equalTo("exercise"))
                .extract().path("id");

        List<ConsumerRecord<String, String>> routed = kafka.find(Topics.QUERY_EXERCISE,
                r -> r.value().contains(followUpId), Duration.ofSeconds(30));
        assertThat(routed).hasSize(1);
        QueryRouted event = EventCodec.decode(routed.get(0).value(), QueryRouted.class);
        assertThat(event.queryText()).isEqualTo(UNCLEAR + "\n" + FOLLOW_UP);
        assertThat(db.rows("SELECT follows_query_id, clarifying_question, query_text FROM triage.student_query"
                + " WHERE id = ?", UUID.fromString(followUpId))).singleElement().satisfies(row -> {
                    assertThat(row.get("follows_query_id")).isEqualTo(UUID.fromString(askedId));
                    assertThat(row.get("clarifying_question")).isNull();
                    assertThat(row.get("query_text")).isEqualTo(FOLLOW_UP);
                });
    }
}
