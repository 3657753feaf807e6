package io.learnflow.triage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.learnflow.stack.KafkaProbe;
import io.learnflow.stack.LocalStack;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Operators see the queries on /q/metrics: accepted and finished by type, time to answer, classification time. */
@QuarkusTest
class QueryMetricsTest {

    final KafkaProbe kafka = new KafkaProbe(LocalStack.shared().endpoints());

    @Test
    void anAnsweredQueryIsCountedAndTimed() {
        double accepted = metric("learnflow_queries_accepted_total{type=\"concept\"");
        double finished = metric("learnflow_queries_finished_total{status=\"completed\",type=\"concept\"");
        double answered = metric("learnflow_query_answer_time_seconds_count{type=\"concept\"");
        double greeted = metric("learnflow_queries_finished_total{status=\"completed\",type=\"other\"");
        Students.SignedIn ada = Students.registerAndSignIn();

        String id = given().auth().oauth2(ada.token()).contentType(ContentType.JSON)
                .body(Map.of("queryText", "what is a tuple?"))
                .post("/api/v1/queries").then().statusCode(202).extract().path("id");
        given().auth().oauth2(ada.token()).contentType(ContentType.JSON).body(Map.of("queryText", "hello!"))
                .post("/api/v1/queries").then().statusCode(202).body("status", equalTo("completed"));
        Specialists.explain(kafka, ada, id, "A tuple cannot change.");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(ada.token())
                .get("/api/v1/queries/" + id).then().body("status", equalTo("completed")));

        assertThat(metric("learnflow_queries_accepted_total{type=\"concept\"")).isEqualTo(accepted + 1);
        assertThat(metric("learnflow_queries_finished_total{status=\"completed\",type=\"concept\"")).isEqualTo(finished + 1);
        assertThat(metric("learnflow_query_answer_time_seconds_count{type=\"concept\"")).isEqualTo(answered + 1);
        assertThat(metric("learnflow_queries_finished_total{status=\"completed\",type=\"other\"")).isEqualTo(greeted + 1);
        assertThat(metric("learnflow_classification_time_seconds_count{classifier=\"embedded\"")).isGreaterThanOrEqualTo(2);
    }

    /** The value of the first series starting with this name and labels, or 0 if there is none yet. */
    private static double metric(String series) {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith(series))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }
}
