package io.learnflow.support.domain;

import java.time.Duration;

/** A student or an email has used up an allowance; asking again after {@link #retryAfter()} can succeed. 429. */
public class LimitReached extends RuntimeException {

    private final Duration retryAfter;

    public LimitReached(String refusal, Duration retryAfter) {
        super(refusal + "; try again in " + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
