package io.learnflow.triage.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Training runs over the features that occur only, a feature's classes side by side: the weights must be exactly those
 * of full-batch Adam written out plainly over every feature, class by class.
 */
class SoftmaxRegressionTest {

    static final SoftmaxRegression.Settings SETTINGS = new SoftmaxRegression.Settings(0.001, 40, 0.05);
    static final int DIMENSIONS = 300;

    @ParameterizedTest
    @ValueSource(ints = { 4, 3 })
    void weightsAreExactlyThoseOfPlainAdamOverEveryFeature(int classes) {
        Random random = new Random(classes);
        List<FeatureVector> examples = new ArrayList<>();
        int n = 60;
        int[] labels = new int[n];
        double[] weights = new double[n];
        for (int e = 0; e < n; e++) {
            labels[e] = e % classes;
            weights[e] = 1 + e % 3;
            examples.add(sparse(random, labels[e]));
        }

        SoftmaxRegression trained = SoftmaxRegression.train(examples, labels, weights, classes, DIMENSIONS, SETTINGS);
        double[][] expected = plainAdam(examples, labels, weights, classes);

        assertThat(trained.weights()).isDeepEqualTo(expected);
        int unused = 0;
        for (int d = 0; d < DIMENSIONS; d++) {
            boolean occurs = false;
            for (FeatureVector x : examples) {
                for (int index : x.indices()) {
                    occurs |= index == d;
                }
            }
            if (!occurs) {
                unused++;
                for (int k = 0; k < classes; k++) {
                    assertThat(trained.weights()[k][d]).isZero();
                }
            }
        }
        assertThat(unused).as("features no example has").isPositive();
    }

    @Test
    void learnsSeparableClasses() {
        Random random = new Random(7);
        List<FeatureVector> examples = new ArrayList<>();
        int[] labels = new int[80];
        double[] weights = new double[80];
        for (int e = 0; e < labels.length; e++) {
            labels[e] = e % 4;
            weights[e] = 1;
            examples.add(sparse(random, labels[e]));
        }

        SoftmaxRegression trained = SoftmaxRegression.train(examples, labels, weights, 4, DIMENSIONS,
                new SoftmaxRegression.Settings(0.001, 200, 0.05));

        for (int e = 0; e < labels.length; e++) {
            double[] p = trained.probabilities(examples.get(e));
            int best = 0;
            for (int k = 1; k < p.length; k++) {
                best = p[k] > p[best] ? k : best;
            }
            assertThat(best).as("example %d", e).isEqualTo(labels[e]);
        }
    }

    /** A few random features from the first 200, and one that names the label (features 250 and up stay unused). */
    private static FeatureVector sparse(Random random, int label) {
        TreeMap<Integer, Float> features = new TreeMap<>();
        for (int i = 0; i < 6; i++) {
            features.put(random.nextInt(200), random.nextFloat());
        }
        features.put(200 + label * 10, 1f);
        int[] indices = features.keySet().stream().mapToInt(Integer::intValue).toArray();
        float[] values = new float[indices.length];
        int i = 0;
        for (float value : features.values()) {
            values[i++] = value;
        }
        return new FeatureVector(indices, values);
    }

    private static double[][] plainAdam(List<FeatureVector> examples, int[] labels, double[] weights, int classes) {
        double[] counts = new double[classes];
        double all = 0;
        for (int e = 0; e < labels.length; e++) {
            counts[labels[e]] += weights[e];
            all += weights[e];
        }
        double[] classWeight = new double[classes];
        for (int k = 0; k < classes; k++) {
            classWeight[k] = all / (classes * counts[k]);
        }
        double total = 0;
        for (int e = 0; e < labels.length; e++) {
            total += classWeight[labels[e]] * weights[e];
        }
        double[][] w = new double[classes][DIMENSIONS];
        double[][] m = new double[classes][DIMENSIONS];
        double[][] v = new double[classes][DIMENSIONS];
        double[] b = new double[classes];
        double[] mb = new double[classes];
        double[] vb = new double[classes];
        for (int epoch = 1; epoch <= SETTINGS.epochs(); epoch++) {
            double[][] gw = new double[classes][DIMENSIONS];
            double[] gb = new double[classes];
            for (int e = 0; e < examples.size(); e++) {
                FeatureVector x = examples.get(e);
                double[] p = new double[classes];
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < classes; k++) {
                    p[k] = b[k] + x.dot(w[k]);
                    max = Math.max(max, p[k]);
                }
                double sum = 0;
                for (int k = 0; k < classes; k++) {
                    p[k] = Math.exp(p[k] - max);
                    sum += p[k];
                }
                double weight = classWeight[labels[e]] * weights[e] / total;
                for (int k = 0; k < classes; k++) {
                    double error = (p[k] / sum - (labels[e] == k ? 1 : 0)) * weight;
                    gb[k] += error;
                    for (int i = 0; i < x.indices().length; i++) {
                        gw[k][x.indices()[i]] += error * x.values()[i];
                    }
                }
            }
            double c1 = 1 - Math.pow(0.9, epoch);
            double c2 = 1 - Math.pow(0.999, epoch);
            for (int k = 0; k < classes; k++) {
                for (int d = 0; d < DIMENSIONS; d++) {
                    double g = gw[k][d] + SETTINGS.l2() * w[k][d];
                    m[k][d] = 0.9 * m[k][d] + (1 - 0.9) * g;
                    v[k][d] = 0.999 * v[k][d] + (1 - 0.999) * g * g;
                    w[k][d] -= SETTINGS.learningRate() * (m[k][d] / c1) / (Math.sqrt(v[k][d] / c2) + 1e-8);
                }
                mb[k] = 0.9 * mb[k] + (1 - 0.9) * gb[k];
                vb[k] = 0.999 * vb[k] + (1 - 0.999) * gb[k] * gb[k];
                b[k] -= SETTINGS.learningRate() * (mb[k] / c1) / (Math.sqrt(vb[k] / c2) + 1e-8);
            }
        }
        return w;
    }
}
