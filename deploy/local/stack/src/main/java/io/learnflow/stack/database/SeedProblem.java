package io.learnflow.stack.database;

/**
 * What is wrong with a seed file, in the seed format's words: {@code message} is one of "Package validation failed",
 * "Unknown owner_key", "Datetime parsing error", "Unit validation failed", "User validation failed" or "Invalid
 * JSON", {@code path} a JSON path into {@code file} ({@code $.lessons[2].package.quiz[0]}).
 */
record SeedProblem(String message, String file, String path, String detail) {

    static final String PACKAGE = "Package validation failed";
    static final String OWNER = "Unknown owner_key";
    static final String DATETIME = "Datetime parsing error";
    static final String UNIT = "Unit validation failed";
    static final String USER = "User validation failed";
    static final String JSON = "Invalid JSON";

    @Override
    public String toString() {
        return message + ": " + file + " " + path + ": " + detail;
    }
}
