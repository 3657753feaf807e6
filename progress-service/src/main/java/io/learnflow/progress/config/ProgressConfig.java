package io.learnflow.progress.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "learnflow.progress")
public interface ProgressConfig {

    /** A pause longer than this between two interactions of a session is not learning time. */
    @WithDefault("10m")
    Duration activeGap();

    /** How long an event id is remembered against redelivery; longer than the topics keep their records (7 days). */
    @WithDefault("14d")
    Duration processedEventRetention();

    Alerts alerts();

    interface Alerts {

        /** The same error category this many times in one module within {@link #errorWindow()}. */
        @WithDefault("3")
        int repeatedErrors();

        @WithDefault("24h")
        Duration errorWindow();

        /** This many failed submissions in a row on one exercise. */
        @WithDefault("5")
        int failedSubmissions();

        /** Mastery below this percentage... */
        @WithDefault("30")
        int lowMastery();

        /** ...after at least this many attempts in the module. */
        @WithDefault("5")
        int lowMasteryAttempts();

        /** This much active time in one session without a pass. */
        @WithDefault("20m")
        Duration sessionWithoutPass();
    }
}
