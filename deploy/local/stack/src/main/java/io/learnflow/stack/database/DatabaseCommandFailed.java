package io.learnflow.stack.database;

/** A {@code ./learnflow db} command that cannot go on: its message is the one line the operator reads. */
public final class DatabaseCommandFailed extends RuntimeException {

    public DatabaseCommandFailed(String message) {
        super(message);
    }

    public DatabaseCommandFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
