package io.learnflow.triage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.learnflow.stack.DatabaseProbe;
import io.learnflow.stack.LocalStack;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Student B on every one of student A's resources, and hostile-looking text stored and returned as it was sent. */
@QuarkusTest
class StudentIsolationTest {

    final DatabaseProbe db = new DatabaseProbe(LocalStack.shared().endpoints());

    @Test
    void anotherStudentFindsNothingOfAQueryAndChangesNothing() {
        Students.SignedIn ada = Students.registerAndSignIn();
        Students.SignedIn bob = Students.registerAndSignIn();
        String id = given().auth().oauth2(ada.token()).contentType(ContentType.JSON)
                .body(Map.of("queryText", "thanks for the help!"))
                .post("/api/v1/queries").then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> "completed".equals(given().auth().oauth2(ada.token())
                .get("/api/v1/queries/" + id).then().extract().path("status")));
        Map<String, Object> before = db.rows("SELECT * FROM triage.student_query WHERE id = ?", UUID.fromString(id))
                .get(0);

        given().auth().oauth2(bob.token()).get("/api/v1/queries/" + id).then().statusCode(404);
        given().auth().oauth2(bob.token()).get("/api/v1/queries/" + id + "/events").then().statusCode(404);
        given().auth().oauth2(bob.token()).contentType(ContentType.JSON).body(Map.of("rating", 1, "comment", "mine now"))
                .post("/api/v1/queries/" + id + "/feedback").then().statusCode(404);
        given().auth().oauth2(bob.token()).contentType(ContentType.JSON)
                .body(Map.of("queryText", "continuing Ada's session", "sessionId",
                        db.rows("SELECT session_id FROM triage.student_query WHERE id = ?", UUID.fromString(id)).get(0)
                                .get("session_id").toString()))
                .post("/api/v1/queries").then().statusCode(404);
        given().auth().oauth2(bob.token()).get("/api/v1/queries").then().statusCode(200)
                .body("total", equalTo(0));
        given().auth().oauth2(bob.token()).queryParam("studentId", ada.id()).get("/api/v1/teacher/queries")
                .then().statusCode(403);

        assertThat(db.rows("SELECT * FROM triage.student_query WHERE id = ?", UUID.fromString(id)).get(0))
                .isEqualTo(before);
        assertThat(db.rows("SELECT count(*) AS n FROM triage.student_query WHERE student_id = ?", bob.id()))
                .singleElement().satisfies(row -> assertThat(row.get("n")).isEqualTo(0L));
    }

    @Test
    void sqlAndScriptLookingTextIsStoredAndReturnedVerbatim() {
        Students.SignedIn ada = Students.registerAndSignIn();
        String text = "Why does '; DROP TABLE triage.student_query; -- fail? <script>alert('x')</script> \" OR 1=1";
        String code = "print(\"</script><img src=x onerror=alert(1)>\")  # ' OR ''='";
        String error = "NameError: name '${jndi:ldap://x}' is not defined; SELECT * FROM pg_user;";
        String id = given().auth().oauth2(ada.token()).contentType(ContentType.JSON)
                .body(Map.of("queryText", text, "code", code, "errorText", error))
                .post("/api/v1/queries").then().statusCode(202)
                .body("queryText", equalTo(text))
                .extract().path("id");

        given().auth().oauth2(ada.token()).get("/api/v1/queries/" + id).then().statusCode(200)
                .body("queryText", equalTo(text));
        assertThat(db.rows("SELECT query_text, code, error_text FROM triage.student_query WHERE id = ?",
                UUID.fromString(id))).singleElement().satisfies(row -> {
                    assertThat(row.get("query_text")).isEqualTo(text);
                    assertThat(row.get("code")).isEqualTo(code);
                    assertThat(row.get("error_text")).isEqualTo(error);
                });
        assertThat(db.rows("SELECT count(*) AS n FROM triage.student_query")).singleElement()
                .satisfies(row -> assertThat((Long) row.get("n")).isPositive());
    }
}
