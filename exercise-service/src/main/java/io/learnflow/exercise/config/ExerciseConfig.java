package io.learnflow.exercise.config;

import java.time.Duration;

import io.learnflow.sandbox.Isolation;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "learnflow.exercise")
public interface ExerciseConfig {

    Sandbox sandbox();

    Grading grading();

    Limits limits();

    /** Where submissions run: the sandbox's defaults (bubblewrap, /usr/bin/python3), with these changes. */
    interface Sandbox {

        /** UNSAFE_LOCAL only on a developer laptop without bubblewrap. */
        @WithDefault("BUBBLEWRAP")
        Isolation isolation();

        /** Gradings at once. */
        @WithDefault("2")
        int gradingsAtOnce();

        /** Gradings that wait for a place before the grader is told the sandbox is busy (and retries). */
        @WithDefault("32")
        int gradingsWaiting();

        /**
         * Run as root, grading run {@code i} runs as host user {@code firstUid + i}: apart from the debug tutor's and
         * the concepts tutor's (from 61000) on a shared host, so their process limits do not count each other.
         */
        @WithDefault("61100")
        int firstUid();
    }

    interface Grading {

        /** The time each test of a submission may take. */
        @WithDefault("2s")
        Duration perTestBudget();

        /** How long a grading waits for a busy sandbox before the submission goes to manual review. */
        @WithDefault("60s")
        Duration busyDeadline();

        /** A submission the broker has not taken this long after it was sent is delivered to the graders again. */
        @WithDefault("30s")
        Duration pendingDeadline();

        /**
         * A grading started this long ago and not finished (its grader crashed), or a submission the broker took this
         * long ago and no grader claimed, is delivered again.
         */
        @WithDefault("3m")
        Duration gradingDeadline();

        /** Deliveries after which a submission that never finished grading goes to manual review. */
        @WithDefault("3")
        int maxAttempts();

        /** How often the re-drive looks for submissions to deliver again. */
        @WithDefault("10s")
        Duration redriveInterval();
    }

    interface Limits {

        /** Submissions (code and quiz answers) one student may send a minute, per instance. */
        @WithDefault("30")
        int submissionsPerMinute();

        /** The longest code accepted. */
        @WithDefault("20000")
        int maxCodeLength();
    }
}
