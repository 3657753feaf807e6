package io.learnflow.llm.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A fake of the OpenAI HTTP API (WireMock on a free port) and the service under test in LLM mode against it. Init
 * arguments of the test resource are added to (or override) the configuration; {@link #completion} writes the body of
 * a chat completion.
 */
public class OpenAiServerFake implements QuarkusTestResourceLifecycleManager {

    public static final String API_KEY = "sk-test-learnflow";
    public static final String COMPLETIONS = "/v1/chat/completions";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static WireMockServer server;
    private final Map<String, String> overrides = new HashMap<>();

    public static WireMockServer server() {
        return server;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        overrides.putAll(initArgs);
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        Map<String, String> config = new HashMap<>(Map.of(
                "learnflow.llm.mode", "openai",
                "learnflow.llm.timeout", "2s",
                "quarkus.langchain4j.openai.base-url", server.baseUrl() + "/v1",
                "quarkus.langchain4j.openai.api-key", API_KEY));
        config.putAll(overrides);
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** The body of a chat completion that answers {@code content} with this usage. */
    public static String completion(String content, int inputTokens, int outputTokens) {
        ObjectNode completion = JSON.createObjectNode().put("id", "chatcmpl-" + UUID.randomUUID())
                .put("object", "chat.completion").put("created", 1_700_000_000L).put("model", "gpt-4o-mini");
        ObjectNode choice = completion.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        completion.putObject("usage").put("prompt_tokens", inputTokens).put("completion_tokens", outputTokens)
                .put("total_tokens", inputTokens + outputTokens);
        return completion.toString();
    }

    /** Requests whose body contains {@code marker} are answered with {@code content}. */
    public static void answersWith(String marker, String content, int inputTokens, int outputTokens) {
        server.stubFor(post(urlEqualTo(COMPLETIONS)).withRequestBody(containing(marker))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(completion(content, inputTokens, outputTokens))));
    }
}
