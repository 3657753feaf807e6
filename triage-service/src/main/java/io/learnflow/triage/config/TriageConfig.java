package io.learnflow.triage.config;

import java.time.Duration;
import java.util.Map;

import io.learnflow.triage.classification.ClassifierDefaults;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "learnflow.triage")
public interface TriageConfig {

    Redrive redrive();

    Classifier classifier();

    Limits limits();

    SignIn signIn();

    Tokens tokens();

    /**
     * Teacher accounts to create at start-up if their email has no account yet ({@code learnflow.triage.teachers.
     * <name>.email}, {@code .password}, {@code .first-name}, {@code .last-name}); teachers never self-register.
     */
    Map<String, Teacher> teachers();

    interface Teacher {
        String email();

        String password();

        @WithDefault("Teacher")
        String firstName();

        @WithDefault("LearnFlow")
        String lastName();
    }

    /** Queries per page of a student's history. */
    @WithDefault("20")
    int historyPageSize();

    /** How long a Server-Sent Events stream stays open without the query finishing. */
    @WithDefault("10m")
    Duration eventsMaxDuration();

    interface Tokens {
        /** How long a refresh token may be exchanged for a new access token. */
        @WithDefault("7d")
        Duration refreshLifetime();
    }

    interface SignIn {
        /** Failed sign-ins an email may have within {@link #failureWindow()} before sign-in is refused. */
        @WithDefault("5")
        int maxFailures();

        @WithDefault("15m")
        Duration failureWindow();
    }

    interface Limits {
        /** Queries a student may send per minute. */
        @WithDefault("60")
        int queriesPerMinute();

        /** Queries a student may send per day. */
        @WithDefault("1000")
        int queriesPerDay();

        /**
         * Queries this instance works on at once (classifying and storing, until the 202); one more is refused with
         * 503 and {@code Retry-After} at once instead of waiting behind them.
         */
        @WithDefault("4")
        int maxInFlight();

        /**
         * Queries this instance routed to a specialist and whose answer has not come yet; one more is refused with 503
         * and {@code Retry-After} at once, so that students are not accepted faster than the specialists answer.
         * Raise it with the specialists' capacity: about answers per second times the seconds an answer may take.
         */
        @WithDefault("32")
        int maxAwaitingAnswer();

        /** After this long a routed query stops counting against {@link #maxAwaitingAnswer()}, answered or not. */
        @WithDefault("30s")
        Duration awaitingAnswerExpiry();
    }

    interface Classifier {
        /** Below this confidence triage answers with a clarifying question instead of routing. */
        @WithDefault(ClassifierDefaults.CLARIFY_BELOW)
        double clarifyBelow();

        /** From this probability the words and signals decide without running MiniLM. */
        @WithDefault(ClassifierDefaults.EARLY_EXIT)
        double earlyExit();

        /**
         * In LLM mode ({@code learnflow.llm.mode=openai}), how long the front door waits for the model's verdict before
         * the embedded classifier decides instead.
         */
        @WithDefault("5s")
        Duration modelDeadline();
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
