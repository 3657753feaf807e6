package io.learnflow.triage.classification;

import java.util.Arrays;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a read message and its sentence embedding into the classifier's features: the message signals, hashed words
 * and word pairs of its prose, and the embedding. The layout is fixed by the number of hash bits and the embedding's
 * scale, both stored with the model.
 */
public record TriageFeatures(int hashBits, float embeddingScale) {

    private static final MessageSignal[] SIGNALS = MessageSignal.values();
    private static final Pattern TOKEN = Pattern.compile("\\p{L}[\\p{L}\\p{N}_']*|\\d+|[?!]");
    private static final Pattern EXCEPTION = Pattern.compile("\\b[A-Z][A-Za-z]*(?:Error|Exception|Warning)\\b");

    public int dimensions() {
        return SIGNALS.length + (1 << hashBits) + SentenceEncoder.DIMENSIONS;
    }

    public FeatureVector of(ReadMessage message, float[] embedding) {
        return withEmbedding(signalsAndWords(message), embedding);
    }

    /** The message's signals and hashed words, the part of its features that does not depend on an embedding. */
    public FeatureVector signalsAndWords(ReadMessage message) {
        TreeMap<Integer, Float> features = new TreeMap<>();
        for (MessageSignal signal : SIGNALS) {
            if (signal.in(message)) {
                features.put(signal.ordinal(), 1f);
            }
        }
        addWords(message, features);
        int[] indices = new int[features.size()];
        float[] values = new float[indices.length];
        int i = 0;
        for (var feature : features.entrySet()) {
            indices[i] = feature.getKey();
            values[i++] = feature.getValue();
        }
        return new FeatureVector(indices, values);
    }

    /** {@code signalsAndWords} followed by the embedding, scaled. */
    public FeatureVector withEmbedding(FeatureVector signalsAndWords, float[] embedding) {
        int start = SIGNALS.length + (1 << hashBits);
        int sparse = signalsAndWords.indices().length;
        int[] indices = Arrays.copyOf(signalsAndWords.indices(), sparse + embedding.length);
        float[] values = Arrays.copyOf(signalsAndWords.values(), indices.length);
        for (int d = 0; d < embedding.length; d++) {
            indices[sparse + d] = start + d;
            values[sparse + d] = embedding[d] * embeddingScale;
        }
        return new FeatureVector(indices, values);
    }

    private void addWords(ReadMessage message, TreeMap<Integer, Float> features) {
        int mask = (1 << hashBits) - 1;
        TreeMap<Integer, Float> words = new TreeMap<>();
        Matcher tokens = TOKEN.matcher(message.prose().toLowerCase(Locale.ROOT));
        String previous = "^";
        while (tokens.find()) {
            String token = tokens.group();
            words.merge(SIGNALS.length + (hash(token) & mask), 1f, Float::sum);
            words.merge(SIGNALS.length + (hash(previous + ' ' + token) & mask), 1f, Float::sum);
            previous = token;
        }
        Matcher exceptions = EXCEPTION.matcher(message.errorText() + '\n' + message.original());
        while (exceptions.find()) {
            words.merge(SIGNALS.length + (hash(exceptions.group()) & mask), 1f, Float::sum);
        }
        double norm = Math.sqrt(words.values().stream().mapToDouble(v -> v * v).sum());
        words.forEach((index, count) -> features.put(index, (float) (count / norm)));
    }

    private static int hash(String token) {
        int h = 0x811c9dc5;
        for (int i = 0; i < token.length(); i++) {
            h = (h ^ token.charAt(i)) * 0x01000193;
        }
        return h ^ (h >>> 15);
    }
}
