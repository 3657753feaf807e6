package io.learnflow.model;

/**
 * How triage classified a message: the type, how sure it is, why, and which classifier decided.
 */
public record RoutingDecision(QueryType type, double confidence, String reason, String classifier) {

    public RoutingDecision {
        Require.present(type, "routing.type");
        Require.within(confidence, 0.0, 1.0, "routing.confidence");
        Require.text(reason, "routing.reason");
        Require.text(classifier, "routing.classifier");
    }
}
