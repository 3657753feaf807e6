package io.learnflow.debug.service;

/**
 * A one-token change of one line of the student's code. It aims a hint (which kind of change, on which line); its
 * text is never shown to the student.
 *
 * @param changedLine the whole line as changed
 */
public record Mutant(int line, MutationKind kind, String original, String changedLine) {
}
