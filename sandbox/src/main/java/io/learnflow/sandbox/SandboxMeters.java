package io.learnflow.sandbox;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A service's sandbox on {@code /q/metrics}, tagged with what the service runs code for: runs finished, runs refused
 * because the pool and its queue were full, runs in a place and runs waiting for one.
 */
public final class SandboxMeters {

    private SandboxMeters() {
    }

    public static void bind(Sandbox sandbox, MeterRegistry registry, String use) {
        FunctionCounter.builder("learnflow.sandbox.runs", sandbox, s -> s.load().runs()).tag("use", use)
                .description("sandbox runs finished, whatever their outcome").register(registry);
        FunctionCounter.builder("learnflow.sandbox.refused", sandbox, s -> s.load().refused()).tag("use", use)
                .description("sandbox runs refused: every place and the whole queue were taken").register(registry);
        Gauge.builder("learnflow.sandbox.running", sandbox, s -> s.load().running()).tag("use", use)
                .description("sandbox runs in a place now").register(registry);
        Gauge.builder("learnflow.sandbox.queue.depth", sandbox, s -> s.load().waiting()).tag("use", use)
                .description("sandbox runs waiting for a place now").register(registry);
    }
}
