package io.learnflow.debug.ai;

/**
 * A failure read from a Python traceback: the exception type, its message, and the line of the student's code where
 * it happened ({@code line} is 0 when the traceback does not say).
 */
public record PythonError(String type, String message, int line) {

    public boolean hasLine() {
        return line > 0;
    }
}
