package io.learnflow.triage.ai;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.learnflow.llm.config.LlmConfig;
import io.learnflow.llm.service.LlmCall;
import io.learnflow.llm.service.LlmGateway;
import io.learnflow.llm.service.LlmResult;
import io.learnflow.triage.classification.Classification;
import io.learnflow.triage.classification.EmbeddedClassifier;
import io.learnflow.triage.classification.OpenAiChatClassifier;
import io.learnflow.triage.classification.StudentMessage;
import io.learnflow.triage.config.TriageConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * The classifier triage routes with: the embedded model, loaded at start-up; in LLM mode
 * ({@code learnflow.llm.mode=openai}) a model asked through the gateway for a verdict that follows a JSON schema, with
 * the embedded model deciding instead when the gateway answers offline (over budget, a failure, a verdict outside the
 * schema) or after {@code learnflow.triage.classifier.model-deadline}; a fallback is recorded in the verdict's
 * classifier name and reason. The embedded model runs on a worker thread.
 */
@ApplicationScoped
@Startup
public class TriageClassifier {

    private static final Logger LOG = Logger.getLogger(TriageClassifier.class);
    static final String PURPOSE = "triage-classification";
    static final String PROMPT_VERSION = "triage-verdict-v1";

    private final EmbeddedClassifier embedded;
    private final LlmGateway gateway;
    private final String modelClassifier;
    private final Duration deadline;
    private final Vertx vertx;

    public TriageClassifier(TriageConfig config, LlmGateway gateway, LlmConfig llm, Vertx vertx) {
        long started = System.nanoTime();
        this.embedded = EmbeddedClassifier.shipped(config.classifier().earlyExit());
        LOG.infof("triage classifier %s loaded in %d ms", embedded.name(), (System.nanoTime() - started) / 1_000_000);
        this.gateway = gateway;
        this.modelClassifier = "openai/" + llm.model();
        this.deadline = config.classifier().modelDeadline();
        this.vertx = vertx;
        if (gateway.enabled()) {
            LOG.infof("triage classifies with %s, falling back to %s after %s or when the gateway answers offline",
                    modelClassifier, embedded.name(), deadline);
        }
    }

    public Uni<Classification> classify(UUID studentId, StudentMessage message) {
        Uni<Classification> byEmbedded = vertx.executeBlocking(() -> embedded.classify(message), false);
        if (!gateway.enabled()) {
            return byEmbedded;
        }
        LlmCall call = new LlmCall(studentId, PURPOSE, PROMPT_VERSION, OpenAiChatClassifier.INSTRUCTIONS,
                OpenAiChatClassifier.render(message), 0, 200)
                .withResponseFormat(OpenAiChatClassifier.VERDICT)
                .checkedBy(TriageClassifier::outsideTheSchema);
        return Panache.withTransaction(() -> gateway.complete(call))
                .ifNoItem().after(deadline).failWith(() -> new TimeoutException("timeout"))
                .onFailure().recoverWithItem(failure -> LlmResult.offline(OpenAiChatClassifier.describe(failure)))
                .chain(result -> {
                    if (result.answered()) {
                        return Uni.createFrom().item(OpenAiChatClassifier.parse(result.content(), modelClassifier));
                    }
                    LOG.warnf("%s gave no verdict (%s); classifying with %s", modelClassifier, result.offlineReason(),
                            embedded.name());
                    return byEmbedded.map(verdict -> verdict.asFallbackFrom("openai", result.offlineReason()));
                });
    }

    private static Optional<String> outsideTheSchema(String answer) {
        try {
            OpenAiChatClassifier.parse(answer, PURPOSE);
            return Optional.empty();
        } catch (OpenAiChatClassifier.MalformedVerdictException e) {
            return Optional.of(e.getMessage());
        }
    }

    @PreDestroy
    void close() {
        embedded.close();
    }
}
