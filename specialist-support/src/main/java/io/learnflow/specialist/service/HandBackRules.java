package io.learnflow.specialist.service;

import java.util.Optional;
import java.util.regex.Pattern;

import io.learnflow.model.QueryType;
import io.learnflow.model.ServiceName;

/**
 * When a specialist hands a query back to triage instead of answering it: the query plainly asks for another
 * specialist's help by the label rules triage's classifier learns from. Driven by the service's name, so no
 * specialist's own code decides it; a plain class (shared-model and the JDK only), so that triage's evaluation command
 * simulates the hand-back with this very code.
 * <ul>
 * <li>concepts: a Python traceback or error message is a debugging request; a request for practice, or a question
 * about what a task requires, how to start it or whether a solution is right, with no failure reported, is for
 * exercise;</li>
 * <li>debug: a message with no code, no error and no failure reported is not a debugging request: for exercise if it
 * asks for practice or about a task, for concepts if it asks how Python works;</li>
 * <li>exercise: a traceback or error message is for debug; a plain question about Python (what, how, why, explain,
 * difference) with no task, practice, code or failure in it is for concepts.</li>
 * </ul>
 * A rule speaks only when the message says so plainly: a hand-back of a well-routed query costs the student a second
 * trip, so anything in between is answered where it landed. The patterns were written from the label rules and
 * checked on LearnFlow's own written examples, not on the evaluation lines.
 */
public final class HandBackRules {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.MULTILINE;
    private static final Pattern TRACEBACK = Pattern.compile(
            "traceback \\(most recent call last\\)|^\\s*File \"[^\"]*\", line \\d+|^\\s*[A-Z]\\w*(Error|Exception): ",
            FLAGS);
    private static final Pattern CODE_LINE = Pattern.compile(
            "^\\s*(def |class |for .+:|while .+:|if .+:|elif |else:|return\\b|import |from \\w+ import|print\\(|\\w+ ?=[^=])",
            FLAGS);
    /**
     * Phrases of Python's own error messages, which a student quotes or retells when reporting one ("it said k was
     * not defined") without naming the exception.
     */
    private static final String PYTHON_ERROR_MESSAGES = "invalid syntax|\\bnot defined|out of range|not callable"
            + "|not subscriptable|not iterable|has no attribute|unexpected indent|indented block|unindent"
            + "|unsupported operand|can only concatenate|unhashable|not supported between"
            + "|invalid literal|referenced before assignment|unterminated string|never closed|does not match";
    private static final Pattern FAILURE = Pattern.compile(
            "\\b\\w*error|\\bwrong|\\bbug|\\bfail|crash|instead of|\\bexpected|\\bstuck\\b|\\bfix|\\bbroken|incorrect"
                    + "|(does ?n[o']?t|did ?n[o']?t|wo ?n[o']?t|can ?n[o']?t|cannot|not) (work|run|print|show|stop|change"
                    + "|return|move|end)|\\bnothing (happens|prints|shows|appears)|infinite|forever|never (stops|ends)"
                    + "|\\b(empty|blank)\\b|\\bdifferent\\b|but (it |the |i )?(prints?|gives?|shows?|returns?|outputs?|gets?|got)"
                    + "|\\bstrange|\\bweird|\\bproblem with|should (be|print|give|return|show)"
                    + "|\\bmy (code|program|loop|function|output|solution|result|answer)"
                    + "|" + PYTHON_ERROR_MESSAGES,
            FLAGS);
    private static final Pattern PRACTICE = Pattern.compile(
            "\\b(give|send|show) me (an?|one|some|another|a new|more)( \\w+)? (exercises?|practice|problems?|challenges?"
                    + "|tasks?|quiz)|\\b(exercises?|practice problems?|challenges?) (on|about|for|with)\\b"
                    + "|\\bquiz me\\b|(^|give me |i want |can i (get|have) |send me |let'?s do |try )(the |a |an )?(harder"
                    + "|easier|next|another|new) (one|exercise|problem|challenge)\\b"
                    + "|\\bi want to practi[cs]e|\\blet me practi[cs]e|\\bcan i practi[cs]e", FLAGS);
    private static final Pattern CONCEPT_QUESTION = Pattern.compile(
            "^\\s*(what (is|are|does|do)|how (does|do)|why (does|do|is|are)|explain|can you explain|what'?s the "
                    + "difference|difference between|when (should|do) (i|you|we) use)\\b", FLAGS);
    private static final Pattern TASK = Pattern.compile(
            "\\b(task|exercise|assignment|homework|lab|problem|question|challenge|quiz|test|grade|solution|submission)s?"
                    + "(\\b|(?=\\d))"
                    + "|\\b(check|review)\\b", FLAGS);
    private static final Pattern TASK_WORK = Pattern.compile(
            "\\b(do|should|must) (i|we) (have to|need to) (use|print|return|submit|import)\\b"
                    + "|\\b(am i|are we) (allowed|supposed)|\\brequired\\b|what (does|do) (the|this) (task|exercise|"
                    + "assignment|lab) (want|mean|ask)|(how|where) (do i|should i|to|can i) (start|begin|approach)"
                    + "|(check|review|grade) (my|this)|is (my|this) (solution|answer|code) (right|correct|ok|okay|good)",
            FLAGS);

    /** Why a specialist hands a query back, and who should answer it instead. */
    public record HandBack(QueryType suggested, String reason) {
    }

    private HandBackRules() {
    }

    /**
     * Whether {@code service} hands back a query with this text, code and error text (code and error text may be
     * null). Triage answers {@code other} itself and never hands anything back.
     */
    public static Optional<HandBack> check(ServiceName service, String text, String code, String errorText) {
        String all = join(text, code, errorText);
        boolean traceback = TRACEBACK.matcher(all).find();
        boolean quiet = !traceback && blank(code) && blank(errorText) && !CODE_LINE.matcher(text).find()
                && !FAILURE.matcher(text).find();
        boolean practice = PRACTICE.matcher(text).find();
        boolean taskWork = TASK_WORK.matcher(text).find();
        switch (service) {
            case CONCEPTS -> {
                if (traceback) {
                    return handBack(QueryType.DEBUG, "it carries a Python traceback or error message");
                }
                if (quiet && (practice || taskWork)) {
                    return handBack(QueryType.EXERCISE, "it asks for practice or about a task, and reports no failure");
                }
            }
            case DEBUG -> {
                if (quiet && (practice || taskWork)) {
                    return handBack(QueryType.EXERCISE, "it asks for practice or about a task, and reports no failure");
                }
                if (quiet && CONCEPT_QUESTION.matcher(text).find() && !TASK.matcher(text).find()) {
                    return handBack(QueryType.CONCEPT, "it asks how Python works and reports no failure");
                }
            }
            case EXERCISE -> {
                if (traceback) {
                    return handBack(QueryType.DEBUG, "it carries a Python traceback or error message");
                }
                if (quiet && CONCEPT_QUESTION.matcher(text).find() && !TASK.matcher(text).find() && !practice) {
                    return handBack(QueryType.CONCEPT, "it asks how Python works, with no task, practice or code in it");
                }
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<HandBack> handBack(QueryType suggested, String reason) {
        return Optional.of(new HandBack(suggested, reason));
    }

    /**
     * Where a message routed to {@code routed} ends up: the hand-back's suggestion if the specialist hands it back,
     * else {@code routed}; {@code other} is answered by triage and stays.
     */
    public static QueryType secondRoute(QueryType routed, String text, String code, String errorText) {
        if (routed == QueryType.OTHER) {
            return routed;
        }
        return check(routed.answeredBy(), text, code, errorText).map(HandBack::suggested).orElse(routed);
    }

    private static String join(String text, String code, String errorText) {
        return text + "\n" + (code == null ? "" : code) + "\n" + (errorText == null ? "" : errorText);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
