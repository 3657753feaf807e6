package io.learnflow.sandbox;

import java.time.Duration;

/**
 * What one run may use. The defaults suit a beginner's program: a few seconds of CPU, 256 MiB of address space.
 *
 * @param processes processes and threads the run may have at once, the supervisor included
 */
public record SandboxLimits(Duration cpuTime, Duration wallTime, long memoryBytes, int processes, int openFiles,
        long fileSizeBytes, int outputBytes, long tmpBytes) {

    public static final SandboxLimits DEFAULT = new SandboxLimits(Duration.ofSeconds(5), Duration.ofSeconds(10),
            256L * 1024 * 1024, 16, 64, 1024L * 1024, 64 * 1024, 16L * 1024 * 1024);

    public SandboxLimits {
        if (cpuTime.toSeconds() < 1 || wallTime.compareTo(cpuTime) < 0) {
            throw new IllegalArgumentException("cpu time must be at least 1 s and wall time at least the cpu time");
        }
        if (memoryBytes < 32L * 1024 * 1024 || processes < 2 || openFiles < 8 || outputBytes < 1024) {
            throw new IllegalArgumentException("limits too small to start Python: " + memoryBytes + " bytes, "
                    + processes + " processes, " + openFiles + " files, " + outputBytes + " bytes of output");
        }
    }

    public SandboxLimits withCpuTime(Duration cpu) {
        return new SandboxLimits(cpu, wallTime.compareTo(cpu) < 0 ? cpu.multipliedBy(2) : wallTime, memoryBytes,
                processes, openFiles, fileSizeBytes, outputBytes, tmpBytes);
    }

    public SandboxLimits withWallTime(Duration wall) {
        return new SandboxLimits(cpuTime, wall, memoryBytes, processes, openFiles, fileSizeBytes, outputBytes,
                tmpBytes);
    }
}
