package io.learnflow.concepts.ai;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The build step (process-classes) that encodes the shipped curriculum once, so that no start-up of the service
 * encodes it: {@code curriculum-vectors.bin} in the given directory, on the class path as {@link #RESOURCE}.
 */
public final class ShippedVectors {

    static final String RESOURCE = "concepts/curriculum-vectors.bin";

    private ShippedVectors() {
    }

    public static void main(String[] args) throws IOException {
        long started = System.nanoTime();
        Path file = Path.of(args[0]).resolve("curriculum-vectors.bin");
        Files.createDirectories(file.getParent());
        EncodedViews views = EncodedViews.none();
        try (ConceptRetriever retriever = new ConceptRetriever(Curriculum.shipped(), views);
                OutputStream output = Files.newOutputStream(file)) {
            EncodedViews.write(views.added(), output);
        }
        System.out.printf("Shipped curriculum's vectors: %d texts encoded in %.1f s: %s%n", views.added().size(),
                (System.nanoTime() - started) / 1e9, file);
    }
}
