package io.learnflow.sandbox;

/** The sandbox cannot isolate runs on this machine; the message says how to fix it. */
public class SandboxUnavailableException extends RuntimeException {

    public SandboxUnavailableException(String message) {
        super(message);
    }
}
