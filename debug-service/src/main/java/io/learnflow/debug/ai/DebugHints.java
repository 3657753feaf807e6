package io.learnflow.debug.ai;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;

import io.learnflow.debug.service.Diagnosis;
import io.learnflow.debug.service.Mutant;
import io.learnflow.debug.service.SuspiciousLine;
import io.learnflow.feedback.Finding;
import io.learnflow.feedback.NoviceError;
import io.learnflow.feedback.StudentCode;
import io.learnflow.sandbox.TestCase;

/**
 * The words of the hint ladder. What happened comes first on every step; then (1) where to look and what to observe,
 * as a question; (2) the line and why it is suspicious; (3) the rule being broken, with a tiny example unrelated to
 * the student's code; (4) a pointed question that leads to the fix. The change that would fix the line (when the
 * mutation search found one) only chooses the question of step 4; its text never appears.
 */
public final class DebugHints {

    public static final int TOP_STEP = 4;
    /** Introduces the catalogue's example: code of another program, never a version of the student's. */
    static final String OTHER_PROGRAM = "For example, in a different program:\n";

    private DebugHints() {
    }

    /** Every step's text, for the leak check. */
    public static List<String> allSteps(Diagnosis diagnosis, String code) {
        return IntStream.rangeClosed(1, TOP_STEP).mapToObj(step -> write(step, diagnosis, code)).toList();
    }

    public static String write(int step, Diagnosis diagnosis, String source) {
        StudentCode code = new StudentCode(source);
        StringBuilder text = new StringBuilder(whatHappened(diagnosis, code));
        if (diagnosis.outcome() == Diagnosis.Outcome.NO_FAILURE) {
            return text.toString();
        }
        Integer line = diagnosis.location();
        NoviceError error = diagnosis.finding() != null ? diagnosis.finding().error() : null;
        text.append("\n\n**Hint ").append(step).append(" of ").append(TOP_STEP).append(":** ");
        switch (step) {
            case 1 -> text.append(where(code, line)).append(error != null ? error.look()
                    : "What value does each variable there hold when the first failing test runs?");
            case 2 -> text.append(whyThisLine(diagnosis, code, line));
            case 3 -> text.append(rule(error));
            default -> text.append(pointedQuestion(diagnosis, code, line));
        }
        text.append(step < TOP_STEP ? "\n\nChange it yourself and run it again; ask me again for the next hint."
                : "\n\nYou are one small change away: make it, run the tests again, and tell me what you see.");
        return text.toString();
    }

    public static String whatHappened(Diagnosis d, StudentCode code) {
        StringBuilder text = new StringBuilder("**What happened:** ");
        String tests = d.testsTotal() > 0 ? "I ran your code against " + d.testsTotal() + " test"
                + (d.testsTotal() == 1 ? "" : "s") + ": " + d.testsPassed() + " passed. " : "I ran your code. ";
        text.append(tests);
        switch (d.outcome()) {
            case EXCEPTION -> {
                var error = d.observation().error();
                text.append("It stops with `").append(error.type()).append('`');
                if (error.line() != null) {
                    text.append(" on line ").append(error.line());
                }
                text.append(error.message() == null || error.message().isBlank() ? "." : ": " + error.message());
                code.line(error.line()).ifPresent(l -> text.append("\n```python\n").append(l.strip()).append("\n```"));
            }
            case WRONG_RESULT -> {
                Diagnosis.WrongTest wrong = d.firstWrong();
                if (wrong != null) {
                    text.append("For ").append(describe(wrong.test())).append(" the result is `")
                            .append(wrong.actual()).append("`, but `").append(wrong.expected()).append("` is expected.");
                } else {
                    text.append("The result is not the expected one.");
                }
            }
            case HANG -> {
                text.append("It did not finish in time");
                Integer loop = d.observation().hangLine();
                if (loop != null) {
                    text.append(": it was still going round line ").append(loop);
                    code.line(loop).ifPresent(l -> text.append("\n```python\n").append(l.strip()).append("\n```"));
                } else {
                    text.append(".");
                }
            }
            case LIMIT -> text.append(d.observation().limit() == io.learnflow.sandbox.Limit.OUTPUT
                    ? "It printed more than the sandbox's output limit, so it was stopped."
                    : "It used more memory than the sandbox allows, so it was stopped.");
            case NO_FAILURE -> {
                String out = d.observation().stdout().strip();
                if (d.testsTotal() > 0) {
                    text.append("Every test passes. What did you expect it to do differently?");
                } else if (out.isEmpty()) {
                    text.append("It runs without an error and prints nothing. What did you expect it to do?");
                } else {
                    text.append("It runs without an error and prints:\n```\n")
                            .append(out.length() > 400 ? out.substring(0, 400) + "..." : out)
                            .append("\n```\nWhat did you expect it to print? Send your expected output (or a test) "
                                    + "and I will compare.");
                }
            }
            case NOT_RUN -> text.append("I could not run your code: ").append(d.notRun()).append('.');
        }
        return text.toString();
    }

    private static String where(StudentCode code, Integer line) {
        if (line == null) {
            return "";
        }
        Optional<Integer> function = code.enclosingFunction(line);
        if (function.isPresent()) {
            String header = code.lineText(function.get()).strip();
            String name = header.replaceFirst("^def\\s+(\\w+).*", "$1");
            List<Integer> body = code.blockOf(function.get());
            int last = body.isEmpty() ? function.get() : body.get(body.size() - 1);
            int from = Math.max(function.get() + 1, line - 2);
            int to = Math.min(last, line + 2);
            return "Look at `" + name + "`, lines " + from + " to " + to + ". ";
        }
        return "Look around line " + line + ". ";
    }

    private static String whyThisLine(Diagnosis d, StudentCode code, Integer line) {
        if (line == null) {
            return "I cannot point at one line yet. Send the tests you expect to pass, or what you expected, and I "
                    + "will narrow it down.";
        }
        StringBuilder text = new StringBuilder("Line ").append(line).append(" is the one to suspect");
        code.line(line).ifPresent(l -> text.append(":\n```python\n").append(l.strip()).append("\n```\n"));
        SuspiciousLine top = d.top();
        if (top != null && top.fixingMutant() != null) {
            text.append("A small change to this line alone, a single operator, number or name, makes every test "
                    + "pass; every failing test runs it.");
        } else if (top != null && top.raisedHere() > 0) {
            text.append("The failing tests stop with their error on it.");
        } else if (top != null) {
            text.append("Every failing test runs it, and it is the line the passing tests run least.");
        } else if (d.outcome() == Diagnosis.Outcome.HANG) {
            text.append("The program was still running it when its time ran out: what makes this loop stop?");
        } else {
            text.append("This is where Python stopped.");
        }
        Finding finding = d.finding();
        if (finding != null && finding.detail() != null) {
            text.append(" Note: ").append(finding.detail()).append('.');
        }
        return text.toString();
    }

    private static String rule(NoviceError error) {
        if (error == null) {
            return "Trace the smallest failing input by hand, line by line, and compare each value with what you "
                    + "expect it to be.";
        }
        return "**" + error.title() + ".** " + error.rule() + " " + OTHER_PROGRAM + "```python\n"
                + error.example() + "\n```";
    }

    private static String pointedQuestion(Diagnosis d, StudentCode code, Integer line) {
        Mutant aim = d.aim();
        String at = line == null ? "" : "On line " + line + ", ";
        if (aim == null) {
            NoviceError error = d.finding() != null ? d.finding().error() : null;
            return at + (error != null ? "with the rule in mind (" + error.rule().toLowerCase(Locale.ROOT)
                    .replaceAll("\\.$", "") + "), what is the smallest change that would make it hold?"
                    : "what would have to be true on this line for the expected value to come out?");
        }
        String changed = aim.replacedToken();
        return switch (aim.kind()) {
            case COMPARISON -> at + "think of the boundary: when the two sides of `" + changed
                    + "` are equal (or nearly), should the condition be true or false?";
            case ARITHMETIC -> at + "work out one small case by hand: does `" + changed
                    + "` combine the values the way the task needs?";
            case CONSTANT -> at + "is the number `" + changed + "` right, or is it off by one?";
            case OFF_BY_ONE -> at + "count carefully: should a value there go one step further, or stop one step "
                    + "earlier, than it does now?";
            case LOGIC -> at + switch (changed) {
                case "and", "or" -> "must both parts hold, or is one enough?";
                case "any", "all" -> "must it hold for every item, or for at least one?";
                case "min", "max" -> "do you want the smallest value or the largest?";
                case "not" -> "should that condition be negated?";
                default -> "is that condition the right way round?";
            };
            case NAME -> at + "is `" + changed + "` the value that belongs there? Say aloud what each name holds "
                    + "at that moment.";
            case ARGUMENT_ORDER -> at + "are the arguments of that call in the order the function expects them?";
            case OPERAND_ORDER -> at + "does the order of the two values on either side of the operator matter "
                    + "here, and are they in the order you need?";
            case CALL -> at + "is every call there needed? What does the value look like before and after it?";
        };
    }

    private static String describe(TestCase test) {
        if (test instanceof TestCase.CallTest call) {
            String args = call.args().toString();
            return "`" + call.function() + "(" + args.substring(1, args.length() - 1) + ")`";
        }
        if (test instanceof TestCase.AssertTest assertion) {
            return "`" + assertion.code() + "`";
        }
        return "the input you gave";
    }
}
