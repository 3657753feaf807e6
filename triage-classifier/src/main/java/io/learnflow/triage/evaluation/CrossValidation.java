package io.learnflow.triage.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.learnflow.triage.classification.Glossary;
import io.learnflow.triage.classification.SentenceEncoder;
import io.learnflow.triage.classification.TrainingExample;
import io.learnflow.triage.classification.TrainingSets;
import io.learnflow.triage.classification.TriageDecisionRule;
import io.learnflow.triage.classification.TriageModel;
import io.learnflow.triage.classification.TriagePrediction;
import io.learnflow.triage.classification.WordPieceVectors;

/**
 * Stratified k-fold cross-validation of the embedded model on each dev set: each fold of a set is classified by a
 * model trained on the set's other folds and on all the other training sets, as the shipped model is. With a hundred
 * or so messages a set, how the folds are drawn moves the accuracy by a point or two, so the folds can be drawn
 * again with the next fold seed and the repetitions pooled.
 */
public final class CrossValidation {

    public static final int FOLDS = 10;
    public static final int REPETITIONS = 4;
    private static final long FIRST_SEED = 20_221_110L;

    private final Map<TrainingSets, List<TrainingExample>> examples = new EnumMap<>(TrainingSets.class);
    private final TriageModel.Settings settings;

    public CrossValidation(TriageModel.Settings settings) {
        this.settings = settings;
        Glossary glossary = Glossary.shipped();
        try (SentenceEncoder encoder = new SentenceEncoder(settings.maxTokens());
                WordPieceVectors wordPieces = WordPieceVectors.shipped()) {
            for (TrainingSets set : TrainingSets.values()) {
                examples.put(set, set.examples(glossary, wordPieces, encoder));
            }
        }
    }

    /** One repetition: each message of {@code target} classified once, its folds drawn with seed {@code seed(repetition)}. */
    public TriageScore score(TrainingSets target, double earlyExit, int repetition) {
        List<TrainingExample> targetExamples = examples.get(target);
        int[] fold = stratifiedFolds(targetExamples, seed(repetition));
        TriageScore score = new TriageScore();
        for (int k = 0; k < FOLDS; k++) {
            List<TrainingExample> training = new ArrayList<>();
            for (int i = 0; i < targetExamples.size(); i++) {
                if (fold[i] != k) {
                    training.add(targetExamples.get(i));
                }
            }
            examples.forEach((set, list) -> {
                if (set != target) {
                    training.addAll(list);
                }
            });
            TriageModel model = TriageModel.train(training, settings, "cross-validation");
            for (int i = 0; i < targetExamples.size(); i++) {
                if (fold[i] == k) {
                    TrainingExample example = targetExamples.get(i);
                    TriagePrediction prediction = model.predict(example.read(), example.wordPieces(), example::embedding,
                            earlyExit);
                    score.add(example.text(), example.label(), TriageDecisionRule.decide(example.read(), prediction, "cv"), 0);
                }
            }
        }
        return score;
    }

    public static long seed(int repetition) {
        return FIRST_SEED + repetition;
    }

    private static int[] stratifiedFolds(List<TrainingExample> examples, long seed) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        order.sort(Comparator.comparing(i -> examples.get(i).label()));
        int[] fold = new int[examples.size()];
        for (int position = 0; position < order.size(); position++) {
            fold[order.get(position)] = position % FOLDS;
        }
        return fold;
    }
}
