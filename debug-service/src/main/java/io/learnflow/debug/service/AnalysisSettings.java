package io.learnflow.debug.service;

import java.time.Duration;

/**
 * How hard the analysis tries: the time a run of the program, each test and the whole suite get (tests the suite's
 * time leaves unrun are left out of the localisation), the spectrum formula, how many of the top lines the mutation
 * search changes and how many variants it tries at most, in how much time.
 */
public record AnalysisSettings(Duration programTime, Duration perTestBudget, Duration suiteTime,
        SpectrumFormula formula, int linesToMutate, int maxMutants, Duration mutationTime) {

    public static AnalysisSettings defaults() {
        return new AnalysisSettings(Duration.ofSeconds(3), Duration.ofMillis(500), Duration.ofSeconds(2),
                SpectrumFormula.OCHIAI, 5, 160, Duration.ofMillis(1500));
    }

    public AnalysisSettings withFormula(SpectrumFormula other) {
        return new AnalysisSettings(programTime, perTestBudget, suiteTime, other, linesToMutate, maxMutants, mutationTime);
    }

    public AnalysisSettings withoutMutation() {
        return new AnalysisSettings(programTime, perTestBudget, suiteTime, formula, 0, 0, mutationTime);
    }
}
