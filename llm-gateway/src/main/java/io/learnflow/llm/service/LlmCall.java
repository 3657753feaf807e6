package io.learnflow.llm.service;

import java.util.Optional;
import java.util.UUID;

import dev.langchain4j.model.chat.request.ResponseFormat;

/**
 * One stateless call: the service's instructions, and the student's text, which the gateway only ever puts into
 * delimited user content.
 *
 * @param purpose        what the call is for, for the log and metrics (for example {@code concepts-explanation})
 * @param promptVersion  changes whenever the instructions' wording does, so that cached answers of old prompts expire
 * @param findings       what LearnFlow itself found for the model to explain (a diagnosis, a grader's feedback), or
 *                       null: delimited data like the student's text, but not read by the input guardrail, since it is
 *                       LearnFlow's own words (which may, for example, name a hidden test)
 * @param responseFormat the JSON schema the answer must follow, or null for plain text
 * @param answerCheck    the caller's output guardrail: an answer it refuses is logged, never cached, and the caller
 *                       answers offline
 */
public record LlmCall(UUID studentId, String purpose, String promptVersion, String instructions, String studentContent,
        double temperature, int maxOutputTokens, String findings, ResponseFormat responseFormat,
        AnswerCheck answerCheck) {

    public LlmCall(UUID studentId, String purpose, String promptVersion, String instructions, String studentContent,
            double temperature, int maxOutputTokens) {
        this(studentId, purpose, promptVersion, instructions, studentContent, temperature, maxOutputTokens, null, null,
                AnswerCheck.ANY);
    }

    public LlmCall {
        answerCheck = answerCheck == null ? AnswerCheck.ANY : answerCheck;
    }

    public LlmCall withFindings(String text) {
        return new LlmCall(studentId, purpose, promptVersion, instructions, studentContent, temperature,
                maxOutputTokens, text, responseFormat, answerCheck);
    }

    public LlmCall withResponseFormat(ResponseFormat format) {
        return new LlmCall(studentId, purpose, promptVersion, instructions, studentContent, temperature,
                maxOutputTokens, findings, format, answerCheck);
    }

    public LlmCall checkedBy(AnswerCheck check) {
        return new LlmCall(studentId, purpose, promptVersion, instructions, studentContent, temperature,
                maxOutputTokens, findings, responseFormat, check);
    }

    /** A caller's rule for the model's answer. */
    @FunctionalInterface
    public interface AnswerCheck {

        AnswerCheck ANY = answer -> Optional.empty();

        /** Why the answer may not be used, or empty when it may. */
        Optional<String> refusal(String answer);
    }
}
