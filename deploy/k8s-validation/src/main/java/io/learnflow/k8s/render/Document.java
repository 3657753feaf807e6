package io.learnflow.k8s.render;

import java.util.Map;

/** One rendered Kubernetes document as parsed YAML: a tree of maps, lists and scalars. */
public record Document(Map<String, Object> tree) {

    public String apiVersion() {
        return String.valueOf(tree.get("apiVersion"));
    }

    public String kind() {
        return String.valueOf(tree.get("kind"));
    }

    public String name() {
        return tree.get("metadata") instanceof Map<?, ?> metadata ? String.valueOf(metadata.get("name")) : "?";
    }

    public String describe() {
        return kind() + "/" + name();
    }
}
