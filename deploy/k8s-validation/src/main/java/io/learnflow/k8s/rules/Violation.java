package io.learnflow.k8s.rules;

/** One broken rule: which rule, on which resource, and what is wrong. */
public record Violation(String rule, String resource, String message) {

    @Override
    public String toString() {
        return rule + ": " + resource + ": " + message;
    }
}
