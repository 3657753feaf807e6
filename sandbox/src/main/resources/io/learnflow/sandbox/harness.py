"""LearnFlow test harness: runs a student's module against test cases, one result line per test.

Runs inside the sandbox as the untrusted process. Each test has its own time budget and is isolated from the
others' exceptions; the lines of the student's file each test executed are recorded. Results go to file
descriptor 3 as JSON lines, written as each test ends, so that a run cut short keeps the results it had.
Started by the supervisor as: harness.py TESTS_JSON CODE_DIR
"""
import ast
import copy
import io
import json
import os
import signal
import sys
import time
import traceback
import types

RESULTS_FD = 3


class TestTimedOut(BaseException):
    pass


def short(value, limit=300):
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= limit else text[:limit - 3] + "..."


def as_lists(value):
    if isinstance(value, types.GeneratorType):
        value = list(value)
    if isinstance(value, (list, tuple)):
        return [as_lists(v) for v in value]
    if isinstance(value, dict):
        return {k: as_lists(v) for k, v in value.items()}
    return value


class Coverage:
    enabled = True

    def __init__(self, path):
        self.path = path
        self.lines = set()

    def trace(self, frame, event, arg):
        if frame.f_code.co_filename != self.path:
            return None
        if event == "line":
            self.lines.add(frame.f_lineno)
        return self.trace

    def __enter__(self):
        self.lines = set()
        if Coverage.enabled:
            sys.settrace(self.trace)
        return self

    def __exit__(self, *exc):
        sys.settrace(None)
        return False


def error_of(exc, path):
    line = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename == path:
            line = frame.lineno
    if isinstance(exc, SyntaxError) and exc.filename == path:
        line = exc.lineno
    return {"type": type(exc).__name__, "message": short(str(exc)), "line": line}


def emit(result):
    os.write(RESULTS_FD, (json.dumps(result) + "\n").encode("utf-8"))


def on_alarm(signum, frame):
    raise TestTimedOut()


def run_assert(code_line, namespace):
    statement = ast.parse(code_line.strip(), mode="exec").body[0]
    if (isinstance(statement, ast.Assert) and isinstance(statement.test, ast.Compare)
            and len(statement.test.ops) == 1 and isinstance(statement.test.ops[0], ast.Eq)):
        actual = eval(compile(ast.Expression(statement.test.left), "<test>", "eval"), namespace)
        expected = eval(compile(ast.Expression(statement.test.comparators[0]), "<test>", "eval"), namespace)
        if actual == expected:
            return "PASSED", None, None
        return "FAILED", short(expected), short(actual)
    try:
        exec(compile(statement_module(statement), "<test>", "exec"), namespace)
    except AssertionError:
        return "FAILED", None, None
    return "PASSED", None, None


def statement_module(statement):
    module = ast.Module(body=[statement], type_ignores=[])
    return ast.fix_missing_locations(module)


def run_call(test, namespace):
    function = namespace.get(test["function"])
    if not callable(function):
        raise NameError("the code defines no function '%s'" % test["function"])
    actual = function(*copy.deepcopy(test["args"]))
    expected = test["expected"]
    if as_lists(actual) == as_lists(expected):
        return "PASSED", None, None
    return "FAILED", short(expected), short(actual)


def run_stdio(test, code, path):
    namespace = {"__name__": "__main__", "__file__": path}
    sys.stdin = io.StringIO(test["stdin"])
    output = io.StringIO()
    sys.stdout = output
    try:
        exec(code, namespace)
    finally:
        sys.stdout = sys.__stdout__
        sys.stdin = sys.__stdin__
    actual, expected = output.getvalue().rstrip(), test["expected"].rstrip()
    if actual == expected:
        return "PASSED", None, None
    return "FAILED", short(expected), short(actual)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        spec = json.load(f)
    path = sys.argv[2].rstrip("/") + "/" + spec["module"]
    budget = float(spec.get("perTestSeconds", 2))
    Coverage.enabled = bool(spec.get("coverage", True))
    signal.signal(signal.SIGALRM, on_alarm)
    with open(path, encoding="utf-8") as f:
        source = f.read()
    tests = spec["tests"]
    namespace = {"__name__": "solution", "__file__": path}
    load_error = None
    loaded_lines = []
    try:
        code = compile(source, path, "exec")
        if any(t["kind"] != "stdio" for t in tests):
            sys.stdout = io.StringIO()
            signal.setitimer(signal.ITIMER_REAL, budget)
            try:
                with Coverage(path) as coverage:
                    exec(code, namespace)
                    if spec.get("setup"):
                        exec(spec["setup"], namespace)
                loaded_lines = sorted(coverage.lines)
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
                sys.stdout = sys.__stdout__
    except TestTimedOut:
        load_error = {"type": "TimeoutError", "message": "loading the code took longer than %.1f s" % budget,
                      "line": None}
    except BaseException as exc:  # the student's module failed to load: every test reports why
        load_error = error_of(exc, path)
    emit({"kind": "load", "lines": loaded_lines, "error": load_error})
    for index, test in enumerate(tests):
        result = {"index": index, "status": "ERROR", "expected": None, "actual": None, "error": None, "lines": []}
        started = time.monotonic()
        if load_error is not None and test["kind"] != "stdio":
            result["error"] = load_error
        else:
            captured = io.StringIO()
            coverage = Coverage(path)
            try:
                signal.setitimer(signal.ITIMER_REAL, budget)
                with coverage:
                    if test["kind"] == "assert":
                        sys.stdout = captured
                        status, expected, actual = run_assert(test["code"], namespace)
                    elif test["kind"] == "call":
                        sys.stdout = captured
                        status, expected, actual = run_call(test, namespace)
                    else:
                        status, expected, actual = run_stdio(test, compile(source, path, "exec"), path)
                result.update(status=status, expected=expected, actual=actual)
            except TestTimedOut as exc:  # the line the budget interrupted: in a hang, a line of the loop
                result.update(status="TIMED_OUT",
                              error={"type": "TimeoutError", "message": "over its %.1f s budget" % budget,
                                     "line": error_of(exc, path)["line"]})
            except BaseException as exc:  # a test's failure must not stop the others
                result["error"] = error_of(exc, path)
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
                sys.stdout = sys.__stdout__
                sys.stdin = sys.__stdin__
            result["lines"] = sorted(coverage.lines)
        result["millis"] = int((time.monotonic() - started) * 1000)
        emit(result)


if __name__ == "__main__":
    main()
