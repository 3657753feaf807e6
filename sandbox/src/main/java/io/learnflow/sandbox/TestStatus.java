package io.learnflow.sandbox;

public enum TestStatus {
    PASSED, FAILED, ERROR, TIMED_OUT,
    /** The run ended (a limit, a crash) before this test ran. */
    NOT_RUN
}
