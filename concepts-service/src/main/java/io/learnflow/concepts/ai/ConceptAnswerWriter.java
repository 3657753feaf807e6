package io.learnflow.concepts.ai;

import java.util.List;
import java.util.stream.Collectors;

/** Writes what the student reads: the entry used, named, with its parts and two follow-ups; or why there is none. */
final class ConceptAnswerWriter {

    private static final int FOLLOW_UPS = 2;
    private static final int NEAREST_TOPICS = 3;

    private ConceptAnswerWriter() {
    }

    static String explanation(ConceptLookup.Lookup lookup) {
        CurriculumEntry entry = lookup.retrieval().best().entry();
        StringBuilder text = new StringBuilder();
        text.append("**").append(entry.title()).append("** (curriculum entry `").append(entry.id()).append("`, ")
                .append(entry.module().json()).append(")\n\n");
        if (lookup.followUp() && !lookup.previous().id().equals(entry.id())) {
            text.append("Following on from *").append(lookup.previous().title()).append("*:\n\n");
        }
        text.append(entry.explanation()).append("\n\nExample:\n```python\n").append(entry.example())
                .append("\n```\n\nCommon misconception: ").append(entry.misconception())
                .append("\n\nCheck yourself: ").append(entry.check());
        List<ConceptMatch> followUps = lookup.retrieval().nearest(FOLLOW_UPS, false);
        if (!followUps.isEmpty()) {
            text.append("\n\nRelated: ").append(topics(followUps)).append(".");
        }
        return text.toString();
    }

    static String notCovered(Retrieval retrieval) {
        return "The LearnFlow curriculum has no entry that fits this question, so I won't guess an answer. "
                + "The nearest topics I can explain are: " + topics(retrieval.nearest(NEAREST_TOPICS, true))
                + ". Ask about one of them, or rephrase your question with the Python construct you mean.";
    }

    private static String topics(List<ConceptMatch> matches) {
        return matches.stream()
                .map(m -> "*" + m.entry().title() + "* (`" + m.entry().id() + "`, " + m.entry().module().json() + ")")
                .collect(Collectors.joining("; "));
    }
}
