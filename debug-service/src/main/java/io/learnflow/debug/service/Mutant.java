package io.learnflow.debug.service;

import java.util.List;

/**
 * A one-token change of one line of the student's code. It aims a hint (which kind of change, on which line); its
 * text is never shown to the student.
 *
 * @param changedLine the whole line as changed
 */
public record Mutant(int line, MutationKind kind, String original, String changedLine) {

    /** The token of the student's line that the change replaces (the first one that differs). */
    public String replacedToken() {
        List<Mutants.Token> before = Mutants.tokens(original);
        List<Mutants.Token> after = Mutants.tokens(changedLine);
        for (int i = 0; i < before.size(); i++) {
            if (i >= after.size() || !before.get(i).text().equals(after.get(i).text())) {
                return before.get(i).text();
            }
        }
        return "";
    }
}
