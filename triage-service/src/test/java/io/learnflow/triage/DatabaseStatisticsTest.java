package io.learnflow.triage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Operators read the service's database figures on /q/health/group/statistics, the same as ./learnflow db stats. */
@QuarkusTest
class DatabaseStatisticsTest {

    @Test
    void theStatisticsGroupGivesTheSchemasRowsTheDatabaseSizeTheLlmCacheAndTheOldestUnfinishedQuery() {
        Students.SignedIn ada = Students.registerAndSignIn();
        given().auth().oauth2(ada.token()).contentType(ContentType.JSON)
                .body(Map.of("queryText", "what does a while loop do?"))
                .post("/api/v1/queries").then().statusCode(202);

        JsonPath health = given().get("/q/health/group/statistics").then().statusCode(200).extract().jsonPath();

        assertThat(health.getString("status")).isEqualTo("UP");
        Map<String, Object> data = health.getMap("checks.find { it.name == 'database statistics (triage)' }.data");
        assertThat(data).containsEntry("schema", "triage")
                .containsKeys("rows student_query", "rows student_profile", "rows llm_request", "llm cache entries",
                        "llm cache hit rate", "oldest unfinished query")
                .doesNotContainKey("rows databasechangelog");
        assertThat(((Number) data.get("database bytes")).longValue()).isPositive();
        assertThat((String) data.get("oldest unfinished query")).isNotEqualTo("none").endsWith(" s ago)");
        assertThat(given().get("/q/health/ready").then().extract().asString()).doesNotContain("database statistics");
    }
}
