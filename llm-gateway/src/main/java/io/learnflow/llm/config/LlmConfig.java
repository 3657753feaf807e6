package io.learnflow.llm.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The gateway's settings ({@code learnflow.llm.*}). */
@ConfigMapping(prefix = "learnflow.llm")
public interface LlmConfig {

    /** {@code offline} (no network, the default) or {@code openai} (any OpenAI-compatible server, see base-url). */
    @WithDefault("offline")
    String mode();

    @WithDefault("gpt-4o-mini")
    String model();

    @WithDefault("5s")
    Duration timeout();

    /** Retries of a failed model call (attempts = 1 + retries), within the call's 20 s. */
    @WithDefault("2")
    int maxRetries();

    /** The longest {@code Retry-After} a call waits for; a server asking for more is answered offline at once. */
    @WithDefault("10s")
    Duration maxRetryAfter();

    /** How long a cached answer is reused. */
    @WithDefault("7D")
    Duration cacheTtl();

    /** The most answers the cache keeps; the purge removes the oldest beyond it. */
    @WithDefault("10000")
    int cacheMaxEntries();

    /** How often expired answers are purged ({@code learnflow.llm.cache-purge-every}, read by the scheduler). */
    @WithDefault("1h")
    String cachePurgeEvery();

    /** Tokens one student may use per day (UTC) before the offline tutor answers instead. */
    @WithDefault("20000")
    long studentDailyTokens();

    /** Tokens the whole service may use per day (UTC). */
    @WithDefault("2000000")
    long globalDailyTokens();

    /** Estimated US dollars one student's calls may cost per day (UTC); no limit but tokens when absent. */
    Optional<Double> studentDailyCost();

    /** Estimated US dollars the whole service's calls may cost per day (UTC). */
    Optional<Double> globalDailyCost();

    /** Price of a million input tokens, in US dollars, for the cost estimate. */
    @WithDefault("0.15")
    double inputPricePerMillion();

    @WithDefault("0.60")
    double outputPricePerMillion();

    default boolean enabled() {
        return "openai".equals(mode());
    }
}
