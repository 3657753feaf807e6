package io.learnflow.concepts.ai;

import java.util.List;

/**
 * The entries ranked for one question, best first, and whether the best is close enough to answer from.
 */
public record Retrieval(List<ConceptMatch> ranked, boolean covered) {

    public ConceptMatch best() {
        return ranked.get(0);
    }

    /** The {@code count} entries after the best one: the follow-ups offered with an answer. */
    public List<ConceptMatch> nearest(int count, boolean includingBest) {
        int from = includingBest ? 0 : 1;
        return ranked.subList(from, Math.min(ranked.size(), from + count));
    }
}
