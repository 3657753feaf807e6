package io.learnflow.sandbox;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The sandbox the tests share (one per test JVM), with short limits so that hostile runs end quickly. */
final class Sandboxes {

    static final SandboxLimits SHORT = SandboxLimits.DEFAULT.withCpuTime(Duration.ofSeconds(2))
            .withWallTime(Duration.ofSeconds(4));
    static final Sandbox SHARED = new Sandbox(SandboxConfig.defaults().withLimits(SHORT).withPool(2, 200));

    private Sandboxes() {
    }

    static ProgramResult run(String source) {
        return await(SHARED.run(ProgramRequest.of(source)));
    }

    static <T> T await(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.get(2, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Processes still running as one of the sandbox's host users. */
    static long leftoverProcesses() {
        int first = SHARED.config().firstUid();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().user().map(user -> {
                    try {
                        int uid = Integer.parseInt(user);
                        return uid >= first && uid < first + SHARED.config().poolSize();
                    } catch (NumberFormatException e) {
                        return false;
                    }
                }).orElse(false))
                .count();
    }
}
