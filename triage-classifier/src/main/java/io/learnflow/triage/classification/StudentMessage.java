package io.learnflow.triage.classification;

/** What triage classifies: the message, and the code and error text the student pasted with it. */
public record StudentMessage(String text, String code, String errorText) {

    public boolean hasCode() {
        return code != null && !code.isBlank();
    }

    public boolean hasErrorText() {
        return errorText != null && !errorText.isBlank();
    }
}
