package io.learnflow.triage.classification;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import io.learnflow.model.QueryType;

/**
 * The embedded triage model: two softmax regressions over the same message signals and hashed words, the quick one
 * also over the message's {@link WordPieceVectors word-piece vector}, the full one over its MiniLM sentence
 * embedding, and the embedded training examples for a nearest-neighbour vote.
 * <p>
 * A message is first scored by the quick model; if that is already sure enough ({@code earlyExit}), the answer
 * stands, because running MiniLM is most of the time a message costs. Otherwise the full model and the vote of the
 * nearest labelled examples decide together. A message of three words or fewer always goes to the full model: word
 * pieces read alone say too little about it (the quick model is sure "recursion" is a debugging request), and
 * MiniLM reads so short a message quickly.
 */
public final class TriageModel {

    /** How the model is built; part of its version. */
    public record Settings(int hashBits, float wordPieceScale, float embeddingScale, double l2, int epochs,
            double learningRate, double neighbourWeight, int neighbours, double neighbourSharpness, int maxTokens) {

        public String describe() {
            return "bits=" + hashBits + ",pieces=" + wordPieceScale + ",scale=" + embeddingScale + ",l2=" + l2 + ",epochs=" + epochs + ",lr="
                    + learningRate + ",knn=" + neighbourWeight + "x" + neighbours + "@" + neighbourSharpness + ",tokens="
                    + maxTokens;
        }
    }

    public static final Settings SETTINGS = new Settings(14, 4f, 2f, 0.001, 300, 0.05, 0.3, 9, 10, 32);

    private static final int FORMAT = 2;
    private static final int CLASSES = QueryType.values().length;

    private final String version;
    private final Settings settings;
    private final SoftmaxRegression quick;
    private final SoftmaxRegression full;
    private final TriageFeatures quickFeatures;
    private final TriageFeatures allFeatures;
    private final float[][] neighbourEmbeddings;
    private final QueryType[] neighbourLabels;
    private final float[] neighbourWeights;
    private final String[] neighbourTexts;

    private TriageModel(String version, Settings settings, SoftmaxRegression quick, SoftmaxRegression full,
            float[][] neighbourEmbeddings, QueryType[] neighbourLabels, float[] neighbourWeights, String[] neighbourTexts) {
        this.version = version;
        this.settings = settings;
        this.quick = quick;
        this.full = full;
        this.neighbourEmbeddings = neighbourEmbeddings;
        this.neighbourLabels = neighbourLabels;
        this.neighbourWeights = neighbourWeights;
        this.neighbourTexts = neighbourTexts;
        this.quickFeatures = quickFeatures(settings);
        this.allFeatures = allFeatures(settings);
    }

    private static TriageFeatures quickFeatures(Settings settings) {
        return new TriageFeatures(settings.hashBits(), settings.wordPieceScale());
    }

    private static TriageFeatures allFeatures(Settings settings) {
        return new TriageFeatures(settings.hashBits(), settings.embeddingScale());
    }

    public static TriageModel train(List<TrainingExample> examples, Settings settings, String version) {
        TriageFeatures words = quickFeatures(settings);
        return train(examples, settings, version, words::signalsAndWords);
    }

    /**
     * @param signalsAndWords a message's {@link TriageFeatures#signalsAndWords signals and words} in this layout,
     *                        for callers that train many models on the same messages and keep them
     */
    public static TriageModel train(List<TrainingExample> examples, Settings settings, String version,
            Function<ReadMessage, FeatureVector> signalsAndWords) {
        TriageFeatures quickLayout = quickFeatures(settings);
        TriageFeatures all = allFeatures(settings);
        int[] labels = new int[examples.size()];
        double[] weights = new double[examples.size()];
        List<FeatureVector> quickVectors = new ArrayList<>();
        List<FeatureVector> fullVectors = new ArrayList<>();
        float[][] embeddings = new float[examples.size()][];
        QueryType[] neighbourLabels = new QueryType[examples.size()];
        String[] texts = new String[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            TrainingExample example = examples.get(i);
            labels[i] = example.label().ordinal();
            weights[i] = example.weight();
            FeatureVector sparse = signalsAndWords.apply(example.read());
            quickVectors.add(quickLayout.withEmbedding(sparse, example.wordPieces()));
            fullVectors.add(all.withEmbedding(sparse, example.embedding()));
            embeddings[i] = example.embedding();
            neighbourLabels[i] = example.label();
            texts[i] = example.text();
        }
        SoftmaxRegression.Settings training = new SoftmaxRegression.Settings(settings.l2(), settings.epochs(),
                settings.learningRate());
        return new TriageModel(version, settings,
                SoftmaxRegression.train(quickVectors, labels, weights, CLASSES, quickLayout.dimensions(), training),
                SoftmaxRegression.train(fullVectors, labels, weights, CLASSES, all.dimensions(), training),
                embeddings, neighbourLabels, neighbourWeights(examples), texts);
    }

    public String version() {
        return version;
    }

    public Settings settings() {
        return settings;
    }

    /** This model with another blend of the nearest examples' vote; the weight only acts when a message is predicted. */
    public TriageModel withNeighbourWeight(double neighbourWeight) {
        Settings blended = new Settings(settings.hashBits(), settings.wordPieceScale(), settings.embeddingScale(),
                settings.l2(), settings.epochs(), settings.learningRate(), neighbourWeight, settings.neighbours(),
                settings.neighbourSharpness(), settings.maxTokens());
        return new TriageModel(version, blended, quick, full, neighbourEmbeddings, neighbourLabels, neighbourWeights,
                neighbourTexts);
    }

    /**
     * @param wordPieces the message's word-piece vector
     * @param embedding  the message's MiniLM sentence embedding, computed only if the quick model is not sure enough
     * @param earlyExit  probability from which the quick model decides alone
     */
    public TriagePrediction predict(ReadMessage message, float[] wordPieces, Supplier<float[]> embedding,
            double earlyExit) {
        return predict(message, quickFeatures.signalsAndWords(message), wordPieces, embedding, earlyExit);
    }

    /** {@link #predict(ReadMessage, float[], Supplier, double)} of a message whose signals and words are known. */
    public TriagePrediction predict(ReadMessage message, FeatureVector signalsAndWords, float[] wordPieces,
            Supplier<float[]> embedding, double earlyExit) {
        FeatureVector quickVector = quickFeatures.withEmbedding(signalsAndWords, wordPieces);
        double[] quickProbabilities = quick.probabilities(quickVector);
        if (max(quickProbabilities) >= earlyExit && !MessageSignal.SHORT.in(message)) {
            return new TriagePrediction(quickProbabilities, signalsFor(quick, quickVector, argmax(quickProbabilities)),
                    List.of());
        }
        float[] vector = embedding.get();
        FeatureVector fullVector = allFeatures.withEmbedding(signalsAndWords, vector);
        double[] probabilities = full.probabilities(fullVector);
        List<TriagePrediction.Neighbour> nearest = nearest(vector, settings.neighbours());
        double[] vote = new double[CLASSES];
        double total = 0;
        for (TriagePrediction.Neighbour neighbour : nearest) {
            double weight = neighbour.weight() * Math.exp(neighbour.similarity() * settings.neighbourSharpness());
            vote[neighbour.label().ordinal()] += weight;
            total += weight;
        }
        for (int k = 0; k < CLASSES; k++) {
            probabilities[k] = (1 - settings.neighbourWeight()) * probabilities[k]
                    + settings.neighbourWeight() * vote[k] / total;
        }
        return new TriagePrediction(probabilities, signalsFor(full, fullVector, argmax(probabilities)),
                nearest.subList(0, Math.min(2, nearest.size())));
    }

    /** The signals present in the message that raise the score of {@code label}, strongest first. */
    private static List<MessageSignal> signalsFor(SoftmaxRegression model, FeatureVector vector, int label) {
        List<MessageSignal> signals = new ArrayList<>();
        List<double[]> scored = new ArrayList<>();
        for (int i = 0; i < vector.indices().length && vector.indices()[i] < MessageSignal.values().length; i++) {
            int index = vector.indices()[i];
            double margin = 0;
            for (int k = 0; k < CLASSES; k++) {
                double contribution = model.contribution(k, index, vector.values()[i]);
                margin += k == label ? contribution : -contribution / (CLASSES - 1);
            }
            if (margin > 0) {
                scored.add(new double[] { index, margin });
            }
        }
        scored.sort(Comparator.comparingDouble((double[] s) -> s[1]).reversed());
        for (double[] s : scored.subList(0, Math.min(3, scored.size()))) {
            signals.add(MessageSignal.values()[(int) s[0]]);
        }
        return signals;
    }

    private List<TriagePrediction.Neighbour> nearest(float[] vector, int count) {
        int size = Math.min(count, neighbourEmbeddings.length);
        int[] best = new int[size];
        double[] bestSimilarity = new double[size];
        Arrays.fill(bestSimilarity, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < neighbourEmbeddings.length; i++) {
            double similarity = 0;
            float[] other = neighbourEmbeddings[i];
            for (int d = 0; d < other.length; d++) {
                similarity += vector[d] * other[d];
            }
            int position = size;
            while (position > 0 && similarity > bestSimilarity[position - 1]) {
                position--;
            }
            if (position < size) {
                System.arraycopy(best, position, best, position + 1, size - position - 1);
                System.arraycopy(bestSimilarity, position, bestSimilarity, position + 1, size - position - 1);
                best[position] = i;
                bestSimilarity[position] = similarity;
            }
        }
        List<TriagePrediction.Neighbour> nearest = new ArrayList<>(size);
        for (int j = 0; j < size; j++) {
            nearest.add(new TriagePrediction.Neighbour(neighbourTexts[best[j]], neighbourLabels[best[j]],
                    neighbourWeights[best[j]], bestSimilarity[j]));
        }
        return nearest;
    }

    private static float[] neighbourWeights(List<TrainingExample> examples) {
        float[] weights = new float[examples.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = examples.get(i).weight();
        }
        return weights;
    }

    private static double max(double[] values) {
        return values[argmax(values)];
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int k = 1; k < values.length; k++) {
            if (values[k] > values[best]) {
                best = k;
            }
        }
        return best;
    }

    public void write(OutputStream output) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(output))) {
            out.writeInt(FORMAT);
            out.writeUTF(version);
            out.writeInt(settings.hashBits());
            out.writeFloat(settings.wordPieceScale());
            out.writeFloat(settings.embeddingScale());
            out.writeDouble(settings.l2());
            out.writeInt(settings.epochs());
            out.writeDouble(settings.learningRate());
            out.writeDouble(settings.neighbourWeight());
            out.writeInt(settings.neighbours());
            out.writeDouble(settings.neighbourSharpness());
            out.writeInt(settings.maxTokens());
            writeRegression(out, quick);
            writeRegression(out, full);
            out.writeInt(neighbourEmbeddings.length);
            for (int i = 0; i < neighbourEmbeddings.length; i++) {
                out.writeUTF(neighbourLabels[i].name());
                out.writeFloat(neighbourWeights[i]);
                byte[] text = neighbourTexts[i].getBytes(java.nio.charset.StandardCharsets.UTF_8);
                out.writeInt(text.length);
                out.write(text);
                for (float v : neighbourEmbeddings[i]) {
                    out.writeFloat(v);
                }
            }
        }
    }

    public static TriageModel read(InputStream input) throws IOException {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(input, 1 << 16))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IOException("triage model format " + format + " is not " + FORMAT + "; rebuild the model");
            }
            String version = in.readUTF();
            Settings settings = new Settings(in.readInt(), in.readFloat(), in.readFloat(), in.readDouble(), in.readInt(),
                    in.readDouble(), in.readDouble(), in.readInt(), in.readDouble(), in.readInt());
            SoftmaxRegression quick = readRegression(in);
            SoftmaxRegression full = readRegression(in);
            int count = in.readInt();
            float[][] embeddings = new float[count][SentenceEncoder.DIMENSIONS];
            QueryType[] labels = new QueryType[count];
            float[] weights = new float[count];
            String[] texts = new String[count];
            for (int i = 0; i < count; i++) {
                labels[i] = QueryType.valueOf(in.readUTF());
                weights[i] = in.readFloat();
                byte[] text = new byte[in.readInt()];
                in.readFully(text);
                texts[i] = new String(text, java.nio.charset.StandardCharsets.UTF_8);
                for (int d = 0; d < SentenceEncoder.DIMENSIONS; d++) {
                    embeddings[i][d] = in.readFloat();
                }
            }
            return new TriageModel(version, settings, quick, full, embeddings, labels, weights, texts);
        }
    }

    private static void writeRegression(DataOutputStream out, SoftmaxRegression regression) throws IOException {
        double[][] weights = regression.weights();
        out.writeInt(weights.length);
        out.writeInt(weights[0].length);
        for (int k = 0; k < weights.length; k++) {
            out.writeDouble(regression.bias()[k]);
            for (double w : weights[k]) {
                out.writeFloat((float) w);
            }
        }
    }

    private static SoftmaxRegression readRegression(DataInputStream in) throws IOException {
        int classes = in.readInt();
        int dimensions = in.readInt();
        double[][] weights = new double[classes][dimensions];
        double[] bias = new double[classes];
        for (int k = 0; k < classes; k++) {
            bias[k] = in.readDouble();
            for (int d = 0; d < dimensions; d++) {
                weights[k][d] = in.readFloat();
            }
        }
        return new SoftmaxRegression(weights, bias);
    }
}
