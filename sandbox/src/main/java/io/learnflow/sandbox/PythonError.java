package io.learnflow.sandbox;

/**
 * An exception of the student's code: its type, message, and the file and line of the student's code where it was
 * raised (frames inside the harness or the standard library left out); file and line are null when unknown.
 */
public record PythonError(String type, String message, String file, Integer line) {
}
