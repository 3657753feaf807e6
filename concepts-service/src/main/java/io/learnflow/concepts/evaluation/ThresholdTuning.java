package io.learnflow.concepts.evaluation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.learnflow.concepts.ai.ConceptRetriever;
import io.learnflow.concepts.ai.CurriculumEntry;
import io.learnflow.concepts.ai.RetrievalSettings;
import io.learnflow.model.LearningModule;

/**
 * Chooses the keyword weight and the "covered" threshold on labelled questions, and measures the choice by
 * leave-one-out: each question is decided with the settings tuned on all the others.
 */
final class ThresholdTuning {

    private static final double[] KEYWORD_WEIGHTS = { 0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.7 };
    private static final double LOWEST = 0.30;
    private static final double HIGHEST = 0.90;
    private static final double STEP = 0.005;

    private final List<LabelledQuestion> questions;
    private final List<double[][]> evidence;
    private final List<CurriculumEntry> entries;

    ThresholdTuning(List<LabelledQuestion> questions, List<double[][]> evidence, List<CurriculumEntry> entries) {
        this.questions = questions;
        this.evidence = evidence;
        this.entries = entries;
    }

    ConceptScore leaveOneOut() {
        List<LearningModule> decisions = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            RetrievalSettings settings = tune(Set.of(i));
            decisions.add(decide(i, settings));
        }
        return ConceptScore.of(questions, decisions);
    }

    /**
     * The settings with the best objective on every question but the left-out ones; among equally good thresholds
     * of a keyword weight, the middle one.
     */
    RetrievalSettings tune(Collection<Integer> leftOut) {
        Set<Integer> out = new HashSet<>(leftOut);
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            if (!out.contains(i)) {
                kept.add(i);
            }
        }
        RetrievalSettings best = null;
        double bestObjective = -1;
        for (double weight : KEYWORD_WEIGHTS) {
            List<Double> tied = new ArrayList<>();
            double weightBest = -1;
            for (double threshold = LOWEST; threshold <= HIGHEST; threshold += STEP) {
                RetrievalSettings settings = RetrievalSettings.DEFAULT.withKeywordWeight(weight)
                        .withCoveredAbove(threshold);
                List<LabelledQuestion> keptQuestions = kept.stream().map(questions::get).toList();
                List<LearningModule> decisions = kept.stream().map(i -> decide(i, settings)).toList();
                double objective = ConceptScore.of(keptQuestions, decisions).objective();
                if (objective > weightBest + 1e-9) {
                    weightBest = objective;
                    tied.clear();
                }
                if (Math.abs(objective - weightBest) <= 1e-9) {
                    tied.add(threshold);
                }
            }
            if (weightBest > bestObjective + 1e-9) {
                bestObjective = weightBest;
                best = RetrievalSettings.DEFAULT.withKeywordWeight(weight).withCoveredAbove(tied.get(tied.size() / 2));
            }
        }
        return best;
    }

    private LearningModule decide(int question, RetrievalSettings settings) {
        double[][] scores = evidence.get(question);
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int e = 0; e < scores.length; e++) {
            double score = ConceptRetriever.score(scores[e], false, settings);
            if (score > bestScore) {
                bestScore = score;
                best = e;
            }
        }
        return bestScore >= settings.coveredAbove() ? entries.get(best).module() : null;
    }
}
