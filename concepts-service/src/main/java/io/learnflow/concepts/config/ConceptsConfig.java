package io.learnflow.concepts.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The concepts tutor's settings ({@code learnflow.concepts.*}). */
@ConfigMapping(prefix = "learnflow.concepts")
public interface ConceptsConfig {

    Retrieval retrieval();

    interface Retrieval {

        /** Weight of the keyword score next to MiniLM's cosine similarity. */
        @WithDefault("0.2")
        double keywordWeight();

        /** Added to the score of entries of the student's current module. */
        @WithDefault("0.15")
        double modulePrior();

        /** The least score of the best entry for the tutor to answer from it rather than say it has no entry. */
        @WithDefault("0.575")
        double coveredAbove();
    }
}
