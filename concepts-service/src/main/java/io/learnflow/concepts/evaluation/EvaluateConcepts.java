package io.learnflow.concepts.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.learnflow.concepts.ai.ConceptRetriever;
import io.learnflow.concepts.ai.Curriculum;
import io.learnflow.concepts.ai.CurriculumEntry;
import io.learnflow.concepts.ai.Retrieval;
import io.learnflow.concepts.ai.RetrievalSettings;
import io.learnflow.model.LearningModule;

/**
 * {@code ./learnflow eval-concepts FILE.jsonl [--cross-validate] [--misses]}: scores the offline concepts retrieval
 * on labelled questions, in-process. Prints one figure per line, its name then its number.
 */
public final class EvaluateConcepts {

    private EvaluateConcepts() {
    }

    public static void main(String[] args) {
        List<String> options = Arrays.asList(args);
        if (args.length == 0 || args[0].startsWith("--")) {
            System.err.println("usage: ./learnflow eval-concepts FILE.jsonl [--cross-validate] [--misses]");
            System.exit(2);
        }
        List<LabelledQuestion> questions = LabelledQuestion.read(Path.of(args[0]));
        long loading = System.nanoTime();
        try (ConceptRetriever retriever = new ConceptRetriever(Curriculum.shipped())) {
            System.err.printf(Locale.ROOT, "curriculum %s (%d entries) loaded in %d ms%n",
                    retriever.curriculum().version(), retriever.curriculum().entries().size(),
                    (System.nanoTime() - loading) / 1_000_000);
            warmUp(retriever);
            RetrievalSettings settings = RetrievalSettings.DEFAULT;
            List<LearningModule> decisions = new ArrayList<>();
            double[] millis = new double[questions.size()];
            for (int i = 0; i < questions.size(); i++) {
                long started = System.nanoTime();
                Retrieval retrieval = retriever.retrieve(questions.get(i).text(), null, settings);
                millis[i] = (System.nanoTime() - started) / 1e6;
                decisions.add(retrieval.covered() ? retrieval.best().entry().module() : null);
                if (options.contains("--misses")) {
                    printIfMissed(questions.get(i), retrieval);
                }
            }
            ConceptScore score = ConceptScore.of(questions, decisions);
            print("questions", questions.size());
            print("covered questions", score.covered());
            print("module accuracy", score.moduleAccuracy());
            print("not covered precision", score.notCoveredPrecision());
            print("not covered recall", score.notCoveredRecall());
            Arrays.sort(millis);
            System.out.printf(Locale.ROOT, "latency p50 ms: %.1f%n", percentile(millis, 0.50));
            System.out.printf(Locale.ROOT, "latency p99 ms: %.1f%n", percentile(millis, 0.99));
            if (options.contains("--cross-validate")) {
                List<double[][]> evidence = questions.stream().map(q -> retriever.evidence(q.text())).toList();
                List<CurriculumEntry> entries = retriever.curriculum().entries();
                ThresholdTuning tuning = new ThresholdTuning(questions, evidence, entries);
                ConceptScore crossValidated = tuning.leaveOneOut();
                print("cross-validated module accuracy", crossValidated.moduleAccuracy());
                print("cross-validated not covered precision", crossValidated.notCoveredPrecision());
                print("cross-validated not covered recall", crossValidated.notCoveredRecall());
                RetrievalSettings onAll = tuning.tune(List.of());
                System.out.printf(Locale.ROOT,
                        "settings tuned on every line: keyword weight %.2f, covered above %.3f%n",
                        onAll.keywordWeight(), onAll.coveredAbove());
            }
        }
    }

    /** The first questions compile the encoder's path: a running service has answered many before it is measured. */
    private static void warmUp(ConceptRetriever retriever) {
        for (CurriculumEntry entry : retriever.curriculum().entries()) {
            retriever.retrieve(entry.check(), null, RetrievalSettings.DEFAULT);
        }
    }

    private static void printIfMissed(LabelledQuestion question, Retrieval retrieval) {
        LearningModule decided = retrieval.covered() ? retrieval.best().entry().module() : null;
        if (decided != question.module()) {
            System.err.printf(Locale.ROOT, "miss: expected %s, chose %s (%s %.3f = %.3f + kw %.3f): %s%n",
                    question.module() == null ? "none" : question.module().json(),
                    decided == null ? "none" : decided.json(), retrieval.best().entry().id(),
                    retrieval.best().score(), retrieval.best().semantic(), retrieval.best().keyword(),
                    question.text().replace('\n', ' '));
        }
    }

    private static void print(String name, int value) {
        System.out.println(name + ": " + value);
    }

    private static void print(String name, double value) {
        System.out.printf(Locale.ROOT, "%s: %.3f%n", name, value);
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
