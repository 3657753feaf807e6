package io.learnflow.support.domain;

import java.time.Duration;

/**
 * The service has as much work in hand as it takes: the request is refused at once rather than queued, and asking again
 * after {@link #retryAfter()} can succeed. 503.
 */
public class Overloaded extends RuntimeException {

    private final Duration retryAfter;

    public Overloaded(String detail, Duration retryAfter) {
        super(detail);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
