package io.learnflow.triage.classification;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains the embedded triage model from the shipped training sets and writes it, with MiniLM's word-piece table
 * (computed once, kept while it matches the model); run by the build ({@code process-classes}), so the model in the
 * jar always matches the data and code it was built from.
 * <p>
 * {@code java ... TriageModelBuilder target/classes/triage}
 */
public final class TriageModelBuilder {

    private TriageModelBuilder() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: TriageModelBuilder OUTPUT_DIRECTORY");
            System.exit(2);
        }
        long started = System.nanoTime();
        Path directory = Path.of(args[0]);
        Files.createDirectories(directory);
        TriageModel.Settings settings = TriageModel.SETTINGS;
        Glossary glossary = Glossary.shipped();
        List<TrainingExample> examples = new ArrayList<>();
        try (SentenceEncoder encoder = new SentenceEncoder(settings.maxTokens());
                WordPieceVectors wordPieces = wordPieces(directory.resolve(Path.of(WordPieceVectors.RESOURCE)
                        .getFileName()), encoder)) {
            for (TrainingSets set : TrainingSets.values()) {
                examples.addAll(set.examples(glossary, wordPieces, encoder));
            }
        }
        TriageModel model = TriageModel.train(examples, settings, TrainingSets.version(settings));
        Path output = directory.resolve(Path.of(EmbeddedClassifier.MODEL_RESOURCE).getFileName());
        try (OutputStream out = Files.newOutputStream(output)) {
            model.write(out);
        }
        System.out.printf("Triage model %s trained on %d messages in %.1f s: %s%n", model.version(), examples.size(),
                (System.nanoTime() - started) / 1e9, output);
    }

    private static WordPieceVectors wordPieces(Path file, SentenceEncoder encoder) throws IOException {
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                return WordPieceVectors.read(in);
            } catch (IOException e) {
                System.out.println(file + " is outdated (" + e.getMessage() + "); computing it again");
            }
        }
        System.out.println("Computing MiniLM's word-piece table (once, about 10 s)...");
        WordPieceVectors computed = WordPieceVectors.compute(encoder);
        try (OutputStream out = Files.newOutputStream(file)) {
            computed.write(out);
        }
        return computed;
    }
}
