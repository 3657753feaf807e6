package io.learnflow.debug.ai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.learnflow.llm.testing.OpenAiServerFake;
import io.learnflow.model.EventCodec;
import io.learnflow.model.QueryRouted;
import io.learnflow.model.QueryType;
import io.learnflow.model.ResponseReady;
import io.learnflow.model.RoutingDecision;
import io.learnflow.model.Topics;
import io.learnflow.stack.DatabaseProbe;
import io.learnflow.stack.KafkaProbe;
import io.learnflow.stack.LocalStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** The debug tutor's LLM mode over the real broker, database and sandbox, with WireMock playing the OpenAI server. */
@QuarkusTest
@QuarkusTestResource(value = OpenAiServerFake.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = "learnflow.llm.student-daily-cost", value = "0.0001") })
class DebugLlmModeTest {

    static final Duration WAIT = Duration.ofSeconds(40);
    static final String TESTS = "assert total_to(0) == 0\nassert total_to(1) == 1\nassert total_to(3) == 6";

    final KafkaProbe kafka = new KafkaProbe(LocalStack.shared().endpoints());
    final DatabaseProbe db = new DatabaseProbe(LocalStack.shared().endpoints());

    /** The off-by-one program of the pipeline test; {@code name} keeps each test's prompt (and cache entry) apart. */
    static String program(String name) {
        return "def total_to(n):\n    " + name + " = 0\n    for i in range(1, n):\n        " + name + " = " + name
                + " + i\n    return " + name + "\n";
    }

    ResponseReady answerTo(String text, String code) {
        return answerTo(UUID.randomUUID(), text, code);
    }

    ResponseReady answerTo(UUID student, String text, String code) {
        QueryRouted query = new QueryRouted(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), student, text, code,
                null, null, null, null, new RoutingDecision(QueryType.DEBUG, 0.9, "reports wrong output", "rules-v1"),
                1, null, TESTS, null);
        kafka.send(Topics.QUERY_DEBUG, student.toString(), EventCodec.encode(query));
        List<ConsumerRecord<String, String>> answers = kafka.find(Topics.RESPONSE,
                r -> r.value().contains(query.queryId().toString()), WAIT);
        assertThat(answers).hasSize(1);
        return EventCodec.decode(answers.get(0).value(), ResponseReady.class);
    }

    static JsonNode messagesOf(LoggedRequest request) throws Exception {
        return new ObjectMapper().readTree(request.getBodyAsString()).path("messages");
    }

    @Test
    void theModelExplainsTheRealDiagnosisAndTheStudentsCodeStaysOutOfTheInstructions() throws Exception {
        String explanation = "For n = 1 your function returns 0, not 1: the loop never adds the last number. Which "
                + "numbers does `range(1, n)` give when n is 3?";
        OpenAiServerFake.answersWith("llm_explained", explanation, 300, 40);

        ResponseReady answer = answerTo("my total is wrong", program("llm_explained"));

        assertThat(answer.content()).isEqualTo(explanation);
        List<LoggedRequest> calls = OpenAiServerFake.server().findAll(postRequestedFor(
                urlEqualTo(OpenAiServerFake.COMPLETIONS)).withRequestBody(containing("llm_explained")));
        assertThat(calls).hasSize(1);
        JsonNode messages = messagesOf(calls.get(0));
        assertThat(messages.get(0).path("content").asText()).contains("debugging tutor")
                .doesNotContain("llm_explained").doesNotContain("my total is wrong");
        assertThat(messages.get(1).path("content").asText()).contains("<student_message>")
                .contains("my total is wrong").contains("for i in range(1, n):").contains("LearnFlow's diagnosis")
                .contains("3 tests: 1 passed");
        assertThat(db.rows("SELECT ai_provider, ai_model, tokens_used, tutor FROM debug.learning_response"
                + " WHERE query_id = ?", answer.queryId())).singleElement().satisfies(row -> {
                    assertThat(row.get("ai_provider")).isEqualTo("openai");
                    assertThat(row.get("ai_model")).isEqualTo("gpt-4o-mini");
                    assertThat(row.get("tokens_used")).isEqualTo(340);
                    assertThat(row.get("tutor")).isEqualTo("debug-openai-or-debug-offline-v2");
                });
    }

    @Test
    void anAnswerThatWritesTheFixIsRefusedAndTheStudentGetsTheOfflineHint() {
        OpenAiServerFake.answersWith("llm_leaky", "Easy, change the loop:\n```python\n    for i in range(1, n + 1):\n"
                + "```", 300, 30);

        ResponseReady answer = answerTo("why is my total wrong", program("llm_leaky"));

        assertThat(answer.content()).contains("3 tests: 1 passed")
                .contains("(LearnFlow's own hint: the AI model's answer contained the corrected code.)");
        assertThat(answer.content().replaceAll("\\s+", "")).doesNotContain("range(1,n+1)");
        assertThat(db.rows("SELECT status, error_type FROM debug.llm_request WHERE messages LIKE '%llm_leaky%'"))
                .singleElement().satisfies(row -> {
                    assertThat(row.get("status")).isEqualTo("REFUSED");
                    assertThat(row.get("error_type")).isEqualTo("AnswerRefused");
                });
        assertThat(db.count("SELECT count(*) FROM debug.llm_cache WHERE response_json LIKE '%n + 1%'")).isZero();
    }

    @Test
    void aServerErrorGivesTheOfflineHint() {
        OpenAiServerFake.server().stubFor(post(urlEqualTo(OpenAiServerFake.COMPLETIONS))
                .withRequestBody(containing("llm_down")).willReturn(aResponse().withStatus(500)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}")));

        ResponseReady answer = answerTo("my total is off", program("llm_down"));

        assertThat(answer.content()).contains("3 tests: 1 passed").contains("(LearnFlow's own hint: the AI model did "
                + "not answer");
        assertThat(db.rows("SELECT ai_provider FROM debug.learning_response WHERE query_id = ?", answer.queryId()))
                .singleElement().satisfies(row -> assertThat(row.get("ai_provider")).isEqualTo("offline"));
    }

    @Test
    void overTheStudentsDailyCostTheOfflineHintAnswersAndSaysWhy() {
        UUID student = UUID.randomUUID();
        OpenAiServerFake.answersWith("llm_costly", "Look at where the loop stops. What is the last i?", 600, 40);
        answerTo(student, "my total is wrong", program("llm_costly"));
        OpenAiServerFake.answersWith("llm_after", "What does range(1, n) give?", 10, 10);

        ResponseReady second = answerTo(student, "still wrong", program("llm_after"));

        assertThat(second.content()).contains("3 tests: 1 passed")
                .contains("(LearnFlow's own hint: the daily AI budget for this student is used up.)");
        OpenAiServerFake.server().verify(0, postRequestedFor(urlEqualTo(OpenAiServerFake.COMPLETIONS))
                .withRequestBody(containing("llm_after")));
    }
}
