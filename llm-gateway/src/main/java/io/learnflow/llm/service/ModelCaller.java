package io.learnflow.llm.service;

import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

/**
 * The blocking model call, with SmallRye Fault Tolerance around it: a timeout per attempt, two retries with backoff,
 * and a circuit breaker that stops calling a failing server for 30 s. An empty answer counts as a failure.
 */
@ApplicationScoped
public class ModelCaller {

    private final ChatModel model;

    public ModelCaller(ChatModel model) {
        this.model = model;
    }

    /** {@code attempts} counts the attempts of this call, retries included. */
    @Timeout(value = 20, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = EmptyAnswerException.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS)
    public ChatResponse call(ChatRequest request, AtomicInteger attempts) {
        attempts.incrementAndGet();
        ChatResponse response = model.chat(request);
        if (response == null || response.aiMessage() == null || response.aiMessage().text() == null
                || response.aiMessage().text().isBlank()) {
            throw new EmptyAnswerException();
        }
        return response;
    }

    /** The model answered with nothing to show the student. */
    public static class EmptyAnswerException extends RuntimeException {

        public EmptyAnswerException() {
            super("the model's answer was empty");
        }
    }
}
