package io.learnflow.triage.ai;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A fake of the OpenAI HTTP API (WireMock on a free port) and triage configured to classify with it, waiting at most
 * three seconds.
 */
public class OpenAiFake implements QuarkusTestResourceLifecycleManager {

    static final String API_KEY = "sk-test-learnflow";
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
                "learnflow.triage.classifier.model-deadline", "3s",
                "quarkus.langchain4j.openai.base-url", server.baseUrl() + "/v1",
                "quarkus.langchain4j.openai.api-key", API_KEY);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
