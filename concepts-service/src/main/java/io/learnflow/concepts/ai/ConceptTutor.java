package io.learnflow.concepts.ai;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.llm.service.LlmCall;
import io.learnflow.llm.service.LlmGateway;
import io.learnflow.llm.service.LlmResult;
import io.learnflow.model.QueryRouted;
import io.learnflow.specialist.ai.Tutor;
import io.learnflow.specialist.ai.TutorAnswer;
import io.smallrye.mutiny.Uni;

/**
 * The concepts tutor: the offline answer ({@link OfflineConceptTutor}); in LLM mode
 * ({@code learnflow.llm.mode=openai}) the model explains the question from the same entries, and must cite one of
 * them. Whenever the model is off, over budget, fails, cites none or writes the student's code for them
 * ({@link AnswerGuard}, the call's check: such an answer is logged as refused and never cached), the student gets the
 * offline answer.
 */
@ApplicationScoped
public class ConceptTutor implements Tutor {

    static final String PROMPT_VERSION = "concepts-rag-v1";
    private static final String INSTRUCTIONS = """
            You are LearnFlow's Python tutor for beginners. Answer the student's question about Python using only \
            the curriculum entries below. Cite the entry you use as [entry-id], for example [lists-sorting]. Explain \
            in plain words, under 180 words, with at most one short example; never write a whole program for an \
            exercise. If the entries do not answer the question, say so.

            Curriculum entries:
            """;

    private final OfflineConceptTutor offline;
    private final LlmGateway gateway;

    public ConceptTutor(OfflineConceptTutor offline, LlmGateway gateway) {
        this.offline = offline;
        this.gateway = gateway;
    }

    @Override
    public String name() {
        return gateway.enabled() ? "concepts-openai-or-" + offline.name() : offline.name();
    }

    @Override
    public Uni<TutorAnswer> answer(QueryRouted query) {
        return offline.answer(query).chain(prepared -> {
            if (!gateway.enabled() || prepared.sources().isEmpty()) {
                return Uni.createFrom().item(prepared.offline());
            }
            String question = query.queryText() + (query.code() != null ? "\n\nCode:\n" + query.code() : "");
            LlmCall call = new LlmCall(query.studentId(), "concepts-explanation", PROMPT_VERSION,
                    INSTRUCTIONS + sources(prepared.sources()), question, 0.2, 400)
                    .checkedBy(answer -> AnswerGuard.breach(answer, query)
                            .or(() -> cited(answer, prepared.sources()).isEmpty()
                                    ? Optional.of("the AI model's answer cited no curriculum entry")
                                    : Optional.empty()));
            return gateway.complete(call).map(result -> choose(result, prepared, query));
        });
    }

    private static TutorAnswer choose(LlmResult result, OfflineConceptTutor.ConceptAnswer prepared,
            QueryRouted query) {
        TutorAnswer fallback = prepared.offline();
        if (!result.answered()) {
            return fallback.insteadOfTheModel("explanation", result.offlineReason());
        }
        List<CurriculumEntry> cited = cited(result.content(), prepared.sources());
        String content = prepared.output() + result.content().strip() + "\n\nFrom the LearnFlow curriculum: "
                + cited.stream().map(e -> "*" + e.title() + "* (`" + e.id() + "`)").collect(Collectors.joining("; "))
                + ".";
        return new TutorAnswer("explanation", content, cited.get(0).module(), true, null, null, null, null, null, null,
                new TutorAnswer.ModelUse(LlmGateway.PROVIDER, result.model(), result.tokensUsed()));
    }

    private static List<CurriculumEntry> cited(String answer, List<CurriculumEntry> sources) {
        return sources.stream().filter(e -> answer.contains("[" + e.id() + "]")).toList();
    }

    private static String sources(List<CurriculumEntry> entries) {
        return entries.stream().map(e -> "[" + e.id() + "] " + e.title() + "\n" + e.explanation() + "\nExample:\n"
                + e.example() + "\nCommon misconception: " + e.misconception())
                .collect(Collectors.joining("\n\n"));
    }
}
