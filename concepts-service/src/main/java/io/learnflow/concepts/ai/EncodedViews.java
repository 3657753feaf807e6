package io.learnflow.concepts.ai;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import io.learnflow.triage.classification.SentenceEncoder;

/**
 * MiniLM's vectors of the curriculum's texts, by a digest of the text and how many tokens were read of it: those a
 * previous start encoded, and those this one added. Encoding every entry is most of the concepts service's start-up.
 */
public final class EncodedViews {

    private final Map<String, float[]> known;
    private final Map<String, float[]> added = new LinkedHashMap<>();
    private final Set<String> used = new LinkedHashSet<>();

    private EncodedViews(Map<String, float[]> known) {
        this.known = known;
    }

    public static EncodedViews none() {
        return new EncodedViews(Map.of());
    }

    public static EncodedViews of(Map<String, float[]> known) {
        return new EncodedViews(Map.copyOf(known));
    }

    /**
     * The vectors of the shipped curriculum, computed by the build ({@link ShippedVectors}) and read from the class
     * path; none if the build did not compute them.
     */
    public static Map<String, float[]> shipped() {
        try (InputStream input = EncodedViews.class.getClassLoader().getResourceAsStream(ShippedVectors.RESOURCE)) {
            return input == null ? Map.of() : read(input);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ShippedVectors.RESOURCE, e);
        }
    }

    static Map<String, float[]> read(InputStream input) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(input));
        int count = in.readInt();
        Map<String, float[]> vectors = new HashMap<>(count * 2);
        for (int i = 0; i < count; i++) {
            String digest = in.readUTF();
            float[] vector = new float[in.readInt()];
            for (int d = 0; d < vector.length; d++) {
                vector[d] = in.readFloat();
            }
            vectors.put(digest, vector);
        }
        return vectors;
    }

    static void write(Map<String, float[]> vectors, OutputStream output) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(output));
        out.writeInt(vectors.size());
        for (Map.Entry<String, float[]> entry : new TreeMap<>(vectors).entrySet()) {
            out.writeUTF(entry.getKey());
            out.writeInt(entry.getValue().length);
            for (float value : entry.getValue()) {
                out.writeFloat(value);
            }
        }
        out.flush();
    }

    /** The digest under which the vector of {@code text}, read to {@code tokens} tokens, is kept. */
    public static String digest(int tokens, String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            // the encoder is named in every digest, so that another model never reuses these vectors
            sha.update((SentenceEncoder.MODEL + "/" + tokens + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The known vector of {@code text}, or the one {@code encoder} gives, remembered as added. */
    public float[] vector(int tokens, String text, Function<String, float[]> encoder) {
        String digest = digest(tokens, text);
        used.add(digest);
        float[] vector = known.get(digest);
        if (vector == null) {
            vector = added.computeIfAbsent(digest, d -> encoder.apply(text));
        }
        return vector;
    }

    /** The vectors encoded since this was made, by digest. */
    public Map<String, float[]> added() {
        return Map.copyOf(added);
    }

    /** The digests of every vector asked for since this was made. */
    public Set<String> used() {
        return Set.copyOf(used);
    }
}
