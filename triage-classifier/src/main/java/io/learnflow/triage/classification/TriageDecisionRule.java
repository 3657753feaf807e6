package io.learnflow.triage.classification;

import java.util.Locale;
import java.util.stream.Collectors;

import io.learnflow.model.QueryType;

/**
 * From the model's probabilities to a verdict, with the label rules no learned weight may overturn: a message that
 * asks the tutor to break its rules is {@code other} whatever else it says, and so is a message with no words, code or
 * error to read.
 */
public final class TriageDecisionRule {

    static final double RULE_CONFIDENCE = 0.95;

    private TriageDecisionRule() {
    }

    public static Classification decide(ReadMessage message, TriagePrediction prediction, String classifier) {
        if (MessageSignal.MISUSE.in(message)) {
            return new Classification(QueryType.OTHER, RULE_CONFIDENCE, prediction.best() == QueryType.OTHER
                    ? prediction.runnerUp() : prediction.best(), "rule: " + MessageSignal.MISUSE.description(),
                    classifier);
        }
        if (MessageSignal.NO_WORDS.in(message) && message.code().isBlank() && message.errorText().isBlank()
                && message.codeLines() == 0) {
            return new Classification(QueryType.OTHER, RULE_CONFIDENCE, prediction.runnerUp(),
                    "rule: " + MessageSignal.NO_WORDS.description(), classifier);
        }
        QueryType best = prediction.best();
        return new Classification(best, prediction.probabilityOf(best), prediction.runnerUp(), reason(prediction),
                classifier);
    }

    private static String reason(TriagePrediction prediction) {
        StringBuilder reason = new StringBuilder();
        if (!prediction.signals().isEmpty()) {
            reason.append("signals: ").append(prediction.signals().stream().map(MessageSignal::description)
                    .collect(Collectors.joining(", ")));
        } else {
            reason.append("its words");
        }
        if (!prediction.nearest().isEmpty()) {
            reason.append("; nearest examples: ").append(prediction.nearest().stream()
                    .map(n -> "\"" + Excerpt.of(n.text(), 60) + "\" ("
                            + n.label().name().toLowerCase(Locale.ROOT) + ")")
                    .collect(Collectors.joining(", ")));
        }
        return reason.toString();
    }
}
