package io.learnflow.triage.classification;

import java.util.Arrays;
import java.util.List;

import io.learnflow.model.QueryType;

/**
 * What the model makes of a message: a probability per query type (in {@link QueryType} order), the signals that
 * spoke for the most likely type, and, when the sentence embedding was needed, the nearest labelled examples.
 */
public record TriagePrediction(double[] probabilities, List<MessageSignal> signals, List<Neighbour> nearest) {

    public record Neighbour(String text, QueryType label, float weight, double similarity) {
    }

    public QueryType best() {
        return QueryType.values()[rank(0)];
    }

    public QueryType runnerUp() {
        return QueryType.values()[rank(1)];
    }

    public double probabilityOf(QueryType type) {
        return probabilities[type.ordinal()];
    }

    private int rank(int place) {
        Integer[] order = { 0, 1, 2, 3 };
        Arrays.sort(order, (a, b) -> Double.compare(probabilities[b], probabilities[a]));
        return order[place];
    }
}
