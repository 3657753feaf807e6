package io.learnflow.triage.config;

import java.time.Duration;

import io.learnflow.triage.classification.ClassifierDefaults;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "learnflow.triage")
public interface TriageConfig {

    Redrive redrive();

    Classifier classifier();

    /** Queries per page of a student's history. */
    @WithDefault("20")
    int historyPageSize();

    /** How often a Server-Sent Events stream looks for a change of its query. */
    @WithDefault("100ms")
    Duration eventsPollInterval();

    /** How long a Server-Sent Events stream stays open without the query finishing. */
    @WithDefault("10m")
    Duration eventsMaxDuration();

    interface Classifier {
        /** Below this confidence triage answers with a clarifying question instead of routing. */
        @WithDefault(ClassifierDefaults.CLARIFY_BELOW)
        double clarifyBelow();

        /** From this probability the words and signals decide without running MiniLM. */
        @WithDefault(ClassifierDefaults.EARLY_EXIT)
        double earlyExit();
    }

    interface Redrive {
        /** How often the re-drive job looks for overdue queries. */
        @WithDefault("10s")
        Duration interval();

        /** How long a delivered query may wait for its answer before it is delivered again. */
        @WithDefault("60s")
        Duration deadline();

        /** Deliveries after which an unanswered query fails. */
        @WithDefault("3")
        int maxAttempts();
    }
}
