package io.learnflow.concepts.evaluation;

import java.util.List;

import io.learnflow.model.LearningModule;

/**
 * The figures of eval-concepts for a list of decisions: a module (or null for "not covered") per question.
 */
public record ConceptScore(int questions, int covered, double moduleAccuracy, double notCoveredPrecision,
        double notCoveredRecall) {

    public static ConceptScore of(List<LabelledQuestion> questions, List<LearningModule> decisions) {
        int covered = 0;
        int right = 0;
        int saidNone = 0;
        int none = 0;
        int rightNone = 0;
        for (int i = 0; i < questions.size(); i++) {
            LabelledQuestion question = questions.get(i);
            LearningModule decided = decisions.get(i);
            if (decided == null) {
                saidNone++;
            }
            if (question.covered()) {
                covered++;
                if (question.module() == decided) {
                    right++;
                }
            } else {
                none++;
                if (decided == null) {
                    rightNone++;
                }
            }
        }
        return new ConceptScore(questions.size(), covered, ratio(right, covered), ratio(rightNone, saidNone),
                ratio(rightNone, none));
    }

    /** What the thresholds are tuned for: module accuracy on covered questions plus the recall of "not covered". */
    public double objective() {
        return moduleAccuracy + notCoveredRecall;
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
