package io.learnflow.debug.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.learnflow.sandbox.TestOutcome;
import io.learnflow.sandbox.TestStatus;
import io.learnflow.sandbox.TestSuiteResult;

/**
 * Ranks the student's lines by spectrum-based fault localisation over each test's line coverage, then by the lines
 * the failing tests' exceptions were raised on, then by what the mutation search found.
 */
final class FaultLocalizer {

    /** A one-token change that passes every test outweighs any spectrum, which lies in [0, 1] once normalised. */
    static final double FIXING_MUTANT = 2.0;
    static final double PARTIAL_FIX = 1.0;
    static final double RAISED_HERE = 0.05;

    private FaultLocalizer() {
    }

    static boolean failed(TestOutcome test) {
        return test.status() == TestStatus.FAILED || test.status() == TestStatus.ERROR
                || test.status() == TestStatus.TIMED_OUT;
    }

    /** The lines some failing test ran, by spectrum score and the exceptions' lines, before any mutation search. */
    static List<SuspiciousLine> rank(TestSuiteResult suite, SpectrumFormula formula, Set<Integer> codeLines) {
        List<TestOutcome> failing = suite.tests().stream().filter(FaultLocalizer::failed).toList();
        List<TestOutcome> passing = suite.tests().stream().filter(t -> t.status() == TestStatus.PASSED).toList();
        if (failing.isEmpty()) {
            return List.of();
        }
        Map<Integer, int[]> counts = new HashMap<>();
        Map<Integer, Integer> raised = new HashMap<>();
        for (TestOutcome test : failing) {
            Set<Integer> lines = new HashSet<>(test.coveredLines());
            if (test.error() != null && test.error().line() != null) {
                lines.add(test.error().line());
                raised.merge(test.error().line(), 1, Integer::sum);
            }
            lines.forEach(line -> counts.computeIfAbsent(line, l -> new int[2])[0]++);
        }
        for (TestOutcome test : passing) {
            test.coveredLines().forEach(line -> counts.computeIfAbsent(line, l -> new int[2])[1]++);
        }
        Map<Integer, Double> spectrum = new HashMap<>();
        counts.forEach((line, c) -> {
            if (c[0] > 0 && codeLines.contains(line)) {
                spectrum.put(line, formula.score(c[0], c[1], failing.size() - c[0]));
            }
        });
        double max = spectrum.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        List<SuspiciousLine> ranked = new ArrayList<>();
        spectrum.forEach((line, score) -> {
            double normalised = max > 0 ? score / max : 0;
            double raisedShare = raised.getOrDefault(line, 0) / (double) failing.size();
            ranked.add(new SuspiciousLine(line, normalised + RAISED_HERE * raisedShare, normalised, raisedShare, null,
                    0));
        });
        ranked.sort(order());
        return ranked;
    }

    /** The ranking again, with what the mutation search found on each line. */
    static List<SuspiciousLine> withMutants(List<SuspiciousLine> ranked, Map<Integer, MutationSearch.LineResult> found) {
        List<SuspiciousLine> rescored = new ArrayList<>();
        for (SuspiciousLine line : ranked) {
            MutationSearch.LineResult result = found.get(line.line());
            if (result == null) {
                rescored.add(line);
                continue;
            }
            double score = line.spectrum() + RAISED_HERE * line.raisedHere()
                    + (result.fixing() != null ? FIXING_MUTANT : PARTIAL_FIX * result.partial());
            rescored.add(new SuspiciousLine(line.line(), score, line.spectrum(), line.raisedHere(), result.fixing(),
                    result.partial()));
        }
        rescored.sort(order());
        return rescored;
    }

    private static Comparator<SuspiciousLine> order() {
        return Comparator.comparingDouble(SuspiciousLine::score).reversed().thenComparingInt(SuspiciousLine::line);
    }
}
