package io.learnflow.progress.tracing;

import java.util.List;

/**
 * Fits a module's BKT parameters to students' sequences of attempts by expectation maximisation (Baum-Welch on the
 * two-state hidden Markov model: not known, known; no forgetting). Guess and slip are kept at or below 0.5 so that
 * "known" stays the state in which students succeed more.
 */
public final class BktFit {

    static final double MAX_GUESS_OR_SLIP = 0.5;
    private static final double FLOOR = 1e-4;

    private BktFit() {
    }

    /** The outcome of a fit: the parameters, the EM iterations it took and the log-likelihood of the data. */
    public record Result(BktParameters parameters, int iterations, double logLikelihood, int sequences,
            int attempts) {
    }

    /** Fits from {@code start} until the log-likelihood improves by less than {@code tolerance} or after 500 rounds. */
    public static Result fit(List<boolean[]> sequences, BktParameters start, double tolerance) {
        List<boolean[]> used = sequences.stream().filter(s -> s.length > 0).toList();
        int attempts = used.stream().mapToInt(s -> s.length).sum();
        if (used.isEmpty()) {
            return new Result(start, 0, 0, 0, 0);
        }
        BktParameters current = start;
        double previous = Double.NEGATIVE_INFINITY;
        int iteration = 0;
        while (iteration < 500) {
            iteration++;
            Expectation e = new Expectation();
            for (boolean[] sequence : used) {
                e.add(sequence, current);
            }
            current = e.maximise(used.size());
            if (e.logLikelihood - previous < tolerance) {
                previous = e.logLikelihood;
                break;
            }
            previous = e.logLikelihood;
        }
        return new Result(current, iteration, previous, used.size(), attempts);
    }

    /** Expected counts over all sequences under the current parameters. */
    private static final class Expectation {
        double knownFirst;
        double learned;
        double unknownBeforeLast;
        double unknownSuccesses;
        double unknown;
        double knownFailures;
        double known;
        double logLikelihood;

        void add(boolean[] o, BktParameters p) {
            int n = o.length;
            double[] a0 = new double[n];
            double[] a1 = new double[n];
            double[] scale = new double[n];
            a0[0] = (1 - p.prior()) * emitUnknown(p, o[0]);
            a1[0] = p.prior() * emitKnown(p, o[0]);
            scale[0] = a0[0] + a1[0];
            a0[0] /= scale[0];
            a1[0] /= scale[0];
            for (int t = 1; t < n; t++) {
                a0[t] = a0[t - 1] * (1 - p.learn()) * emitUnknown(p, o[t]);
                a1[t] = (a0[t - 1] * p.learn() + a1[t - 1]) * emitKnown(p, o[t]);
                scale[t] = a0[t] + a1[t];
                a0[t] /= scale[t];
                a1[t] /= scale[t];
            }
            double[] b0 = new double[n];
            double[] b1 = new double[n];
            b0[n - 1] = 1;
            b1[n - 1] = 1;
            for (int t = n - 2; t >= 0; t--) {
                double next0 = emitUnknown(p, o[t + 1]) * b0[t + 1];
                double next1 = emitKnown(p, o[t + 1]) * b1[t + 1];
                b0[t] = ((1 - p.learn()) * next0 + p.learn() * next1) / scale[t + 1];
                b1[t] = next1 / scale[t + 1];
            }
            for (int t = 0; t < n; t++) {
                double g0 = a0[t] * b0[t];
                double g1 = a1[t] * b1[t];
                double total = g0 + g1;
                g0 /= total;
                g1 /= total;
                if (t == 0) {
                    knownFirst += g1;
                }
                unknown += g0;
                known += g1;
                if (o[t]) {
                    unknownSuccesses += g0;
                } else {
                    knownFailures += g1;
                }
                if (t < n - 1) {
                    double stay = a0[t] * (1 - p.learn()) * emitUnknown(p, o[t + 1]) * b0[t + 1];
                    double learn = a0[t] * p.learn() * emitKnown(p, o[t + 1]) * b1[t + 1];
                    double keep = a1[t] * emitKnown(p, o[t + 1]) * b1[t + 1];
                    double all = stay + learn + keep;
                    learned += learn / all;
                    unknownBeforeLast += (stay + learn) / all;
                }
                logLikelihood += Math.log(scale[t]);
            }
        }

        BktParameters maximise(int sequences) {
            double prior = clamp(knownFirst / sequences, 1 - FLOOR);
            double learn = clamp(unknownBeforeLast > 0 ? learned / unknownBeforeLast : FLOOR, 1 - FLOOR);
            double guess = clamp(unknown > 0 ? unknownSuccesses / unknown : FLOOR, MAX_GUESS_OR_SLIP);
            double slip = clamp(known > 0 ? knownFailures / known : FLOOR, MAX_GUESS_OR_SLIP);
            if (guess + slip >= 1) {
                slip = 1 - guess - FLOOR;
            }
            return new BktParameters(prior, learn, guess, slip);
        }

        private static double clamp(double value, double max) {
            return Math.max(FLOOR, Math.min(max, value));
        }
    }

    private static double emitKnown(BktParameters p, boolean success) {
        return success ? 1 - p.slip() : p.slip();
    }

    private static double emitUnknown(BktParameters p, boolean success) {
        return success ? p.guess() : 1 - p.guess();
    }
}
