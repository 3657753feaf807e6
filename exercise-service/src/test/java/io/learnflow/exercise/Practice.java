package io.learnflow.exercise;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.learnflow.model.EventCodec;
import io.learnflow.model.InteractionRecorded;
import io.learnflow.model.Topics;
import io.learnflow.stack.DatabaseProbe;
import io.learnflow.stack.KafkaProbe;
import io.learnflow.stack.LocalStack;
import io.learnflow.stack.StudentTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** A student practising over HTTP, and what the tests read back from the broker and the database. */
final class Practice {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final KafkaProbe KAFKA = new KafkaProbe(LocalStack.shared().endpoints());
    static final DatabaseProbe DB = new DatabaseProbe(LocalStack.shared().endpoints());
    static final StudentTokens TOKENS = new StudentTokens(LocalStack.shared().endpoints());

    final UUID id = UUID.randomUUID();
    final String token = TOKENS.studentToken(id);
    /** Every body the service answered this student with. */
    final List<String> bodies = new ArrayList<>();

    Response submit(String exerciseId, Map<String, Object> body) {
        Response response = given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/exercises/" + exerciseId + "/submissions");
        bodies.add(response.asString());
        return response;
    }

    String submitCode(String exerciseId, String code) {
        return submit(exerciseId, Map.of("code", code)).then().statusCode(202).extract().path("id");
    }

    /** Follows the submission's event stream to its end and returns the last state it sent. */
    JsonPath graded(String submissionId) {
        String stream = given().auth().oauth2(token).accept("text/event-stream")
                .get("/api/v1/submissions/" + submissionId + "/events").then().statusCode(200).extract().asString();
        bodies.add(stream);
        String last = stream.lines().filter(line -> line.startsWith("data:")).reduce((a, b) -> b).orElseThrow();
        return JsonPath.from(last.substring("data:".length()));
    }

    Response get(String path) {
        Response response = given().auth().oauth2(token).get(path);
        bodies.add(response.asString());
        return response;
    }

    static InteractionRecorded interactionOf(String correlationId) {
        List<ConsumerRecord<String, String>> found = KAFKA.find(Topics.INTERACTION,
                r -> r.value().contains("\"queryId\":\"" + correlationId + "\"")
                        && (r.value().contains("exercise_submission") || r.value().contains("quiz_answer")), WAIT);
        return EventCodec.decode(found.get(0).value(), InteractionRecorded.class);
    }

    static String solutionOf(String exerciseId) {
        return (String) DB.rows("SELECT solution_code FROM exercise.exercise WHERE id = ?", exerciseId).get(0)
                .get("solution_code");
    }

    /**
     * The hidden tests' statements and the solution's lines that are not also in its starter code or statement (none
     * for a quiz question, whose key a student learns by answering).
     */
    static List<String> secretsOf(String exerciseId) {
        Map<String, Object> row = DB.rows("SELECT solution_code, starter_code, problem_description, test_cases "
                + "FROM exercise.exercise WHERE id = ?", exerciseId).get(0);
        List<String> secrets = new ArrayList<>();
        String starter = String.valueOf(row.get("starter_code")) + row.get("problem_description");
        if (row.get("solution_code") == null) {
            return secrets;
        }
        ((String) row.get("solution_code")).lines().map(String::strip)
                .filter(line -> line.length() > 8 && !starter.contains(line)).forEach(secrets::add);
        JsonPath tests = JsonPath.from((String) row.get("test_cases"));
        List<Map<String, Object>> all = tests.getList("$");
        all.stream().filter(t -> Boolean.TRUE.equals(t.get("hidden"))).map(t -> (String) t.get("statement"))
                .forEach(secrets::add);
        return secrets;
    }
}
