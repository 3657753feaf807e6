package io.learnflow.feedback;

import static io.learnflow.model.LearningModule.CONDITIONALS;
import static io.learnflow.model.LearningModule.DICTIONARIES;
import static io.learnflow.model.LearningModule.FUNCTIONS;
import static io.learnflow.model.LearningModule.LISTS;
import static io.learnflow.model.LearningModule.LOOPS;
import static io.learnflow.model.LearningModule.STRINGS;
import static io.learnflow.model.LearningModule.VARIABLES;
import static io.learnflow.model.LearningModule.CLASSES;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.learnflow.model.LearningModule;
import io.learnflow.sandbox.Limit;

/**
 * The failures beginners meet most, each recognised from what a run showed and what the code says, most specific
 * first: a {@code NameError} whose name is one letter away from a defined one is a typo before it is an unknown name.
 * Shared by the debug tutor and the exercise grader, so both explain a mistake in the same words.
 */
public final class NoviceErrorCatalogue {

    private record Rule(NoviceError error, Function<Observation, Optional<Finding>> detect) {
    }

    private static final Set<String> AT_THE_SUSPECT_LINE = Set.of("range-bounds", "return-in-loop");
    private static final Set<String> BUILTINS = Set.of("list", "str", "dict", "set", "sum", "max", "min", "len",
            "input", "print", "type", "range", "int", "float", "sorted", "id", "tuple", "abs", "round", "map", "filter");
    private static final Pattern BLOCK_HEADER = Pattern.compile(
            "^\\s*(if|elif|else|for|while|def|class|try|except|finally|with)\\b");
    private static final Pattern CONDITION_ASSIGN = Pattern.compile("^\\s*(if|elif|while)\\b[^=!<>]*[^=!<>]=[^=]");
    private static final Pattern NOT_DEFINED = Pattern.compile("name '([A-Za-z_]\\w*)' is not defined");
    private static final Pattern NOT_CALLABLE = Pattern.compile("'(\\w+)' object is not callable");
    private static final Pattern DID_YOU_MEAN = Pattern.compile("has no attribute '(\\w+)'\\. Did you mean: '(\\w+)'");
    private static final Pattern ASSIGNED_NONE_METHOD = Pattern.compile(
            "^\\s*[A-Za-z_]\\w*\\s*=\\s*[A-Za-z_][\\w.]*\\.(sort|append|reverse|extend|insert|remove|clear)\\(");
    private static final Pattern OFF_BY_ONE = Pattern.compile(
            "range\\(\\s*len\\([^)]*\\)\\s*\\+\\s*1\\s*\\)|\\[\\s*len\\([^)]*\\)\\s*]|<=\\s*len\\(");
    private static final Pattern WHILE = Pattern.compile("^\\s*while\\b(.*):");
    private static final Pattern MUTABLE_DEFAULT = Pattern.compile("^\\s*def\\s+\\w+\\s*\\([^)]*=\\s*(\\[\\s*]|\\{\\s*}|"
            + "list\\(\\)|dict\\(\\)|set\\(\\))");
    private static final Pattern IS_LITERAL = Pattern.compile("\\bis\\s+(not\\s+)?(-?\\d|\\[|\\(|\\{|'|\")"
            + "|(\\d|'|\"|]|\\))\\s+is\\b");
    private static final Pattern FOR_LOOP = Pattern.compile("^\\s*for\\s+\\w+\\s+in\\s+([A-Za-z_]\\w*)\\s*:");
    private static final Pattern FOR_RANGE = Pattern.compile("^\\s*for\\s+\\w+\\s+in\\s+range\\(");
    private static final Pattern LOOP = Pattern.compile("^\\s*(for|while)\\b");
    private static final Pattern RETURN = Pattern.compile("^\\s*return\\b");
    private static final Pattern RETURN_VALUE = Pattern.compile("^\\s*return\\s+\\S");
    private static final Pattern PRINT = Pattern.compile("^\\s*print\\(");
    private static final Pattern DISCARDED_STRING_METHOD = Pattern.compile(
            "^\\s*[A-Za-z_][\\w.\\[\\]]*\\.(upper|lower|strip|lstrip|rstrip|replace|capitalize|title|swapcase)\\(.*\\)\\s*$");
    private static final Pattern NO_ATTRIBUTE = Pattern.compile("'(\\w+)' object has no attribute '(\\w+)'");
    private static final List<String> COMMON_METHODS = List.of("upper", "lower", "strip", "split", "join", "replace",
            "append", "extend", "insert", "remove", "pop", "sort", "reverse", "keys", "values", "items", "get",
            "count", "index", "find", "startswith", "endswith", "format", "title", "capitalize", "isdigit", "update");
    private static final Pattern FUNCTION_REPR = Pattern.compile("<(function|bound method) (\\w+)");

    private final List<Rule> rules;

    public NoviceErrorCatalogue() {
        List<Rule> all = new ArrayList<>();
        all.add(rule("tab-error", "Tabs and spaces mixed",
                "The indentation mixes tab characters and spaces, so Python cannot tell which block a line is in.",
                "Which lines near the reported one start with a tab, and which with spaces?",
                "Indent with one kind of whitespace only, four spaces per level.",
                "if ready:\n    start()   # four spaces, never a tab", CONDITIONALS,
                o -> errorAt(o, "TabError", null)));
        all.add(rule("indentation", "Indentation does not line up",
                "A block after `:` must be indented, and the lines of one block must start in the same column.",
                "Which line starts in a different column from the lines of its block, or has no indented line after its `:`?",
                "Every line of a block is indented the same amount, deeper than the line with the `:` that opens it.",
                "for day in week:\n    wake()\n    eat()", CONDITIONALS,
                o -> errorAt(o, "IndentationError", null)));
        all.add(rule("missing-colon", "Missing colon",
                "A line that opens a block (`if`, `for`, `while`, `def`, `else`...) must end with a colon.",
                "Does every `if`, `for`, `while`, `def` and `else` line end with `:`?",
                "A line that opens a block ends with `:`.",
                "while hungry:\n    eat()", CONDITIONALS, NoviceErrorCatalogue::missingColon));
        all.add(rule("unclosed-bracket", "A bracket that is never closed",
                "An opening `(`, `[` or `{` has no matching closing one, so Python reads on into the next lines.",
                "Count the opening and closing brackets on the reported line and the line before it: do they match?",
                "Every `(`, `[` and `{` is closed by its partner, in the reverse order they were opened.",
                "print(max([3, 7]))   # ( [ ... ] )", VARIABLES,
                o -> o.errorIs("SyntaxError") && (o.errorMessage().contains("was never closed")
                        || o.errorMessage().contains("unexpected EOF") || o.errorMessage().contains("does not match"))
                        ? Optional.of(new Finding(null, o.errorLine(), null)) : Optional.empty()));
        all.add(rule("assign-in-condition", "`=` where `==` was meant",
                "`=` gives a variable a value; comparing two values needs `==`.",
                "In the condition on the reported line, are you giving a value or comparing two values?",
                "`=` assigns, `==` compares.",
                "size = 3\nif size == 3:\n    print('three')", CONDITIONALS, NoviceErrorCatalogue::assignInCondition));
        all.add(rule("unterminated-string", "A string that is never closed",
                "A quote opens a string that is not closed on the same line.",
                "Where does the string on the reported line start, and where is its closing quote?",
                "A string starts and ends with the same kind of quote, on one line (or three quotes for several lines).",
                "greeting = 'hello'", STRINGS,
                o -> o.errorIs("SyntaxError") && o.errorMessage().contains("unterminated string")
                        ? Optional.of(new Finding(null, o.errorLine(), null)) : Optional.empty()));
        all.add(rule("syntax", "Python could not read the code",
                "Python could not read this as Python, so nothing ran.",
                "What is on the reported line, and on the line before it, that Python would not expect there?",
                "Code must follow Python's grammar before any of it runs; the error is often just before the place reported.",
                "print('a', 'b')   # commas between arguments", VARIABLES,
                o -> o.errorIs("SyntaxError") ? Optional.of(new Finding(null, o.errorLine(), null)) : Optional.empty()));
        all.add(rule("shadowed-builtin", "A built-in name used for your own variable",
                "A variable was given the name of one of Python's own functions (such as `list` or `sum`), so that "
                        + "function is gone for the rest of the program.",
                "Which of your variable names is also the name of a Python function you call later?",
                "Do not name your variables after built-in functions; pick a name that says what the value is.",
                "numbers = [1, 2]\ntotal = sum(numbers)   # not: sum = ...", VARIABLES,
                NoviceErrorCatalogue::shadowedBuiltin));
        all.add(rule("input-is-string", "`input()` gives text, not a number",
                "`input()` always returns a string, even when the user types digits, so it cannot be used as a number "
                        + "until it is converted.",
                "What is `type(...)` of the value that came from `input()` when it reaches the reported line?",
                "Convert what `input()` returns with `int(...)` or `float(...)` before doing arithmetic or comparisons.",
                "age = int('42')\nprint(age + 1)   # 43", VARIABLES, NoviceErrorCatalogue::inputIsString));
        all.add(rule("str-plus-int", "Adding text and a number",
                "`+` cannot join a string and a number: Python will not guess whether you mean arithmetic or text.",
                "On the reported line, which value is a string and which is a number?",
                "Convert one side: `str(n)` to join as text, `int(s)` to add as numbers; or use an f-string.",
                "count = 3\nprint('apples: ' + str(count))", VARIABLES,
                o -> o.errorIs("TypeError") && (o.errorMessage().contains("can only concatenate str")
                        || o.errorMessage().matches(".*unsupported operand type\\(s\\) for \\+: '(int|float)' and 'str'.*"))
                        ? Optional.of(new Finding(null, o.errorLine(), null)) : Optional.empty()));
        all.add(rule("string-immutable", "Strings cannot be changed in place",
                "A string cannot be changed once made: you cannot assign to one of its letters, and methods such as "
                        + "`upper()` give back a new string instead of changing the old one.",
                "After the reported line runs, is the new string kept anywhere?",
                "String methods return a new string; keep it with an assignment, or build a new string.",
                "word = 'cat'\nword = word.upper()   # 'CAT'", STRINGS, NoviceErrorCatalogue::stringImmutable));
        all.add(rule("function-not-called", "A function used without calling it",
                "The function's name was used without `()`, so Python used the function itself, not the value it returns.",
                "Where you use the function on the reported line, is it followed by `(...)`?",
                "A function runs only when called with parentheses: `f()`, not `f`.",
                "def greet():\n    return 'hi'\nmessage = greet()", FUNCTIONS, NoviceErrorCatalogue::functionNotCalled));
        all.add(rule("not-callable", "Calling something that is not a function",
                "The code puts `(...)` after a value that is not a function, as if to call it.",
                "What is the value just before the `(` on the reported line: a function, or a number, string or list?",
                "Only functions (and classes) can be called; `x(...)` needs `x` to be one. For a product write `a * (b)`.",
                "price = 2\ntotal = price * (3 + 1)", FUNCTIONS,
                o -> o.errorIs("TypeError") && NOT_CALLABLE.matcher(o.errorMessage()).find()
                        ? Optional.of(new Finding(null, o.errorLine(), null)) : Optional.empty()));
        all.add(rule("none-from-list-method", "A list method's result kept",
                "List methods such as `sort()` and `append()` change the list itself and return `None`; keeping their "
                        + "result keeps `None`.",
                "What does the method on that line return: the list, or nothing?",
                "Call `xs.sort()` on its own line and keep using `xs`, or use `sorted(xs)`, which returns a new list.",
                "scores = [3, 1, 2]\nscores.sort()\nprint(scores)", LISTS, NoviceErrorCatalogue::noneFromListMethod));
        all.add(rule("print-instead-of-return", "`print` where `return` was meant",
                "The function shows its result with `print` but does not `return` it, so whoever calls it gets `None`.",
                "What value does the caller receive from your function: what it prints, or what it returns?",
                "`print` shows a value on the screen; `return` gives it back to the caller. A function that computes "
                        + "something should return it.",
                "def double(n):\n    return n * 2\nprint(double(4))", FUNCTIONS, NoviceErrorCatalogue::printInsteadOfReturn));
        all.add(rule("missing-return", "A function that returns nothing",
                "The function reaches its end without `return`, so it gives back `None`.",
                "Which path through your function ends without a `return` line?",
                "A function returns `None` unless a `return` gives a value on every path.",
                "def is_even(n):\n    return n % 2 == 0", FUNCTIONS, NoviceErrorCatalogue::missingReturn));
        all.add(rule("unbound-local", "A variable from outside changed inside a function",
                "A function assigns to this name, so Python treats it as the function's own variable everywhere in it, "
                        + "and it is read before it gets a value there.",
                "Where does the function first give this variable a value: before or after the reported line?",
                "Assigning to a name inside a function makes it local; pass values in as parameters and return the result.",
                "def add_one(count):\n    count = count + 1\n    return count", FUNCTIONS,
                o -> errorAt(o, "UnboundLocalError", null)));
        all.add(rule("name-typo", "A misspelt name",
                "Python met a name it does not know, and your code defines one that is spelt almost the same.",
                "Compare the name on the reported line with the one you defined, letter by letter: are they the same?",
                "A name must be spelt exactly (capitals included) as where it got its value.",
                "colour = 'red'\nprint(colour)   # not: color", VARIABLES, NoviceErrorCatalogue::nameTypo));
        all.add(rule("name-undefined", "A name used before it has a value",
                "Python met a name that has no value at this point: it was never assigned, or is assigned later.",
                "Where does this name get its value, and does that line run before the reported one?",
                "A variable exists only after the line that assigns it has run.",
                "total = 0\ntotal = total + 5", VARIABLES, o -> errorAt(o, "NameError", null)));
        all.add(rule("attribute-typo", "A misspelt method or attribute",
                "The object has no attribute of that name, but it has one spelt almost the same.",
                "Compare the name after the dot with the object's methods: is one letter different?",
                "Methods and attributes must be spelt exactly; `dir(x)` lists what `x` has.",
                "text = 'hi'\nprint(text.upper())", CLASSES, NoviceErrorCatalogue::attributeTypo));
        all.add(rule("attribute-missing", "An attribute the object does not have",
                "The object has no attribute or method of that name, often because it is another type than you think.",
                "What is `type(...)` of the object before the dot on the reported line?",
                "Each type has its own methods: a list has `append`, a string has `upper`, `None` has none.",
                "items = []\nitems.append(1)", CLASSES, o -> errorAt(o, "AttributeError", null)));
        all.add(rule("index-off-by-one", "One step past the end",
                "The code asks for the position just past the last one: positions run from 0 to `len(...) - 1`.",
                "What is the largest index the code uses, and what is `len(...)` at that moment?",
                "A sequence of length n has positions 0 to n - 1; `range(n)` already stops before n.",
                "letters = ['a', 'b', 'c']\nlast = letters[len(letters) - 1]   # 'c'", LISTS,
                NoviceErrorCatalogue::indexOffByOne));
        all.add(rule("index-out-of-range", "A position the list does not have",
                "The code asked for a position the list (or string) does not have.",
                "Just before the reported line, what are the index and the length of the sequence?",
                "Positions run from 0 to `len(...) - 1`; an empty list has none.",
                "days = ['mon']\nprint(days[0])", LISTS, o -> errorAt(o, "IndexError", null)));
        all.add(rule("key-missing", "A key the dictionary does not have",
                "The dictionary has no entry for that key.",
                "What keys does the dictionary hold at that moment, and is the key spelt (and typed) the same?",
                "`d[key]` needs the key to exist; `d.get(key, default)` or `key in d` handle a missing one.",
                "stock = {'pear': 2}\nprint(stock.get('plum', 0))", DICTIONARIES, o -> errorAt(o, "KeyError", null)));
        all.add(rule("int-of-text", "Converting text that is not a number",
                "`int()` (or `float()`) got text that is not a number, such as a word or an empty string.",
                "What exactly is the text being converted on the reported line, spaces included?",
                "Only text made of digits converts with `int()`; check or clean it first.",
                "text = ' 12 '\nnumber = int(text.strip())", VARIABLES,
                o -> o.errorIs("ValueError") && o.errorMessage().contains("invalid literal")
                        ? Optional.of(new Finding(null, o.errorLine(), null)) : Optional.empty()));
        all.add(rule("zero-division", "Dividing by zero",
                "The code divided by zero.",
                "Where does the divisor on the reported line come from, and when can it be zero?",
                "Division by zero is undefined; handle the zero case (such as an empty list) before dividing.",
                "marks = []\naverage = sum(marks) / len(marks) if marks else 0", VARIABLES,
                o -> errorAt(o, "ZeroDivisionError", null)));
        all.add(rule("recursion-without-end", "A function that calls itself forever",
                "A function kept calling itself without ever reaching a case that stops it.",
                "Which call stops the recursion, and does every call get closer to it?",
                "A recursive function needs a base case that returns without recursing, and each call must move towards it.",
                "def countdown(n):\n    if n == 0:\n        return\n    countdown(n - 1)", FUNCTIONS,
                o -> errorAt(o, "RecursionError", null)));
        all.add(rule("reads-missing-input", "Waiting for input that never comes",
                "The program asked for input with `input()`, but no input was given.",
                "How many times does your program call `input()`, and how many lines did you give it?",
                "Each `input()` reads one line; give the program as many lines as it asks for.",
                "name = input('Name? ')", VARIABLES, o -> errorAt(o, "EOFError", null)));
        all.add(rule("modify-while-iterating", "Changing a list while looping over it",
                "The loop adds to or removes from the very list it walks through, so it skips items or never ends.",
                "Which items does the loop visit after the list changes under it?",
                "Do not change a list while a `for` loop walks it; build a new list, or loop over a copy (`xs[:]`).",
                "words = ['a', 'bb']\nlong_words = [w for w in words if len(w) > 1]", LISTS,
                NoviceErrorCatalogue::modifyWhileIterating));
        all.add(rule("loop-variable-unchanged", "A `while` loop whose condition never changes",
                "The loop's condition depends on a variable that nothing inside the loop changes, so it never ends.",
                "Which variable in the `while` condition changes inside the loop?",
                "A `while` loop must change, inside its body, what its condition tests.",
                "n = 3\nwhile n > 0:\n    n = n - 1", LOOPS, NoviceErrorCatalogue::loopVariableUnchanged));
        all.add(rule("endless-loop", "A loop that never ends",
                "The program ran out of time: a loop (or a recursion) kept going.",
                "When should this loop stop, and which line brings it closer to stopping?",
                "Every loop needs a condition that eventually becomes false, or a `break` that is reached.",
                "for attempt in range(3):\n    try_again()", LOOPS,
                o -> o.hung() ? Optional.of(new Finding(null, o.hangLine(), null)) : Optional.empty()));
        all.add(rule("memory-limit", "Using too much memory",
                "The program built something too big for memory, usually a list that grows without end.",
                "What grows on each turn of your loop, and when does it stop growing?",
                "A loop that appends must end; build only what you need.",
                "squares = [n * n for n in range(10)]", LISTS,
                o -> o.limit() == Limit.MEMORY || o.errorIs("MemoryError")
                        ? Optional.of(new Finding(null, o.errorLine(), null)) : Optional.empty()));
        all.add(rule("output-flood", "Printing without end",
                "The program printed far more than any answer needs, usually a `print` inside a loop that never ends.",
                "Which `print` runs over and over, and what should stop it?",
                "Output should be what the task asks for; a `print` in an endless loop floods the screen.",
                "for n in range(3):\n    print(n)", LOOPS,
                o -> o.limit() == Limit.OUTPUT ? Optional.of(new Finding(null, null, null)) : Optional.empty()));
        all.add(rule("is-instead-of-equals", "`is` where `==` was meant",
                "`is` asks whether two things are the very same object; whether two values are equal is `==`.",
                "On the reported line, do you want to know if the values are equal, or if they are one object?",
                "Compare values with `==`; keep `is` for `None` (`x is None`).",
                "answer = 'yes'\nif answer == 'yes':\n    print('ok')", CONDITIONALS, NoviceErrorCatalogue::isInsteadOfEquals));
        all.add(rule("mutable-default", "A list as a default argument",
                "A default value such as `[]` is made once, when the function is defined, and shared by every call, "
                        + "so what one call adds the next one still sees.",
                "Call the function twice in a row: does the second call see what the first one added?",
                "Use `None` as the default and make a fresh list inside the function.",
                "def add(item, bag=None):\n    if bag is None:\n        bag = []\n    bag.append(item)\n    return bag",
                FUNCTIONS, NoviceErrorCatalogue::mutableDefault));
        all.add(rule("return-in-loop", "`return` inside the loop",
                "The `return` is inside the loop, so the function ends during the first turn instead of after the last.",
                "How many turns does the loop make before the function returns?",
                "A `return` ends the function at once; to use every item, return after the loop.",
                "def total(prices):\n    s = 0\n    for p in prices:\n        s += p\n    return s", LOOPS,
                NoviceErrorCatalogue::returnInLoop));
        all.add(rule("range-bounds", "A range that stops one too early or starts one too late",
                "`range(a, b)` starts at `a` and stops before `b`, so a loop over it can miss the first or the last value.",
                "Which values does the loop's `range(...)` give: print them. Are the first and the last the ones you want?",
                "`range(a, b)` gives a, a+1, ..., b-1: b itself is not included.",
                "list(range(1, 4))   # [1, 2, 3]", LOOPS, NoviceErrorCatalogue::rangeBounds));
        all.add(rule("type-mismatch", "A value of the wrong type",
                "An operation got a value of a type it cannot work with.",
                "On the reported line, what is `type(...)` of each value?",
                "Each operation works on certain types; convert with `int()`, `str()`, `float()` or `list()` where needed.",
                "print(len([1, 2]) + 1)", VARIABLES, o -> errorAt(o, "TypeError", null)));
        all.add(rule("exception", "The program stopped with an error",
                "The program stopped with an exception; its message says what went wrong.",
                "What does the message say, and what are the values on the reported line when it runs?",
                "An exception stops the program at the line where it is raised, unless something handles it.",
                "try:\n    n = int('x')\nexcept ValueError:\n    n = 0", VARIABLES,
                o -> o.error() != null ? Optional.of(new Finding(null, o.errorLine(), null)) : Optional.empty()));
        all.add(rule("wrong-result", "A result different from the expected one",
                "The code runs to the end but gives a different result from the one expected.",
                "For the smallest input where the result is wrong, what value does each line produce?",
                "Trace a small input by hand, line by line, and compare each value with what you expect.",
                "print(2 + 3 * 4)   # 14: * before +", VARIABLES,
                o -> o.wrongResults().isEmpty() ? Optional.empty() : Optional.of(new Finding(null, null, null))));
        this.rules = Collections.unmodifiableList(all);
    }

    public List<NoviceError> entries() {
        return rules.stream().map(Rule::error).toList();
    }

    public Optional<NoviceError> entry(String id) {
        return entries().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** The most specific entry that fits the run, or empty when the run shows no failure. */
    public Optional<Finding> diagnose(Observation observation) {
        return diagnose(observation, null);
    }

    /**
     * As {@link #diagnose(Observation)}, knowing the line the fault was localised to: an entry recognised only from
     * the shape of the code (a {@code range}, a {@code return} in a loop) must then be on that line.
     */
    public Optional<Finding> diagnose(Observation observation, Integer suspectLine) {
        for (Rule rule : rules) {
            Optional<Finding> found = rule.detect().apply(observation);
            if (found.isPresent() && suspectLine != null && AT_THE_SUSPECT_LINE.contains(rule.error().id())
                    && !suspectLine.equals(found.get().line())) {
                continue;
            }
            if (found.isPresent()) {
                return Optional.of(new Finding(rule.error(), found.get().line(), found.get().detail()));
            }
        }
        return Optional.empty();
    }

    private static Rule rule(String id, String title, String meaning, String look, String rule, String example,
            LearningModule module, Function<Observation, Optional<Finding>> detect) {
        return new Rule(new NoviceError(id, title, meaning, look, rule, example, module), detect);
    }

    private static Optional<Finding> errorAt(Observation o, String type, String detail) {
        return o.errorIs(type) ? Optional.of(new Finding(null, o.errorLine(), detail)) : Optional.empty();
    }

    private static Optional<Finding> missingColon(Observation o) {
        if (!o.errorIs("SyntaxError")) {
            return Optional.empty();
        }
        if (o.errorMessage().contains("expected ':'")) {
            return Optional.of(new Finding(null, o.errorLine(), null));
        }
        return o.code().line(o.errorLine())
                .filter(line -> BLOCK_HEADER.matcher(line).find() && !StudentCode.codeOnly(line).strip().endsWith(":"))
                .map(line -> new Finding(null, o.errorLine(), null));
    }

    private static Optional<Finding> assignInCondition(Observation o) {
        if (!o.errorIs("SyntaxError")) {
            return Optional.empty();
        }
        boolean onLine = o.code().line(o.errorLine())
                .filter(line -> CONDITION_ASSIGN.matcher(StudentCode.codeOnly(line)).find()).isPresent();
        return onLine || o.errorMessage().contains("Maybe you meant '==' or ':='")
                ? Optional.of(new Finding(null, o.errorLine(), null)) : Optional.empty();
    }

    private static Optional<Finding> shadowedBuiltin(Observation o) {
        Matcher called = NOT_CALLABLE.matcher(o.errorMessage());
        boolean builtinGone = o.errorIs("TypeError") && called.find()
                && o.code().identifiers().stream().anyMatch(BUILTINS::contains);
        if (!builtinGone) {
            return Optional.empty();
        }
        for (String name : BUILTINS) {
            Optional<Integer> assigned = o.code().firstLineMatching(Pattern.compile(
                    "^\\s*" + name + "\\s*=[^=]|^\\s*for\\s+" + name + "\\s+in\\b|^\\s*def\\s+\\w+\\(.*\\b" + name + "\\b"));
            if (assigned.isPresent()) {
                return Optional.of(new Finding(null, assigned.get(), "`" + name + "`"));
            }
        }
        return Optional.empty();
    }

    private static Optional<Finding> inputIsString(Observation o) {
        boolean strProblem = o.errorIs("TypeError") && (o.errorMessage().contains("'str'")
                || o.errorMessage().contains("concatenate str"));
        boolean usesInput = o.code().source().contains("input(");
        boolean converted = Pattern.compile("(int|float)\\(\\s*input\\(").matcher(o.code().source()).find();
        return strProblem && usesInput && !converted ? Optional.of(new Finding(null, o.errorLine(), null))
                : Optional.empty();
    }

    private static Optional<Finding> stringImmutable(Observation o) {
        if (o.errorIs("TypeError") && o.errorMessage().contains("'str' object does not support item assignment")) {
            return Optional.of(new Finding(null, o.errorLine(), null));
        }
        if (!o.failed()) {
            return Optional.empty();
        }
        return o.code().firstLineMatching(DISCARDED_STRING_METHOD).map(line -> new Finding(null, line, null));
    }

    private static Optional<Finding> functionNotCalled(Observation o) {
        Set<String> functions = o.code().definedFunctions();
        Matcher repr = FUNCTION_REPR.matcher(o.stdout() + " " + o.errorMessage() + " "
                + o.wrongResults().stream().map(Observation.WrongResult::actual).toList());
        if (repr.find()) {
            String name = repr.group(2);
            Optional<Integer> used = o.code().firstLineMatching(Pattern.compile("\\b" + name + "\\b(?!\\s*\\()(?!.*def)"));
            return Optional.of(new Finding(null, used.orElse(null), "`" + name + "`"));
        }
        if (o.errorIs("TypeError") && o.errorMessage().contains("'function'")) {
            return Optional.of(new Finding(null, o.errorLine(), null));
        }
        for (String name : functions) {
            Optional<Integer> condition = o.code().firstLineMatching(
                    Pattern.compile("^\\s*(if|elif|while)\\s+(not\\s+)?" + name + "\\s*:"));
            if (condition.isPresent()) {
                return Optional.of(new Finding(null, condition.get(), "`" + name + "`"));
            }
        }
        return Optional.empty();
    }

    private static Optional<Finding> noneFromListMethod(Observation o) {
        if (!o.failed()) {
            return Optional.empty();
        }
        return o.code().firstLineMatching(ASSIGNED_NONE_METHOD).filter(line -> o.producedNone()
                        || o.errorIs("TypeError") || o.errorIs("AttributeError"))
                .map(line -> new Finding(null, line, null));
    }

    /** Functions with no {@code return value} line at all; the line is the function's header. */
    private static List<Integer> functionsWithoutReturn(StudentCode code) {
        List<Integer> found = new ArrayList<>();
        for (int header : code.linesMatching(Pattern.compile("^\\s*def\\s"))) {
            boolean returns = code.blockOf(header).stream()
                    .anyMatch(line -> RETURN_VALUE.matcher(StudentCode.codeOnly(code.lineText(line))).find());
            if (!returns) {
                found.add(header);
            }
        }
        return found;
    }

    private static Optional<Finding> printInsteadOfReturn(Observation o) {
        if (!o.producedNone()) {
            return Optional.empty();
        }
        for (int header : functionsWithoutReturn(o.code())) {
            Optional<Integer> print = o.code().blockOf(header).stream()
                    .filter(line -> PRINT.matcher(o.code().lineText(line)).find()).findFirst();
            if (print.isPresent()) {
                return Optional.of(new Finding(null, print.get(), null));
            }
        }
        return Optional.empty();
    }

    private static Optional<Finding> missingReturn(Observation o) {
        if (!o.producedNone()) {
            return Optional.empty();
        }
        List<Integer> without = functionsWithoutReturn(o.code());
        return without.isEmpty() ? Optional.empty() : Optional.of(new Finding(null, without.get(0), null));
    }

    private static Optional<Finding> nameTypo(Observation o) {
        Matcher unknown = NOT_DEFINED.matcher(o.errorMessage());
        if (!o.errorIs("NameError") || !unknown.find()) {
            return Optional.empty();
        }
        String missing = unknown.group(1);
        return o.code().definedNames().stream()
                .filter(name -> !name.equals(missing) && StudentCode.editDistance(name, missing)
                        <= (missing.length() <= 3 ? 1 : 2))
                .findFirst()
                .map(close -> new Finding(null, o.errorLine(), "`" + missing + "` is never given a value, but your "
                        + "code has `" + close + "`"));
    }

    private static Optional<Finding> attributeTypo(Observation o) {
        if (!o.errorIs("AttributeError")) {
            return Optional.empty();
        }
        Matcher typo = DID_YOU_MEAN.matcher(o.errorMessage());
        if (typo.find()) {
            return Optional.of(new Finding(null, o.errorLine(), "`" + typo.group(1) + "` is close to `"
                    + typo.group(2) + "`"));
        }
        Matcher missing = NO_ATTRIBUTE.matcher(o.errorMessage());
        if (!missing.find() || missing.group(1).equals("NoneType")) {
            return Optional.empty();
        }
        String name = missing.group(2);
        return COMMON_METHODS.stream()
                .filter(method -> !method.equals(name) && StudentCode.editDistance(method, name) <= 2
                        && Math.abs(method.length() - name.length()) <= 1)
                .findFirst()
                .map(method -> new Finding(null, o.errorLine(), "`" + name + "` is close to `" + method + "`"));
    }

    private static Optional<Finding> indexOffByOne(Observation o) {
        if (!o.errorIs("IndexError")) {
            return Optional.empty();
        }
        Optional<Integer> offByOne = o.code().firstLineMatching(OFF_BY_ONE);
        return offByOne.map(line -> new Finding(null, o.errorLine() != null ? o.errorLine() : line, null));
    }

    private static Optional<Finding> modifyWhileIterating(Observation o) {
        if (!o.failed()) {
            return Optional.empty();
        }
        for (int header : o.code().linesMatching(FOR_LOOP)) {
            Matcher loop = FOR_LOOP.matcher(o.code().lineText(header));
            if (!loop.find()) {
                continue;
            }
            Pattern changes = Pattern.compile("\\b" + loop.group(1) + "\\.(remove|append|pop|insert|extend|clear)\\(|"
                    + "^\\s*del\\s+" + loop.group(1) + "\\[");
            for (int line : o.code().blockOf(header)) {
                if (changes.matcher(StudentCode.codeOnly(o.code().lineText(line))).find()) {
                    return Optional.of(new Finding(null, line, null));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Finding> loopVariableUnchanged(Observation o) {
        if (!o.hung() && o.limit() != Limit.OUTPUT) {
            return Optional.empty();
        }
        for (int header : o.code().linesMatching(WHILE)) {
            if (o.hangLine() != null && o.hangLine() != header && !o.code().blockOf(header).contains(o.hangLine())) {
                continue;
            }
            Matcher condition = WHILE.matcher(StudentCode.codeOnly(o.code().lineText(header)));
            if (!condition.find()) {
                continue;
            }
            Matcher names = Pattern.compile("\\b[A-Za-z_]\\w*\\b").matcher(condition.group(1));
            List<String> variables = new ArrayList<>();
            while (names.find()) {
                String name = names.group();
                if (!Set.of("and", "or", "not", "True", "False", "None", "in", "is", "len").contains(name)) {
                    variables.add(name);
                }
            }
            boolean changed = o.code().blockOf(header).stream().map(o.code()::lineText).map(StudentCode::codeOnly)
                    .anyMatch(line -> variables.stream().anyMatch(v -> Pattern.compile(
                            "^\\s*" + v + "\\s*([-+*/%]?=)(?!=)|\\b" + v + "\\.(append|pop|remove|insert|extend|clear)\\(|"
                                    + "^\\s*(break|return)\\b").matcher(line).find()));
            if (!variables.isEmpty() && !changed) {
                return Optional.of(new Finding(null, header, "`" + String.join("`, `", variables) + "`"));
            }
        }
        return Optional.empty();
    }

    private static Optional<Finding> isInsteadOfEquals(Observation o) {
        if (!o.failed() && !o.stderr().contains("\"is\" with a literal")) {
            return Optional.empty();
        }
        return o.code().firstLineMatching(IS_LITERAL).map(line -> new Finding(null, line, null));
    }

    private static Optional<Finding> mutableDefault(Observation o) {
        if (!o.failed()) {
            return Optional.empty();
        }
        return o.code().firstLineMatching(MUTABLE_DEFAULT).map(line -> new Finding(null, line, null));
    }

    private static Optional<Finding> returnInLoop(Observation o) {
        if (o.wrongResults().isEmpty() && !o.producedNone()) {
            return Optional.empty();
        }
        for (int header : o.code().linesMatching(LOOP)) {
            List<Integer> body = o.code().blockOf(header);
            if (body.isEmpty()) {
                continue;
            }
            int bodyIndent = StudentCode.indentOf(o.code().lineText(body.get(0)));
            for (int line : body) {
                String text = o.code().lineText(line);
                if (StudentCode.indentOf(text) == bodyIndent && RETURN.matcher(text).find()) {
                    return Optional.of(new Finding(null, line, null));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Finding> rangeBounds(Observation o) {
        if (o.wrongResults().isEmpty()) {
            return Optional.empty();
        }
        return o.code().firstLineMatching(FOR_RANGE).map(line -> new Finding(null, line, null));
    }
}
