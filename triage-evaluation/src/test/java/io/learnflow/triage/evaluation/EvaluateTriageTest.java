package io.learnflow.triage.evaluation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

class EvaluateTriageTest {

    private static WireMockServer openAi;

    @TempDir
    Path directory;

    @BeforeAll
    static void startFake() {
        openAi = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        openAi.start();
    }

    @AfterAll
    static void stopFake() {
        openAi.stop();
    }

    private Path labelledFile() throws IOException {
        Path file = directory.resolve("messages.jsonl");
        Files.writeString(file, """
                {"text": "IndexError: list index out of range on line 4, why?", "label": "debug"}
                {"text": "What does the TA think?", "label": "concept", "source": "ta"}
                {"text": "give me a harder exercise on loops please", "label": "exercise"}
                {"text": "unclear", "label": "concept", "ambiguous": true}
                {"text": "thanks, see you tomorrow!", "label": "other"}
                """);
        return file;
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = EvaluateTriage.run(args, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void embeddedModeScoresTheStudentLinesOfAFile() throws IOException {
        Run run = run(Map.of(), labelledFile().toString());

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("messages: 3", "accuracy: 1.000", "confusion matrix",
                "clarifying question is asked", "latency per message (ms, model loading excluded): p50 ");
    }

    @Test
    void openAiModeSendsTheMessagesToTheApiAndUsesItsVerdicts() throws IOException {
        openAi.resetAll();
        openAi.stubFor(post("/v1/chat/completions").willReturn(okJson("""
                {"id": "c", "object": "chat.completion", "created": 1, "model": "gpt-4o-mini",
                 "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant",
                 "content": "{\\"label\\":\\"debug\\",\\"confidence\\":0.9,\\"reason\\":\\"an error\\"}"}}]}""")));

        Run run = run(Map.of("OPENAI_API_KEY", "sk-eval", "OPENAI_BASE_URL", openAi.baseUrl() + "/v1"),
                labelledFile().toString(), "--mode", "openai");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("classifier: openai/gpt-4o-mini", "accuracy: 0.333",
                "openai fallbacks to the embedded classifier: 0 of 3");
        assertThat(run.out()).as("debug hands the request for practice back, to exercise")
                .contains("handed back by the specialist: 1 of 3 messages", "accuracy after one hand-back: 0.667");
        openAi.verify(3, postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer sk-eval"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4o-mini")))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.strict", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.name", equalTo("triage_verdict"))));
    }

    @Test
    void openAiErrorsFallBackToTheEmbeddedModel() throws IOException {
        openAi.resetAll();
        openAi.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(500).withBody("{}")));

        Run run = run(Map.of("OPENAI_API_KEY", "sk-eval", "OPENAI_BASE_URL", openAi.baseUrl() + "/v1"),
                labelledFile().toString(), "--mode", "openai");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("accuracy: 1.000", "openai fallbacks to the embedded classifier: 3 of 3");
        openAi.verify(3, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void aSlowAnswerFallsBackAfterFiveSeconds() throws IOException {
        openAi.resetAll();
        openAi.stubFor(post("/v1/chat/completions").willReturn(okJson("""
                {"id": "c", "object": "chat.completion", "created": 1, "model": "gpt-4o-mini",
                 "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant",
                 "content": "{\\"label\\":\\"concept\\",\\"confidence\\":0.9,\\"reason\\":\\"late\\"}"}}]}""")
                .withFixedDelay(8_000)));
        Path file = directory.resolve("one.jsonl");
        Files.writeString(file, "{\"text\": \"thanks, see you tomorrow!\", \"label\": \"other\"}\n");

        Run run = run(Map.of("OPENAI_API_KEY", "sk-eval", "OPENAI_BASE_URL", openAi.baseUrl() + "/v1"),
                file.toString(), "--mode", "openai");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("accuracy: 1.000", "openai fallbacks to the embedded classifier: 1 of 1");
    }

    @Test
    void badArgumentsAndFilesAreToldClearly() throws IOException {
        assertThat(run(Map.of()).err()).contains("give a JSONL file or --cross-validate", "usage:");
        assertThat(run(Map.of(), "x.jsonl", "--mode", "gpt").status()).isEqualTo(2);
        assertThat(run(Map.of(), "--cross-validate", "--repeats", "0").err())
                .contains("--repeats must be a whole number from 1 to 20, not 0");
        assertThat(run(Map.of(), directory.resolve("missing.jsonl").toString()).err()).contains("no such file");
        assertThat(run(Map.of(), labelledFile().toString(), "--mode", "openai").err()).contains("OPENAI_API_KEY");
        Path bad = directory.resolve("bad.jsonl");
        Files.writeString(bad, "{\"text\": \"hi\", \"label\": \"greeting\"}\n");
        Run badLabel = run(Map.of(), bad.toString());
        assertThat(badLabel.status()).isEqualTo(1);
        assertThat(badLabel.err()).contains("bad.jsonl:1: label must be concept, debug, exercise or other");
    }
}
