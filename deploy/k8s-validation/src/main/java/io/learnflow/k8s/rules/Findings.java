package io.learnflow.k8s.rules;

import java.util.ArrayList;
import java.util.List;

/** Collects the violations of one rule, each once. */
final class Findings {

    private final String rule;
    private final List<Violation> violations = new ArrayList<>();

    Findings(String rule) {
        this.rule = rule;
    }

    void add(String resource, String message) {
        Violation violation = new Violation(rule, resource, message);
        if (!violations.contains(violation)) {
            violations.add(violation);
        }
    }

    void require(boolean holds, String resource, String message) {
        if (!holds) {
            add(resource, message);
        }
    }

    List<Violation> list() {
        return List.copyOf(violations);
    }
}
