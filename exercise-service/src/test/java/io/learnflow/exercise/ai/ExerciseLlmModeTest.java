package io.learnflow.exercise.ai;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

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
import io.quarkus.test.junit.QuarkusTest;

/** The practice tutor's LLM mode over the real broker, database and sandbox; WireMock plays the OpenAI server. */
@QuarkusTest
@QuarkusTestResource(value = OpenAiServerFake.class, restrictToAnnotatedClass = true)
class ExerciseLlmModeTest {

    static final Duration WAIT = Duration.ofSeconds(40);

    final KafkaProbe kafka = new KafkaProbe(LocalStack.shared().endpoints());
    final DatabaseProbe db = new DatabaseProbe(LocalStack.shared().endpoints());

    /** An attempt at lf-loops-1 that stops one short; {@code name} keeps each test's prompt (and cache entry) apart. */
    static String attempt(String name) {
        return "def sum_to(n):\n    " + name + " = 0\n    for i in range(1, n):\n        " + name + " += i\n"
                + "    return " + name + "\n";
    }

    ResponseReady check(String code) {
        UUID student = UUID.randomUUID();
        QueryRouted query = new QueryRouted(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), student,
                "here is my solution to exercise lf-loops-1, is it right?", code, null, null, null, null,
                new RoutingDecision(QueryType.EXERCISE, 0.8, "sends a solution", "rules-v1"), 1, null, null, null);
        kafka.send(Topics.QUERY_EXERCISE, student.toString(), EventCodec.encode(query));
        List<ConsumerRecord<String, String>> answers = kafka.find(Topics.RESPONSE,
                r -> r.value().contains(query.queryId().toString()), WAIT);
        assertThat(answers).hasSize(1);
        return EventCodec.decode(answers.get(0).value(), ResponseReady.class);
    }

    @Test
    void theModelExplainsTheFailingCheckAndNeverSeesTheSolutionOrAHiddenTest() throws Exception {
        String note = "For 4 you get 6, so the last number is never added. Which numbers does your range visit?";
        OpenAiServerFake.answersWith("llm_explained", note, 250, 30);

        ResponseReady answer = check(attempt("llm_explained"));

        assertThat(answer.content()).contains("of 4 tests passed").contains("`example` failed")
                .endsWith("**What it tells you:** " + note);
        List<LoggedRequest> calls = OpenAiServerFake.server().findAll(postRequestedFor(
                urlEqualTo(OpenAiServerFake.COMPLETIONS)).withRequestBody(containing("llm_explained")));
        assertThat(calls).hasSize(1);
        String sent = new ObjectMapper().readTree(calls.get(0).getBodyAsString()).path("messages").toString();
        assertThat(sent).contains("adds up the whole numbers from 1 to n").contains("range(1, n):")
                .doesNotContain("range(1, n + 1)").doesNotContain("sum_to(1) == 1").doesNotContain("sum_to(0) == 0");
        assertThat(db.rows("SELECT ai_provider, tokens_used FROM exercise.learning_response WHERE query_id = ?",
                answer.queryId())).singleElement().satisfies(row -> {
                    assertThat(row.get("ai_provider")).isEqualTo("openai");
                    assertThat(row.get("tokens_used")).isEqualTo(280);
                });
    }

    @Test
    void anAnswerThatGivesTheSolutionAwayIsRefusedAndTheStudentGetsTheGradersFeedback() {
        OpenAiServerFake.answersWith("llm_leaky", "Just write `for i in range(1, n + 1):` and it passes.", 250, 20);

        ResponseReady answer = check(attempt("llm_leaky"));

        assertThat(answer.content()).contains("of 4 tests passed")
                .endsWith("(LearnFlow's own feedback: the AI model's answer contained a line of the solution.)")
                .doesNotContain("n + 1");
        assertThat(db.rows("SELECT status FROM exercise.llm_request WHERE messages LIKE '%llm_leaky%'"))
                .singleElement().satisfies(row -> assertThat(row.get("status")).isEqualTo("REFUSED"));
    }

    @Test
    void aSolvedExerciseNeedsNoModel() {
        ResponseReady answer = check("def sum_to(n):\n    llm_solved = 0\n    for i in range(n + 1):\n"
                + "        llm_solved += i\n    return llm_solved\n");

        assertThat(answer.content()).contains("Every test passes");
        OpenAiServerFake.server().verify(0, postRequestedFor(urlEqualTo(OpenAiServerFake.COMPLETIONS))
                .withRequestBody(containing("llm_solved")));
    }
}
