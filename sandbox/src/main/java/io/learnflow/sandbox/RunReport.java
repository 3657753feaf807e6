package io.learnflow.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

/** The supervisor's report of one run, or what the sandbox knows when there is none. */
record RunReport(ProgramResult program, String results) {

    static RunReport parse(JsonNode report) {
        Integer exitCode = report.path("exitCode").isNull() ? null : report.path("exitCode").asInt();
        Integer signal = report.path("signal").isNull() ? null : report.path("signal").asInt();
        Limit limit = report.path("limit").isNull() ? null : Limit.valueOf(report.path("limit").asText());
        RunStatus status;
        if (report.path("crashed").asBoolean()) {
            status = RunStatus.CRASHED;
        } else if (limit != null && (signal != null || (exitCode != null && exitCode != 0))) {
            status = RunStatus.LIMIT_EXCEEDED;
        } else {
            status = RunStatus.EXITED;
        }
        JsonNode error = report.path("error");
        PythonError pythonError = error.isObject() ? new PythonError(error.path("type").asText(),
                error.path("message").asText(), error.path("file").isNull() ? null : error.path("file").asText(),
                error.path("line").isNull() ? null : error.path("line").asInt()) : null;
        ProgramResult program = new ProgramResult(status, exitCode, signal, report.path("stdout").asText(),
                report.path("stderr").asText(), report.path("stdoutTruncated").asBoolean(),
                report.path("stderrTruncated").asBoolean(), report.path("wallMillis").asLong(),
                report.path("cpuMillis").asLong(), report.path("peakMemoryKb").asLong(), limit, pythonError,
                describe(status, limit, signal));
        return new RunReport(program, report.path("results").asText(""));
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
