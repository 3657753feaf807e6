package io.learnflow.triage.classification;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains the embedded triage model from the shipped training sets and writes it; run by the build
 * ({@code process-classes}), so the model in the jar always matches the data and code it was built from.
 * <p>
 * {@code java ... TriageModelBuilder target/classes/triage/triage-model.bin}
 */
public final class TriageModelBuilder {

    private TriageModelBuilder() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: TriageModelBuilder OUTPUT_FILE");
            System.exit(2);
        }
        long started = System.nanoTime();
        TriageModel.Settings settings = TriageModel.SETTINGS;
        List<LabelledMessage> messages = TrainingSets.readAll();
        Glossary glossary = Glossary.shipped();
        List<TrainingExample> examples = new ArrayList<>();
        try (SentenceEncoder encoder = new SentenceEncoder(settings.maxTokens())) {
            for (LabelledMessage message : messages) {
                examples.add(TrainingExample.of(message, glossary, encoder));
            }
        }
        TriageModel model = TriageModel.train(examples, settings, TrainingSets.version(settings));
        Path output = Path.of(args[0]);
        Files.createDirectories(output.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(output)) {
            model.write(out);
        }
        System.out.printf("Triage model %s trained on %d messages in %.1f s: %s%n", model.version(), examples.size(),
                (System.nanoTime() - started) / 1e9, output);
    }
}
