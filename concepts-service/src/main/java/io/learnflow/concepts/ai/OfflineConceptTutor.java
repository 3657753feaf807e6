package io.learnflow.concepts.ai;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.concepts.service.SnippetRunner;
import io.learnflow.concepts.service.TutoringSessionService;
import io.learnflow.model.QueryRouted;
import io.learnflow.sandbox.ProgramResult;
import io.learnflow.specialist.ai.TutorAnswer;
import io.smallrye.mutiny.Uni;

/**
 * Explains a concept from the curriculum, offline: the entry the retrieval finds (named in the answer, with two
 * related entries to go on with), read in the light of the session's previous entry when the question follows up on
 * it. When no entry is close enough it says so and lists the nearest topics rather than answer from a wrong one. A
 * question about what some code prints or does gets the code's real output from the sandbox first.
 */
@ApplicationScoped
public class OfflineConceptTutor {

    private final ConceptRetriever retriever;
    private final ConceptLookup lookup;
    private final TutoringSessionService sessions;
    private final SnippetRunner snippets;

    public OfflineConceptTutor(ConceptRetriever retriever, RetrievalSettings settings,
            TutoringSessionService sessions, SnippetRunner snippets) {
        this.retriever = retriever;
        this.lookup = new ConceptLookup(retriever, settings);
        this.sessions = sessions;
        this.snippets = snippets;
    }

    public String name() {
        return "concepts-offline-" + retriever.curriculum().version();
    }

    /** The offline answer, with the entries it drew on (none when the curriculum does not cover the question). */
    public Uni<ConceptAnswer> answer(QueryRouted query) {
        String question = query.queryText() + (query.code() != null ? "\n" + query.code() : "");
        Optional<String> snippet = CodeQuestion.snippetOf(query.queryText(), query.code());
        Uni<Optional<ProgramResult>> ran = snippet.isPresent() ? snippets.run(snippet.get())
                : Uni.createFrom().item(Optional.empty());
        return sessions.previousEntry(query.sessionId(), query.studentId())
                .map(previous -> lookup.lookUp(question, query.module(), previous))
                .chain(found -> ran.chain(run -> {
                    String output = run.map(r -> ConceptAnswerWriter.output(r) + "\n\n").orElse("");
                    if (!found.retrieval().covered()) {
                        return Uni.createFrom().item(new ConceptAnswer(TutorAnswer.of("not-covered",
                                output + ConceptAnswerWriter.notCovered(found.retrieval()), query.module(), false),
                                List.of(), output));
                    }
                    CurriculumEntry entry = found.retrieval().best().entry();
                    List<CurriculumEntry> sources = Stream.concat(Stream.of(entry),
                            found.retrieval().nearest(2, false).stream().map(ConceptMatch::entry)).toList();
                    return sessions.remember(query.sessionId(), query.studentId(), query.queryId(), entry)
                            .replaceWith(new ConceptAnswer(TutorAnswer.of("explanation",
                                    output + ConceptAnswerWriter.explanation(found), entry.module(), true),
                                    sources, output));
                }));
    }

    /**
     * @param sources the entry answered from first, then the two nearest; empty when the question is not covered
     * @param output  what running the student's snippet showed, or empty
     */
    public record ConceptAnswer(TutorAnswer offline, List<CurriculumEntry> sources, String output) {
    }
}
