package io.learnflow.debug.service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.learnflow.feedback.StudentCode;

/**
 * Writes the one-token variants of a line: operators, comparisons, constants off by one, {@code and}/{@code or},
 * a name of the same function for another, two arguments swapped. The changes are those beginners' bugs are made
 * of; none is chosen for a particular program.
 */
final class Mutants {

    private static final Pattern TOKEN = Pattern.compile(
            "'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"|#.*$|[A-Za-z_]\\w*|\\d+(?:\\.\\d+)?"
                    + "|\\*\\*=?|//=?|<=|>=|==|!=|->|[-+*/%&|^<>]=?|\\S");
    private static final Map<String, List<String>> OPERATORS = Map.ofEntries(
            Map.entry("<", List.of("<=", ">")), Map.entry("<=", List.of("<", ">=")),
            Map.entry(">", List.of(">=", "<")), Map.entry(">=", List.of(">", "<=")),
            Map.entry("==", List.of("!=")), Map.entry("!=", List.of("==")),
            Map.entry("+", List.of("-")), Map.entry("-", List.of("+")),
            Map.entry("*", List.of("/", "+")), Map.entry("/", List.of("//", "*")), Map.entry("//", List.of("/", "%")),
            Map.entry("%", List.of("//")),
            Map.entry("+=", List.of("-=")), Map.entry("-=", List.of("+=")), Map.entry("*=", List.of("/=")),
            Map.entry("^", List.of("&", "|")), Map.entry("&", List.of("|", "^")), Map.entry("|", List.of("&", "^")),
            Map.entry("^=", List.of("&=", "|=")), Map.entry("&=", List.of("|=", "^=")),
            Map.entry("|=", List.of("&=", "^=")));
    private static final Map<String, String> WORDS = Map.of("and", "or", "or", "and", "any", "all", "all", "any",
            "min", "max", "max", "min", "True", "False", "False", "True");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "is", "if", "else", "elif", "for",
            "while", "return", "def", "class", "lambda", "None", "True", "False", "import", "from", "as", "pass",
            "break", "continue", "yield", "with", "try", "except", "finally", "raise", "del", "global", "nonlocal",
            "assert", "print", "len", "range", "self");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_]\\w*");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final String OPERAND = "([A-Za-z_][\\w.]*(?:\\[[^\\[\\]]*])?|\\d+|'[^']*'|\"[^\"]*\")";
    private static final Pattern OPERANDS = Pattern.compile("(?<![\\w.\\])'\"])" + OPERAND + "\\s*([-+/%]|//)\\s*"
            + OPERAND + "(?![\\w(\\[.])");
    private static final Pattern SINGLE_ARGUMENT_CALL = Pattern.compile(
            "(?<![\\w.])([A-Za-z_]\\w*)\\(\\s*([A-Za-z_]\\w*(?:\\[[^\\[\\]]*])?)\\s*\\)");

    private Mutants() {
    }

    record Token(String text, int start, int end) {
    }

    static List<Token> tokens(String line) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(line);
        while (m.find()) {
            if (!m.group().startsWith("#")) {
                tokens.add(new Token(m.group(), m.start(), m.end()));
            }
        }
        return tokens;
    }

    /** The variants of line {@code number}, in the order they are worth trying. */
    static List<Mutant> of(StudentCode code, int number) {
        String line = code.lineText(number);
        String stripped = line.strip();
        if (stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith("def ")
                || stripped.startsWith("class ") || stripped.startsWith("import ") || stripped.startsWith("from ")) {
            return List.of();
        }
        List<Token> tokens = tokens(line);
        Set<String> seen = new LinkedHashSet<>();
        List<Mutant> mutants = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            boolean unary = "-".equals(t.text()) && (i == 0 || isOperatorOrOpen(tokens.get(i - 1).text()));
            for (String other : unary ? List.<String>of() : OPERATORS.getOrDefault(t.text(), List.of())) {
                MutationKind kind = t.text().matches("[<>=!]=?|==") ? MutationKind.COMPARISON : MutationKind.ARITHMETIC;
                add(mutants, seen, number, kind, line, replace(line, t, other));
            }
            if (WORDS.containsKey(t.text())) {
                add(mutants, seen, number, MutationKind.LOGIC, line, replace(line, t, WORDS.get(t.text())));
            }
            if ("not".equals(t.text()) && i + 1 < tokens.size()) {
                add(mutants, seen, number, MutationKind.LOGIC, line,
                        line.substring(0, t.start()) + line.substring(tokens.get(i + 1).start()));
            }
            if (NUMBER.matcher(t.text()).matches()) {
                int value = Integer.parseInt(t.text().length() > 9 ? "0" : t.text());
                add(mutants, seen, number, MutationKind.CONSTANT, line, replace(line, t, String.valueOf(value + 1)));
                if (value > 0) {
                    add(mutants, seen, number, MutationKind.CONSTANT, line, replace(line, t, String.valueOf(value - 1)));
                }
            }
        }
        offByOne(mutants, seen, number, line, tokens);
        argumentOrder(mutants, seen, number, line);
        operandOrder(mutants, seen, number, line);
        unwrappedCalls(mutants, seen, number, line);
        names(mutants, seen, code, number, line, tokens);
        restOfSequence(mutants, seen, number, line, tokens);
        return mutants;
    }

    /** {@code a + b} as {@code b + a} (and for the other non-commutative operators): the order of a concatenation. */
    private static void operandOrder(List<Mutant> mutants, Set<String> seen, int number, String line) {
        Matcher pair = OPERANDS.matcher(line);
        int from = 0;
        while (from < line.length() && pair.find(from)) {
            String swapped = line.substring(0, pair.start()) + pair.group(3) + " " + pair.group(2) + " "
                    + pair.group(1) + line.substring(pair.end());
            add(mutants, seen, number, MutationKind.OPERAND_ORDER, line, swapped);
            from = pair.start() + 1;
        }
    }

    /** {@code f(x)} as {@code x}: a call that should not be there. */
    private static void unwrappedCalls(List<Mutant> mutants, Set<String> seen, int number, String line) {
        Matcher call = SINGLE_ARGUMENT_CALL.matcher(line);
        while (call.find()) {
            if (KEYWORDS.contains(call.group(1)) && !"len".equals(call.group(1))) {
                continue;
            }
            add(mutants, seen, number, MutationKind.CALL, line,
                    line.substring(0, call.start()) + call.group(2) + line.substring(call.end()));
        }
    }

    /** An argument {@code xs} as {@code xs[1:]}: a recursion or a loop that should move on past the first item. */
    private static void restOfSequence(List<Mutant> mutants, Set<String> seen, int number, String line,
            List<Token> tokens) {
        for (int i = 1; i + 1 < tokens.size(); i++) {
            Token t = tokens.get(i);
            String before = tokens.get(i - 1).text();
            String after = tokens.get(i + 1).text();
            boolean argument = (before.equals("(") || before.equals(",")) && (after.equals(")") || after.equals(","));
            boolean iterated = before.equals("in") && after.equals(":");
            if (NAME.matcher(t.text()).matches() && !KEYWORDS.contains(t.text()) && (argument || iterated)) {
                add(mutants, seen, number, MutationKind.OFF_BY_ONE, line,
                        line.substring(0, t.end()) + "[1:]" + line.substring(t.end()));
            }
        }
    }

    private static void offByOne(List<Mutant> mutants, Set<String> seen, int number, String line, List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            String next = i + 1 < tokens.size() ? tokens.get(i + 1).text() : "";
            boolean operand = (NAME.matcher(t.text()).matches() && !KEYWORDS.contains(t.text()))
                    || ")".equals(t.text()) || "]".equals(t.text());
            boolean ends = next.equals(")") || next.equals(",") || next.equals("]") || next.equals(":")
                    || next.equals("*") || next.isEmpty();
            if (operand && ends && !(i + 1 < tokens.size() && next.equals("(")) && !isCallee(tokens, i)) {
                String before = line.substring(0, t.end());
                String after = line.substring(t.end());
                add(mutants, seen, number, MutationKind.OFF_BY_ONE, line, before + " + 1" + after);
                add(mutants, seen, number, MutationKind.OFF_BY_ONE, line, before + " - 1" + after);
            }
            if (("+".equals(t.text()) || "-".equals(t.text())) && i + 1 < tokens.size()
                    && "1".equals(tokens.get(i + 1).text()) && i > 0) {
                add(mutants, seen, number, MutationKind.OFF_BY_ONE, line,
                        line.substring(0, tokens.get(i - 1).end()) + line.substring(tokens.get(i + 1).end()));
            }
            if ("1".equals(t.text()) && i + 1 < tokens.size() && "+".equals(tokens.get(i + 1).text())
                    && i + 2 < tokens.size() && (i == 0 || isOperatorOrOpen(tokens.get(i - 1).text())
                    || KEYWORDS.contains(tokens.get(i - 1).text()))) {
                add(mutants, seen, number, MutationKind.OFF_BY_ONE, line,
                        line.substring(0, t.start()) + line.substring(tokens.get(i + 2).start()));
            }
        }
    }

    private static boolean isCallee(List<Token> tokens, int i) {
        return i > 0 && ".".equals(tokens.get(i - 1).text()) && i + 1 < tokens.size()
                && "(".equals(tokens.get(i + 1).text());
    }

    /** Calls of two or three simple arguments: each adjacent pair swapped. */
    private static void argumentOrder(List<Mutant> mutants, Set<String> seen, int number, String line) {
        for (int open = line.indexOf('('); open >= 0; open = line.indexOf('(', open + 1)) {
            int depth = 0;
            List<Integer> commas = new ArrayList<>();
            int close = -1;
            for (int j = open + 1; j < line.length() && close < 0; j++) {
                char c = line.charAt(j);
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if (c == ')' || c == ']' || c == '}') {
                    if (depth == 0) {
                        close = j;
                    }
                    depth--;
                } else if (c == ',' && depth == 0) {
                    commas.add(j);
                } else if (c == '\'' || c == '"' || c == '=' && depth == 0) {
                    close = -2;
                }
            }
            if (close < 0 || commas.isEmpty() || commas.size() > 2) {
                continue;
            }
            List<String> args = new ArrayList<>();
            int from = open + 1;
            for (int comma : commas) {
                args.add(line.substring(from, comma).strip());
                from = comma + 1;
            }
            args.add(line.substring(from, close).strip());
            for (int k = 0; k + 1 < args.size(); k++) {
                List<String> swapped = new ArrayList<>(args);
                swapped.set(k, args.get(k + 1));
                swapped.set(k + 1, args.get(k));
                add(mutants, seen, number, MutationKind.ARGUMENT_ORDER, line,
                        line.substring(0, open + 1) + String.join(", ", swapped) + line.substring(close));
            }
        }
    }

    /** Each variable of the line replaced by another variable of the same function, each attribute by another. */
    private static void names(List<Mutant> mutants, Set<String> seen, StudentCode code, int number, String line,
            List<Token> tokens) {
        Set<String> scope = scopeNames(code, number);
        Set<String> attributes = new LinkedHashSet<>();
        Matcher attribute = Pattern.compile("\\.([A-Za-z_]\\w*)\\b(?!\\s*\\()").matcher(code.source());
        while (attribute.find()) {
            attributes.add(attribute.group(1));
        }
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (!NAME.matcher(t.text()).matches() || KEYWORDS.contains(t.text())
                    || (i + 1 < tokens.size() && "(".equals(tokens.get(i + 1).text()))
                    || (i + 1 < tokens.size() && "=".equals(tokens.get(i + 1).text()) && i > 0
                    && "(".equals(tokens.get(i - 1).text()))) {
                continue;
            }
            boolean isAttribute = i > 0 && ".".equals(tokens.get(i - 1).text());
            Set<String> pool = isAttribute ? attributes : scope;
            if (!pool.contains(t.text())) {
                continue;
            }
            for (String other : pool) {
                if (!other.equals(t.text())) {
                    add(mutants, seen, number, MutationKind.NAME, line, replace(line, t, other));
                }
            }
        }
    }

    /** The names a function's body gives values to (its parameters, assignments, loop variables). */
    static Set<String> scopeNames(StudentCode code, int number) {
        int header = code.enclosingFunction(number).orElse(0);
        StringBuilder body = new StringBuilder();
        if (header > 0) {
            body.append(code.lineText(header).strip().replaceFirst("^def\\s+\\w+", "def _")).append('\n');
            for (int line : code.blockOf(header)) {
                body.append(code.lineText(line).strip()).append('\n');
            }
        } else {
            body.append(code.source());
        }
        Set<String> names = new LinkedHashSet<>(new StudentCode(body.toString()).definedNames());
        names.remove("_");
        names.removeAll(code.definedFunctions());
        names.removeIf(KEYWORDS::contains);
        return names;
    }

    private static boolean isOperatorOrOpen(String token) {
        return "(".equals(token) || "[".equals(token) || ",".equals(token) || "=".equals(token)
                || OPERATORS.containsKey(token) || "return".equals(token);
    }

    private static String replace(String line, Token token, String with) {
        return line.substring(0, token.start()) + with + line.substring(token.end());
    }

    private static void add(List<Mutant> mutants, Set<String> seen, int number, MutationKind kind, String original,
            String changed) {
        if (!changed.equals(original) && seen.add(changed)) {
            mutants.add(new Mutant(number, kind, original, changed));
        }
    }
}
