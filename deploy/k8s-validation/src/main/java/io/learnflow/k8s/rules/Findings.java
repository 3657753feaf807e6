package io.learnflow.k8s.rules;

import java.util.ArrayList;
import java.util.List;

/** Collects the violations of one rule. */
final class Findings {

    private final String rule;
    private final List<Violation> violations = new ArrayList<>();

    Findings(String rule) {
        this.rule = rule;
    }

    void add(String resource, String message) {
        violations.add(new Violation(rule, resource, message));
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
