package io.learnflow.exercise;

import static io.learnflow.exercise.Practice.DB;
import static io.learnflow.exercise.Practice.KAFKA;
import static io.learnflow.exercise.Practice.TOKENS;
import static io.learnflow.exercise.Practice.WAIT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.learnflow.model.EventCodec;
import io.learnflow.model.InteractionKind;
import io.learnflow.model.InteractionRecorded;
import io.learnflow.model.LearningModule;
import io.learnflow.model.SubmissionReceived;
import io.learnflow.model.Topics;
import io.learnflow.stack.LearnFlowStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(value = LearnFlowStackResource.class, initArgs = @ResourceArg(name = "service", value = "exercise"))
class SubmissionFlowTest {

    static final String DOUBLE = "lf-variables-1";

    @Test
    void aCorrectSolutionIsGradedInTheSandboxAndReportedToProgress() {
        Practice ada = new Practice();
        UUID session = UUID.randomUUID();
        Response accepted = ada.submit(DOUBLE, Map.of("code", "def double(n):\n    return n + n\n",
                "sessionId", session.toString(), "timeZone", "Europe/Madrid"));
        accepted.then().statusCode(202).header("Location", containsString("/api/v1/submissions/"))
                .body("status", equalTo("pending"));
        String id = accepted.path("id");

        JsonPath graded = ada.graded(id);
        assertThat(graded.getString("status")).isEqualTo("graded");
        assertThat(graded.getInt("grade")).isEqualTo(100);
        assertThat(graded.getInt("testsPassed")).isEqualTo(4);
        assertThat(graded.getInt("testsTotal")).isEqualTo(4);
        assertThat(graded.getString("grader")).isEqualTo("system");
        ada.get("/api/v1/submissions/" + id).then().statusCode(200).body("status", equalTo("graded"))
                .body("grade", equalTo(100));

        InteractionRecorded reported = Practice.interactionOf(id);
        assertThat(reported.kind()).isEqualTo(InteractionKind.EXERCISE_SUBMISSION);
        assertThat(reported.exerciseId()).isEqualTo(DOUBLE);
        assertThat(reported.module()).isEqualTo(LearningModule.VARIABLES);
        assertThat(reported.studentId()).isEqualTo(ada.id);
        assertThat(reported.successful()).isTrue();
        assertThat(reported.testsPassed()).isEqualTo(4);
        assertThat(reported.testsTotal()).isEqualTo(4);
        assertThat(reported.grade()).isEqualTo(100);
        assertThat(reported.errorCategory()).isNull();
        assertThat(reported.sessionId()).isEqualTo(session);
        assertThat(reported.timeZone()).isEqualTo("Europe/Madrid");
        assertThat(DB.rows("SELECT status, automated_tests_passed, total_tests, execution_time_ms, memory_usage_kb, "
                + "graded_at, delivered_at FROM exercise.exercise_submission WHERE id = ?::uuid", id)).singleElement()
                .satisfies(row -> {
                    assertThat(row.get("status")).isEqualTo("GRADED");
                    assertThat(row.get("delivered_at")).as("the broker took it").isNotNull();
                    assertThat((Long) row.get("memory_usage_kb")).isPositive();
                    assertThat(row.get("graded_at")).isNotNull();
                });
    }

    @Test
    void aWrongSolutionGetsFeedbackPerTestAndHiddenTestsShowOnlyWhatTheyCheck() {
        Practice bo = new Practice();
        String id = bo.submitCode(DOUBLE, "def double(n):\n    return n + 2\n");

        JsonPath graded = bo.graded(id);
        assertThat(graded.getInt("grade")).isEqualTo(0);
        List<Map<String, Object>> tests = graded.getList("tests");
        assertThat(tests).hasSize(4);
        Map<String, Object> example = tests.stream().filter(t -> "example".equals(t.get("name"))).findFirst()
                .orElseThrow();
        assertThat(example).containsEntry("passed", false).containsEntry("expected", "8").containsEntry("actual", "6");
        assertThat(example.get("input").toString()).contains("double(4)");
        assertThat(tests).filteredOn(t -> Boolean.TRUE.equals(t.get("hidden")))
                .extracting(t -> t.get("checks")).containsExactlyInAnyOrder("zero", "negative numbers");
        assertThat(tests).filteredOn(t -> Boolean.TRUE.equals(t.get("hidden")))
                .allSatisfy(t -> assertThat(t).containsEntry("input", null).containsEntry("expected", null)
                        .containsEntry("actual", null));
        String body = bo.get("/api/v1/submissions/" + id).asString();
        assertThat(body).doesNotContain("double(0)").doesNotContain("double(-7)").doesNotContain("n * 2");

        InteractionRecorded reported = Practice.interactionOf(id);
        assertThat(reported.successful()).isFalse();
        assertThat(reported.testsPassed()).isZero();
        assertThat(reported.grade()).isZero();
        assertThat(reported.codePasses()).isFalse();
    }

    @Test
    void anEndlessSubmissionIsGradedZeroWithTheLimitNamed() {
        Practice cy = new Practice();
        String id = cy.submitCode(DOUBLE, "def double(n):\n    while True:\n        pass\n");

        JsonPath graded = cy.graded(id);
        assertThat(graded.getString("status")).isEqualTo("graded");
        assertThat(graded.getInt("grade")).isZero();
        assertThat(graded.getString("limitHit")).isNotBlank();
        String next = cy.submitCode(DOUBLE, "def double(n):\n    return 2 * n\n");
        assertThat(cy.graded(next).getInt("grade")).isEqualTo(100);
    }

    @Test
    void aStudentSeesOnlyTheirOwnSubmissions() {
        Practice ada = new Practice();
        Practice bo = new Practice();
        String adas = ada.submitCode(DOUBLE, "def double(n):\n    return n * 2\n");
        ada.graded(adas);

        bo.get("/api/v1/submissions/" + adas).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(bo.token).accept("text/event-stream").get("/api/v1/submissions/" + adas + "/events")
                .then().statusCode(404);
        bo.get("/api/v1/submissions?exerciseId=" + DOUBLE).then().statusCode(200).body("$", hasSize(0));
        ada.get("/api/v1/submissions?exerciseId=" + DOUBLE).then().statusCode(200).body("$", hasSize(1))
                .body("[0].id", equalTo(adas));
        given().get("/api/v1/submissions/" + adas).then().statusCode(401);
    }

    @Test
    void badSubmissionsAreRefusedWithProblems() {
        Practice dee = new Practice();
        dee.submit("no-such-exercise", Map.of("code", "x = 1")).then().statusCode(404)
                .contentType("application/problem+json");
        dee.submit(DOUBLE, Map.of("code", "#".repeat(20_001))).then().statusCode(400)
                .contentType("application/problem+json").body("invalidParams[0].name", equalTo("code"));
        dee.submit(DOUBLE, Map.of("code", " ")).then().statusCode(400).body("invalidParams[0].name", equalTo("code"));
        dee.submit("quiz-loops-1", Map.of("answer", "z")).then().statusCode(400)
                .body("invalidParams[0].name", equalTo("answer"));
        assertThat(DB.count("SELECT count(*) FROM exercise.exercise_submission WHERE student_id = ?", dee.id)).isZero();
    }

    @Test
    void quizAnswersAreGradedAtOnceAndReportedLikeSubmissions() {
        Practice eve = new Practice();
        Response right = eve.submit("quiz-loops-1", Map.of("answer", "b"));
        right.then().statusCode(201).header("Location", containsString("/api/v1/submissions/"))
                .body("status", equalTo("graded")).body("grade", equalTo(100)).body("kind", equalTo("mcq"));
        Response wrong = eve.submit("quiz-loops-1", Map.of("answer", "a"));
        wrong.then().statusCode(201).body("grade", equalTo(0));
        assertThat(wrong.asString()).contains("range stops before its end value");

        InteractionRecorded reported = Practice.interactionOf(right.path("id"));
        assertThat(reported.kind()).isEqualTo(InteractionKind.QUIZ_ANSWER);
        assertThat(reported.successful()).isTrue();
        assertThat(reported.grade()).isEqualTo(100);
        assertThat(reported.module()).isEqualTo(LearningModule.LOOPS);
        assertThat(Practice.interactionOf(wrong.path("id")).successful()).isFalse();
    }

    @Test
    void submissionsPastTheLimitAreRefusedWithRetryAfter() {
        Practice fay = new Practice();
        for (int i = 0; i < 30; i++) {
            fay.submit("quiz-strings-1", Map.of("answer", "b")).then().statusCode(201);
        }
        fay.submit("quiz-strings-1", Map.of("answer", "b")).then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", org.hamcrest.Matchers.notNullValue());
        assertThat(DB.count("SELECT count(*) FROM exercise.exercise_submission WHERE student_id = ?", fay.id))
                .isEqualTo(30);
    }

    @Test
    void aDuplicateDeliveryGradesOnce() {
        Practice gus = new Practice();
        String id = gus.submitCode(DOUBLE, "def double(n):\n    return n * 2\n");
        String gradedAt = gus.graded(id).getString("gradedAt");
        SubmissionReceived again = new SubmissionReceived(UUID.randomUUID(), Instant.now(), UUID.fromString(id),
                gus.id, DOUBLE, 1, null);
        KAFKA.send(Topics.SUBMISSION, gus.id.toString(), EventCodec.encode(again));
        String marker = gus.submitCode(DOUBLE, "def double(n):\n    return n * 3\n");
        gus.graded(marker);

        assertThat(gus.graded(id).getString("gradedAt")).isEqualTo(gradedAt);
        assertThat(DB.rows("SELECT grading_attempts FROM exercise.exercise_submission WHERE id = ?::uuid", id))
                .singleElement().satisfies(row -> assertThat(row.get("grading_attempts")).isEqualTo(1));
        assertThat(KAFKA.find(Topics.INTERACTION, r -> r.value().contains("\"queryId\":\"" + marker + "\""), WAIT))
                .hasSize(1);
        assertThat(KAFKA.find(Topics.INTERACTION, r -> r.value().contains("\"queryId\":\"" + id + "\""), WAIT))
                .extracting(r -> EventCodec.decode(r.value(), InteractionRecorded.class).eventId()).containsOnly(
                        Practice.interactionOf(id).eventId());
    }

    @Test
    void aGradingAbandonedByACrashedGraderAndASubmissionTheBrokerNeverTookAreGradedByTheRedrive() {
        Practice hal = new Practice();
        UUID crashed = UUID.randomUUID();
        UUID neverSent = UUID.randomUUID();
        DB.executeAs("exercise", "INSERT INTO exercise.exercise_submission (id, student_id, exercise_id, code, status, "
                + "grading_attempts, submitted_at, grading_started_at) VALUES ('" + crashed + "', '" + hal.id
                + "', '" + DOUBLE + "', 'def double(n):\n    return n * 2\n', 'GRADING', 1, now() - interval '20 minutes', "
                + "now() - interval '10 minutes')");
        DB.executeAs("exercise", "INSERT INTO exercise.exercise_submission (id, student_id, exercise_id, code, status, "
                + "grading_attempts, submitted_at) VALUES ('" + neverSent + "', '" + hal.id + "', '" + DOUBLE
                + "', 'def double(n):\n    return n\n', 'PENDING', 0, now() - interval '1 minute')");

        await().atMost(WAIT).until(() -> DB.count("SELECT count(*) FROM exercise.exercise_submission WHERE student_id = ?"
                + " AND status = 'GRADED'", hal.id) == 2);
        assertThat(hal.graded(crashed.toString()).getInt("grade")).isEqualTo(100);
        assertThat(hal.graded(neverSent.toString()).getInt("grade")).isLessThan(100);
        assertThat(DB.rows("SELECT grading_attempts FROM exercise.exercise_submission WHERE id = ?", crashed))
                .singleElement().satisfies(row -> assertThat(row.get("grading_attempts")).isEqualTo(2));
        assertThat(Practice.interactionOf(crashed.toString()).testsPassed()).isEqualTo(4);
    }

    @Test
    void aBadRecordGoesToTheDeadLetterTopicAndTheGradersGoOn() {
        Practice ivy = new Practice();
        String poison = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"studentId\":\"" + ivy.id + "\"}";
        KAFKA.send(Topics.SUBMISSION, ivy.id.toString(), poison);
        String id = ivy.submitCode(DOUBLE, "def double(n):\n    return n * 2\n");

        assertThat(KAFKA.find(Topics.deadLetterOf(Topics.SUBMISSION), r -> poison.equals(r.value()), WAIT)).hasSize(1);
        assertThat(ivy.graded(id).getInt("grade")).isEqualTo(100);
    }

    @Test
    void theBankIsListedByModuleAndDifficultyAndAnExerciseNeverShowsItsSolutionOrHiddenTests() {
        Practice jo = new Practice();
        jo.get("/api/v1/exercises?module=lists&difficulty=hard").then().statusCode(200)
                .body("module", everyItem(equalTo("lists"))).body("difficulty", everyItem(equalTo("hard")));
        Response unique = jo.get("/api/v1/exercises/lf-lists-5");
        unique.then().statusCode(200).body("title", equalTo("Remove duplicates, keep order"))
                .body("hiddenTests", equalTo(2)).body("tests", hasSize(2)).body("hints", hasSize(3));
        assertThat(unique.asString()).doesNotContain(Practice.secretsOf("lf-lists-5").toArray(String[]::new));
        Response quiz = jo.get("/api/v1/exercises/quiz-lists-1");
        quiz.then().statusCode(200).body("options", hasSize(4)).body("kind", equalTo("mcq"));
        assertThat(quiz.asString()).doesNotContain("answerKey").doesNotContain("rationale");
        jo.get("/api/v1/exercises/nope").then().statusCode(404).contentType("application/problem+json");
        jo.get("/api/v1/exercises?module=astrology").then().statusCode(400).body("invalidParams[0].name",
                equalTo("module"));
        given().get("/api/v1/exercises").then().statusCode(401);
    }

    @Test
    void aTeachersExerciseIsAcceptedOnlyWhenItsReferencePassesItsTests() {
        String teacher = TOKENS.teacherToken(UUID.randomUUID());
        Map<String, Object> exercise = Map.of("title", "Triple", "module", "functions", "difficulty", "easy",
                "description", "Write `def triple(n)`.", "functionName", "triple",
                "solutionCode", "def triple(n):\n    return 3 * n\n",
                "tests", List.of(Map.of("name", "three", "statement", "assert triple(1) == 3"),
                        Map.of("name", "negative", "statement", "assert triple(-2) == -6", "hidden", true,
                                "checks", "negative numbers")));
        Response created = given().auth().oauth2(teacher).contentType(ContentType.JSON).body(exercise)
                .post("/api/v1/exercises");
        created.then().statusCode(201).header("Location", containsString("/api/v1/exercises/teacher-"))
                .body("hiddenTests", equalTo(1));
        String id = created.path("id");
        assertThat(DB.rows("SELECT created_by FROM exercise.exercise WHERE id = ?", id)).singleElement()
                .satisfies(row -> assertThat(row.get("created_by")).isNotNull());

        Map<String, Object> broken = new java.util.HashMap<>(exercise);
        broken.put("solutionCode", "def triple(n):\n    return 3 * abs(n)\n");
        given().auth().oauth2(teacher).contentType(ContentType.JSON).body(broken).post("/api/v1/exercises")
                .then().statusCode(400).contentType("application/problem+json")
                .body("invalidParams[0].name", equalTo("solutionCode"))
                .body("invalidParams[0].reason", org.hamcrest.Matchers.containsString("'negative'"));
        given().auth().oauth2(new Practice().token).contentType(ContentType.JSON).body(exercise)
                .post("/api/v1/exercises").then().statusCode(403);

        Practice kim = new Practice();
        assertThat(kim.graded(kim.submitCode(id, "def triple(n):\n    return n * 3\n")).getInt("grade"))
                .isEqualTo(100);
    }
}
