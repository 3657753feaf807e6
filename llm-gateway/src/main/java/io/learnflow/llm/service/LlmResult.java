package io.learnflow.llm.service;

/**
 * What came of a call: the model's text, or why the caller must answer offline instead.
 *
 * @param content       the model's answer, or null when {@code offlineReason} says why there is none
 * @param offlineReason for the student and the log: no model configured, over budget, or the model failed
 */
public record LlmResult(String content, String model, int tokensUsed, boolean cached, String offlineReason) {

    public static LlmResult offline(String reason) {
        return new LlmResult(null, null, 0, false, reason);
    }

    public boolean answered() {
        return content != null;
    }
}
