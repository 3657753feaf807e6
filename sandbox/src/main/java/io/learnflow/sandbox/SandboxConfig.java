package io.learnflow.sandbox;

import java.nio.file.Path;

/**
 * @param poolSize      runs at once (default: the number of cores)
 * @param queueCapacity runs waiting for a place before callers are told the sandbox is busy
 * @param firstUid      with root, run {@code i} of the pool runs as host user {@code firstUid + i}, so that each
 *                      place has its own process count
 */
public record SandboxConfig(Isolation isolation, SandboxLimits limits, int poolSize, int queueCapacity, Path python,
        Path bubblewrap, int firstUid) {

    public static SandboxConfig defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new SandboxConfig(Isolation.BUBBLEWRAP, SandboxLimits.DEFAULT, cores, cores * 8,
                Path.of("/usr/bin/python3"), Path.of("/usr/bin/bwrap"), 61000);
    }

    public SandboxConfig withPool(int size, int queue) {
        return new SandboxConfig(isolation, limits, size, queue, python, bubblewrap, firstUid);
    }

    public SandboxConfig withLimits(SandboxLimits newLimits) {
        return new SandboxConfig(isolation, newLimits, poolSize, queueCapacity, python, bubblewrap, firstUid);
    }

    public SandboxConfig withIsolation(Isolation newIsolation) {
        return new SandboxConfig(newIsolation, limits, poolSize, queueCapacity, python, bubblewrap, firstUid);
    }
}
