package io.learnflow.sandbox;

/**
 * What came of a run. Output is capped at the limit; the truncated flags say whether it was cut.
 *
 * @param exitCode null when the process was ended by a signal
 * @param signal   the signal that ended it, or null
 * @param limit    the limit that ended it or that it ran into, or null
 * @param error    the exception the program ended with, read from its traceback, or null
 * @param message  for BUSY and SANDBOX_ERROR, what happened
 */
public record ProgramResult(RunStatus status, Integer exitCode, Integer signal, String stdout, String stderr,
        boolean stdoutTruncated, boolean stderrTruncated, long wallMillis, long cpuMillis, long peakMemoryKb,
        Limit limit, PythonError error, String message) {

    static ProgramResult notRun(RunStatus status, String message) {
        return new ProgramResult(status, null, null, "", "", false, false, 0, 0, 0, null, null, message);
    }

    public boolean succeeded() {
        return status == RunStatus.EXITED && exitCode != null && exitCode == 0;
    }
}
