package io.learnflow.llm.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RetryAfterFilterTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void readsSecondsAndHttpDates() {
        assertThat(RetryAfterFilter.parse("7", NOW)).contains(Duration.ofSeconds(7));
        assertThat(RetryAfterFilter.parse("0.5", NOW)).contains(Duration.ofMillis(500));
        assertThat(RetryAfterFilter.parse("Tue, 01 Dec 2026 10:00:30 GMT", NOW)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfterFilter.parse("Tue, 01 Dec 2026 09:59:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @Test
    void ignoresWhatItCannotRead() {
        assertThat(RetryAfterFilter.parse(null, NOW)).isEmpty();
        assertThat(RetryAfterFilter.parse(" ", NOW)).isEmpty();
        assertThat(RetryAfterFilter.parse("soon", NOW)).isEmpty();
    }

    @Test
    void aServerIsLimitedFromWhenItSaidSoUntilTheTimeItAsked() {
        ServerBackoff backoff = new ServerBackoff();
        Instant before = Instant.now();
        backoff.heard("api.example:443", Duration.ofSeconds(5));

        assertThat(backoff.limitedSince("api.example:443", before)).isTrue();
        assertThat(backoff.limitedSince("other:443", before)).isFalse();
        assertThat(backoff.remaining("api.example:443", Instant.now())).isPositive()
                .isLessThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.remaining("api.example:443", Instant.now().plusSeconds(6))).isZero();
    }
}
