package io.learnflow.triage.classification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The labelled messages the embedded classifier learns from, shipped in {@code src/main/resources/triage/}: the
 * CS1QA dev lines (MIT, see CS1QA-LICENSE), the hand-written dev set, and LearnFlow's own written examples. The two
 * dev sets are real messages labelled by the label rules, drawn as the messages triage will see; each of their
 * examples counts three times as much as a written one.
 */
public enum TrainingSets {

    CS1QA("cs1qa-dev.jsonl", "CS1QA student lines", 3f),
    HANDWRITTEN("handwritten-dev.jsonl", "hand-written set", 3f),
    WRITTEN("written.jsonl", "LearnFlow's written examples", 1f);

    private final String file;
    private final String title;
    private final float weight;

    TrainingSets(String file, String title, float weight) {
        this.file = file;
        this.title = title;
        this.weight = weight;
    }

    public String title() {
        return title;
    }

    /** How much each of the set's examples counts in training. */
    public float weight() {
        return weight;
    }

    /** The set's messages read as training examples. */
    public List<TrainingExample> examples(Glossary glossary, WordPieceVectors wordPieces, SentenceEncoder encoder) {
        List<TrainingExample> examples = new ArrayList<>();
        for (LabelledMessage message : read()) {
            examples.add(TrainingExample.of(message, weight, glossary, wordPieces, encoder));
        }
        return examples;
    }

    public List<LabelledMessage> read() {
        try (InputStream input = open()) {
            return LabelledMessage.readJsonLines(input, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<LabelledMessage> readAll() {
        List<LabelledMessage> all = new ArrayList<>();
        for (TrainingSets set : values()) {
            all.addAll(set.read());
        }
        return all;
    }

    /** A short digest of the training data, glossary, settings and signals: a model's version changes with any. */
    public static String version(TriageModel.Settings settings) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (TrainingSets set : values()) {
                try (InputStream input = set.open()) {
                    digest.update(input.readAllBytes());
                }
            }
            try (InputStream glossary = resource("glossary.tsv")) {
                digest.update(glossary.readAllBytes());
            }
            digest.update(settings.describe().getBytes(StandardCharsets.UTF_8));
            for (TrainingSets set : values()) {
                digest.update((set.name() + '=' + set.weight()).getBytes(StandardCharsets.UTF_8));
            }
            for (MessageSignal signal : MessageSignal.values()) {
                digest.update(signal.name().getBytes(StandardCharsets.UTF_8));
            }
            return "minilm-lr-" + HexFormat.of().formatHex(digest.digest(), 0, 4);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private InputStream open() {
        return resource(file);
    }

    private static InputStream resource(String name) {
        InputStream input = TrainingSets.class.getClassLoader().getResourceAsStream("triage/" + name);
        if (input == null) {
            throw new IllegalStateException("triage/" + name + " is missing from the class path");
        }
        return input;
    }
}
