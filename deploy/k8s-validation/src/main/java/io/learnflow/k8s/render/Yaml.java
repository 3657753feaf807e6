package io.learnflow.k8s.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Multi-document YAML to {@link Document}s, and independent copies of them. */
public final class Yaml {

    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());
    private static final TypeReference<Map<String, Object>> TREE = new TypeReference<>() {
    };

    private Yaml() {
    }

    public static List<Document> documents(String yaml) {
        List<Document> documents = new ArrayList<>();
        try (MappingIterator<Map<String, Object>> each = MAPPER.readerFor(TREE).readValues(yaml)) {
            while (each.hasNext()) {
                Map<String, Object> tree = each.next();
                if (tree != null && !tree.isEmpty()) {
                    documents.add(new Document(tree));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("rendered YAML does not parse", e);
        }
        return documents;
    }

    /** A deep copy, so that a test can change documents without touching anyone else's. */
    public static List<Document> copy(List<Document> documents) {
        List<Document> copies = new ArrayList<>();
        try {
            for (Document document : documents) {
                copies.add(new Document(MAPPER.readValue(MAPPER.writeValueAsBytes(document.tree()), TREE)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copies;
    }
}
