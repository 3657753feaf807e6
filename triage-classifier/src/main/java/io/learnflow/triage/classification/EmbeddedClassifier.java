package io.learnflow.triage.classification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The offline classifier: the shipped {@link TriageModel} with its word-piece vectors, MiniLM and the message
 * signals. Thread-safe; MiniLM runs only for messages the quick model does not settle.
 */
public final class EmbeddedClassifier implements QueryClassifier, AutoCloseable {

    public static final String MODEL_RESOURCE = "triage/triage-model.bin";

    private final TriageModel model;
    private final WordPieceVectors wordPieces;
    private final SentenceEncoder encoder;
    private final Glossary glossary;
    private final double earlyExit;
    private final String name;

    /** The model and word-piece table the build wrote into the service's jar. */
    public static EmbeddedClassifier shipped(double earlyExit) {
        return new EmbeddedClassifier(shippedModel(), WordPieceVectors.shipped(), earlyExit);
    }

    public EmbeddedClassifier(TriageModel model, WordPieceVectors wordPieces, double earlyExit) {
        this.model = model;
        this.wordPieces = wordPieces;
        this.encoder = new SentenceEncoder(model.settings().maxTokens());
        this.glossary = Glossary.shipped();
        this.earlyExit = earlyExit;
        this.name = "embedded/" + model.version();
    }

    /** The model built into the service's jar by {@link TriageModelBuilder}. */
    static TriageModel shippedModel() {
        InputStream input = EmbeddedClassifier.class.getClassLoader().getResourceAsStream(MODEL_RESOURCE);
        if (input == null) {
            throw new IllegalStateException(MODEL_RESOURCE + " is missing: the build trains it (process-classes); run "
                    + "./mvnw -pl triage-service process-classes");
        }
        try (input) {
            return TriageModel.read(input);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + MODEL_RESOURCE, e);
        }
    }

    public String name() {
        return name;
    }

    @Override
    public Classification classify(StudentMessage message) {
        return classify(message, earlyExit);
    }

    /**
     * Runs each text through the quick model and MiniLM both, as a service that has answered for a while has done, so
     * that a measurement after it does not count the JIT compiler's first passes.
     */
    public void warmUp(List<String> texts) {
        for (String text : texts) {
            classify(new StudentMessage(text, null, null), Double.POSITIVE_INFINITY);
        }
    }

    private Classification classify(StudentMessage message, double earlyExit) {
        ReadMessage read = ReadMessage.of(message, glossary);
        TriagePrediction prediction = model.predict(read, wordPieces.embed(read.prose()),
                () -> encoder.encode(read.prose()), earlyExit);
        return TriageDecisionRule.decide(read, prediction, name);
    }

    @Override
    public void close() {
        encoder.close();
        wordPieces.close();
    }
}
