package io.learnflow.concepts.ai;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.learnflow.model.LearningModule;
import io.learnflow.specialist.ai.ModuleMentions;

/**
 * Decides which entry answers a question, given the entry the session's previous answer came from. A short question,
 * or one that opens like a follow-up ("and for...", "what about..."), is read together with the previous entry; if
 * it names a module ("and for dictionaries?") it asks for the same thing there, so that module's entries compete.
 */
public final class ConceptLookup {

    private static final Pattern FOLLOW_UP_OPENING = Pattern.compile(
            "^\\s*(and|also|what about|how about|same|so|then|but|y|und|et|e)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern REFERS_BACK = Pattern.compile(
            "\\b(it|its|that|this|them|those|these|another|more|again|why)\\b", Pattern.CASE_INSENSITIVE);
    private static final int SHORT_QUESTION_WORDS = 4;

    private final ConceptRetriever retriever;
    private final RetrievalSettings settings;

    public ConceptLookup(ConceptRetriever retriever, RetrievalSettings settings) {
        this.retriever = retriever;
        this.settings = settings;
    }

    public Lookup lookUp(String question, LearningModule currentModule, Optional<CurriculumEntry> previous) {
        if (previous.isPresent() && isFollowUp(question)) {
            CurriculumEntry before = previous.get();
            Optional<LearningModule> named = ModuleMentions.in(question);
            String withContext = question + "\n" + context(before, named.isPresent());
            LearningModule prior = named.orElse(before.module());
            Retrieval retrieval = retriever.retrieve(withContext, prior, settings);
            if (named.isPresent() && named.get() != before.module()) {
                retrieval = within(retrieval, named.get());
            }
            return new Lookup(retrieval, before);
        }
        return new Lookup(retriever.retrieve(question, currentModule, settings), null);
    }

    /**
     * What the previous entry adds to a follow-up: its title and keywords; when the follow-up names another module,
     * only the keywords that do not name the previous one, so that "and for dictionaries?" after an entry on lists
     * looks for the same idea without being pulled back to lists.
     */
    private static String context(CurriculumEntry previous, boolean anotherModuleNamed) {
        if (!anotherModuleNamed) {
            return previous.title() + ". " + String.join(", ", previous.keywords());
        }
        return previous.keywords().stream().filter(k -> ModuleMentions.in(k).isEmpty())
                .collect(Collectors.joining(", "));
    }

    static boolean isFollowUp(String question) {
        return FOLLOW_UP_OPENING.matcher(question).find()
                || REFERS_BACK.matcher(question).find() && KeywordIndex.words(question).size() <= SHORT_QUESTION_WORDS;
    }

    /** The entries of the named module first, in their order: the follow-up asks about that module. */
    private Retrieval within(Retrieval retrieval, LearningModule module) {
        List<ConceptMatch> first = retrieval.ranked().stream().filter(m -> m.entry().module() == module).toList();
        List<ConceptMatch> rest = retrieval.ranked().stream().filter(m -> m.entry().module() != module).toList();
        return new Retrieval(Stream.concat(first.stream(), rest.stream()).toList(),
                first.get(0).fit() >= settings.coveredAbove());
    }

    /**
     * @param previous the entry of the session's previous answer, when the question was read as its follow-up
     */
    public record Lookup(Retrieval retrieval, CurriculumEntry previous) {

        public boolean followUp() {
            return previous != null;
        }
    }
}
