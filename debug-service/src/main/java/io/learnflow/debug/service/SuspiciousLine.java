package io.learnflow.debug.service;

/**
 * A line of the student's code ranked by how likely it holds the fault.
 *
 * @param spectrum     the spectrum score (Ochiai or DStar) from the tests' line coverage
 * @param raisedHere   the share of failing tests whose exception was raised on this line
 * @param fixingMutant a one-token change of this line that makes every test pass, or null; never shown
 * @param partialFix   the best share of failing tests a change of this line fixed without breaking a passing one
 */
public record SuspiciousLine(int line, double score, double spectrum, double raisedHere, Mutant fixingMutant,
        double partialFix) {
}
