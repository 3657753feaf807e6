package io.learnflow.debug.service;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.learnflow.debug.config.DebugConfig;
import io.learnflow.feedback.NoviceErrorCatalogue;
import io.learnflow.sandbox.Sandbox;
import io.learnflow.sandbox.SandboxConfig;
import io.learnflow.sandbox.SandboxLimits;
import io.learnflow.sandbox.SandboxMeters;
import io.learnflow.sandbox.SandboxUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The service's sandbox and the analysis that runs in it. Without bubblewrap (or Python) the service still starts:
 * the tutor then reads pasted tracebacks only, and readiness reports the sandbox as degraded.
 */
@ApplicationScoped
public class DebugSandbox {

    private static final Logger LOG = Logger.getLogger(DebugSandbox.class);

    private final Sandbox sandbox;
    private final CodeAnalysis analysis;
    private final String unavailable;
    private final AtomicLong analyses = new AtomicLong();

    public DebugSandbox(DebugConfig config, NoviceErrorCatalogue catalogue, MeterRegistry metrics) {
        DebugConfig.SandboxSettings settings = config.sandbox();
        Sandbox started = null;
        String reason = null;
        try {
            started = new Sandbox(new SandboxConfig(settings.isolation(), SandboxLimits.DEFAULT, settings.poolSize(),
                    settings.queueCapacity(), settings.python(), settings.bubblewrap(), 61000));
        } catch (SandboxUnavailableException e) {
            reason = e.getMessage();
            LOG.warnf("the debug tutor cannot run students' code and will read their tracebacks only: %s", reason);
        }
        this.sandbox = started;
        this.unavailable = reason;
        if (started != null) {
            SandboxMeters.bind(started, metrics, "debug-analysis");
        }
        DebugConfig.Analysis a = config.analysis();
        this.analysis = started == null ? null : new CodeAnalysis(started, new AnalysisSettings(a.programTime(),
                a.perTestBudget(), a.suiteTime(), a.formula(), a.linesToMutate(), a.maxMutants(), a.mutationTime()),
                catalogue);
    }

    /** The analysis, or empty when the sandbox is unavailable; each call counts as one analysis started. */
    public Optional<CodeAnalysis> analysis() {
        if (analysis != null) {
            analyses.incrementAndGet();
        }
        return Optional.ofNullable(analysis);
    }

    public Optional<String> unavailableBecause() {
        return Optional.ofNullable(unavailable);
    }

    /** Analyses started since start-up: a redelivered query must not add one. */
    public long analysesStarted() {
        return analyses.get();
    }

    @PreDestroy
    void close() {
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
