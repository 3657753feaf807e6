#!/usr/bin/env python3
"""Builds the MBPP part of the exercise bank from MBPP's JSONL, tagging each problem from its reference solution.

Usage (from exercise-service/):
    python3 tools/build_exercise_bank.py ../sandbox/src/test/resources/mbpp/mbpp_bank.jsonl

Writes src/main/resources/bank/mbpp-exercises.json (the exercises the service loads at start-up) and
tools/bank-report.md (counts per module and difficulty, and the thresholds used). Deterministic: the same input
gives byte-identical output.

Module: the solution's syntax tree is read for the constructs a student must know to write it, and the problem goes
to the latest module of the curriculum (variables, conditionals, loops, functions, lists, dictionaries, strings,
classes) whose construct it needs. `def` itself is the exercise format, not a construct: the functions module is for
recursion, lambdas, nested or several functions and functions passed as values.

Difficulty: a complexity score from the tree (statements, loop nesting, comprehensions, recursion, distinct
constructs); easy, medium and hard are the bank's lower, middle and upper thirds of that score.
"""
import ast
import json
import os
import re
import sys

MODULES = ["variables", "conditionals", "loops", "functions", "lists", "dictionaries", "strings", "classes"]

STRING_METHODS = {"split", "join", "upper", "lower", "strip", "lstrip", "rstrip", "replace", "startswith",
                  "endswith", "find", "rfind", "isdigit", "isalpha", "isalnum", "isupper", "islower", "isspace",
                  "title", "capitalize", "swapcase", "format", "zfill", "center", "ljust", "rjust", "partition",
                  "casefold", "splitlines", "translate", "maketrans", "encode", "ord", "chr"}
LIST_METHODS = {"append", "extend", "insert", "pop", "remove", "sort", "reverse", "index"}
LIST_BUILTINS = {"sorted", "list", "tuple", "zip", "enumerate", "set", "reversed", "heapq", "bisect"}
DICT_METHODS = {"items", "keys", "values", "get", "setdefault", "update", "most_common", "fromkeys"}
DICT_BUILTINS = {"dict", "Counter", "defaultdict", "OrderedDict"}
HIGHER_ORDER = {"map", "filter", "reduce"}


class Features(ast.NodeVisitor):
    """What a solution's syntax tree uses, by the module that teaches it."""

    def __init__(self, function_name):
        self.function_name = function_name
        self.found = {module: set() for module in MODULES}
        self.statements = 0
        self.loop_depth = 0
        self.max_loop_depth = 0
        self.comprehensions = 0
        self.functions = 0
        self.returns_value = False
        self.imports = set()
        self.current_function = []

    def generic_visit(self, node):
        if isinstance(node, ast.stmt):
            self.statements += 1
        super().generic_visit(node)

    def visit_ClassDef(self, node):
        self.found["classes"].add("class")
        self.generic_visit(node)

    def visit_FunctionDef(self, node):
        self.functions += 1
        if self.current_function:
            self.found["functions"].add("nested function")
        if any(default is not None for default in node.args.defaults):
            self.found["functions"].add("default argument")
        self.current_function.append(node.name)
        self.generic_visit(node)
        self.current_function.pop()

    def visit_Lambda(self, node):
        self.found["functions"].add("lambda")
        self.generic_visit(node)

    def _loop(self, node, name):
        self.found["loops"].add(name)
        self.loop_depth += 1
        self.max_loop_depth = max(self.max_loop_depth, self.loop_depth)
        self.generic_visit(node)
        self.loop_depth -= 1

    def visit_For(self, node):
        self._loop(node, "for loop")

    def visit_While(self, node):
        self._loop(node, "while loop")

    def _comprehension(self, node, module, name):
        self.comprehensions += 1
        self.found[module].add(name)
        self.generic_visit(node)

    def visit_ListComp(self, node):
        self._comprehension(node, "lists", "list comprehension")

    def visit_SetComp(self, node):
        self._comprehension(node, "lists", "set comprehension")

    def visit_GeneratorExp(self, node):
        self._comprehension(node, "lists", "generator expression")

    def visit_DictComp(self, node):
        self._comprehension(node, "dictionaries", "dict comprehension")

    def visit_Dict(self, node):
        self.found["dictionaries"].add("dict literal")
        self.generic_visit(node)

    def visit_List(self, node):
        self.found["lists"].add("list literal")
        self.generic_visit(node)

    def visit_Tuple(self, node):
        if isinstance(node.ctx, ast.Load) and node.elts:
            self.found["lists"].add("tuple")
        self.generic_visit(node)

    def visit_Subscript(self, node):
        self.found["lists"].add("slicing" if isinstance(node.slice, ast.Slice) else "indexing")
        self.generic_visit(node)

    def visit_If(self, node):
        self.found["conditionals"].add("if statement")
        self.generic_visit(node)

    def visit_IfExp(self, node):
        self.found["conditionals"].add("conditional expression")
        self.generic_visit(node)

    def visit_BoolOp(self, node):
        self.found["conditionals"].add("boolean operator")
        self.generic_visit(node)

    def visit_Compare(self, node):
        self.found["conditionals"].add("comparison")
        self.generic_visit(node)

    def visit_Return(self, node):
        if node.value is not None:
            self.returns_value = True
        self.generic_visit(node)

    def visit_Import(self, node):
        self.imports.update(alias.name.split(".")[0] for alias in node.names)
        self.generic_visit(node)

    def visit_ImportFrom(self, node):
        if node.module:
            self.imports.add(node.module.split(".")[0])
        self.generic_visit(node)

    def visit_JoinedStr(self, node):
        self.found["strings"].add("f-string")
        self.generic_visit(node)

    def visit_Call(self, node):
        name = None
        if isinstance(node.func, ast.Name):
            name = node.func.id
            if self.current_function and name == self.current_function[-1]:
                self.found["functions"].add("recursion")
            if name in HIGHER_ORDER:
                self.found["functions"].add("function passed as a value")
            if name in LIST_BUILTINS:
                self.found["lists"].add(name + "()")
            if name in DICT_BUILTINS:
                self.found["dictionaries"].add(name + "()")
            if name in ("ord", "chr", "str"):
                self.found["strings"].add(name + "()")
        elif isinstance(node.func, ast.Attribute):
            name = node.func.attr
            owner = node.func.value.id if isinstance(node.func.value, ast.Name) else None
            if owner == "re":
                self.found["strings"].add("regular expression")
            elif name in STRING_METHODS:
                self.found["strings"].add("str." + name)
            elif name in DICT_METHODS:
                self.found["dictionaries"].add("dict." + name)
            elif name in LIST_METHODS:
                self.found["lists"].add("list." + name)
            elif name in HIGHER_ORDER:
                self.found["functions"].add("function passed as a value")
        self.generic_visit(node)

    def visit_Constant(self, node):
        if isinstance(node.value, str) and node.value and not self.current_function == []:
            self.found["strings"].add("string literal")
        self.generic_visit(node)


INPUT_MODULES = {str: ("strings", "string input"), dict: ("dictionaries", "dictionary input"),
                 list: ("lists", "list input"), tuple: ("lists", "tuple input")}


def input_types(test):
    """The kinds of value the example call takes (what the function works on), from the first assert."""
    for node in ast.walk(ast.parse(test)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            for arg in node.args:
                try:
                    yield type(ast.literal_eval(arg))
                except (ValueError, SyntaxError, TypeError):
                    continue
            return


def features_of(problem, function_name):
    tree = ast.parse(problem["code"])
    features = Features(function_name)
    features.visit(tree)
    for kind in input_types(problem["test_list"][0]):
        if kind in INPUT_MODULES:
            module, name = INPUT_MODULES[kind]
            features.found[module].add(name)
    if features.functions > 1:
        features.found["functions"].add("several functions")
    # a string literal alone (a message, a separator) does not make a strings problem
    if features.found["strings"] == {"string literal"}:
        features.found["strings"].clear()
    return tree, features


def module_of(features):
    for module in reversed(MODULES):
        if features.found[module]:
            return module
    return "variables"


def complexity_of(features):
    constructs = sum(len(found) for found in features.found.values())
    return (features.statements + 3 * features.max_loop_depth + 2 * features.comprehensions
            + (4 if "recursion" in features.found["functions"] else 0) + constructs)


def function_name_of(problem, tree):
    for test in problem["test_list"]:
        for node in ast.walk(ast.parse(test)):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                if any(isinstance(d, ast.FunctionDef) and d.name == node.func.id for d in tree.body):
                    return node.func.id
    defs = [d.name for d in tree.body if isinstance(d, ast.FunctionDef)]
    return defs[-1] if defs else None


def signature_of(tree, function_name):
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == function_name:
            return "def %s(%s):" % (function_name, ast.unparse(node.args))
        if isinstance(node, ast.ClassDef) and node.name == function_name:
            return "class %s:" % function_name
    return None


def example_of(test):
    """`call` returns `value` for an `assert call == value` line, else the assert itself."""
    node = ast.parse(test).body[0]
    if isinstance(node, ast.Assert) and isinstance(node.test, ast.Compare) and len(node.test.ops) == 1 \
            and isinstance(node.test.ops[0], ast.Eq):
        return "`%s` returns `%s`" % (ast.unparse(node.test.left), ast.unparse(node.test.comparators[0]))
    return "this check passes: `%s`" % test.strip()


def title_of(text):
    words = re.sub(r"^\s*write\s+an?\s+(python\s+)?(function|program)\s+(to|that|which)\s+", "", text.strip(),
                   flags=re.I)
    words = words.rstrip(". ")
    title = words[:1].upper() + words[1:]
    if len(title) > 70:
        title = title[:70].rsplit(" ", 1)[0] + "…"
    return title


def expected_kind(test):
    node = ast.parse(test).body[0]
    if isinstance(node, ast.Assert) and isinstance(node.test, ast.Compare) and node.test.comparators:
        value = node.test.comparators[0]
        try:
            literal = ast.literal_eval(value)
        except (ValueError, SyntaxError):
            return "a value"
        kinds = {bool: "True or False", int: "a number", float: "a number", str: "a string", list: "a list",
                 tuple: "a tuple", dict: "a dictionary", set: "a set"}
        return kinds.get(type(literal), "a value")
    return "a value"


FIRST_HINTS = [
    ("recursion", "functions", "The answer for a big input can be built from the answer for a smaller one: what is "
                               "the smallest input you can answer straight away?"),
    ("class", "classes", "Start by deciding what each object must remember, then what it must be able to do."),
    ("regular expression", "strings", "Describe the pattern you are looking for in words first: which characters, "
                                      "how many, in what order?"),
    ("dict literal", "dictionaries", "A dictionary lets you remember something about each key you have seen."),
    ("dict comprehension", "dictionaries", "A dictionary lets you remember something about each key you have seen."),
    ("Counter()", "dictionaries", "Counting how often each thing occurs is the heart of this problem."),
    ("defaultdict()", "dictionaries", "A dictionary lets you remember something about each key you have seen."),
    ("list comprehension", "lists", "Think of the result as a new collection built from the input, one item at a "
                                    "time, keeping or changing each item."),
    ("generator expression", "lists", "Think of the answer as combining one value computed from each item."),
    ("while loop", "loops", "Repeat a step until a condition tells you to stop: what changes on every round?"),
    ("for loop", "loops", "Go through the input one item at a time and keep a running result."),
    ("if statement", "conditionals", "Which cases does the input fall into? Handle each one separately."),
]


def hints_of(features, tests):
    found = set().union(*features.found.values())
    hints = []
    for construct, _, hint in FIRST_HINTS:
        if construct in found:
            hints.append(hint)
            break
    else:
        hints.append("Work one example out by hand first, and write down each step you took.")
    tools = sorted(f for f in found if f.endswith("()") or f.startswith(("str.", "list.", "dict.")))
    tools += sorted(name for name in features.imports if name in ("math", "re", "heapq", "itertools", "collections",
                                                                   "bisect", "functools"))
    if tools:
        hints.append("Tools that fit this problem: " + ", ".join("`%s`" % t for t in tools[:4]) + ".")
    elif features.max_loop_depth > 1:
        hints.append("One loop inside another lets you compare every pair of items.")
    loops = {0: "", 1: " A solution needs one loop", 2: " A solution needs one loop inside another"}
    shape = loops[min(features.max_loop_depth, 2)]
    if shape:
        shape += " with a decision in it." if "if statement" in found else "."
    hints.append("It returns %s.%s Check your function against the example first, then against the edge cases."
                 % (expected_kind(tests[0]), shape))
    return hints[:3]


def setup_definitions(code, tree, function_name, tests):
    """Top-level classes and values of the solution that the tests use by name: part of the problem, not the answer."""
    used = {node.id for test in tests for node in ast.walk(ast.parse(test)) if isinstance(node, ast.Name)}
    kept = []
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name in used and node.name != function_name:
            kept.append(ast.get_source_segment(code, node))
    return kept


def difficulty_of(score, thresholds):
    low, high = thresholds
    return "easy" if score <= low else "medium" if score <= high else "hard"


def tertiles(scores):
    ordered = sorted(scores)
    return ordered[len(ordered) // 3 - 1], ordered[2 * len(ordered) // 3 - 1]


def main(path):
    here = os.path.dirname(os.path.abspath(__file__))
    with open(path, encoding="utf-8") as source:
        problems = sorted((json.loads(line) for line in source if line.strip()), key=lambda p: p["task_id"])
    rows = []
    for problem in problems:
        problem["code"] = problem["code"].replace("\r\n", "\n")
        problem["test_setup_code"] = problem["test_setup_code"].replace("\r\n", "\n")
        tree = ast.parse(problem["code"])
        name = function_name_of(problem, tree)
        _, features = features_of(problem, name)
        rows.append((problem, tree, name, features, complexity_of(features)))
    thresholds = tertiles([row[4] for row in rows])
    exercises = []
    counts = {}
    for problem, tree, name, features, score in rows:
        module = module_of(features)
        difficulty = difficulty_of(score, thresholds)
        counts[(module, difficulty)] = counts.get((module, difficulty), 0) + 1
        signature = signature_of(tree, name) or "def %s(...):" % name
        text = problem["text"].strip()
        description = "%s\n\nWrite `%s`\n\nFor example, %s." % (text, signature[:-1], example_of(problem["test_list"][0]))
        tests = [{"name": "example" if i == 0 else "check %d" % (i + 1), "statement": test.strip(), "hidden": False}
                 for i, test in enumerate(problem["test_list"])]
        exercises.append({
            "id": "mbpp-%d" % problem["task_id"],
            "kind": "code",
            "sourceTaskId": problem["task_id"],
            "title": title_of(text),
            "module": module,
            "difficulty": difficulty,
            "complexity": score,
            "functionName": name,
            "description": description,
            "starterCode": "".join(d + "\n\n\n" for d in setup_definitions(problem["code"], tree, name, problem["test_list"]))
                       + signature + "\n    pass\n",
            "solutionCode": problem["code"],
            "testSetupCode": problem["test_setup_code"],
            "tests": tests,
            "hints": hints_of(features, problem["test_list"]),
            "estimatedMinutes": {"easy": 10, "medium": 20, "hard": 30}[difficulty],
            "tags": sorted(set().union(*features.found.values())),
        })
    with open(os.path.join(here, "..", "src", "main", "resources", "bank", "mbpp-exercises.json"), "w",
              encoding="utf-8") as out:
        json.dump(exercises, out, indent=1, ensure_ascii=False)
        out.write("\n")
    with open(os.path.join(here, "bank-report.md"), "w", encoding="utf-8") as report:
        report.write("# MBPP exercises by module and difficulty\n\n")
        report.write("Written by `tools/build_exercise_bank.py` from %d MBPP problems. Complexity thresholds "
                     "(tertiles of the bank): easy <= %d < medium <= %d < hard.\n\n" % (len(rows), *thresholds))
        report.write("| module | easy | medium | hard | total |\n|---|---|---|---|---|\n")
        for module in MODULES:
            row = [counts.get((module, d), 0) for d in ("easy", "medium", "hard")]
            report.write("| %s | %d | %d | %d | %d |\n" % (module, *row, sum(row)))
        totals = [sum(counts.get((m, d), 0) for m in MODULES) for d in ("easy", "medium", "hard")]
        report.write("| **all** | %d | %d | %d | %d |\n" % (*totals, sum(totals)))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
