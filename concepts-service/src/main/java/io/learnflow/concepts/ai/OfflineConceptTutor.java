package io.learnflow.concepts.ai;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.concepts.service.TutoringSessionService;
import io.learnflow.model.QueryRouted;
import io.learnflow.specialist.ai.Tutor;
import io.learnflow.specialist.ai.TutorAnswer;
import io.smallrye.mutiny.Uni;

/**
 * Explains a concept from the curriculum, offline: the entry the retrieval finds (named in the answer, with two
 * related entries to go on with), read in the light of the session's previous entry when the question follows up on
 * it. When no entry is close enough it says so and lists the nearest topics rather than answer from a wrong one.
 */
@ApplicationScoped
public class OfflineConceptTutor implements Tutor {

    private final ConceptRetriever retriever;
    private final ConceptLookup lookup;
    private final TutoringSessionService sessions;

    public OfflineConceptTutor(ConceptRetriever retriever, RetrievalSettings settings,
            TutoringSessionService sessions) {
        this.retriever = retriever;
        this.lookup = new ConceptLookup(retriever, settings);
        this.sessions = sessions;
    }

    @Override
    public String name() {
        return "concepts-offline-" + retriever.curriculum().version();
    }

    @Override
    public Uni<TutorAnswer> answer(QueryRouted query) {
        String question = query.queryText() + (query.code() != null ? "\n" + query.code() : "");
        return sessions.previousEntry(query.sessionId(), query.studentId())
                .map(previous -> lookup.lookUp(question, query.module(), previous))
                .chain(found -> {
                    if (!found.retrieval().covered()) {
                        return Uni.createFrom().item(TutorAnswer.of("not-covered",
                                ConceptAnswerWriter.notCovered(found.retrieval()), query.module(), false));
                    }
                    CurriculumEntry entry = found.retrieval().best().entry();
                    return sessions.remember(query.sessionId(), query.studentId(), query.queryId(), entry)
                            .replaceWith(TutorAnswer.of("explanation", ConceptAnswerWriter.explanation(found),
                                    entry.module(), true));
                });
    }
}
