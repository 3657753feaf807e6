package io.learnflow.stack.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The seed format's one way of writing JSON, so that export, import and export again give the same bytes: fields in
 * the order they were read or built, 2-space indent, {@code "key": value}, {@code []} and {@code {}} when empty,
 * UTF-8 unescaped but for {@code "}, {@code \} and control characters, numbers as written, and a newline at the end
 * (what Python's {@code json.dumps(value, indent=2, ensure_ascii=False)} writes, with which the shipped files were
 * made).
 */
final class SeedJson {

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private SeedJson() {
    }

    static JsonNode read(String json) throws JsonProcessingException {
        return JSON.readTree(json);
    }

    /** Compact, for the database's JSON columns; read back by {@link #read}, with its fields in the same order. */
    static String compact(JsonNode value) {
        return value.toString();
    }

    static void write(Path file, JsonNode value) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, canonical(value), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static String canonical(JsonNode value) {
        StringBuilder text = new StringBuilder();
        append(text, value, "");
        return text.append('\n').toString();
    }

    private static void append(StringBuilder text, JsonNode value, String indent) {
        String inner = indent + "  ";
        if (value.isObject()) {
            if (value.isEmpty()) {
                text.append("{}");
                return;
            }
            text.append("{\n");
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                text.append(inner);
                string(text, field.getKey());
                text.append(": ");
                append(text, field.getValue(), inner);
                text.append(fields.hasNext() ? ",\n" : "\n");
            }
            text.append(indent).append('}');
        } else if (value.isArray()) {
            if (value.isEmpty()) {
                text.append("[]");
                return;
            }
            text.append("[\n");
            for (int i = 0; i < value.size(); i++) {
                text.append(inner);
                append(text, value.get(i), inner);
                text.append(i + 1 < value.size() ? ",\n" : "\n");
            }
            text.append(indent).append(']');
        } else if (value.isTextual()) {
            string(text, value.textValue());
        } else if (value.isBigDecimal()) {
            text.append(value.decimalValue().toString());
        } else {
            text.append(value.toString());
        }
    }

    private static void string(StringBuilder text, String value) {
        text.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                case '\b' -> text.append("\\b");
                case '\f' -> text.append("\\f");
                default -> {
                    if (c < 0x20) {
                        text.append(String.format("\\u%04x", (int) c));
                    } else {
                        text.append(c);
                    }
                }
            }
        }
        text.append('"');
    }
}
