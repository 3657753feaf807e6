package io.learnflow.triage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.learnflow.model.Topics;
import io.learnflow.stack.KafkaProbe;
import io.learnflow.stack.LocalStack;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class QueryEventsTest {

    final KafkaProbe kafka = new KafkaProbe(LocalStack.shared().endpoints());

    @TestHTTPResource("/")
    URI base;

    @Test
    void eventStreamSendsStatusChangesAndEndsWithTheAnswer() {
        Students.SignedIn ada = Students.registerAndSignIn();
        String id = given().auth().oauth2(ada.token()).contentType(ContentType.JSON)
                .body(Map.of("queryText", "what is a tuple?"))
                .post("/api/v1/queries").then().statusCode(202).extract().path("id");
        Specialists.explain(kafka, ada, id, "A tuple is a list that cannot change.");

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
    void streamShowsRoutedThenProcessingThenCompleted() throws Exception {
        Students.SignedIn ada = Students.registerAndSignIn();
        String id = given().auth().oauth2(ada.token()).contentType(ContentType.JSON)
                .body(Map.of("queryText", "what is a tuple?"))
                .post("/api/v1/queries").then().statusCode(202).extract().path("id");
        Queue<String> statuses = new ConcurrentLinkedQueue<>();
        CompletableFuture<Void> stream = follow(ada, id, statuses);
        await().atMost(Duration.ofSeconds(30)).until(() -> statuses.contains("routed"));

        Specialists.startProcessing(kafka, ada, id, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> statuses.contains("processing"));
        Specialists.explain(kafka, ada, id, "A tuple cannot change.");
        stream.get(30, TimeUnit.SECONDS);

        assertThat(statuses).containsExactly("routed", "processing", "completed");
    }

    @Test
    void waitingStreamReadsNothingUntilItsQueryChanges() throws Exception {
        Students.SignedIn ada = Students.registerAndSignIn();
        String id = given().auth().oauth2(ada.token()).contentType(ContentType.JSON)
                .body(Map.of("queryText", "what is a list?"))
                .post("/api/v1/queries").then().statusCode(202).extract().path("id");
        Queue<String> statuses = new ConcurrentLinkedQueue<>();
        CompletableFuture<Void> stream = follow(ada, id, statuses);
        await().atMost(Duration.ofSeconds(30)).until(() -> statuses.contains("routed"));

        double readsBefore = streamReads();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> streamReads() == readsBefore);

        Specialists.explain(kafka, ada, id, "A list keeps items in order.");
        stream.get(30, TimeUnit.SECONDS);
        assertThat(statuses).containsExactly("routed", "completed");
        assertThat(streamReads()).isGreaterThan(readsBefore);
    }

    @Test
    void clientConnectingAfterTheAnswerGetsItAtOnceAndTheStreamEnds() {
        Students.SignedIn ada = Students.registerAndSignIn();
        String id = given().auth().oauth2(ada.token()).contentType(ContentType.JSON)
                .body(Map.of("queryText", "what is a variable?"))
                .post("/api/v1/queries").then().statusCode(202).extract().path("id");
        Specialists.explain(kafka, ada, id, "A variable is a name for a value.");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(ada.token())
                .get("/api/v1/queries/" + id).then().body("status", equalTo("completed")));

        String stream = given().auth().oauth2(ada.token()).accept("text/event-stream")
                .get("/api/v1/queries/" + id + "/events")
                .then().statusCode(200).extract().asString();

        assertThat(stream.split("data:", -1)).hasSize(2);
        assertThat(stream).contains("\"status\":\"completed\"").contains("A variable is a name for a value.");
    }

    private CompletableFuture<Void> follow(Students.SignedIn student, String queryId, Queue<String> statuses) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/v1/queries/" + queryId + "/events"))
                .header("Authorization", "Bearer " + student.token()).header("Accept", "text/event-stream").build();
        return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body()
                        .map(line -> line.replaceAll(".*\"status\":\"([a-z]+)\".*", "$1"))
                        .filter(status -> status.matches("[a-z]+"))
                        .forEach(statuses::add));
    }

    private static double streamReads() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("learnflow_query_stream_reads_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow();
    }

    @Test
    void processingNeverMovesAnAnsweredQueryBack() {
        Students.SignedIn ada = Students.registerAndSignIn();
        String id = given().auth().oauth2(ada.token()).contentType(ContentType.JSON)
                .body(Map.of("queryText", "How does a for loop work in Python?"))
                .post("/api/v1/queries").then().statusCode(202).extract().path("id");
        Specialists.explain(kafka, ada, id, "A for loop repeats.");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(ada.token())
                .get("/api/v1/queries/" + id).then().body("status", equalTo("completed")));

        Specialists.startProcessing(kafka, ada, id, 2);
        String marker = given().auth().oauth2(ada.token()).contentType(ContentType.JSON)
                .body(Map.of("queryText", "what is a string?"))
                .post("/api/v1/queries").then().statusCode(202).extract().path("id");
        // same student, same partition: once the later query shows processing, the earlier event was handled
        Specialists.startProcessing(kafka, ada, marker, 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(ada.token())
                .get("/api/v1/queries/" + marker).then().body("status", equalTo("processing")));
        given().auth().oauth2(ada.token()).get("/api/v1/queries/" + id)
                .then().body("status", equalTo("completed")).body("answer.content", equalTo("A for loop repeats."));
    }

    @Test
    void processingNoticeOfAnotherStudentsQueryIsDeadLetteredAndChangesNothing() {
        Students.SignedIn ada = Students.registerAndSignIn();
        Students.SignedIn bob = Students.registerAndSignIn();
        String id = given().auth().oauth2(ada.token()).contentType(ContentType.JSON)
                .body(Map.of("queryText", "what does a dictionary store?"))
                .post("/api/v1/queries").then().statusCode(202).extract().path("id");

        Specialists.startProcessing(kafka, bob, id, 1);

        assertThat(kafka.find(Topics.deadLetterOf(Topics.QUERY_STATUS), r -> r.value().contains(id),
                Duration.ofSeconds(30))).hasSize(1);
        given().auth().oauth2(ada.token()).get("/api/v1/queries/" + id).then().body("status", equalTo("routed"));
        Specialists.startProcessing(kafka, ada, id, 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(ada.token())
                .get("/api/v1/queries/" + id).then().body("status", equalTo("processing")));
    }

    @Test
    void processingNoticeAndAnswerArrivingTogetherNeverLoseTheAnswer() {
        Students.SignedIn ada = Students.registerAndSignIn();
        List<String> ids = IntStream.range(0, 12).mapToObj(i -> given().auth().oauth2(ada.token())
                .contentType(ContentType.JSON).body(Map.of("queryText", "what is a tuple? (" + i + ")"))
                .post("/api/v1/queries").then().statusCode(202).extract().jsonPath().getString("id")).toList();

        for (String id : ids) {
            Specialists.startProcessing(kafka, ada, id, 1);
            Specialists.explain(kafka, ada, id, "Answer to " + id);
        }

        for (String id : ids) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(ada.token())
                    .get("/api/v1/queries/" + id).then()
                    .body("status", equalTo("completed"))
                    .body("answer.content", equalTo("Answer to " + id)));
        }
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
