package io.learnflow.llm.client;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Hears a model server's 429 and its {@code Retry-After} (in seconds or as an HTTP date; also on 503) before
 * langchain4j turns the response into an exception that no longer carries headers, and tells {@link ServerBackoff}.
 * langchain4j would retry a 429 after its own fixed delay, whatever the server asked; a 429 is therefore handed on as
 * a 400, which langchain4j does not retry, and the gateway's {@code ModelCaller} retries it when the server allows.
 */
@Provider
public class RetryAfterFilter implements ClientResponseFilter {

    private final ServerBackoff backoff;

    public RetryAfterFilter(ServerBackoff backoff) {
        this.backoff = backoff;
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        int status = response.getStatus();
        if (status != 429 && status != 503) {
            return;
        }
        Optional<Duration> asked = parse(response.getHeaderString("Retry-After"), Instant.now());
        if (status == 429) {
            backoff.heard(request.getUri().getAuthority(), asked.orElse(Duration.ZERO));
            response.setStatus(400);
        } else {
            asked.ifPresent(wait -> backoff.heard(request.getUri().getAuthority(), wait));
        }
    }

    static Optional<Duration> parse(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        try {
            return Optional.of(Duration.ofMillis(Math.max(0, Math.round(Double.parseDouble(value) * 1000))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
