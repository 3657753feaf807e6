package io.learnflow.triage.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.learnflow.triage.classification.FeatureVector;
import io.learnflow.triage.classification.Glossary;
import io.learnflow.triage.classification.ReadMessage;
import io.learnflow.triage.classification.SentenceEncoder;
import io.learnflow.triage.classification.TrainingExample;
import io.learnflow.triage.classification.TrainingSets;
import io.learnflow.triage.classification.TriageDecisionRule;
import io.learnflow.triage.classification.TriageFeatures;
import io.learnflow.triage.classification.TriageModel;
import io.learnflow.triage.classification.TriagePrediction;
import io.learnflow.triage.classification.WordPieceVectors;

/**
 * An estimate of the embedded model on messages it has never seen, in which no choice is made with the lines it is
 * measured on. Two ways:
 * <ul>
 * <li><b>nested cross-validation</b>: each outer fold of a dev set is classified by a model whose tuned choices (how
 * much a dev line weighs against a written one, the blend of the nearest examples' vote, the early-exit threshold)
 * were picked by an inner cross-validation over the other folds only. Folds are grouped: messages whose sentence
 * embeddings are near copies of each other stay in one fold, and a written example that is a near copy of a line
 * being measured is left out of that fold's training;</li>
 * <li><b>across sources</b>: a dev set is classified by a model that never saw any of its lines, trained on the other
 * dev set and the written examples, with its choices picked by cross-validation on the other dev set.</li>
 * </ul>
 * The features (the message signals and the words) are the shipped ones in both: they cannot be refitted per fold.
 */
public final class HonestEstimate {

    public static final int OUTER_FOLDS = 10;
    public static final int INNER_FOLDS = 3;
    /** Cosine similarity of two sentence embeddings from which the messages count as near copies. */
    public static final double NEAR_COPY = 0.95;

    static final List<Float> DEV_WEIGHTS = List.of(1f, 3f);
    static final List<Double> NEIGHBOUR_WEIGHTS = List.of(0.0, 0.3, 0.6);
    static final List<Double> EARLY_EXITS = List.of(0.6, 0.7, 0.8, 1.01);

    private static final long SEED = 20_221_110L;

    /** One setting of the tuned choices. An early exit above 1 means the full model reads every message. */
    public record Choice(float devWeight, double neighbourWeight, double earlyExit) {

        public String describe() {
            return String.format(Locale.ROOT, "dev weight %.0f, vote %.1f, early exit %s", devWeight, neighbourWeight,
                    earlyExit > 1 ? "never" : String.format(Locale.ROOT, "%.1f", earlyExit));
        }
    }

    /** A dev set's figures: the messages classified and the choices the inner folds made, with how often. */
    public record Result(TriageScore score, Map<Choice, Integer> choices, int nearCopiesLeftOut) {
    }

    private final Map<TrainingSets, List<TrainingExample>> examples = new EnumMap<>(TrainingSets.class);
    private final TriageModel.Settings settings;
    private final int threads;
    /** Each message's signals and words, read once: the models of every fold are trained and asked on them. */
    private final Map<ReadMessage, FeatureVector> signalsAndWords = new HashMap<>();

    public HonestEstimate(TriageModel.Settings settings, int threads) {
        this(embedded(settings), settings, threads);
    }

    /** Over training sets already read and embedded, for example with another sentence encoder. */
    public HonestEstimate(Map<TrainingSets, List<TrainingExample>> examples, TriageModel.Settings settings,
            int threads) {
        this.examples.putAll(examples);
        this.settings = settings;
        this.threads = threads;
        TriageFeatures features = new TriageFeatures(settings.hashBits(), settings.wordPieceScale());
        for (List<TrainingExample> set : examples.values()) {
            for (TrainingExample example : set) {
                signalsAndWords.computeIfAbsent(example.read(), features::signalsAndWords);
            }
        }
    }

    private static Map<TrainingSets, List<TrainingExample>> embedded(TriageModel.Settings settings) {
        Map<TrainingSets, List<TrainingExample>> examples = new EnumMap<>(TrainingSets.class);
        Glossary glossary = Glossary.shipped();
        try (SentenceEncoder encoder = new SentenceEncoder(settings.maxTokens());
                WordPieceVectors wordPieces = WordPieceVectors.shipped()) {
            for (TrainingSets set : TrainingSets.values()) {
                examples.put(set, set.examples(glossary, wordPieces, encoder));
            }
        }
        return examples;
    }

    /** Nested, grouped cross-validation of {@code target}: each of its messages classified once. */
    public Result nested(TrainingSets target) {
        List<TrainingExample> lines = examples.get(target);
        int[] fold = groupedFolds(lines, OUTER_FOLDS, SEED);
        List<Future<FoldResult>> results = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int k = 0; k < OUTER_FOLDS; k++) {
                int outer = k;
                results.add(pool.submit(() -> outerFold(target, lines, fold, outer)));
            }
            return collect(results);
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code target} classified by a model trained on the other sources only. */
    public Result acrossSources(TrainingSets target) {
        TrainingSets tuning = target == TrainingSets.CS1QA ? TrainingSets.HANDWRITTEN : TrainingSets.CS1QA;
        List<TrainingExample> tuningLines = examples.get(tuning);
        List<TrainingExample> written = examples.get(TrainingSets.WRITTEN);
        Choice choice = choose(tuningLines, written, groupedFolds(tuningLines, INNER_FOLDS, SEED));
        TriageModel model = train(tuningLines, written, choice.devWeight());
        TriageScore score = new TriageScore();
        classify(model, choice, examples.get(target), score);
        return new Result(score, Map.of(choice, 1), 0);
    }

    private FoldResult outerFold(TrainingSets target, List<TrainingExample> lines, int[] fold, int outer) {
        List<TrainingExample> test = new ArrayList<>();
        List<TrainingExample> devTraining = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            (fold[i] == outer ? test : devTraining).add(lines.get(i));
        }
        List<TrainingExample> others = new ArrayList<>();
        int leftOut = 0;
        for (TrainingSets set : TrainingSets.values()) {
            if (set == target) {
                continue;
            }
            for (TrainingExample example : examples.get(set)) {
                if (nearCopyOfAny(example, test)) {
                    leftOut++;
                } else {
                    others.add(example);
                }
            }
        }
        Choice choice = choose(devTraining, others, groupedFolds(devTraining, INNER_FOLDS, SEED + outer + 1));
        TriageModel model = train(devTraining, others, choice.devWeight());
        TriageScore score = new TriageScore();
        classify(model, choice, test, score);
        return new FoldResult(score, choice, leftOut);
    }

    /**
     * The choice with the best cross-validated accuracy on {@code devLines}, each inner fold classified by a model
     * trained on the other inner folds and {@code others}; ties go to the earlier choice of the grid.
     */
    private Choice choose(List<TrainingExample> devLines, List<TrainingExample> others, int[] fold) {
        Map<Choice, Integer> correct = new LinkedHashMap<>();
        for (float devWeight : DEV_WEIGHTS) {
            for (int k = 0; k < INNER_FOLDS; k++) {
                List<TrainingExample> training = new ArrayList<>();
                List<TrainingExample> test = new ArrayList<>();
                for (int i = 0; i < devLines.size(); i++) {
                    (fold[i] == k ? test : training).add(devLines.get(i));
                }
                TriageModel model = train(training, others, devWeight);
                for (double neighbourWeight : NEIGHBOUR_WEIGHTS) {
                    TriageModel blended = model.withNeighbourWeight(neighbourWeight);
                    for (double earlyExit : EARLY_EXITS) {
                        int right = 0;
                        for (TrainingExample example : test) {
                            if (verdict(blended, earlyExit, example) == example.label()) {
                                right++;
                            }
                        }
                        correct.merge(new Choice(devWeight, neighbourWeight, earlyExit), right, Integer::sum);
                    }
                }
            }
        }
        return correct.entrySet().stream().max(Comparator.comparingInt(Map.Entry<Choice, Integer>::getValue))
                .orElseThrow().getKey();
    }

    private TriageModel train(List<TrainingExample> devLines, List<TrainingExample> others, float devWeight) {
        List<TrainingExample> training = new ArrayList<>();
        for (TrainingExample example : devLines) {
            training.add(example.withWeight(devWeight));
        }
        for (TrainingExample example : others) {
            training.add(example.weight() > 1 ? example.withWeight(devWeight) : example);
        }
        return TriageModel.train(training, settings, "honest-estimate", signalsAndWords::get);
    }

    private void classify(TriageModel model, Choice choice, List<TrainingExample> lines, TriageScore score) {
        TriageModel blended = model.withNeighbourWeight(choice.neighbourWeight());
        for (TrainingExample example : lines) {
            TriagePrediction prediction = blended.predict(example.read(), signalsAndWords.get(example.read()),
                    example.wordPieces(), example::embedding, choice.earlyExit());
            score.add(example.text(), example.label(), TriageDecisionRule.decide(example.read(), prediction, "honest"),
                    0);
        }
    }

    private io.learnflow.model.QueryType verdict(TriageModel model, double earlyExit, TrainingExample example) {
        TriagePrediction prediction = model.predict(example.read(), signalsAndWords.get(example.read()),
                example.wordPieces(), example::embedding, earlyExit);
        return TriageDecisionRule.decide(example.read(), prediction, "honest").type();
    }

    private static Result collect(List<Future<FoldResult>> results) {
        TriageScore score = new TriageScore();
        Map<Choice, Integer> choices = new LinkedHashMap<>();
        int leftOut = 0;
        try {
            for (Future<FoldResult> result : results) {
                FoldResult fold = result.get();
                score.addAll(fold.score());
                choices.merge(fold.choice(), 1, Integer::sum);
                leftOut += fold.nearCopiesLeftOut();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        return new Result(score, choices, leftOut);
    }

    private static boolean nearCopyOfAny(TrainingExample example, List<TrainingExample> lines) {
        for (TrainingExample line : lines) {
            if (cosine(example.embedding(), line.embedding()) >= NEAR_COPY) {
                return true;
            }
        }
        return false;
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int d = 0; d < a.length; d++) {
            dot += a[d] * b[d];
        }
        return dot;
    }

    /**
     * Folds stratified by label in which near copies (and near copies of near copies) share a fold: each group is
     * placed whole, groups in a shuffled order sorted by label, dealt round the folds.
     */
    static int[] groupedFolds(List<TrainingExample> lines, int folds, long seed) {
        int[] group = new int[lines.size()];
        for (int i = 0; i < group.length; i++) {
            group[i] = i;
        }
        for (int i = 0; i < lines.size(); i++) {
            for (int j = i + 1; j < lines.size(); j++) {
                if (cosine(lines.get(i).embedding(), lines.get(j).embedding()) >= NEAR_COPY) {
                    union(group, i, j);
                }
            }
        }
        Map<Integer, List<Integer>> members = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            members.computeIfAbsent(find(group, i), root -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> groups = new ArrayList<>(members.values());
        Collections.shuffle(groups, new Random(seed));
        groups.sort(Comparator.comparing(g -> lines.get(g.get(0)).label()));
        int[] fold = new int[lines.size()];
        int next = 0;
        for (List<Integer> g : groups) {
            for (int i : g) {
                fold[i] = next % folds;
            }
            next++;
        }
        return fold;
    }

    private static int find(int[] group, int i) {
        while (group[i] != i) {
            group[i] = group[group[i]];
            i = group[i];
        }
        return i;
    }

    private static void union(int[] group, int i, int j) {
        group[find(group, i)] = find(group, j);
    }

    private record FoldResult(TriageScore score, Choice choice, int nearCopiesLeftOut) {
    }
}
