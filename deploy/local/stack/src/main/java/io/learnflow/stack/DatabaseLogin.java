package io.learnflow.stack;

/** The database role one service logs in as; it owns the schema of the same name. */
public record DatabaseLogin(String schema, String username, String password) {
}
