package io.learnflow.concepts.ai;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A fake of the OpenAI HTTP API (WireMock on a free port) and the concepts tutor in LLM mode against it, with a small
 * daily budget per student (150 tokens) so that the budget can be run out, the cache purged every second, and at most
 * 2 s of {@code Retry-After} waited for, and a cache of at most 40 answers.
 */
public class ConceptsOpenAiFake implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;

    static WireMockServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        return Map.of(
                "learnflow.llm.mode", "openai",
                "learnflow.llm.timeout", "2s",
                "learnflow.llm.student-daily-tokens", "150",
                "learnflow.llm.cache-purge-every", "1s",
                "learnflow.llm.max-retry-after", "2s",
                "learnflow.llm.cache-max-entries", "40",
                "quarkus.langchain4j.openai.base-url", server.baseUrl() + "/v1",
                "quarkus.langchain4j.openai.api-key", "sk-test-learnflow");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
