package io.learnflow.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The supervisor's report of one run, or what the sandbox knows when there is none. */
record RunReport(ProgramResult program, String results) {

    private static final byte[] MARKER = "LEARNFLOW-REPORT ".getBytes(StandardCharsets.US_ASCII);

    /** The supervisor's output: a header line of fields and lengths, then stdout, stderr and the test results. */
    static RunReport parse(byte[] output, int exitValue) {
        return parse(output, exitValue, null);
    }

    /**
     * As {@link #parse(byte[], int)}, accepting only a header that carries the run's token: anything else that looks
     * like a report was not written by the supervisor.
     */
    static RunReport parse(byte[] output, int exitValue, String token) {
        byte[] marker = token == null ? MARKER
                : ("LEARNFLOW-REPORT token=" + token + " ").getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(output, marker);
        if (at < 0) {
            return supervisorLost(exitValue, new String(output, StandardCharsets.UTF_8));
        }
        int newline = at;
        while (newline < output.length && output[newline] != '\n') {
            newline++;
        }
        Map<String, String> fields = new HashMap<>();
        for (String field : new String(output, at + MARKER.length, newline - at - MARKER.length,
                StandardCharsets.US_ASCII).split(" ")) {
            int eq = field.indexOf('=');
            if (eq > 0) {
                fields.put(field.substring(0, eq), field.substring(eq + 1));
            }
        }
        int offset = newline + 1;
        String stdout = slice(output, offset, Integer.parseInt(fields.get("stdout")));
        offset += Integer.parseInt(fields.get("stdout"));
        String stderr = slice(output, offset, Integer.parseInt(fields.get("stderr")));
        offset += Integer.parseInt(fields.get("stderr"));
        String results = slice(output, offset, Integer.parseInt(fields.get("results")));

        Integer exitCode = number(fields.get("exitCode"));
        Integer signal = number(fields.get("signal"));
        Limit limit = fields.getOrDefault("limit", "").isEmpty() ? null : Limit.valueOf(fields.get("limit"));
        RunStatus status;
        if (Boolean.parseBoolean(fields.get("crashed"))) {
            status = RunStatus.CRASHED;
        } else if (limit != null && (signal != null || (exitCode != null && exitCode != 0))) {
            status = RunStatus.LIMIT_EXCEEDED;
        } else {
            status = RunStatus.EXITED;
        }
        PythonError error = status == RunStatus.EXITED && Integer.valueOf(0).equals(exitCode) ? null
                : TracebackParser.parse(stderr).orElse(null);
        ProgramResult program = new ProgramResult(status, exitCode, signal, stdout, stderr,
                Boolean.parseBoolean(fields.get("stdoutTruncated")), Boolean.parseBoolean(fields.get("stderrTruncated")),
                Long.parseLong(fields.get("wallMillis")), Long.parseLong(fields.get("cpuMillis")),
                Long.parseLong(fields.get("peakMemoryKb")), limit, error, describe(status, limit, signal));
        return new RunReport(program, results);
    }

    private static Integer number(String value) {
        return value == null || value.isEmpty() ? null : Integer.valueOf(value);
    }

    private static String slice(byte[] bytes, int offset, int length) {
        int end = Math.min(bytes.length, offset + length);
        return offset >= end ? "" : new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (i > 0 && haystack[i - 1] != '\n') {
                continue;
            }
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static RunReport busy(int poolSize, int queueCapacity) {
        return new RunReport(ProgramResult.notRun(RunStatus.BUSY, "the sandbox is busy (" + poolSize
                + " runs and " + queueCapacity + " waiting); retry later"), "");
    }

    static RunReport error(String message) {
        return new RunReport(ProgramResult.notRun(RunStatus.SANDBOX_ERROR, message), "");
    }

    static RunReport supervisorLost(int exitValue, String diagnostics) {
        String detail = diagnostics.isBlank() ? "" : ": " + diagnostics.strip();
        return new RunReport(ProgramResult.notRun(RunStatus.CRASHED, "the run ended without a report (exit "
                + exitValue + "); the program killed its supervisor or the sandbox failed" + detail), "");
    }

    static RunReport wallTimeBackstop(SandboxLimits limits) {
        return new RunReport(new ProgramResult(RunStatus.LIMIT_EXCEEDED, null, 9, "", "", false, false,
                limits.wallTime().toMillis(), 0, 0, Limit.WALL_TIME, null, "ended by the wall-time limit"), "");
    }

    private static String describe(RunStatus status, Limit limit, Integer signal) {
        return switch (status) {
            case CRASHED -> "the Python interpreter crashed (signal " + signal + ")";
            case LIMIT_EXCEEDED -> "ended by the " + limit.name().toLowerCase().replace('_', ' ') + " limit";
            default -> limit != null ? "ran into the " + limit.name().toLowerCase().replace('_', ' ') + " limit"
                    : null;
        };
    }
}
