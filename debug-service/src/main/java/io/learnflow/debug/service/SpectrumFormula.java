package io.learnflow.debug.service;

/** How suspicious a line is from the tests that ran it: failing (ef), passing (ep), failing that did not (nf). */
public enum SpectrumFormula {
    OCHIAI {
        @Override
        double score(int ef, int ep, int nf) {
            double denominator = Math.sqrt((double) (ef + nf) * (ef + ep));
            return denominator == 0 ? 0 : ef / denominator;
        }
    },
    /** DStar with * = 2; a line no passing test ran and every failing test ran scores highest. */
    DSTAR {
        @Override
        double score(int ef, int ep, int nf) {
            double denominator = ep + nf;
            return denominator == 0 ? (ef == 0 ? 0 : 1000.0 * ef * ef) : (double) ef * ef / denominator;
        }
    };

    abstract double score(int ef, int ep, int nf);
}
