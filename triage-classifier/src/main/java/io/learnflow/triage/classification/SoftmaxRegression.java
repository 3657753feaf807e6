package io.learnflow.triage.classification;

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
        double[][] w = new double[classes][dimensions];
        double[] b = new double[classes];
        double[][] m = new double[classes][dimensions];
        double[][] v = new double[classes][dimensions];
        double[] mb = new double[classes];
        double[] vb = new double[classes];
        double beta1 = 0.9;
        double beta2 = 0.999;
        SoftmaxRegression model = new SoftmaxRegression(w, b);
        double totalWeight = 0;
        for (int e = 0; e < n; e++) {
            totalWeight += classWeight[labels[e]] * weights[e];
        }
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            double[][] gw = new double[classes][dimensions];
            double[] gb = new double[classes];
            for (int e = 0; e < n; e++) {
                FeatureVector x = examples.get(e);
                double[] p = model.probabilities(x);
                double weight = classWeight[labels[e]] * weights[e] / totalWeight;
                for (int k = 0; k < classes; k++) {
                    double error = (p[k] - (labels[e] == k ? 1 : 0)) * weight;
                    gb[k] += error;
                    double[] gk = gw[k];
                    for (int i = 0; i < x.indices().length; i++) {
                        gk[x.indices()[i]] += error * x.values()[i];
                    }
                }
            }
            double correction1 = 1 - Math.pow(beta1, epoch);
            double correction2 = 1 - Math.pow(beta2, epoch);
            for (int k = 0; k < classes; k++) {
                for (int d = 0; d < dimensions; d++) {
                    double g = gw[k][d] + settings.l2() * w[k][d];
                    m[k][d] = beta1 * m[k][d] + (1 - beta1) * g;
                    v[k][d] = beta2 * v[k][d] + (1 - beta2) * g * g;
                    w[k][d] -= settings.learningRate() * (m[k][d] / correction1) / (Math.sqrt(v[k][d] / correction2) + 1e-8);
                }
                mb[k] = beta1 * mb[k] + (1 - beta1) * gb[k];
                vb[k] = beta2 * vb[k] + (1 - beta2) * gb[k] * gb[k];
                b[k] -= settings.learningRate() * (mb[k] / correction1) / (Math.sqrt(vb[k] / correction2) + 1e-8);
            }
        }
        return model;
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
