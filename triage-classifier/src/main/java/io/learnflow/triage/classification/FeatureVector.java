package io.learnflow.triage.classification;

/** A sparse vector of features: indices in increasing order and their values. */
public record FeatureVector(int[] indices, float[] values) {

    public double dot(double[] weights) {
        double sum = 0;
        for (int i = 0; i < indices.length; i++) {
            sum += weights[indices[i]] * values[i];
        }
        return sum;
    }
}
