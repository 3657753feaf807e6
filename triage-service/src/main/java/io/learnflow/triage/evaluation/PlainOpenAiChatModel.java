package io.learnflow.triage.evaluation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;

/**
 * The OpenAI chat completions call for the evaluation command, which runs outside Quarkus: quarkus-langchain4j's
 * client needs the Quarkus runtime, so this one uses the JDK's HTTP client. It sends what the service sends (system
 * and user messages, the JSON schema of the verdict, temperature 0) and returns the answer's text.
 */
final class PlainOpenAiChatModel implements ChatModel {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI completions;
    private final String apiKey;
    private final String model;
    private final Duration timeout;

    PlainOpenAiChatModel(String baseUrl, String apiKey, String model, Duration timeout) {
        this.completions = URI.create(baseUrl.replaceAll("/+$", "") + "/chat/completions");
        this.apiKey = apiKey;
        this.model = model;
        this.timeout = timeout;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        body.put("temperature", 0);
        List<Map<String, String>> messages = new ArrayList<>();
        for (ChatMessage message : request.messages()) {
            if (message instanceof SystemMessage system) {
                messages.add(Map.of("role", "system", "content", system.text()));
            } else if (message instanceof UserMessage user) {
                messages.add(Map.of("role", "user", "content", user.singleText()));
            }
        }
        body.put("messages", messages);
        JsonSchema schema = request.responseFormat().jsonSchema();
        body.put("response_format", Map.of("type", "json_schema", "json_schema", Map.of("name", schema.name(),
                "strict", true, "schema", JsonSchemaElementUtils.toMap(schema.rootElement(), true))));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(completions)
                    .timeout(timeout)
                    .header("Authorization", "Bearer " + apiKey)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("OpenAI answered HTTP " + response.statusCode() + ": " + response.body());
            }
            JsonNode content = JSON.readTree(response.body()).path("choices").path(0).path("message").path("content");
            return ChatResponse.builder().aiMessage(AiMessage.from(content.asText(""))).build();
        } catch (HttpTimeoutException e) {
            throw new IllegalStateException("timeout", e);
        } catch (IOException e) {
            throw new IllegalStateException("OpenAI could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
