package io.learnflow.concepts.service;

import java.time.Duration;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.learnflow.sandbox.ProgramRequest;
import io.learnflow.sandbox.ProgramResult;
import io.learnflow.sandbox.Sandbox;
import io.learnflow.sandbox.SandboxConfig;
import io.learnflow.sandbox.SandboxLimits;
import io.learnflow.sandbox.SandboxMeters;
import io.learnflow.sandbox.SandboxUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Runs the snippet of a "what does this code print?" question in the sandbox, with a beginner's snippet's limits.
 * The sandbox starts on first use; where it cannot run here, the tutor answers without the output.
 */
@ApplicationScoped
public class SnippetRunner {

    private static final Logger LOG = Logger.getLogger(SnippetRunner.class);
    private static final SandboxLimits SNIPPET_LIMITS = SandboxLimits.DEFAULT.withCpuTime(Duration.ofSeconds(2));

    private final MeterRegistry metrics;
    private Sandbox sandbox;
    private boolean unavailable;

    public SnippetRunner(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    /** What the snippet printed and how it ended; empty if the sandbox cannot run here. */
    public Uni<Optional<ProgramResult>> run(String snippet) {
        Sandbox running = sandbox();
        if (running == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        Context caller = Vertx.currentContext();
        Uni<Optional<ProgramResult>> result = Uni.createFrom()
                .completionStage(() -> running.run(ProgramRequest.of(snippet).withLimits(SNIPPET_LIMITS)))
                .map(Optional::of);
        // the sandbox completes on its own threads; the answer's transaction must go on on the caller's context
        return caller == null ? result : result.emitOn(task -> caller.runOnContext(ignored -> task.run()));
    }

    private synchronized Sandbox sandbox() {
        if (sandbox == null && !unavailable) {
            try {
                sandbox = new Sandbox(SandboxConfig.defaults().withPool(1, 8));
                SandboxMeters.bind(sandbox, metrics, "snippets");
            } catch (SandboxUnavailableException e) {
                LOG.warnf("snippets will not be run: %s", e.getMessage());
                unavailable = true;
            }
        }
        return sandbox;
    }

    @PreDestroy
    synchronized void close() {
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
