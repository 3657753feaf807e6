package io.learnflow.triage.classification;

/** Defaults shared by the service's configuration and the evaluation command, so both measure the same thing. */
public final class ClassifierDefaults {

    /** Below this confidence triage asks a clarifying question instead of routing. */
    public static final String CLARIFY_BELOW = "0.45";

    /** From this probability the quick model (signals, words, word pieces) decides without running MiniLM. */
    public static final String EARLY_EXIT = "0.7";

    private ClassifierDefaults() {
    }
}
