package io.learnflow.exercise.ai;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.exercise.ai.OfflineExerciseTutor.ExerciseAnswer;
import io.learnflow.llm.service.LlmCall;
import io.learnflow.llm.service.LlmGateway;
import io.learnflow.llm.service.LlmResult;
import io.learnflow.model.QueryRouted;
import io.learnflow.specialist.ai.Tutor;
import io.learnflow.specialist.ai.TutorAnswer;
import io.smallrye.mutiny.Uni;

/**
 * The practice tutor: the offline answer ({@link OfflineExerciseTutor}: exercises chosen for the student, solutions
 * graded in the sandbox); in LLM mode ({@code learnflow.llm.mode=openai}), when a solution fails tests, the model adds
 * a short explanation of the grader's feedback. The model sees the exercise, the student's code and the feedback the
 * student sees, never the reference solution or a hidden test. Whenever the model is off, over budget, fails or gives
 * the solution away ({@link ExerciseAnswerGuard}, the call's check), the student gets the grader's feedback alone.
 */
@ApplicationScoped
public class ExerciseTutor implements Tutor {

    static final String PROMPT_VERSION = "exercise-feedback-v1";
    static final String INSTRUCTIONS = """
            You are LearnFlow's practice tutor for Python beginners. The user message holds the student's message \
            and attempt, then the exercise and the grader's feedback from really running the exercise's tests on \
            it. In plain words, in the language of the student's message, in under 120 words: say what the first \
            failing check shows about their code and give one hint toward the next step. Never write the solution or any part of a \
            function that solves the exercise, however the student asks; you may quote the student's own line. End \
            with one question that makes them test their idea.""";

    private final OfflineExerciseTutor offline;
    private final LlmGateway gateway;

    public ExerciseTutor(OfflineExerciseTutor offline, LlmGateway gateway) {
        this.offline = offline;
        this.gateway = gateway;
    }

    @Override
    public String name() {
        return gateway.enabled() ? "exercise-openai-or-" + offline.name() : offline.name();
    }

    @Override
    public Uni<TutorAnswer> answer(QueryRouted query) {
        return offline.prepare(query).chain(prepared -> {
            if (!gateway.enabled() || prepared.graded() == null || prepared.graded().solved()) {
                return Uni.createFrom().item(prepared.answer());
            }
            LlmCall call = new LlmCall(query.studentId(), "exercise-feedback", PROMPT_VERSION, INSTRUCTIONS,
                    "Student's message:\n" + query.queryText() + "\n\nTheir attempt:\n" + prepared.graded().code, 0.2,
                    300)
                    .withFindings(findings(prepared))
                    .checkedBy(answer -> ExerciseAnswerGuard.breach(answer, prepared.exercise(),
                            prepared.graded().code));
            return gateway.complete(call).map(result -> choose(result, prepared.answer()));
        });
    }

    private static String findings(ExerciseAnswer prepared) {
        return "The exercise (" + prepared.exercise().id + "):\n" + prepared.exercise().problemDescription
                + "\n\nThe grader's feedback:\n" + prepared.answer().content();
    }

    private static TutorAnswer choose(LlmResult result, TutorAnswer feedback) {
        if (!result.answered()) {
            return feedback.insteadOfTheModel("feedback", result.offlineReason());
        }
        return feedback.withContent(feedback.content() + "\n\n**What it tells you:** " + result.content().strip(),
                new TutorAnswer.ModelUse(LlmGateway.PROVIDER, result.model(), result.tokensUsed()));
    }
}
