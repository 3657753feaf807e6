package io.learnflow.triage.classification;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;

/**
 * A sentence vector that costs microseconds instead of MiniLM's milliseconds: the sum of MiniLM's output vectors for
 * each word piece of the text read alone, computed once for the whole vocabulary by the build and stored as bytes
 * (one scale per word piece). It misses what MiniLM reads from word order, but places a message near the messages
 * that use related words, which is enough to settle most messages without running MiniLM.
 */
public final class WordPieceVectors implements AutoCloseable {

    public static final String RESOURCE = "triage/minilm-word-pieces.bin";

    private static final int FORMAT = 1;
    private static final int MAX_PIECES = 512;

    private final byte[][] pieces;
    private final float[] scales;
    private final HuggingFaceTokenizer tokenizer;

    private WordPieceVectors(byte[][] pieces, float[] scales) {
        this.pieces = pieces;
        this.scales = scales;
        this.tokenizer = SentenceEncoder.tokenizer(MAX_PIECES, false);
    }

    /** Runs MiniLM over its whole vocabulary. */
    public static WordPieceVectors compute(SentenceEncoder encoder) {
        float[][] outputs = encoder.wordPieceOutputs();
        byte[][] pieces = new byte[outputs.length][SentenceEncoder.DIMENSIONS];
        float[] scales = new float[outputs.length];
        for (int p = 0; p < outputs.length; p++) {
            float largest = 0;
            for (float v : outputs[p]) {
                largest = Math.max(largest, Math.abs(v));
            }
            scales[p] = largest == 0 ? 0 : largest / 127;
            for (int d = 0; d < SentenceEncoder.DIMENSIONS; d++) {
                pieces[p][d] = scales[p] == 0 ? 0 : (byte) Math.round(outputs[p][d] / scales[p]);
            }
        }
        return new WordPieceVectors(pieces, scales);
    }

    /** The table the build wrote next to the triage model. */
    public static WordPieceVectors shipped() {
        InputStream input = WordPieceVectors.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (input == null) {
            throw new IllegalStateException(RESOURCE + " is missing: the build computes it (process-classes); run "
                    + "./mvnw -pl triage-service process-classes");
        }
        try (input) {
            return read(input);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The unit-length sum of the vectors of the text's word pieces (its first 512). */
    public float[] embed(String text) {
        float[] sum = new float[SentenceEncoder.DIMENSIONS];
        for (long id : tokenizer.encode(text).getIds()) {
            byte[] piece = pieces[(int) id];
            float scale = scales[(int) id];
            for (int d = 0; d < sum.length; d++) {
                sum[d] += piece[d] * scale;
            }
        }
        return SentenceEncoder.unitLength(sum);
    }

    public void write(OutputStream output) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(output, 1 << 16))) {
            out.writeInt(FORMAT);
            out.writeUTF(SentenceEncoder.MODEL);
            out.writeInt(pieces.length);
            out.writeInt(SentenceEncoder.DIMENSIONS);
            for (int p = 0; p < pieces.length; p++) {
                out.writeFloat(scales[p]);
                out.write(pieces[p]);
            }
        }
    }

    /** Reads a table; fails if it was computed from another model or in another format. */
    public static WordPieceVectors read(InputStream input) throws IOException {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(input, 1 << 16))) {
            int format = in.readInt();
            String model = in.readUTF();
            int count = in.readInt();
            int dimensions = in.readInt();
            if (format != FORMAT || !model.equals(SentenceEncoder.MODEL) || count != SentenceEncoder.VOCABULARY
                    || dimensions != SentenceEncoder.DIMENSIONS) {
                throw new IOException("word-piece table of " + model + " (format " + format + ") does not match "
                        + SentenceEncoder.MODEL + "; rebuild it");
            }
            byte[][] pieces = new byte[count][dimensions];
            float[] scales = new float[count];
            for (int p = 0; p < count; p++) {
                scales[p] = in.readFloat();
                in.readFully(pieces[p]);
            }
            return new WordPieceVectors(pieces, scales);
        }
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
