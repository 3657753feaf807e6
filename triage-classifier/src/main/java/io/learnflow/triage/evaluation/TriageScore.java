package io.learnflow.triage.evaluation;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Predicate;

import io.learnflow.model.QueryType;
import io.learnflow.triage.classification.Classification;

/**
 * How well a classifier did on labelled messages: accuracy, macro-F1, precision, recall and F1 per label, the
 * confusion matrix, what a clarifying-question threshold would do, and the time per message.
 */
public final class TriageScore {

    private static final QueryType[] LABELS = QueryType.values();

    private final List<String> texts = new ArrayList<>();
    private final List<QueryType> expected = new ArrayList<>();
    private final List<Classification> verdicts = new ArrayList<>();
    private final List<Long> nanos = new ArrayList<>();

    public void add(String text, QueryType label, Classification verdict, long elapsedNanos) {
        texts.add(text);
        expected.add(label);
        verdicts.add(verdict);
        nanos.add(elapsedNanos);
    }

    public void addAll(TriageScore other) {
        texts.addAll(other.texts);
        expected.addAll(other.expected);
        verdicts.addAll(other.verdicts);
        nanos.addAll(other.nanos);
    }

    public long count(Predicate<Classification> matching) {
        return verdicts.stream().filter(matching).count();
    }

    public int size() {
        return expected.size();
    }

    public double accuracy() {
        return correctAmong(0.0) / (double) Math.max(1, size());
    }

    public int[][] confusion() {
        int[][] matrix = new int[LABELS.length][LABELS.length];
        for (int i = 0; i < size(); i++) {
            matrix[expected.get(i).ordinal()][verdicts.get(i).type().ordinal()]++;
        }
        return matrix;
    }

    public double precision(QueryType label) {
        int[][] m = confusion();
        int predicted = 0;
        for (QueryType actual : LABELS) {
            predicted += m[actual.ordinal()][label.ordinal()];
        }
        return predicted == 0 ? 0 : m[label.ordinal()][label.ordinal()] / (double) predicted;
    }

    public double recall(QueryType label) {
        int[][] m = confusion();
        int actual = Arrays.stream(m[label.ordinal()]).sum();
        return actual == 0 ? 0 : m[label.ordinal()][label.ordinal()] / (double) actual;
    }

    public double f1(QueryType label) {
        double p = precision(label);
        double r = recall(label);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** The mean F1 over the labels present in the expected labels. */
    public double macroF1() {
        return Arrays.stream(LABELS).filter(expected::contains).mapToDouble(this::f1).average().orElse(0);
    }

    /**
     * The accuracy when the specialist a message was routed to may hand it back once: {@code secondRoute} gives, for a
     * message's text and its first route, where it ends up (the first route itself when it is not handed back).
     */
    public double accuracyAfter(BiFunction<String, QueryType, QueryType> secondRoute) {
        int correct = 0;
        for (int i = 0; i < size(); i++) {
            if (secondRoute.apply(texts.get(i), verdicts.get(i).type()) == expected.get(i)) {
                correct++;
            }
        }
        return correct / (double) Math.max(1, size());
    }

    /** How many messages {@code secondRoute} sends elsewhere than their first route. */
    public long handedBack(BiFunction<String, QueryType, QueryType> secondRoute) {
        long moved = 0;
        for (int i = 0; i < size(); i++) {
            if (secondRoute.apply(texts.get(i), verdicts.get(i).type()) != verdicts.get(i).type()) {
                moved++;
            }
        }
        return moved;
    }

    /** The share of messages whose confidence is below {@code threshold}: they would get a clarifying question. */
    public double clarifiedShare(double threshold) {
        return verdicts.stream().filter(v -> v.confidence() < threshold).count() / (double) Math.max(1, size());
    }

    /** The accuracy on the messages at or above {@code threshold}. */
    public double accuracyAbove(double threshold) {
        long routed = verdicts.stream().filter(v -> v.confidence() >= threshold).count();
        return routed == 0 ? 0 : correctAmong(threshold) / (double) routed;
    }

    private int correctAmong(double threshold) {
        int correct = 0;
        for (int i = 0; i < size(); i++) {
            if (verdicts.get(i).confidence() >= threshold && verdicts.get(i).type() == expected.get(i)) {
                correct++;
            }
        }
        return correct;
    }

    /** The {@code quantile} (0 to 1) of the time per message, in milliseconds. */
    public double latencyMillis(double quantile) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    public void print(PrintStream out, double clarifyBelow, boolean withLatency) {
        out.printf(Locale.ROOT, "messages: %d%n", size());
        out.printf(Locale.ROOT, "accuracy: %.3f%n", accuracy());
        out.printf(Locale.ROOT, "macro-F1: %.3f%n", macroF1());
        out.printf(Locale.ROOT, "%-10s %9s %9s %9s %7s%n", "label", "precision", "recall", "F1", "count");
        int[][] m = confusion();
        for (QueryType label : LABELS) {
            out.printf(Locale.ROOT, "%-10s %9.3f %9.3f %9.3f %7d%n", label.json(), precision(label), recall(label),
                    f1(label), Arrays.stream(m[label.ordinal()]).sum());
        }
        out.println("confusion matrix (rows: expected, columns: predicted):");
        out.printf(Locale.ROOT, "%-10s", "");
        for (QueryType label : LABELS) {
            out.printf(Locale.ROOT, " %9s", label.json());
        }
        out.println();
        for (QueryType label : LABELS) {
            out.printf(Locale.ROOT, "%-10s", label.json());
            for (QueryType predicted : LABELS) {
                out.printf(Locale.ROOT, " %9d", m[label.ordinal()][predicted.ordinal()]);
            }
            out.println();
        }
        out.printf(Locale.ROOT, "below confidence %.2f a clarifying question is asked: %.1f%% of messages; accuracy on "
                + "the rest: %.3f%n", clarifyBelow, 100 * clarifiedShare(clarifyBelow), accuracyAbove(clarifyBelow));
        if (withLatency) {
            out.printf(Locale.ROOT, "latency per message (ms, model loading excluded): p50 %.2f  p99 %.2f  max %.2f%n",
                    latencyMillis(0.5), latencyMillis(0.99), latencyMillis(1.0));
        }
    }
}
