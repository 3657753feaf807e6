package io.learnflow.grader;

/** Whether the grader could decide. */
public enum GradingVerdict {
    /** The tests ran (or the code ended them): the grade stands. */
    GRADED,
    /** The sandbox was unavailable or busy past the grading deadline: a person has to look (manual review). */
    UNDECIDED
}
