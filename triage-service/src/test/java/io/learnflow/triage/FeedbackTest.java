package io.learnflow.triage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.learnflow.model.EventCodec;
import io.learnflow.model.FeedbackSubmitted;
import io.learnflow.model.ServiceName;
import io.learnflow.model.Topics;
import io.learnflow.stack.KafkaProbe;
import io.learnflow.stack.LocalStack;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class FeedbackTest {

    final KafkaProbe kafka = new KafkaProbe(LocalStack.shared().endpoints());

    @Test
    void feedbackIsStoredAndForwardedToTheSpecialistThatAnswered() {
        Students.SignedIn ada = Students.registerAndSignIn();
        String id = given().auth().oauth2(ada.token()).contentType(ContentType.JSON)
                .body(Map.of("queryText", "what is a lambda?"))
                .post("/api/v1/queries").then().statusCode(202).extract().path("id");

        given().auth().oauth2(ada.token()).contentType(ContentType.JSON).body(Map.of("rating", 4))
                .post("/api/v1/queries/" + id + "/feedback")
                .then().statusCode(409).contentType("application/problem+json");

        Specialists.explain(kafka, ada, id, "A lambda is a small unnamed function.");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(ada.token())
                .get("/api/v1/queries/" + id).then().body("status", equalTo("completed")));

        given().auth().oauth2(ada.token()).contentType(ContentType.JSON).body(Map.of("rating", 6))
                .post("/api/v1/queries/" + id + "/feedback")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(ada.token()).contentType(ContentType.JSON)
                .body(Map.of("rating", 4, "comment", "short and clear"))
                .post("/api/v1/queries/" + id + "/feedback")
                .then().statusCode(200).body("feedback.rating", equalTo(4));

        var forwarded = kafka.find(Topics.FEEDBACK, r -> r.value().contains(id), Duration.ofSeconds(30));
        assertThat(forwarded).hasSize(1);
        FeedbackSubmitted event = EventCodec.decode(forwarded.get(0).value(), FeedbackSubmitted.class);
        assertThat(event.answeredBy()).isEqualTo(ServiceName.CONCEPTS);
        assertThat(event.rating()).isEqualTo(4);
        assertThat(event.comment()).isEqualTo("short and clear");
    }
}
