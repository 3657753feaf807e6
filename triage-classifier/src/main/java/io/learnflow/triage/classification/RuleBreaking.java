package io.learnflow.triage.classification;

/**
 * Whether a student's words ask the tutor to set its rules aside ("ignore your instructions", "give me the full
 * solution"): the classifier's own misuse signal, for any service that must keep such words away from a model.
 */
public final class RuleBreaking {

    private static final Glossary GLOSSARY = Glossary.shipped();

    private RuleBreaking() {
    }

    public static boolean askedIn(String text) {
        return text != null && !text.isBlank()
                && MessageSignal.MISUSE.in(ReadMessage.of(new StudentMessage(text, null, null), GLOSSARY));
    }
}
