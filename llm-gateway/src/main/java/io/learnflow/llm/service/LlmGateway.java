package io.learnflow.llm.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.learnflow.llm.config.LlmConfig;
import io.learnflow.llm.model.LlmCacheEntry;
import io.learnflow.llm.model.LlmRequest;
import io.learnflow.llm.repository.LlmCacheRepository;
import io.learnflow.llm.repository.LlmRequestRepository;
import io.learnflow.triage.classification.RuleBreaking;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The one way a service calls a model. Offline unless {@code learnflow.llm.mode=openai}; then each call is answered
 * from the cache ({@code llm_cache}) while fresh, else, within the student's and the service's daily token budgets,
 * by the model through {@link ModelCaller}; every call is logged in {@code llm_request}. Student content that asks the
 * tutor to set its rules aside (triage's misuse signal, {@link RuleBreaking}) never reaches a model. Whatever fails, the result
 * says why and the caller answers offline; so does an answer the call's own check refuses (it is logged as
 * {@code REFUSED} and never cached). Runs in the caller's reactive transaction, in the caller's schema.
 */
@ApplicationScoped
public class LlmGateway {

    private static final Logger LOG = Logger.getLogger(LlmGateway.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The provider every call goes through: quarkus-langchain4j's OpenAI client, whatever server it points at. */
    public static final String PROVIDER = "openai";

    private final LlmConfig config;
    private final ModelCaller caller;
    private final LlmCacheRepository cache;
    private final LlmRequestRepository requests;
    private final MeterRegistry metrics;

    public LlmGateway(LlmConfig config, ModelCaller caller, LlmCacheRepository cache, LlmRequestRepository requests,
            MeterRegistry metrics) {
        this.config = config;
        this.caller = caller;
        this.cache = cache;
        this.requests = requests;
        this.metrics = metrics;
    }

    public boolean enabled() {
        return config.enabled();
    }

    public Uni<LlmResult> complete(LlmCall call) {
        if (!config.enabled()) {
            return Uni.createFrom().item(LlmResult.offline("no model is configured"));
        }
        if (RuleBreaking.askedIn(call.studentContent())) {
            metrics.counter("learnflow.llm.refused", "purpose", call.purpose()).increment();
            return Uni.createFrom().item(LlmResult.offline("the message asks the tutor to set its rules aside, so no"
                    + " AI model was asked"));
        }
        List<ChatMessage> messages = PromptMessages.of(call);
        String hash = PromptMessages.hash(config.model(), call, messages);
        Instant now = Instant.now();
        return cache.findByHash(hash).chain(entry -> {
            if (entry != null && entry.expiresAt.isAfter(now)
                    && call.answerCheck().refusal(entry.responseJson).isEmpty()) {
                entry.hitCount++;
                metrics.counter("learnflow.llm.cache", "outcome", "hit", "purpose", call.purpose()).increment();
                return logCached(call, messages, entry.responseJson, now)
                        .replaceWith(new LlmResult(entry.responseJson, entry.model, 0, true, null));
            }
            metrics.counter("learnflow.llm.cache", "outcome", "miss", "purpose", call.purpose()).increment();
            return overBudget(call.studentId(), now).chain(reason -> reason != null ? fallback(call, reason)
                    : callModel(call, messages, hash, entry, now));
        });
    }

    private Uni<String> overBudget(UUID studentId, Instant now) {
        Instant today = LocalDate.ofInstant(now, ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
        Uni<LlmRequestRepository.Usage> student = studentId == null
                ? Uni.createFrom().item(new LlmRequestRepository.Usage(0, BigDecimal.ZERO))
                : requests.usageOfStudentSince(studentId, today);
        return student.chain(used -> spent(used, config.studentDailyTokens(), config.studentDailyCost())
                ? Uni.createFrom().item("the daily AI budget for this student is used up")
                : requests.usageSince(today).map(all -> spent(all, config.globalDailyTokens(),
                        config.globalDailyCost()) ? "LearnFlow's daily AI budget is used up" : null));
    }

    private static boolean spent(LlmRequestRepository.Usage used, long tokens, Optional<Double> dollars) {
        return used.tokens() >= tokens || dollars.isPresent() && used.cost().doubleValue() >= dollars.get();
    }

    private Uni<LlmResult> callModel(LlmCall call, List<ChatMessage> messages, String hash, LlmCacheEntry expired,
            Instant now) {
        ChatRequest request = ChatRequest.builder().messages(messages).temperature(call.temperature())
                .maxOutputTokens(call.maxOutputTokens()).responseFormat(call.responseFormat()).build();
        AtomicInteger attempts = new AtomicInteger();
        long started = System.nanoTime();
        Context context = Vertx.currentContext();
        Uni<ChatResponse> answered = Uni.createFrom().item(() -> caller.call(request, attempts))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        if (context != null) {
            answered = answered.emitOn(task -> context.runOnContext(ignored -> task.run()));
        }
        return answered.onItemOrFailure().transformToUni((response, failure) -> {
            long millis = (System.nanoTime() - started) / 1_000_000;
            metrics.timer("learnflow.llm.latency", "purpose", call.purpose())
                    .record(Duration.ofMillis(millis));
            if (failure != null) {
                LOG.warnf("model call for %s failed after %d attempt(s): %s", call.purpose(), attempts.get(),
                        failure.toString());
                LlmRequest row = row(call, messages, now, millis, attempts.get());
                row.status = "ERROR";
                row.errorType = failure.getClass().getSimpleName();
                row.errorMessage = failure.getMessage();
                metrics.counter("learnflow.llm.calls", "outcome", "error", "purpose", call.purpose()).increment();
                return requests.persist(row).chain(() -> fallback(call,
                        failure instanceof ModelCaller.RateLimitedException ? failure.getMessage()
                                : "the AI model did not answer (" + failure.getClass().getSimpleName() + ")"));
            }
            String content = response.aiMessage().text();
            TokenUsage usage = response.tokenUsage();
            int input = usage != null && usage.inputTokenCount() != null ? usage.inputTokenCount() : 0;
            int output = usage != null && usage.outputTokenCount() != null ? usage.outputTokenCount() : 0;
            LlmRequest row = row(call, messages, now, millis, attempts.get());
            row.status = "SUCCESS";
            row.providerResponseId = response.id();
            row.responseContent = content;
            row.inputTokens = input;
            row.outputTokens = output;
            row.tokensUsed = input + output;
            row.costEstimate = cost(input, output);
            metrics.counter("learnflow.llm.tokens", "purpose", call.purpose()).increment(row.tokensUsed);
            metrics.counter("learnflow.llm.cost", "purpose", call.purpose()).increment(row.costEstimate.doubleValue());
            var refusal = call.answerCheck().refusal(content);
            if (refusal.isPresent()) {
                row.status = "REFUSED";
                row.errorType = "AnswerRefused";
                row.errorMessage = refusal.get();
                metrics.counter("learnflow.llm.calls", "outcome", "refused", "purpose", call.purpose()).increment();
                return requests.persist(row).chain(() -> fallback(call, refusal.get()));
            }
            metrics.counter("learnflow.llm.calls", "outcome", "success", "purpose", call.purpose()).increment();
            LlmCacheEntry entry = expired != null ? expired : new LlmCacheEntry();
            if (expired == null) {
                entry.id = UUID.randomUUID();
                entry.promptHash = hash;
            }
            entry.model = config.model();
            entry.responseJson = content;
            entry.createdAt = now;
            entry.expiresAt = now.plus(config.cacheTtl());
            Uni<?> cached = expired != null ? Uni.createFrom().voidItem() : cache.persist(entry);
            return cached.chain(() -> requests.persist(row))
                    .replaceWith(new LlmResult(content, config.model(), row.tokensUsed, false, null));
        });
    }

    private Uni<LlmResult> fallback(LlmCall call, String reason) {
        metrics.counter("learnflow.llm.fallbacks", "purpose", call.purpose()).increment();
        return Uni.createFrom().item(LlmResult.offline(reason));
    }

    private Uni<Void> logCached(LlmCall call, List<ChatMessage> messages, String content, Instant now) {
        LlmRequest row = row(call, messages, now, 0, 0);
        row.status = "CACHED";
        row.cached = true;
        row.responseContent = content;
        return requests.persist(row).replaceWithVoid();
    }

    private LlmRequest row(LlmCall call, List<ChatMessage> messages, Instant now, long millis, int attempts) {
        LlmRequest row = new LlmRequest();
        row.id = UUID.randomUUID();
        row.studentId = call.studentId();
        row.purpose = call.purpose();
        row.provider = PROVIDER;
        row.model = config.model();
        row.temperature = call.temperature();
        row.maxOutputTokens = call.maxOutputTokens();
        row.messages = json(messages);
        row.executionTimeMs = millis;
        row.retryAttempt = Math.max(0, attempts - 1);
        row.createdAt = now;
        return row;
    }

    private BigDecimal cost(int input, int output) {
        double dollars = input * config.inputPricePerMillion() / 1e6 + output * config.outputPricePerMillion() / 1e6;
        return BigDecimal.valueOf(dollars).setScale(6, RoundingMode.HALF_UP);
    }

    private static String json(List<ChatMessage> messages) {
        try {
            return JSON.writeValueAsString(messages.stream()
                    .map(m -> Map.of("role", m.type().name().toLowerCase(Locale.ROOT),
                            "content", PromptMessages.text(m)))
                    .toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
