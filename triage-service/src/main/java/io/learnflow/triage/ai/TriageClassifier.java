package io.learnflow.triage.ai;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import io.learnflow.triage.classification.Classification;
import io.learnflow.triage.classification.EmbeddedClassifier;
import io.learnflow.triage.classification.OpenAiChatClassifier;
import io.learnflow.triage.classification.StudentMessage;
import io.learnflow.triage.config.AiConfig;
import io.learnflow.triage.config.TriageConfig;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * The classifier triage routes with, as configured by {@code learnflow.ai.mode}: the embedded model, loaded at start-up,
 * or an OpenAI model that falls back to the embedded one on any error or after {@code learnflow.ai.timeout}; a
 * fallback is recorded in the verdict's classifier name and reason. Classification runs on a worker thread.
 */
@ApplicationScoped
@Startup
public class TriageClassifier {

    private static final Logger LOG = Logger.getLogger(TriageClassifier.class);

    private final EmbeddedClassifier embedded;
    private final OpenAiClassifier openAi;
    private final Duration timeout;
    private final Vertx vertx;

    public TriageClassifier(AiConfig ai, TriageConfig config, Instance<OpenAiClassifier> openAi, Vertx vertx) {
        long started = System.nanoTime();
        this.embedded = EmbeddedClassifier.shipped(config.classifier().earlyExit());
        LOG.infof("triage classifier %s loaded in %d ms", embedded.name(), (System.nanoTime() - started) / 1_000_000);
        this.openAi = ai.mode() == AiConfig.Mode.OPENAI ? openAi.get() : null;
        if (this.openAi != null) {
            LOG.infof("triage classifies with %s, falling back to %s after %s or on errors", this.openAi.name(),
                    embedded.name(), ai.timeout());
        }
        this.timeout = ai.timeout();
        this.vertx = vertx;
    }

    public Uni<Classification> classify(StudentMessage message) {
        Uni<Classification> byEmbedded = vertx.executeBlocking(() -> embedded.classify(message), false);
        if (openAi == null) {
            return byEmbedded;
        }
        return vertx.executeBlocking(() -> openAi.classify(message), false)
                .ifNoItem().after(timeout).failWith(() -> new TimeoutException("no answer within " + timeout))
                .onFailure().recoverWithUni(failure -> {
                    String cause = OpenAiChatClassifier.describe(failure);
                    LOG.warnf("%s failed (%s); classifying with %s", openAi.name(), cause, embedded.name());
                    return byEmbedded.map(verdict -> verdict.asFallbackFrom("openai", cause));
                });
    }

    @PreDestroy
    void close() {
        embedded.close();
    }
}
