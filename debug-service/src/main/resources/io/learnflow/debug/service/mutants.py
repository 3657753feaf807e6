"""LearnFlow mutation search: runs variants of a student's module against its tests, one result line per variant.

Runs inside the sandbox as an untrusted program. Reads the module, the tests and the variants as JSON on stdin. For
each variant: load it in a fresh namespace, run the tests that failed on the original first (all of them, to count
how many it fixes), then the tests that passed, stopping at the first one it breaks. Each test has its own budget.
Results go to stdout, each line starting with the marker given in the input, so that what the student's code prints
is never read as a result.
"""
import ast
import copy
import io
import json
import os
import signal
import sys
import types


class OverBudget(BaseException):
    pass


def on_alarm(signum, frame):
    raise OverBudget()


def as_lists(value):
    if isinstance(value, types.GeneratorType):
        value = list(value)
    if isinstance(value, (list, tuple)):
        return [as_lists(v) for v in value]
    if isinstance(value, dict):
        return {k: as_lists(v) for k, v in value.items()}
    return value


def passes(test, namespace, code):
    if test["kind"] == "assert":
        statement = ast.parse(test["code"].strip(), mode="exec").body[0]
        module = ast.fix_missing_locations(ast.Module(body=[statement], type_ignores=[]))
        try:
            exec(compile(module, "<test>", "exec"), namespace)
        except AssertionError:
            return False
        return True
    if test["kind"] == "call":
        function = namespace.get(test["function"])
        return callable(function) and as_lists(function(*copy.deepcopy(test["args"]))) == as_lists(test["expected"])
    output = io.StringIO()
    sys.stdin = io.StringIO(test["stdin"])
    sys.stdout = output
    exec(code, {"__name__": "__main__"})
    return output.getvalue().rstrip() == test["expected"].rstrip()


def run_test(test, budget, namespace, code):
    signal.setitimer(signal.ITIMER_REAL, budget)
    try:
        return passes(test, namespace, code)
    except BaseException:  # a variant's exception or hang is a failure of that variant, nothing more
        return False
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        sys.stdout = io.StringIO()
        sys.stdin = io.StringIO("")


def load(source, path, setup, budget):
    namespace = {"__name__": "solution", "__file__": path}
    signal.setitimer(signal.ITIMER_REAL, budget)
    try:
        code = compile(source, path, "exec")
        exec(code, namespace)
        if setup:
            exec(setup, namespace)
        return namespace, code
    except BaseException:
        return None, None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def main():
    spec = json.loads(sys.stdin.read())
    sys.setrecursionlimit(2000)
    signal.signal(signal.SIGALRM, on_alarm)
    out = os.dup(1)
    sys.stdout = io.StringIO()
    sys.stdin = io.StringIO("")
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), spec["module"])
    tests = spec["tests"]
    failing = spec["failing"]
    passing = spec["passing"]
    for variant in spec["variants"]:
        namespace, code = load(variant["source"], path, spec.get("setup"), spec["loadBudget"])
        fixed = 0
        broke = False
        if namespace is not None:
            for tried, index in enumerate(failing, start=1):
                if run_test(tests[index], spec["budgets"][index], namespace, code):
                    fixed += 1
                elif index in spec["timedOut"] or (fixed == 0 and tried >= 2):
                    break  # hopeless or still hanging: the rest of the failing tests would only cost time
            if fixed > 0:
                for index in passing:
                    if not run_test(tests[index], spec["budgets"][index], namespace, code):
                        broke = True
                        break
        else:
            broke = True
        line = json.dumps({"id": variant["id"], "fixed": fixed, "broke": broke})
        os.write(out, (spec["marker"] + line + "\n").encode("utf-8"))


if __name__ == "__main__":
    main()
