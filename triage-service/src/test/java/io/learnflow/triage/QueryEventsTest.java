package io.learnflow.triage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.learnflow.model.EventCodec;
import io.learnflow.model.ResponseOutcome;
import io.learnflow.model.ResponseReady;
import io.learnflow.model.ServiceName;
import io.learnflow.model.Topics;
import io.learnflow.stack.KafkaProbe;
import io.learnflow.stack.LocalStack;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class QueryEventsTest {

    final KafkaProbe kafka = new KafkaProbe(LocalStack.shared().endpoints());

    @Test
    void eventStreamSendsStatusChangesAndEndsWithTheAnswer() {
        Students.SignedIn ada = Students.registerAndSignIn();
        String id = given().auth().oauth2(ada.token()).contentType(ContentType.JSON)
                .body(Map.of("queryText", "what is a tuple?"))
                .post("/api/v1/queries").then().statusCode(202).extract().path("id");
        kafka.send(Topics.RESPONSE, ada.id().toString(), EventCodec.encode(new ResponseReady(UUID.randomUUID(),
                Instant.now(), UUID.fromString(id), ada.id(), ServiceName.CONCEPTS, ResponseOutcome.ANSWERED,
                "explanation", "A tuple is a list that cannot change.", null, null, null)));

        String stream = given().auth().oauth2(ada.token()).accept("text/event-stream")
                .get("/api/v1/queries/" + id + "/events")
                .then().statusCode(200).extract().asString();

        assertThat(stream).contains("data:").contains("\"status\":\"completed\"")
                .contains("A tuple is a list that cannot change.");
        assertThat(stream.lastIndexOf("\"status\":\"completed\""))
                .isGreaterThan(Math.max(stream.lastIndexOf("\"status\":\"routed\""),
                        stream.lastIndexOf("\"status\":\"pending\"")));
    }

    @Test
    void anotherStudentsStreamIsNotFound() {
        Students.SignedIn ada = Students.registerAndSignIn();
        Students.SignedIn bob = Students.registerAndSignIn();
        String id = given().auth().oauth2(ada.token()).contentType(ContentType.JSON)
                .body(Map.of("queryText", "what is a set?"))
                .post("/api/v1/queries").then().statusCode(202).extract().path("id");

        given().auth().oauth2(bob.token()).accept("text/event-stream")
                .get("/api/v1/queries/" + id + "/events")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
