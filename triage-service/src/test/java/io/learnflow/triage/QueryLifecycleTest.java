package io.learnflow.triage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.learnflow.model.EventCodec;
import io.learnflow.model.LearningModule;
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
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@QuarkusTestResource(value = LearnFlowStackResource.class, initArgs = @ResourceArg(name = "service", value = "triage"))
class QueryLifecycleTest {

    final KafkaProbe kafka = new KafkaProbe(LocalStack.shared().endpoints());
    final DatabaseProbe db = new DatabaseProbe(LocalStack.shared().endpoints());

    @Test
    void acceptedQueryIsStoredRoutedAndPublishedToTheSpecialistTopic() {
        Students.SignedIn ada = Students.registerAndSignIn();

        ValidatableResponse accepted = given().auth().oauth2(ada.token()).contentType(ContentType.JSON)
                .body(Map.of("queryText", "I get an error when I run this", "code", "print(nme)",
                        "errorText", "NameError: name 'nme' is not defined", "module", "variables"))
                .post("/api/v1/queries")
                .then().statusCode(202)
                .body("routing.type", equalTo("debug"))
                .body("status", equalTo("routed"));
        String id = accepted.extract().path("id");
        // no specialist runs here: the stored query stays as the POST described it, field for field
        assertThat(given().auth().oauth2(ada.token()).get("/api/v1/queries/" + id).then().statusCode(200)
                .extract().asString()).isEqualTo(accepted.extract().asString());
        given().auth().oauth2(ada.token()).contentType(ContentType.JSON)
                .body(Map.of("queryText", "what is a list?"))
                .post("/api/v1/queries")
                .then().statusCode(202)
                .header("Location", org.hamcrest.Matchers.matchesPattern(".*/api/v1/queries/[0-9a-f-]{36}$"));

        List<ConsumerRecord<String, String>> published = kafka.find(Topics.QUERY_DEBUG,
                r -> r.value().contains(id), Duration.ofSeconds(30));
        assertThat(published).hasSize(1);
        QueryRouted event = EventCodec.decode(published.get(0).value(), QueryRouted.class);
        assertThat(published.get(0).key()).isEqualTo(ada.id().toString());
        assertThat(event.studentId()).isEqualTo(ada.id());
        assertThat(event.routing().type()).isEqualTo(QueryType.DEBUG);
        assertThat(event.module()).isEqualTo(LearningModule.VARIABLES);
        assertThat(event.errorText()).contains("NameError");

        assertThat(db.rows("SELECT status, query_type FROM triage.student_query WHERE id = ?", UUID.fromString(id)))
                .singleElement().satisfies(row -> {
                    assertThat(row.get("status")).isEqualTo("ROUTED");
                    assertThat(row.get("query_type")).isEqualTo("DEBUG");
                });
        assertThat(db.rows("SELECT target_service, kafka_topic, kafka_message_id, delivery, delivered_at"
                + " FROM triage.service_routing WHERE query_id = ?", UUID.fromString(id))).singleElement()
                .satisfies(row -> {
                    assertThat(row.get("target_service")).isEqualTo("DEBUG");
                    assertThat(row.get("kafka_topic")).isEqualTo(Topics.QUERY_DEBUG);
                    assertThat(row.get("kafka_message_id")).isEqualTo(event.eventId());
                    assertThat(row.get("delivery")).isEqualTo("SENT");
                    assertThat(row.get("delivered_at")).isNotNull();
                });
    }

    @Test
    void specialistAnswerCompletesTheQueryAndStudentReadsIt() {
        Students.SignedIn ada = Students.registerAndSignIn();
        String id = given().auth().oauth2(ada.token()).contentType(ContentType.JSON)
                .body(Map.of("queryText", "How does a for loop work in Python?"))
                .post("/api/v1/queries").then().statusCode(202).extract().path("id");

        Specialists.answer(kafka, ada, id, ServiceName.CONCEPTS, "explanation", "A for loop takes each item in turn.",
                LearningModule.LOOPS, null);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(ada.token())
                .get("/api/v1/queries/" + id)
                .then().statusCode(200)
                .body("status", equalTo("completed"))
                .body("answer.answeredBy", equalTo("concepts"))
                .body("answer.content", equalTo("A for loop takes each item in turn.")));
    }

    @Test
    void theFirstAnswerWinsAndAnAnswerNamingAnotherStudentIsDeadLettered() {
        Students.SignedIn ada = Students.registerAndSignIn();
        Students.SignedIn bob = Students.registerAndSignIn();
        String id = given().auth().oauth2(ada.token()).contentType(ContentType.JSON)
                .body(Map.of("queryText", "What does range(3) give?"))
                .post("/api/v1/queries").then().statusCode(202).extract().path("id");

        Specialists.explain(kafka, ada, id, "0, 1 and 2.");
        Specialists.explain(kafka, ada, id, "A second answer to the same question.");
        Specialists.explain(kafka, bob, id, "An answer naming the wrong student.");
        String marker = given().auth().oauth2(ada.token()).contentType(ContentType.JSON)
                .body(Map.of("queryText", "What is a list?"))
                .post("/api/v1/queries").then().statusCode(202).extract().path("id");
        // same student, same partition: once the later query is answered, the second answer was handled
        Specialists.explain(kafka, ada, marker, "An ordered collection.");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(ada.token())
                .get("/api/v1/queries/" + marker).then().body("status", equalTo("completed")));
        given().auth().oauth2(ada.token()).get("/api/v1/queries/" + id).then()
                .body("status", equalTo("completed")).body("answer.content", equalTo("0, 1 and 2."));
        assertThat(kafka.find(Topics.deadLetterOf(Topics.RESPONSE), r -> r.value().contains("the wrong student"),
                Duration.ofSeconds(30))).hasSize(1);
    }

    @Test
    void greetingIsAnsweredByTriageAtOnceWithoutTheBroker() {
        Students.SignedIn ada = Students.registerAndSignIn();
        ValidatableResponse answered = given().auth().oauth2(ada.token()).contentType(ContentType.JSON)
                .body(Map.of("queryText", "hello!"))
                .post("/api/v1/queries").then().statusCode(202)
                .body("routing.type", equalTo("other"))
                .body("status", equalTo("completed"))
                .body("answer.answeredBy", equalTo("triage"))
                .body("answer.content", org.hamcrest.Matchers.containsString("Python"));
        String id = answered.extract().path("id");

        assertThat(db.count("SELECT count(*) FROM triage.service_routing WHERE query_id = ?", UUID.fromString(id)))
                .isZero();
        assertThat(given().auth().oauth2(ada.token()).get("/api/v1/queries/" + id).then().statusCode(200)
                .extract().asString()).isEqualTo(answered.extract().asString());
    }

    @Test
    void unansweredQueryIsRedrivenThenFailsWithAReason() {
        Students.SignedIn ada = Students.registerAndSignIn();
        String id = given().auth().oauth2(ada.token()).contentType(ContentType.JSON)
                .body(Map.of("queryText", "Give me an exercise on dictionaries please"))
                .post("/api/v1/queries").then().statusCode(202)
                .body("routing.type", equalTo("exercise")).extract().path("id");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(ada.token())
                .get("/api/v1/queries/" + id)
                .then().statusCode(200)
                .body("status", equalTo("failed"))
                .body("failureReason", org.hamcrest.Matchers.containsString("No tutor answered")));
        assertThat(kafka.find(Topics.QUERY_EXERCISE, r -> r.value().contains(id) && r.value().contains("\"attempt\":2"),
                Duration.ofSeconds(30))).hasSize(1);
        assertThat(db.rows("SELECT attempt, delivery, delivered_at FROM triage.service_routing WHERE query_id = ?"
                + " ORDER BY attempt", UUID.fromString(id)))
                .hasSize(2)
                .allSatisfy(row -> {
                    assertThat(row.get("delivery")).isEqualTo("SENT");
                    assertThat(row.get("delivered_at")).isNotNull();
                })
                .extracting(row -> row.get("attempt")).containsExactly(1, 2);
    }

    @Test
    void answerArrivingAfterTheRedriveGaveUpReplacesTheFailure() {
        Students.SignedIn ada = Students.registerAndSignIn();
        String id = given().auth().oauth2(ada.token()).contentType(ContentType.JSON)
                .body(Map.of("queryText", "Can I have a practice problem about loops?"))
                .post("/api/v1/queries").then().statusCode(202)
                .body("routing.type", equalTo("exercise")).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(ada.token())
                .get("/api/v1/queries/" + id).then().statusCode(200).body("status", equalTo("failed")));

        Specialists.answer(kafka, ada, id, ServiceName.EXERCISE, "exercise", "Write a loop that prints 1 to 5.",
                LearningModule.LOOPS, "mbpp-1");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(ada.token())
                .get("/api/v1/queries/" + id)
                .then().statusCode(200)
                .body("status", equalTo("completed"))
                .body("answer.content", equalTo("Write a loop that prints 1 to 5."))
                .body("failureReason", org.hamcrest.Matchers.nullValue()));

        Specialists.answer(kafka, ada, id, ServiceName.EXERCISE, "exercise", "A second answer that must not replace the first.",
                LearningModule.LOOPS, null);
        String marker = UUID.randomUUID().toString();
        String later = given().auth().oauth2(ada.token()).contentType(ContentType.JSON)
                .body(Map.of("queryText", "what is a dictionary?")).post("/api/v1/queries").then().statusCode(202)
                .extract().path("id");
        Specialists.explain(kafka, ada, later, marker);
        // same student, so the same partition: once this later answer is recorded, the duplicate before it was too
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(ada.token())
                .get("/api/v1/queries/" + later).then().body("answer.content", equalTo(marker)));
        given().auth().oauth2(ada.token()).get("/api/v1/queries/" + id)
                .then().body("answer.content", equalTo("Write a loop that prints 1 to 5."));
    }

    @Test
    void historyListsOnlyTheStudentsOwnQueriesNewestFirst() {
        Students.SignedIn ada = Students.registerAndSignIn();
        Students.SignedIn bob = Students.registerAndSignIn();
        for (String text : List.of("what is a variable?", "what is a string?")) {
            given().auth().oauth2(ada.token()).contentType(ContentType.JSON).body(Map.of("queryText", text))
                    .post("/api/v1/queries").then().statusCode(202);
        }
        String bobs = given().auth().oauth2(bob.token()).contentType(ContentType.JSON)
                .body(Map.of("queryText", "what is a class?"))
                .post("/api/v1/queries").then().statusCode(202).extract().path("id");

        given().auth().oauth2(ada.token()).get("/api/v1/queries?page=0")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.queryText", org.hamcrest.Matchers.contains("what is a string?", "what is a variable?"));
        given().auth().oauth2(ada.token()).get("/api/v1/queries/" + bobs)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void historySearchFindsTheStudentsOwnQueriesByTextCodeOrErrorText() {
        Students.SignedIn ada = Students.registerAndSignIn();
        Students.SignedIn bob = Students.registerAndSignIn();
        for (Map<String, String> query : List.of(
                Map.of("queryText", "Why does my Loop stop early?"),
                Map.of("queryText", "what does this print?", "code", "print(total_sum)"),
                Map.of("queryText", "it crashed", "code", "x = 1 / 0",
                        "errorText", "ZeroDivisionError: division by zero"),
                Map.of("queryText", "I scored 100% on the quiz, what next?"))) {
            given().auth().oauth2(ada.token()).contentType(ContentType.JSON).body(query)
                    .post("/api/v1/queries").then().statusCode(202);
        }
        given().auth().oauth2(bob.token()).contentType(ContentType.JSON)
                .body(Map.of("queryText", "my loop never ends", "code", "while True: total_sum += 1"))
                .post("/api/v1/queries").then().statusCode(202);

        assertOnlyFound(ada, "loop", "Why does my Loop stop early?");
        assertOnlyFound(ada, "  LOOP ", "Why does my Loop stop early?");
        assertOnlyFound(ada, "Total_Sum", "what does this print?");
        assertOnlyFound(ada, "zerodivision", "it crashed");
        assertOnlyFound(ada, "100%", "I scored 100% on the quiz, what next?");
        assertOnlyFound(ada, "%", "I scored 100% on the quiz, what next?");
        searchHistory(ada, "no query says this").body("total", equalTo(0))
                .body("items", org.hamcrest.Matchers.empty());
        searchHistory(ada, "   ").body("total", equalTo(4));
        given().auth().oauth2(ada.token()).queryParam("q", "loop").queryParam("page", 1).get("/api/v1/queries")
                .then().statusCode(200).body("total", equalTo(1)).body("items", org.hamcrest.Matchers.empty());

        given().auth().oauth2(ada.token()).queryParam("q", "a".repeat(201)).get("/api/v1/queries")
                .then().statusCode(400).contentType("application/problem+json")
                .body("invalidParams.name", org.hamcrest.Matchers.hasItem("q"));
        searchHistory(ada, "a".repeat(200)).body("total", equalTo(0));
    }

    /** The search finds exactly one of the student's queries, this one. */
    private static void assertOnlyFound(Students.SignedIn student, String q, String queryText) {
        searchHistory(student, q).body("total", equalTo(1))
                .body("items.queryText", org.hamcrest.Matchers.contains(queryText));
    }

    private static ValidatableResponse searchHistory(Students.SignedIn student, String q) {
        return given().auth().oauth2(student.token()).queryParam("q", q).get("/api/v1/queries")
                .then().statusCode(200);
    }
}
