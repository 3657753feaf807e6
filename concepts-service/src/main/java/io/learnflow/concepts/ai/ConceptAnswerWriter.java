package io.learnflow.concepts.ai;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.learnflow.sandbox.ProgramResult;
import io.learnflow.sandbox.RunStatus;

/** Writes what the student reads: the entry used, named, with its parts and two follow-ups; or why there is none. */
final class ConceptAnswerWriter {

    private static final int FOLLOW_UPS = 2;
    private static final int NEAREST_TOPICS = 3;
    private static final int SHOWN_OUTPUT_CHARACTERS = 2_000;

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

    /** What running the student's snippet showed, to put before the explanation. */
    static String output(ProgramResult run) {
        if (run.status() == RunStatus.BUSY || run.status() == RunStatus.SANDBOX_ERROR) {
            return "I could not run your code just now, so here is the explanation alone.";
        }
        StringBuilder text = new StringBuilder();
        String printed = run.stdout();
        if (printed.isEmpty()) {
            text.append("Running your code in the sandbox printed nothing.");
        } else {
            boolean cut = run.stdoutTruncated() || printed.length() > SHOWN_OUTPUT_CHARACTERS;
            text.append("Running your code in the sandbox printed:\n```text\n")
                    .append(printed.length() > SHOWN_OUTPUT_CHARACTERS ? printed.substring(0, SHOWN_OUTPUT_CHARACTERS)
                            : printed.stripTrailing())
                    .append(cut ? "\n..." : "").append("\n```");
        }
        if (run.limit() != null) {
            text.append("\nIt was stopped by the sandbox's ")
                    .append(run.limit().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                    .append(" limit: does it ever end?");
        } else if (run.error() != null) {
            text.append("\nIt stopped with `").append(run.error().type())
                    .append(run.error().message() == null || run.error().message().isBlank() ? ""
                            : ": " + run.error().message())
                    .append("`").append(run.error().line() != null ? " on line " + run.error().line() : "")
                    .append(".");
        }
        return text.toString();
    }

    private static String topics(List<ConceptMatch> matches) {
        return matches.stream()
                .map(m -> "*" + m.entry().title() + "* (`" + m.entry().id() + "`, " + m.entry().module().json() + ")")
                .collect(Collectors.joining("; "));
    }
}
