package io.learnflow.exercise.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON held in the exercise and submission tables' list-valued columns. */
public final class ExerciseJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ExerciseJson() {
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static <T> List<T> readList(String json, Class<T> element) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return JSON.readValue(json, JSON.getTypeFactory().constructCollectionType(List.class, element));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable JSON column: " + e.getOriginalMessage(), e);
        }
    }

    public static <T> T read(InputStream json, TypeReference<T> type) throws IOException {
        return JSON.readValue(json, type);
    }

    public static JsonNode readTree(InputStream json) throws IOException {
        return JSON.readTree(json);
    }

    public static <T> T read(JsonNode json, Class<T> type) throws JsonProcessingException {
        return JSON.treeToValue(json, type);
    }

    public static List<ExerciseTestCase> tests(Exercise exercise) {
        return readList(exercise.testCases, ExerciseTestCase.class);
    }

    public static List<String> hints(Exercise exercise) {
        return readList(exercise.hints, String.class);
    }

    public static List<String> tags(Exercise exercise) {
        return readList(exercise.tags, String.class);
    }

    public static List<QuizOption> options(Exercise exercise) {
        return readList(exercise.options, QuizOption.class);
    }
}
