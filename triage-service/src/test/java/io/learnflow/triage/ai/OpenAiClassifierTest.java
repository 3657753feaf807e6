package io.learnflow.triage.ai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.learnflow.model.QueryType;
import io.learnflow.triage.classification.Classification;
import io.learnflow.triage.classification.StudentMessage;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = OpenAiFake.class, restrictToAnnotatedClass = true)
class OpenAiClassifierTest {

    private static final String COMPLETIONS = "/v1/chat/completions";
    private static final StudentMessage MESSAGE = new StudentMessage("can I have a harder loop exercise?", null, null);

    @Inject
    TriageClassifier classifier;

    @BeforeEach
    void resetFake() {
        OpenAiFake.server().resetAll();
    }

    private static String completionWith(String content) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode completion = json.createObjectNode()
                .put("id", "chatcmpl-learnflow").put("object", "chat.completion").put("created", 1_700_000_000L)
                .put("model", "gpt-4o-mini");
        ObjectNode choice = completion.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        completion.putObject("usage").put("prompt_tokens", 200).put("completion_tokens", 20).put("total_tokens", 220);
        return completion.toString();
    }

    private Classification classify() {
        return classifier.classify(MESSAGE).await().atMost(Duration.ofSeconds(20));
    }

    @Test
    void sendsTheRulesTheMessageAndAJsonSchemaAndUsesTheVerdict() {
        OpenAiFake.server().stubFor(post(COMPLETIONS).willReturn(okJson(completionWith(
                "{\"label\":\"exercise\",\"confidence\":0.83,\"reason\":\"asks for a harder exercise\"}"))));

        Classification verdict = classify();

        assertThat(verdict.type()).isEqualTo(QueryType.EXERCISE);
        assertThat(verdict.confidence()).isEqualTo(0.83);
        assertThat(verdict.classifier()).isEqualTo("openai/gpt-4o-mini");
        assertThat(verdict.reason()).isEqualTo("openai: asks for a harder exercise");
        OpenAiFake.server().verify(1, postRequestedFor(urlEqualTo(COMPLETIONS))
                .withHeader("Authorization", equalTo("Bearer " + OpenAiFake.API_KEY))
                .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4o-mini")))
                .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("system")))
                .withRequestBody(matchingJsonPath("$.messages[0].content", containing("A concept question that also "
                        + "reports a failure is debug")))
                .withRequestBody(matchingJsonPath("$.messages[1].role", equalTo("user")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", containing(MESSAGE.text())))
                .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_schema")))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.schema.properties.label.enum",
                        containing("exercise"))));
    }

    @Test
    void aMalformedAnswerFallsBackToTheEmbeddedClassifier() {
        OpenAiFake.server().stubFor(post(COMPLETIONS).willReturn(okJson(completionWith(
                "I think this is an exercise request."))));

        assertFellBack(classify(), "the answer is not JSON");
    }

    @Test
    void anAnswerOutsideTheSchemaFallsBack() {
        OpenAiFake.server().stubFor(post(COMPLETIONS).willReturn(okJson(completionWith(
                "{\"label\":\"homework\",\"confidence\":0.9,\"reason\":\"x\"}"))));

        assertFellBack(classify(), "unknown label homework");
    }

    @Test
    void aSlowAnswerFallsBackAfterTheTimeout() {
        OpenAiFake.server().stubFor(post(COMPLETIONS).willReturn(okJson(completionWith(
                "{\"label\":\"debug\",\"confidence\":0.9,\"reason\":\"late\"}")).withFixedDelay(8_000)));

        assertFellBack(classify(), "timeout");
    }

    @Test
    void tooManyRequestsFallsBackAfterOneRetry() {
        OpenAiFake.server().stubFor(post(COMPLETIONS).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}")));

        assertFellBack(classify(), "Rate limit reached");
        OpenAiFake.server().verify(2, postRequestedFor(urlEqualTo(COMPLETIONS)));
    }

    @Test
    void aServerErrorFallsBack() {
        OpenAiFake.server().stubFor(post(COMPLETIONS).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}")));

        assertFellBack(classify(), "The server had an error");
    }

    private static void assertFellBack(Classification verdict, String cause) {
        assertThat(verdict.classifier()).startsWith("embedded/minilm-lr-").endsWith("(openai fallback)");
        assertThat(verdict.reason()).startsWith("fallback from openai (").contains(cause);
        assertThat(verdict.type()).isEqualTo(QueryType.EXERCISE);
    }
}
