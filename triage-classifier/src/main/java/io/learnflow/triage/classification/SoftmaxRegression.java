package io.learnflow.triage.classification;

import java.util.Arrays;
import java.util.List;

/**
 * Multinomial logistic regression over sparse features, trained by full-batch Adam with L2 regularisation and class
 * weights that balance the labels. Training starts from zero weights and visits examples in a fixed order, so the
 * same examples give the same model.
 */
public final class SoftmaxRegression {

    private final double[][] weights;
    private final double[] bias;

    public SoftmaxRegression(double[][] weights, double[] bias) {
        this.weights = weights;
        this.bias = bias;
    }

    public record Settings(double l2, int epochs, double learningRate) {
    }

    /**
     * @param weights how much each example counts (an example of weight 2 counts as two copies of it); the classes
     *                are then balanced, so that each class weighs the same in total
     */
    public static SoftmaxRegression train(List<FeatureVector> examples, int[] labels, double[] weights, int classes,
            int dimensions, Settings settings) {
        int n = examples.size();
        double[] classWeight = balancedWeights(labels, weights, classes);
        // A feature no example has keeps a zero weight through every step (zero gradient, zero moments), so training
        // runs over the features that occur only, with the classes' weights of a feature side by side.
        int[] compact = new int[dimensions];
        Arrays.fill(compact, -1);
        int used = 0;
        for (FeatureVector x : examples) {
            for (int index : x.indices()) {
                if (compact[index] < 0) {
                    compact[index] = used++;
                }
            }
        }
        int[][] at = new int[n][];
        for (int e = 0; e < n; e++) {
            int[] indices = examples.get(e).indices();
            at[e] = new int[indices.length];
            for (int i = 0; i < indices.length; i++) {
                at[e][i] = compact[indices[i]] * classes;
            }
        }
        int size = used * classes;
        double[] w = new double[size];
        double[] m = new double[size];
        double[] v = new double[size];
        double[] gw = new double[size];
        double[] b = new double[classes];
        double[] mb = new double[classes];
        double[] vb = new double[classes];
        double[] gb = new double[classes];
        double[] p = new double[classes];
        double[] error = new double[classes];
        double beta1 = 0.9;
        double beta2 = 0.999;
        double totalWeight = 0;
        for (int e = 0; e < n; e++) {
            totalWeight += classWeight[labels[e]] * weights[e];
        }
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            Arrays.fill(gw, 0);
            Arrays.fill(gb, 0);
            for (int e = 0; e < n; e++) {
                int[] x = at[e];
                float[] values = examples.get(e).values();
                probabilities(w, b, x, values, p);
                double weight = classWeight[labels[e]] * weights[e] / totalWeight;
                for (int k = 0; k < classes; k++) {
                    error[k] = (p[k] - (labels[e] == k ? 1 : 0)) * weight;
                    gb[k] += error[k];
                }
                accumulate(gw, x, values, error);
            }
            double correction1 = 1 - Math.pow(beta1, epoch);
            double correction2 = 1 - Math.pow(beta2, epoch);
            for (int j = 0; j < size; j++) {
                double g = gw[j] + settings.l2() * w[j];
                m[j] = beta1 * m[j] + (1 - beta1) * g;
                v[j] = beta2 * v[j] + (1 - beta2) * g * g;
                w[j] -= settings.learningRate() * (m[j] / correction1) / (Math.sqrt(v[j] / correction2) + 1e-8);
            }
            for (int k = 0; k < classes; k++) {
                mb[k] = beta1 * mb[k] + (1 - beta1) * gb[k];
                vb[k] = beta2 * vb[k] + (1 - beta2) * gb[k] * gb[k];
                b[k] -= settings.learningRate() * (mb[k] / correction1) / (Math.sqrt(vb[k] / correction2) + 1e-8);
            }
        }
        double[][] full = new double[classes][dimensions];
        for (int d = 0; d < dimensions; d++) {
            if (compact[d] >= 0) {
                for (int k = 0; k < classes; k++) {
                    full[k][d] = w[compact[d] * classes + k];
                }
            }
        }
        return new SoftmaxRegression(full, b);
    }

    /** Adds each feature's value times each class's error to the gradient {@code gw} (compact layout). */
    private static void accumulate(double[] gw, int[] x, float[] values, double[] error) {
        if (error.length == 4) {
            double e0 = error[0];
            double e1 = error[1];
            double e2 = error[2];
            double e3 = error[3];
            for (int i = 0; i < x.length; i++) {
                double value = values[i];
                int j = x[i];
                gw[j] += e0 * value;
                gw[j + 1] += e1 * value;
                gw[j + 2] += e2 * value;
                gw[j + 3] += e3 * value;
            }
        } else {
            for (int i = 0; i < x.length; i++) {
                for (int k = 0, j = x[i]; k < error.length; k++, j++) {
                    gw[j] += error[k] * values[i];
                }
            }
        }
    }

    /** Softmax of the scores of compact weights {@code w} (a feature's classes side by side) into {@code p}. */
    private static void probabilities(double[] w, double[] b, int[] x, float[] values, double[] p) {
        int classes = b.length;
        if (classes == 4) {
            // Four running sums at once: each still adds its terms in feature order, as a sum per class would.
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int i = 0; i < x.length; i++) {
                double value = values[i];
                int j = x[i];
                s0 += w[j] * value;
                s1 += w[j + 1] * value;
                s2 += w[j + 2] * value;
                s3 += w[j + 3] * value;
            }
            p[0] = s0;
            p[1] = s1;
            p[2] = s2;
            p[3] = s3;
        } else {
            for (int k = 0; k < classes; k++) {
                double sum = 0;
                for (int i = 0; i < x.length; i++) {
                    sum += w[x[i] + k] * values[i];
                }
                p[k] = sum;
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < classes; k++) {
            p[k] = b[k] + p[k];
            max = Math.max(max, p[k]);
        }
        double sum = 0;
        for (int k = 0; k < classes; k++) {
            p[k] = Math.exp(p[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < classes; k++) {
            p[k] /= sum;
        }
    }

    public double[] probabilities(FeatureVector x) {
        int classes = bias.length;
        double[] scores = new double[classes];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < classes; k++) {
            scores[k] = bias[k] + x.dot(weights[k]);
            max = Math.max(max, scores[k]);
        }
        double sum = 0;
        for (int k = 0; k < classes; k++) {
            scores[k] = Math.exp(scores[k] - max);
            sum += scores[k];
        }
        for (int k = 0; k < classes; k++) {
            scores[k] /= sum;
        }
        return scores;
    }

    /** What feature {@code index} adds to the score of class {@code k} at value {@code value}. */
    public double contribution(int k, int index, double value) {
        return weights[k][index] * value;
    }

    double[][] weights() {
        return weights;
    }

    double[] bias() {
        return bias;
    }

    private static double[] balancedWeights(int[] labels, double[] weights, int classes) {
        double[] counts = new double[classes];
        double total = 0;
        for (int e = 0; e < labels.length; e++) {
            counts[labels[e]] += weights[e];
            total += weights[e];
        }
        double[] balanced = new double[classes];
        for (int k = 0; k < classes; k++) {
            balanced[k] = counts[k] == 0 ? 0 : total / (classes * counts[k]);
        }
        return balanced;
    }
}
