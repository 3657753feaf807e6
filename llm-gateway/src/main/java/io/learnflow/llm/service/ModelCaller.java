package io.learnflow.llm.service;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.learnflow.llm.client.ServerBackoff;
import io.learnflow.llm.config.LlmConfig;

/**
 * The blocking model call: at most {@code 1 + learnflow.llm.max-retries} attempts, each bounded by the model's own
 * timeout and all by 20 s (SmallRye Fault Tolerance), with a circuit breaker that stops calling a failing server for
 * 30 s. A rate-limited call (429) waits what the server's {@code Retry-After} asked, when that fits in
 * {@code learnflow.llm.max-retry-after}, else gives up at once; a server error, a timeout or a broken answer is retried
 * after an exponential backoff with jitter; a refused request (another 4xx) and an empty answer are not retried.
 */
@ApplicationScoped
public class ModelCaller {

    private final ChatModel model;
    private final LlmConfig config;
    private final ServerBackoff backoff;
    private final String server;

    public ModelCaller(ChatModel model, LlmConfig config, ServerBackoff backoff,
            @ConfigProperty(name = "quarkus.langchain4j.openai.base-url", defaultValue = "https://api.openai.com/v1/")
            String baseUrl) {
        this.model = model;
        this.config = config;
        this.backoff = backoff;
        this.server = URI.create(baseUrl).getAuthority();
    }

    /** {@code attempts} counts the attempts of this call, retries included. */
    @Timeout(value = 20, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
            skipOn = RateLimitedException.class)
    public ChatResponse call(ChatRequest request, AtomicInteger attempts) {
        for (int retry = 0; ; retry++) {
            waitForTheServer();
            attempts.incrementAndGet();
            Instant attempted = Instant.now();
            try {
                ChatResponse response = model.chat(request);
                if (response == null || response.aiMessage() == null || response.aiMessage().text() == null
                        || response.aiMessage().text().isBlank()) {
                    throw new EmptyAnswerException();
                }
                return response;
            } catch (EmptyAnswerException refused) {
                throw refused;
            } catch (RuntimeException failed) {
                int status = backoff.limitedSince(server, attempted) ? 429 : statusOf(failed);
                if (status >= 400 && status < 500 && status != 429 && status != 408) {
                    throw failed;
                }
                if (retry >= config.maxRetries()) {
                    throw status == 429 ? new RateLimitedException(backoff.remaining(server, Instant.now()), failed)
                            : failed;
                }
                pause(exponentialBackoff(retry));
            }
        }
    }

    private void waitForTheServer() {
        Duration asked = backoff.remaining(server, Instant.now());
        if (asked.compareTo(config.maxRetryAfter()) > 0) {
            throw new RateLimitedException(asked, null);
        }
        if (!asked.isZero()) {
            pause(asked);
        }
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the model call was interrupted", e);
        }
    }

    private static Duration exponentialBackoff(int retry) {
        long base = 200L << retry;
        return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }

    private static int statusOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof HttpException http) {
                return http.statusCode();
            }
            if (cause instanceof RateLimitException) {
                return 429;
            }
        }
        return 0;
    }

    /** The model answered with nothing to show the student. */
    public static class EmptyAnswerException extends RuntimeException {

        public EmptyAnswerException() {
            super("the model's answer was empty");
        }
    }

    /** The server is rate-limiting this service for longer than a student should wait. */
    public static class RateLimitedException extends RuntimeException {

        public RateLimitedException(Duration asked, Throwable cause) {
            super("the model server is rate-limiting this service" + (asked.isZero() ? ""
                    : " and asked to wait " + Math.max(1, (asked.toMillis() + 999) / 1000) + " s"), cause);
        }
    }
}
