package io.learnflow.feedback;

/**
 * A catalogue entry recognised in a run.
 *
 * @param line   the student's line it was recognised at, or null
 * @param detail a specific remark about this code (for example the name a typo is close to), or null
 */
public record Finding(NoviceError error, Integer line, String detail) {
}
