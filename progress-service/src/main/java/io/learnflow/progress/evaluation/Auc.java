package io.learnflow.progress.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The area under the ROC curve of scores for yes/no outcomes (Mann-Whitney, ties counted half). */
final class Auc {

    private final List<double[]> scored = new ArrayList<>();

    void add(double score, boolean outcome) {
        scored.add(new double[] { score, outcome ? 1 : 0 });
    }

    int size() {
        return scored.size();
    }

    /** NaN when all outcomes are alike. */
    double value() {
        List<double[]> sorted = new ArrayList<>(scored);
        sorted.sort(Comparator.comparingDouble(s -> s[0]));
        double positiveRanks = 0;
        long positives = 0;
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            while (j < sorted.size() && sorted.get(j)[0] == sorted.get(i)[0]) {
                j++;
            }
            double rank = (i + 1 + j) / 2.0;
            for (int k = i; k < j; k++) {
                if (sorted.get(k)[1] == 1) {
                    positiveRanks += rank;
                    positives++;
                }
            }
            i = j;
        }
        long negatives = sorted.size() - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (positiveRanks - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
