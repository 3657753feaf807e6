package io.learnflow.concepts.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.learnflow.model.LearningModule;

/**
 * One line of an evaluation file: a question, the module whose entry should answer it (null for {@code "none"}: the
 * curriculum does not cover it), and an optional concept tag.
 */
public record LabelledQuestion(String text, LearningModule module, String concept) {

    public boolean covered() {
        return module != null;
    }

    public static List<LabelledQuestion> read(Path file) {
        ObjectMapper json = new ObjectMapper();
        List<LabelledQuestion> questions = new ArrayList<>();
        try {
            int number = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                String text = node.path("text").asText("");
                String module = node.path("module").asText("");
                if (text.isBlank() || module.isBlank()) {
                    throw new IllegalArgumentException(file + " line " + number + " needs a text and a module");
                }
                questions.add(new LabelledQuestion(text, "none".equals(module) ? null : LearningModule.fromJson(module),
                        node.path("concept").asText(null)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return questions;
    }
}
