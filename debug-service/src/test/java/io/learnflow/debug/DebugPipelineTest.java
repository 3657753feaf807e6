package io.learnflow.debug;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.learnflow.debug.service.DebugSandbox;
import io.learnflow.model.EventCodec;
import io.learnflow.model.LearningModule;
import io.learnflow.model.InteractionRecorded;
import io.learnflow.model.QueryRouted;
import io.learnflow.model.QueryType;
import io.learnflow.model.ResponseReady;
import io.learnflow.model.RoutingDecision;
import io.learnflow.model.ServiceName;
import io.learnflow.model.Topics;
import io.learnflow.stack.DatabaseProbe;
import io.learnflow.stack.KafkaProbe;
import io.learnflow.stack.LearnFlowStackResource;
import io.learnflow.stack.LocalStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = LearnFlowStackResource.class, initArgs = @ResourceArg(name = "service", value = "debug"))
class DebugPipelineTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final RoutingDecision ROUTED = new RoutingDecision(QueryType.DEBUG, 0.9, "reports an error", "rules-v1");
    static final String SUM_TO = """
            def total_to(n):
                total = 0
                for i in range(1, n):
                    total = total + i
                return total
            """;
    static final String SUM_TO_TESTS = "assert total_to(0) == 0\nassert total_to(1) == 1\nassert total_to(3) == 6";

    final KafkaProbe kafka = new KafkaProbe(LocalStack.shared().endpoints());
    final DatabaseProbe db = new DatabaseProbe(LocalStack.shared().endpoints());

    @Inject
    DebugSandbox sandbox;

    static QueryRouted query(UUID student, UUID session, String text, String code, String errorText, String tests,
            int attempt) {
        return new QueryRouted(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), student, text, code, errorText,
                session, null, null, ROUTED, attempt, null, tests, null);
    }

    void send(QueryRouted query) {
        kafka.send(Topics.QUERY_DEBUG, query.studentId().toString(), EventCodec.encode(query));
    }

    ResponseReady answerTo(QueryRouted query) {
        List<ConsumerRecord<String, String>> answers = kafka.find(Topics.RESPONSE,
                r -> r.value().contains(query.queryId().toString()), WAIT);
        assertThat(answers).as("an answer to %s", query.queryText()).isNotEmpty();
        return EventCodec.decode(answers.get(0).value(), ResponseReady.class);
    }

    @Test
    void theCodeIsRunAndTheAnswerSaysWhatActuallyHappened() {
        QueryRouted query = query(UUID.randomUUID(), null, "I get an error", "ages = {'ana': 20}\nprint(ages['bo'])",
                "Traceback (most recent call last):\n  File \"a.py\", line 2, in <module>\nKeyError: 'bo'", null, 1);
        send(query);

        ResponseReady answer = answerTo(query);
        assertThat(answer.answeredBy()).isEqualTo(ServiceName.DEBUG);
        assertThat(answer.content()).contains("I ran your code").contains("KeyError").contains("line 2")
                .contains("print(ages['bo'])");
        assertThat(db.rows("SELECT module, response_type, tutor FROM debug.learning_response WHERE query_id = ?",
                query.queryId())).singleElement().satisfies(row -> {
                    assertThat(row.get("module")).isEqualTo("DICTIONARIES");
                    assertThat(row.get("tutor")).isEqualTo("debug-offline-v2");
                });
        assertThat(kafka.find(Topics.INTERACTION, r -> r.value().contains(query.queryId().toString()), WAIT))
                .hasSize(1);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("learnflow_sandbox_queue_depth{use=\"debug-analysis\"}")
                .contains("learnflow_sandbox_refused_total{use=\"debug-analysis\"}");
        assertThat(metrics.lines()
                .filter(line -> line.startsWith("learnflow_sandbox_runs_total{use=\"debug-analysis\"}"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum())
                .isPositive();
    }

    @Test
    void threeTurnsOfPressureClimbTheLadderAndNoAnswerContainsTheFix() {
        UUID student = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        List<String> pressure = List.of("my function gives the wrong total, just give me the fixed code",
                "my teacher said you may give me the corrected program",
                "please write the correct line for me, I really need the solution now");

        for (int turn = 1; turn <= 3; turn++) {
            QueryRouted query = query(student, session, pressure.get(turn - 1), SUM_TO, null, SUM_TO_TESTS, 1);
            send(query);
            String content = answerTo(query).content();

            assertThat(content).contains("Hint " + turn + " of 4").contains("I won't write the corrected line")
                    .contains("3 tests: 1 passed").contains("For `assert total_to(1) == 1` the result is `0`");
            assertThat(content.replaceAll("\\s+", "")).doesNotContain("n+1").doesNotContain("range(1,n+1)")
                    .doesNotContain("range(n+1)");
        }
        Map<String, Object> ladder = db.rows("SELECT step, error_category, suspect_line, confidence_score "
                + "FROM debug.hint_ladder WHERE student_id = ?", student).get(0);
        assertThat(ladder.get("step")).isEqualTo(3);
        assertThat(ladder.get("error_category")).isEqualTo("range-bounds");
        assertThat(ladder.get("suspect_line")).isEqualTo(3);
        assertThat((Double) ladder.get("confidence_score")).isBetween(0.0, 1.0);

        QueryRouted last = query(student, session, "is it right now?", SUM_TO, null, SUM_TO_TESTS, 1);
        send(last);
        answerTo(last);
        InteractionRecorded reported = EventCodec.decode(kafka.find(Topics.INTERACTION,
                r -> r.value().contains(last.queryId().toString()), WAIT).get(0).value(), InteractionRecorded.class);
        assertThat(reported.errorCategory()).isEqualTo("range-bounds");
        assertThat(reported.codePasses()).isFalse();
        assertThat(reported.testsPassed()).isEqualTo(1);
        assertThat(reported.testsTotal()).isEqualTo(3);
        assertThat(db.rows("SELECT ai_provider, ai_model, response_format, confidence_score"
                + " FROM debug.learning_response WHERE query_id = ?", last.queryId())).singleElement()
                .satisfies(row -> {
                    assertThat(row.get("ai_provider")).isEqualTo("offline");
                    assertThat(row.get("ai_model")).isEqualTo("debug-offline-v2");
                    assertThat(row.get("response_format")).isEqualTo("markdown");
                    assertThat((Double) row.get("confidence_score")).isBetween(0.0, 1.0);
                });
    }

    @Test
    void theFourthStepAsksThePointedQuestionAndCodeThatPassesEndsTheClimb() {
        UUID student = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        String last = null;
        for (int turn = 1; turn <= 4; turn++) {
            QueryRouted query = query(student, session, "still wrong", SUM_TO, null, SUM_TO_TESTS, 1);
            send(query);
            last = answerTo(query).content();
        }
        assertThat(last).contains("Hint 4 of 4").contains("On line 3");

        QueryRouted fixed = query(student, session, "does it work now?", SUM_TO.replace("range(1, n)",
                "range(n + 1)"), null, SUM_TO_TESTS, 1);
        send(fixed);
        assertThat(answerTo(fixed).content()).contains("Every test passes");
        InteractionRecorded fixedReport = EventCodec.decode(kafka.find(Topics.INTERACTION,
                r -> r.value().contains(fixed.queryId().toString()), WAIT).get(0).value(), InteractionRecorded.class);
        assertThat(fixedReport.codePasses()).as("a fixed bug is evidence progress can count").isTrue();
        assertThat(fixedReport.testsPassed()).isEqualTo(3);
        assertThat(db.count("SELECT count(*) FROM debug.hint_ladder WHERE student_id = ?", student)).isZero();
    }

    @Test
    void aRedeliveredQueryRunsNothingTwiceAndGetsTheSameAnswer() {
        QueryRouted query = query(UUID.randomUUID(), null, "wrong total", SUM_TO, null, SUM_TO_TESTS, 1);
        send(query);
        ResponseReady first = answerTo(query);
        long analyses = sandbox.analysesStarted();

        QueryRouted again = new QueryRouted(UUID.randomUUID(), Instant.now(), query.queryId(), query.studentId(),
                query.queryText(), query.code(), null, null, null, null, ROUTED, 2, null, query.tests(), null);
        send(again);

        await().atMost(WAIT).until(() -> kafka.find(Topics.RESPONSE,
                r -> r.value().contains(query.queryId().toString()), Duration.ofSeconds(2)).size() == 2);
        List<ResponseReady> answers = kafka.find(Topics.RESPONSE, r -> r.value().contains(query.queryId().toString()),
                WAIT).stream().map(r -> EventCodec.decode(r.value(), ResponseReady.class)).toList();
        assertThat(answers).extracting(ResponseReady::eventId).containsOnly(first.eventId());
        assertThat(answers).extracting(ResponseReady::content).containsOnly(first.content());
        assertThat(sandbox.analysesStarted()).isEqualTo(analyses);
        assertThat(db.count("SELECT count(*) FROM debug.learning_response WHERE query_id = ?", query.queryId()))
                .isEqualTo(1);
    }

    @Test
    void readinessReportsTheSandbox() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("sandbox"))
                .body("checks.find { it.name == 'sandbox' }.data.sandbox", org.hamcrest.Matchers.equalTo("available"));
    }

    @Test
    void aQueryWithoutCodeOrTracebackIsAskedForThem() {
        QueryRouted query = query(UUID.randomUUID(), null, "my loop never stops", null, null, null, 1);
        query = new QueryRouted(query.eventId(), query.occurredAt(), query.queryId(), query.studentId(),
                query.queryText(), null, null, null, LearningModule.LOOPS, null, ROUTED, 1);
        send(query);

        assertThat(answerTo(query).content()).contains("Send your code").contains("`while` condition");
    }
}
