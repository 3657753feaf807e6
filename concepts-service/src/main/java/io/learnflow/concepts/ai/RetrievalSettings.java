package io.learnflow.concepts.ai;

/**
 * How the retrieval weighs its evidence.
 *
 * @param keywordWeight weight of the keyword score (squashed into [0, 1)) added to MiniLM's cosine similarity
 * @param modulePrior   added to the score of entries of the module the student is working on, to rank them (not to
 *                      decide whether the question is covered)
 * @param coveredAbove  the least score of the best entry for the question to count as covered by the curriculum
 */
public record RetrievalSettings(double keywordWeight, double modulePrior, double coveredAbove) {

    /**
     * The keyword weight and threshold tuned on the development set (the leave-one-out figures are in the README);
     * the module prior is not tuned, the development set has no session module: it lets the student's module win
     * close calls.
     */
    public static final RetrievalSettings DEFAULT = new RetrievalSettings(0.2, 0.15, 0.575);

    public RetrievalSettings withKeywordWeight(double weight) {
        return new RetrievalSettings(weight, modulePrior, coveredAbove);
    }

    public RetrievalSettings withCoveredAbove(double threshold) {
        return new RetrievalSettings(keywordWeight, modulePrior, threshold);
    }
}
