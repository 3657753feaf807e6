package io.learnflow.triage.classification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.learnflow.model.QueryType;

/**
 * A student message with the label a person gave it, read from JSON Lines ({@code text} and {@code label}; other
 * fields are ignored). Lines said by a teaching assistant ({@code "source":"ta"}) or marked
 * {@code "ambiguous":true} are skipped: their labels are guesses.
 */
public record LabelledMessage(String text, QueryType label) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static List<LabelledMessage> readJsonLines(InputStream input, String name) throws IOException {
        List<LabelledMessage> messages = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (JsonProcessingException e) {
                    throw new IOException(name + ":" + number + ": not a JSON object: " + e.getOriginalMessage());
                }
                if ("ta".equals(node.path("source").asText()) || node.path("ambiguous").asBoolean(false)) {
                    continue;
                }
                if (!node.path("text").isTextual() || !node.path("label").isTextual()) {
                    throw new IOException(name + ":" + number + ": needs the string fields \"text\" and \"label\"");
                }
                QueryType label;
                try {
                    label = QueryType.fromJson(node.get("label").asText());
                } catch (IllegalArgumentException e) {
                    throw new IOException(name + ":" + number + ": label must be concept, debug, exercise or other, not \""
                            + node.get("label").asText() + "\"");
                }
                messages.add(new LabelledMessage(node.get("text").asText(), label));
            }
        }
        return messages;
    }
}
