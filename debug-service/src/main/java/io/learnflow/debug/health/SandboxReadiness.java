package io.learnflow.debug.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.learnflow.debug.service.DebugSandbox;

/**
 * Reports the sandbox. Without it the service still answers (it reads pasted tracebacks), so the check stays up and
 * says {@code sandbox: degraded} with the reason, for operators to see.
 */
@Readiness
@ApplicationScoped
public class SandboxReadiness implements HealthCheck {

    private final DebugSandbox sandbox;

    public SandboxReadiness(DebugSandbox sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public HealthCheckResponse call() {
        return sandbox.unavailableBecause()
                .map(reason -> HealthCheckResponse.named("sandbox").up().withData("sandbox", "degraded")
                        .withData("reason", reason).build())
                .orElseGet(() -> HealthCheckResponse.named("sandbox").up().withData("sandbox", "available").build());
    }
}
