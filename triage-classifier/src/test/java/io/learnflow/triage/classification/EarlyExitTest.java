package io.learnflow.triage.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EarlyExitTest {

    private static final double ALWAYS_SURE_ENOUGH = 0.0;
    private static final double NEVER_SURE_ENOUGH = 1.01;

    private static TriageModel model;
    private static WordPieceVectors wordPieces;
    private static SentenceEncoder encoder;
    private final Glossary glossary = Glossary.shipped();

    @BeforeAll
    static void loadShippedModel() {
        model = EmbeddedClassifier.shippedModel();
        wordPieces = WordPieceVectors.shipped();
        encoder = new SentenceEncoder(model.settings().maxTokens());
    }

    @AfterAll
    static void close() {
        encoder.close();
        wordPieces.close();
    }

    private TriagePrediction predict(String text, double earlyExit, AtomicInteger encoderRuns) {
        ReadMessage read = ReadMessage.of(new StudentMessage(text, null, null), glossary);
        return model.predict(read, wordPieces.embed(read.prose()), () -> {
            encoderRuns.incrementAndGet();
            return encoder.encode(read.prose());
        }, earlyExit);
    }

    @Test
    void aSureQuickModelDecidesWithoutRunningMiniLm() {
        AtomicInteger encoderRuns = new AtomicInteger();
        TriagePrediction prediction = predict("my loop never stops and I do not know why", ALWAYS_SURE_ENOUGH,
                encoderRuns);
        assertThat(encoderRuns).hasValue(0);
        assertThat(prediction.nearest()).isEmpty();
    }

    @Test
    void anUnsureQuickModelHandsTheMessageToMiniLmAndTheNearestExamples() {
        AtomicInteger encoderRuns = new AtomicInteger();
        TriagePrediction prediction = predict("my loop never stops and I do not know why", NEVER_SURE_ENOUGH,
                encoderRuns);
        assertThat(encoderRuns).hasValue(1);
        assertThat(prediction.nearest()).hasSize(2);
    }

    @Test
    void aMessageOfThreeWordsOrFewerAlwaysRunsMiniLm() {
        AtomicInteger encoderRuns = new AtomicInteger();
        TriagePrediction prediction = predict("recursion", ALWAYS_SURE_ENOUGH, encoderRuns);
        assertThat(encoderRuns).hasValue(1);
        assertThat(prediction.nearest()).isNotEmpty();
    }
}
