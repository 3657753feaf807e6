package io.learnflow.progress.tracing;

/**
 * The four numbers of Bayesian Knowledge Tracing for one module (Corbett and Anderson, 1995), each a probability.
 *
 * @param prior the chance that a student already knows the module before their first attempt, P(L0)
 * @param learn the chance that a student who does not know it learns it at an attempt, P(T)
 * @param guess the chance that a student who does not know it still succeeds, P(G)
 * @param slip  the chance that a student who knows it still fails, P(S)
 */
public record BktParameters(double prior, double learn, double guess, double slip) {

    /**
     * Used until a module's parameters are fitted: a beginner module is usually new to the student (prior 0.25), an
     * attempt teaches it to about one student in seven (learn 0.15), a graded exercise is hard to pass by luck
     * (guess 0.20) and a student who knows it rarely fails it (slip 0.10).
     */
    public static final BktParameters DEFAULTS = new BktParameters(0.25, 0.15, 0.20, 0.10);

    public BktParameters {
        requireProbability(prior, "prior");
        requireProbability(learn, "learn");
        requireProbability(guess, "guess");
        requireProbability(slip, "slip");
        if (guess + slip >= 1) {
            throw new IllegalArgumentException("guess (" + guess + ") + slip (" + slip + ") must be below 1, "
                    + "or a success would say less about knowing than a failure");
        }
    }

    /** The chance that the next attempt succeeds, for a student who knows the module with this probability. */
    public double successChance(double known) {
        return known * (1 - slip) + (1 - known) * guess;
    }

    /** P(known) given what was just observed, before the chance to learn at this attempt (Bayes' rule). */
    public double posterior(double known, boolean success) {
        double knownAndObserved = known * (success ? 1 - slip : slip);
        double unknownAndObserved = (1 - known) * (success ? guess : 1 - guess);
        return knownAndObserved / (knownAndObserved + unknownAndObserved);
    }

    /** P(known) after an attempt: the posterior, then the chance to have learned it at this attempt. */
    public double update(double known, boolean success) {
        double posterior = posterior(known, success);
        return posterior + (1 - posterior) * learn;
    }

    private static void requireProbability(double value, String name) {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException(name + " (" + value + ") must be within (0, 1)");
        }
    }
}
