package io.learnflow.debug.service;

import java.util.List;

import io.learnflow.feedback.Finding;
import io.learnflow.feedback.Observation;
import io.learnflow.sandbox.TestCase;

/**
 * What running the student's code showed and where the fault most likely is.
 *
 * @param finding    the catalogue entry recognised, or null
 * @param ranked     the suspicious lines, most suspicious first (empty without failing tests)
 * @param location   the line the hints aim at, or null when none can be named
 * @param confidence how sure the localisation is, in [0, 1]
 * @param firstWrong the first test whose result was wrong, or null
 * @param notRun     why the code could not be run, or null when it ran
 */
public record Diagnosis(Outcome outcome, Observation observation, Finding finding, List<SuspiciousLine> ranked,
        Integer location, double confidence, int testsPassed, int testsTotal, WrongTest firstWrong, String notRun) {

    public enum Outcome {
        /** The code raised an exception (or did not parse). */
        EXCEPTION,
        /** It ran, but a test's value (or the output) was not the expected one. */
        WRONG_RESULT,
        /** It did not end in time. */
        HANG,
        /** It ran into the memory or output limit. */
        LIMIT,
        /** It ran and every test passed (or there were none and it raised nothing). */
        NO_FAILURE,
        /** The sandbox could not run it. */
        NOT_RUN
    }

    /** A test that gave the wrong value: the test, what was expected, what came back. */
    public record WrongTest(TestCase test, String expected, String actual) {
    }

    public Diagnosis {
        ranked = List.copyOf(ranked);
    }

    public SuspiciousLine top() {
        return ranked.isEmpty() ? null : ranked.get(0);
    }

    /** The change that aims the hint, or null. Never shown to the student. */
    public Mutant aim() {
        return ranked.stream().filter(l -> location != null && l.line() == location).findFirst()
                .map(SuspiciousLine::fixingMutant).orElse(null);
    }

    public boolean passes() {
        return outcome == Outcome.NO_FAILURE && testsTotal > 0;
    }
}
