package io.learnflow.k8s;

import java.util.List;
import java.util.Map;

import io.learnflow.k8s.render.Document;

/** Finds places in rendered documents, for tests that break them on purpose. */
public final class Trees {

    private Trees() {
    }

    public static Map<String, Object> document(List<Document> documents, String kind, String name) {
        return documents.stream().filter(d -> d.kind().equals(kind) && d.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + "/" + name + " rendered")).tree();
    }

    public static void remove(List<Document> documents, String kind, String name) {
        if (!documents.removeIf(d -> d.kind().equals(kind) && d.name().equals(name))) {
            throw new AssertionError("no " + kind + "/" + name + " rendered");
        }
    }

    /** The map at a path of keys (for maps) and indexes (for lists). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object tree, Object... path) {
        return (Map<String, Object>) at(tree, path);
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object tree, Object... path) {
        return (List<Object>) at(tree, path);
    }

    private static Object at(Object tree, Object... path) {
        Object node = tree;
        for (Object step : path) {
            node = step instanceof Integer index ? ((List<?>) node).get(index) : ((Map<?, ?>) node).get(step);
            if (node == null) {
                throw new AssertionError("nothing at " + List.of(path) + " (stopped at " + step + ")");
            }
        }
        return node;
    }

    /** The first container of a Deployment's pod template. */
    public static Map<String, Object> container(List<Document> documents, String deployment) {
        return map(document(documents, "Deployment", deployment), "spec", "template", "spec", "containers", 0);
    }

    public static Map<String, Object> podSpec(List<Document> documents, String deployment) {
        return map(document(documents, "Deployment", deployment), "spec", "template", "spec");
    }
}
