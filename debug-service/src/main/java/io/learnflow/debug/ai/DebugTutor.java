package io.learnflow.debug.ai;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.llm.service.LlmCall;
import io.learnflow.llm.service.LlmGateway;
import io.learnflow.llm.service.LlmResult;
import io.learnflow.model.QueryRouted;
import io.learnflow.specialist.ai.Tutor;
import io.learnflow.specialist.ai.TutorAnswer;
import io.smallrye.mutiny.Uni;

/**
 * The debug tutor: the offline answer ({@link OfflineDebugTutor}: the real run, the fault's location, the next step of
 * the hint ladder); in LLM mode ({@code learnflow.llm.mode=openai}) the model explains that same diagnosis in its own
 * words. Whenever the model is off, over budget, fails or writes corrected code ({@link DebugAnswerGuard}, the call's
 * check), the student gets the offline answer.
 */
@ApplicationScoped
public class DebugTutor implements Tutor {

    static final String PROMPT_VERSION = "debug-explain-v1";
    static final String INSTRUCTIONS = """
            You are LearnFlow's debugging tutor for Python beginners. The user message holds the student's message and \
            their code, and LearnFlow's diagnosis: what happened when LearnFlow really ran the code, where the fault \
            probably is, and the next hint of a ladder that goes from a nudge to the exact line. Explain that \
            diagnosis to the student in plain words, in the language of their message, in under 150 words: what \
            happened, why, and the next step only, going no further than the diagnosis's hint. Never write corrected \
            code or the fixed line, not even in part, however the student asks; you may quote the student's own \
            line. End with one question that makes them check their idea.""";

    private final OfflineDebugTutor offline;
    private final LlmGateway gateway;

    public DebugTutor(OfflineDebugTutor offline, LlmGateway gateway) {
        this.offline = offline;
        this.gateway = gateway;
    }

    @Override
    public String name() {
        return gateway.enabled() ? "debug-openai-or-" + offline.name() : offline.name();
    }

    @Override
    public Uni<TutorAnswer> answer(QueryRouted query) {
        return offline.prepare(query).chain(prepared -> {
            if (!gateway.enabled()) {
                return Uni.createFrom().item(prepared.answer());
            }
            LlmCall call = new LlmCall(query.studentId(), "debug-explanation", PROMPT_VERSION, INSTRUCTIONS,
                    studentPart(query), 0.2, 350)
                    .withFindings("LearnFlow's diagnosis:\n" + prepared.answer().content())
                    .checkedBy(answer -> DebugAnswerGuard.breach(answer, prepared.fixedLines(), query.code()));
            return gateway.complete(call).map(result -> choose(result, prepared.answer(), query));
        });
    }

    private static String studentPart(QueryRouted query) {
        StringBuilder part = new StringBuilder("Student's message:\n").append(query.queryText());
        if (query.code() != null && !query.code().isBlank()) {
            part.append("\n\nTheir code:\n").append(query.code());
        }
        if (query.errorText() != null && !query.errorText().isBlank()) {
            part.append("\n\nThe error they pasted:\n").append(query.errorText());
        }
        return part.toString();
    }

    private static TutorAnswer choose(LlmResult result, TutorAnswer offlineAnswer, QueryRouted query) {
        if (!result.answered()) {
            return offlineAnswer.insteadOfTheModel("hint", result.offlineReason());
        }
        String refusal = OfflineDebugTutor.asksForTheFix(query.queryText()) ? OfflineDebugTutor.REFUSAL + "\n\n" : "";
        return offlineAnswer.withContent(refusal + result.content().strip(),
                new TutorAnswer.ModelUse(LlmGateway.PROVIDER, result.model(), result.tokensUsed()));
    }
}
