package io.learnflow.triage.classification;

import io.learnflow.model.QueryType;
import io.learnflow.model.RoutingDecision;

/**
 * A classifier's verdict on a message: the most likely type and how sure, the type it would pick next (what a
 * clarifying question offers), why, and which classifier and model version decided.
 */
public record Classification(QueryType type, double confidence, QueryType runnerUp, String reason, String classifier) {

    /** This verdict, marked as made because the preferred classifier failed for {@code cause}. */
    public Classification asFallbackFrom(String failedClassifier, String cause) {
        return new Classification(type, confidence, runnerUp, "fallback from " + failedClassifier + " (" + cause + "); "
                + reason, classifier + " (" + failedClassifier + " fallback)");
    }

    public RoutingDecision decision() {
        return new RoutingDecision(type, confidence, reason, classifier);
    }
}
