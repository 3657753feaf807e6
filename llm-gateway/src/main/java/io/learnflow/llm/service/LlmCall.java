package io.learnflow.llm.service;

import java.util.UUID;

/**
 * One stateless call: the service's instructions, and the student's text, which the gateway only ever puts into
 * delimited user content.
 *
 * @param purpose       what the call is for, for the log and metrics (for example {@code concepts-explanation})
 * @param promptVersion changes whenever the instructions' wording does, so that cached answers of old prompts expire
 */
public record LlmCall(UUID studentId, String purpose, String promptVersion, String instructions, String studentContent,
        double temperature, int maxOutputTokens) {
}
