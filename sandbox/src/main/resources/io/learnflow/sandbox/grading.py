"""LearnFlow grading supervisor: grades a student's module against tests that the student's code never sees.

Three kinds of process, all inside the bubblewrap sandbox:

* the supervisor (this module, run by runner.py as the sandbox's PID 1, not dumpable: no process of the run may
  trace it, read its memory or open its file descriptors, and PID 1 ignores the signals the run sends it). It reads
  the tests from its standard input, which only it holds, evaluates each test statement itself with genuine
  builtins, and writes the one report on its standard output. It never runs, imports or compiles the student's code.
* a fork server, forked before the tests were read (so its memory holds none), which never runs the student's code
  either: it forks the children of the student's code and, when one is done, kills its process group, reaps it and
  reports its usage.
* the child of the student's code: it loads the student's module and the setup code, then answers the supervisor's
  requests on its own pipes, test after test: the student's names, calls of the student's functions with given
  arguments, an attribute, the items of an iterator. A test that hangs, crashes it, exits or runs into a limit ends
  it, and the next test gets a fresh one.

Values cross back as plain data (None, bool, int, float, complex, str, bytes, list, tuple, dict, set and a few
standard containers) that the supervisor decodes into its own objects; any other object stays in the child and is
known to the supervisor only as an opaque handle that equals nothing but itself and has no truth value. So the
comparisons of a test, its assert and its verdict happen where the student's code cannot reach, between values the
student's code did not make; a child that exits, crashes, hangs, prints, lies in its answers or kills what it can
only fails its own tests.
"""
import _ast
import _json
import _signal
import builtins
import os
import select
import sys
import time

SIGKILL, SIGXCPU, SIGPROF = 9, 24, 27
# a test's budget is CPU time, so that a loaded machine does not fail slow honest code; a test that waits without
# computing ends at this many times its budget of wall time
WALL_PER_CPU = 5
# at that point the child is told its budget is over, and has this long to say at which line it was
NUDGE_SECONDS = 0.3
REPLY_CAP = 1024 * 1024
ITEMS_CAP = 100000
TRUSTED_MODULES = frozenset((
    "math", "cmath", "collections", "itertools", "functools", "heapq", "bisect", "re", "string", "operator",
    "fractions", "decimal", "statistics", "datetime", "copy", "array", "sys", "random", "typing"))
BUILTIN_NAMES = frozenset(dir(builtins))
_FUNCTION = type(lambda: None)
_BUILTIN_FUNCTION = type(len)


# ---------------------------------------------------------------- JSON with the C codec only: the json package would
# import re and enum, a third of the run's start-up

class _Decoding:
    strict, object_hook, object_pairs_hook = True, None, None
    parse_float, parse_int, parse_constant = float, int, float
    memo = {}


_SCAN = _json.make_scanner(_Decoding())
_ENCODE = _json.make_encoder(None, None, _json.encode_basestring_ascii, None, ":", ",", False, False, True)


def from_json(text):
    if isinstance(text, (bytes, bytearray)):
        text = bytes(text).decode("utf-8")
    text = text.strip()
    try:
        value, end = _SCAN(text, 0)
    except StopIteration:
        raise ValueError("not JSON")
    if end != len(text):
        raise ValueError("extra data after the JSON value")
    return value


def to_json(value):
    return "".join(_ENCODE(value, 0))


# ---------------------------------------------------------------- values as plain data, both sides

def encode(value, handle=None, depth=0):
    """A value as JSON-ready data; objects that are not plain data become handles (or, without a registry, an error)."""
    kind = type(value)
    if value is None or kind is bool or kind is str:
        return value
    if kind is int:
        return value if -(1 << 53) < value < (1 << 53) else {"t": "int", "v": str(value)}
    if kind is float:
        return {"t": "float", "v": repr(value)}
    if depth > 100:
        raise ValueError("the value is nested too deeply")
    if kind is list:
        return {"t": "list", "v": [encode(v, handle, depth + 1) for v in value]}
    if kind is tuple:
        return {"t": "tuple", "v": [encode(v, handle, depth + 1) for v in value]}
    if kind is dict:
        return {"t": "dict", "v": [[encode(k, handle, depth + 1), encode(v, handle, depth + 1)] for k, v in value.items()]}
    if kind is set or kind is frozenset:
        return {"t": kind.__name__, "v": [encode(v, handle, depth + 1) for v in value]}
    if kind is complex:
        return {"t": "complex", "v": [repr(value.real), repr(value.imag)]}
    if kind is bytes or kind is bytearray:
        return {"t": kind.__name__, "v": value.hex()}
    if kind is range:
        return {"t": "range", "v": [value.start, value.stop, value.step]}
    special = _encode_standard(value, kind, handle, depth)
    if special is not None:
        return special
    if (kind is type or kind is _BUILTIN_FUNCTION) and getattr(builtins, str(value.__name__), None) is value:
        return {"t": "builtin", "v": value.__name__}
    if kind is _FUNCTION and isinstance(getattr(value, "__learnflow_source__", None), str):
        return {"t": "source", "v": value.__learnflow_source__}
    return handle(value)


def _encode_standard(value, kind, handle, depth):
    module = getattr(kind, "__module__", None)
    if module == "collections":
        name = kind.__name__
        if name in ("OrderedDict", "Counter", "defaultdict"):
            return {"t": name, "v": [[encode(k, handle, depth + 1), encode(v, handle, depth + 1)]
                                     for k, v in dict.items(value)]}
        if name == "deque":
            return {"t": "deque", "v": [encode(v, handle, depth + 1) for v in value]}
    if module in ("decimal", "_decimal", "_pydecimal") and kind.__name__ == "Decimal":
        return {"t": "Decimal", "v": str(value)}
    if module == "fractions" and kind.__name__ == "Fraction":
        return {"t": "Fraction", "v": [str(value.numerator), str(value.denominator)]}
    if isinstance(value, tuple) and hasattr(kind, "_fields") and kind.__eq__ is tuple.__eq__:
        return {"t": "tuple", "v": [encode(v, handle, depth + 1) for v in tuple.__iter__(value)]}
    if handle is not None and hasattr(kind, "__next__") and hasattr(kind, "__iter__"):
        items = []
        for item in value:
            items.append(encode(item, handle, depth + 1))
            if len(items) > ITEMS_CAP:
                raise ValueError("the iterator gives more than %d items" % ITEMS_CAP)
        return {"t": "iterator", "v": items}
    if kind.__name__ in ("dict_keys", "dict_values", "dict_items") and handle is not None:
        return {"t": kind.__name__, "v": [encode(v, handle, depth + 1) for v in value]}
    return None


def decode(data, resolve):
    """Plain data back into values made here; handles through resolve (a callable of the handle's fields)."""
    if data is None or type(data) in (bool, int, str):
        return data
    if type(data) is not dict:
        raise ValueError("not a value: %r" % type(data))
    tag, value = data.get("t"), data.get("v")
    items = (lambda: [decode(v, resolve) for v in value])
    pairs = (lambda: [(decode(k, resolve), decode(v, resolve)) for k, v in value])
    if tag == "int":
        return int(value)
    if tag == "float":
        return float(value)
    if tag == "list":
        return items()
    if tag == "tuple":
        return tuple(items())
    if tag == "set":
        return set(items())
    if tag == "frozenset":
        return frozenset(items())
    if tag == "dict":
        return dict(pairs())
    if tag == "complex":
        return complex(float(value[0]), float(value[1]))
    if tag == "bytes":
        return bytes.fromhex(value)
    if tag == "bytearray":
        return bytearray.fromhex(value)
    if tag == "range":
        return range(int(value[0]), int(value[1]), int(value[2]))
    if tag == "iterator":
        return iter(items())
    if tag in ("dict_keys", "dict_values", "dict_items"):
        return items()
    if tag in ("OrderedDict", "Counter", "defaultdict", "deque"):
        import collections
        if tag == "deque":
            return collections.deque(items())
        made = dict(pairs())
        return collections.OrderedDict(made) if tag == "OrderedDict" else (
            collections.Counter(made) if tag == "Counter" else collections.defaultdict(None, made))
    if tag == "Decimal":
        import decimal
        return decimal.Decimal(value)
    if tag == "Fraction":
        import fractions
        return fractions.Fraction(int(value[0]), int(value[1]))
    if tag == "builtin":
        found = getattr(builtins, str(value), None)
        if type(found) is not type and type(found) is not _BUILTIN_FUNCTION:
            raise ValueError("not a builtin: %r" % value)
        return found
    if tag in ("handle", "source"):
        return resolve(data)
    raise ValueError("unknown value tag %r" % tag)


class Lines:
    """The newline-ended messages of a pipe, in order; None at its end."""

    def __init__(self, fd):
        self.reader, self.pending = os.fdopen(fd, "rb", buffering=0), b""

    def next(self):
        while b"\n" not in self.pending:
            chunk = self.reader.read(65536)
            if not chunk:
                return None
            self.pending += chunk
        line, self.pending = self.pending.split(b"\n", 1)
        return line


def write_all(fd, data):
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def short(text, limit=300):
    text = text if isinstance(text, str) else repr(text)
    return text if len(text) <= limit else text[:limit - 3] + "..."


# ---------------------------------------------------------------- the child: the student's side

class TestTimedOut(BaseException):
    pass


def _on_alarm(signum, frame):
    raise TestTimedOut()


def child_error(exc, path):
    line = None
    trace = exc.__traceback__
    while trace is not None:
        if trace.tb_frame.f_code.co_filename == path:
            line = trace.tb_lineno
        trace = trace.tb_next
    if isinstance(exc, SyntaxError) and exc.filename == path:
        line = exc.lineno
    try:
        message = short(str(exc))
    except BaseException:
        message = ""
    return {"type": type(exc).__name__, "message": message, "line": line, "timedOut": isinstance(exc, TestTimedOut)}


def serve(path, compiled):
    """In a child of the student's code, after its limits are set: answer requests on fd 3, reply on fd 4; each test
    starts with a request that sets its CPU budget. Never returns."""
    requests = Lines(3)
    namespace = {"__name__": "solution", "__file__": path, "__builtins__": builtins}
    objects = []

    def handle(value):
        objects.append(value)
        try:
            text = short(repr(value), 200)
        except BaseException:
            text = "<%s object>" % type(value).__name__
        return {"t": "handle", "id": len(objects) - 1, "type": type(value).__name__, "repr": text,
                "callable": callable(value)}

    def resolve(data):
        if data["t"] == "handle":
            return objects[int(data["id"])]
        return eval(compile(data["v"], "<test>", "eval"), namespace)

    def standard_origin(value):
        kind = type(value)
        if kind is type(sys):
            name = value.__name__
        else:
            name = getattr(value, "__module__", None)
        if not isinstance(name, str) or name.split(".")[0].lstrip("_") not in TRUSTED_MODULES:
            return None
        if kind is type(sys):
            return [name, ""]
        qualname = getattr(value, "__qualname__", None)
        return [name, qualname] if isinstance(qualname, str) else None

    def answer(message):
        op = message["op"]
        if op in ("load", "names"):
            _signal.setitimer(_signal.ITIMER_PROF, float(message["budget"]))
        if op == "load":
            if isinstance(compiled, dict):
                return {"error": compiled}
            exec(compiled, namespace)
            if message.get("setup"):
                exec(compile(message["setup"], "<setup>", "exec"), namespace)
        if op in ("load", "names"):
            names = {}
            for name in message["names"]:
                if name in namespace:
                    origin = standard_origin(namespace[name])
                    names[name] = {"standard": origin} if origin else {"value": encode(namespace[name], handle)}
            return {"names": names}
        target = objects[int(message["id"])]
        if op == "call":
            args = [decode(a, resolve) for a in message["args"]]
            kwargs = {k: decode(v, resolve) for k, v in message["kwargs"].items()}
            result = target(*args, **kwargs)
            after = [encode(a, handle) if type(a) in (list, dict, set, bytearray) else None for a in args]
            return {"value": encode(result, handle), "args": after}
        if op == "attr":
            return {"value": encode(getattr(target, message["name"]), handle)}
        if op == "items":
            return {"value": encode(list(target), handle)}
        if op == "len":
            return {"value": len(target)}
        if op == "getitem":
            return {"value": encode(target[decode(message["key"], resolve)], handle)}
        if op == "contains":
            return {"value": decode(message["key"], resolve) in target}
        raise ValueError("unknown request %r" % op)

    _signal.signal(SIGPROF, _on_alarm)
    while True:
        line = requests.next()
        if line is None:
            os._exit(0)
        try:
            reply = answer(from_json(line))
        except BaseException as exc:
            reply = {"error": child_error(exc, path)}
        try:
            data = to_json(reply).encode("utf-8") + b"\n"
        except BaseException as exc:
            data = to_json({"error": child_error(exc, path)}).encode("utf-8") + b"\n"
        if len(data) > REPLY_CAP:
            data = to_json({"error": {"type": "ValueError", "message": "the result is too large to check",
                                         "line": None}}).encode("utf-8") + b"\n"
        write_all(4, data)


def fork_server(runner, spec, commands, answers, channels, path):
    """The fork server's loop: 'F i' forks a child on test i's pipes, 'E i' ends it, replying one line each; 'Q'
    quits. Never returns."""
    null = os.open("/dev/null", os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    for i, (to_child, from_child, out, err) in enumerate(channels):
        for fd in (to_child[1], from_child[0], out[0], err[0]):
            os.close(fd)
    try:
        with open(path, "rb") as source:
            compiled = compile(source.read(), path, "exec")
    except BaseException as exc:
        compiled = child_error(exc, path)
    children = {}
    reader = Lines(commands)
    while True:
        line = reader.next()
        words = line.decode("ascii").split(" ") if line is not None else ["Q"]
        if words[0] == "Q":
            os._exit(0)
        verb, index = words[0], int(words[1])
        to_child, from_child, out, err = channels[index]
        if verb == "F":
            pid = os.fork()
            if pid == 0:
                os.dup2(to_child[0], 3)
                os.dup2(from_child[1], 4)
                os.dup2(out[1], 1)
                os.dup2(err[1], 2)
                os.closerange(5, 65536)
                try:
                    runner.enter_limits(spec, int(spec["cpuSeconds"]))
                    stdin = os.open(runner.RUN + "stdin", os.O_RDONLY)
                    os.dup2(stdin, 0)
                    os.close(stdin)
                except BaseException:
                    os._exit(127)
                serve(path, compiled)
            for fd in (to_child[0], from_child[1], out[1], err[1]):
                os.close(fd)
            children[index] = pid
            reply = str(pid)
        else:
            pid = children.pop(index)
            try:
                os.killpg(pid, SIGKILL)
            except OSError:
                pass
            _, status, usage = os.wait4(pid, 0)
            sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else 0
            reply = "%d %d %d" % (sig, int((usage.ru_utime + usage.ru_stime) * 1000), usage.ru_maxrss)
        os.write(answers, (reply + "\n").encode("ascii"))


# ---------------------------------------------------------------- the supervisor: the trusted side

class ChildEnded(Exception):
    """The test's child stopped answering: it ended, hung past the budget or flooded its output."""

    def __init__(self, status, limit, message):
        super().__init__(message)
        self.status, self.limit = status, limit


class StudentError(Exception):
    """The student's code raised while answering: its exception, at its line."""

    def __init__(self, error):
        super().__init__(error.get("message", ""))
        self.error = error


class Remote:
    """An object of the student's side that is not plain data: equal only to itself, with no truth value."""
    __slots__ = ("_link", "_id", "_type", "_repr", "_callable", "_name")

    def __init__(self, link, data, name=None):
        self._link, self._id, self._type = link, int(data["id"]), short(str(data.get("type", "object")), 60)
        self._repr, self._callable, self._name = short(str(data.get("repr", "")), 200), bool(data.get("callable")), name

    def __call__(self, *args, **kwargs):
        if not self._callable:
            raise TypeError("'%s' object is not callable" % self._type)
        return self._link.call(self, args, kwargs)

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return self._link.value({"op": "attr", "id": self._id, "name": name})

    def __iter__(self):
        return iter(self._link.value({"op": "items", "id": self._id}))

    def __len__(self):
        size = self._link.value({"op": "len", "id": self._id})
        if type(size) is not int:
            raise TypeError("len() of the student's object is not an integer")
        return size

    def __getitem__(self, key):
        return self._link.value({"op": "getitem", "id": self._id, "key": encode(key, self._link.handle)})

    def __contains__(self, key):
        found = self._link.value({"op": "contains", "id": self._id, "key": encode(key, self._link.handle)})
        if type(found) is not bool:
            raise TypeError("'in' on the student's object did not give True or False")
        return found

    def __eq__(self, other):
        return self is other

    def __ne__(self, other):
        return self is not other

    __hash__ = object.__hash__

    def __bool__(self):
        raise TypeError("a %s object was checked for truth: return True, False or a plain value" % self._type)

    def __repr__(self):
        return self._repr or "<%s object>" % self._type


class Link:
    """The supervisor's end of one test's child: requests out, replies in, the child's output drained meanwhile."""

    def __init__(self, pid, to_child, from_child, out, err, deadline, output_cap):
        self.pid, self.nudged = pid, False
        self.to_child, self.from_child, self.out, self.err = to_child, from_child, out, err
        self.deadline, self.output_cap = deadline, output_cap
        self.output = {out: bytearray(), err: bytearray()}
        self.printed = 0
        self.calls = []
        self.timeout_line = None

    def handle(self, value):
        if type(value) is Remote and value._link is self:
            return {"t": "handle", "id": value._id}
        raise TypeError("a %s cannot be passed to the student's code" % type(value).__name__)

    def resolve(self, data):
        return Remote(self, data)

    def request(self, message):
        try:
            write_all(self.to_child, to_json(message).encode("utf-8") + b"\n")
        except OSError:
            raise ChildEnded("ERROR", None, "the code ended before the test could run")
        reply = bytearray()
        poller = select.poll()
        open_fds = {self.from_child, self.out, self.err}
        for fd in open_fds:
            poller.register(fd, select.POLLIN)
        while True:
            remaining = self.deadline - time.monotonic()
            if remaining <= 0 and not self.nudged:
                self.nudged = True
                try:
                    os.kill(self.pid, SIGPROF)
                except OSError:
                    pass
                self.deadline = time.monotonic() + NUDGE_SECONDS
                continue
            if remaining <= 0:
                raise ChildEnded("TIMED_OUT", None, "over its time budget")
            for fd, _ in poller.poll(remaining * 1000):
                chunk = os.read(fd, 65536)
                if not chunk:
                    poller.unregister(fd)
                    open_fds.discard(fd)
                    if fd == self.from_child:
                        raise ChildEnded("ERROR", None, "the code ended the program before the test finished")
                    continue
                if fd != self.from_child:
                    kept = self.output[fd]
                    kept += chunk[:max(0, self.output_cap - len(kept))]
                    self.printed += len(chunk)
                    if self.printed > self.output_cap:
                        raise ChildEnded("ERROR", "OUTPUT", "the code printed more than the output limit")
                    continue
                reply += chunk
                if len(reply) > REPLY_CAP + 4096:
                    raise ChildEnded("ERROR", None, "the code sent an oversized answer")
                if reply.endswith(b"\n"):
                    try:
                        answer = from_json(bytes(reply))
                    except (ValueError, RecursionError):
                        answer = None
                    if type(answer) is not dict:  # its processes all answering at once, for one
                        raise StudentError({"type": "MalformedAnswer", "line": None,
                                            "message": short(bytes(reply).decode("utf-8", "replace"))})
                    if "error" in answer:
                        error = answer["error"] if type(answer["error"]) is dict else {}
                        if error.get("timedOut"):
                            self.timeout_line = error.get("line")
                            raise ChildEnded("TIMED_OUT", None, "over its time budget")
                        raise StudentError({"type": str(error.get("type", "Error")),
                                            "message": str(error.get("message", "")), "line": error.get("line")})
                    return answer

    def value(self, message):
        return decode(self.request(message).get("value"), self.resolve)

    def call(self, remote, args, kwargs):
        self.calls.append("%s(%s)" % (remote._name or remote._type, ", ".join(
            [_shown(a) for a in args] + ["%s=%s" % (k, _shown(v)) for k, v in kwargs.items()])))
        answer = self.request({"op": "call", "id": remote._id, "args": [encode(a, self.handle) for a in args],
                               "kwargs": {k: encode(v, self.handle) for k, v in kwargs.items()}})
        after = answer.get("args") or []
        for original, changed in zip(args, after):
            if changed is None:
                continue
            updated = decode(changed, self.resolve)
            if type(original) is list and type(updated) is list:
                original[:] = updated
            elif type(original) in (dict, set) and type(updated) is type(original):
                original.clear()
                original.update(updated)
        return decode(answer.get("value"), self.resolve)


def _shown(value):
    source = getattr(value, "__learnflow_source__", None) if type(value) is _FUNCTION else None
    return source if isinstance(source, str) else short(repr(value), 120)


class TestStatement:
    """A test statement read by the supervisor: the names it takes from the student's side, lambdas made sendable."""

    def __init__(self, source):
        source = source.strip()
        tree = compile(source, "<test>", "exec", _ast.PyCF_ONLY_AST)
        bound, loaded = set(), set()
        for node in _walk(tree):
            if isinstance(node, _ast.Name):
                (loaded if isinstance(node.ctx, _ast.Load) else bound).add(node.id)
            elif isinstance(node, _ast.arg):
                bound.add(node.arg)
            elif isinstance(node, (_ast.FunctionDef, _ast.ClassDef)):
                bound.add(node.name)
            elif isinstance(node, _ast.alias):
                bound.add((node.asname or node.name).split(".")[0])
        self.modules = sorted(n for n in loaded - bound if n not in BUILTIN_NAMES and n in TRUSTED_MODULES)
        self.student_names = sorted(n for n in loaded - bound if n not in BUILTIN_NAMES and n not in TRUSTED_MODULES)
        tree = _sendable_lambdas(tree, source.split("\n"))
        self.comparison = None
        if (len(tree.body) == 1 and isinstance(tree.body[0], _ast.Assert)
                and isinstance(tree.body[0].test, _ast.Compare) and len(tree.body[0].test.ops) == 1
                and isinstance(tree.body[0].test.ops[0], _ast.Eq)):
            test = tree.body[0].test
            self.comparison = (compile(_ast.Expression(body=test.left), "<test>", "eval"),
                               compile(_ast.Expression(body=test.comparators[0]), "<test>", "eval"))
        self.code = compile(tree, "<test>", "exec")


def _children(node):
    for field in node._fields:
        value = getattr(node, field, None)
        if isinstance(value, _ast.AST):
            yield value
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, _ast.AST):
                    yield item


def _walk(tree):
    pending = [tree]
    while pending:
        node = pending.pop()
        yield node
        pending.extend(_children(node))


def _sendable_lambdas(node, lines):
    """A lambda of a test may be passed to the student's function: it crosses as its source and is made there."""
    for field in node._fields:
        value = getattr(node, field, None)
        if isinstance(value, _ast.AST):
            setattr(node, field, _sendable_lambdas(value, lines))
        elif isinstance(value, list):
            value[:] = [_sendable_lambdas(v, lines) if isinstance(v, _ast.AST) else v for v in value]
    if not isinstance(node, _ast.Lambda):
        return node
    where = {k: getattr(node, k) for k in ("lineno", "col_offset", "end_lineno", "end_col_offset")}
    return _ast.Call(func=_ast.Name(id="__learnflow_lambda__", ctx=_ast.Load(), **where),
                     args=[node, _ast.Constant(value=_source_of(node, lines), **where)], keywords=[], **where)


def _source_of(node, lines):
    """The text of a node (its offsets count UTF-8 bytes)."""
    first, last = node.lineno - 1, node.end_lineno - 1
    chosen = [line.encode("utf-8") for line in lines[first:last + 1]]
    if first == last:
        return chosen[0][node.col_offset:node.end_col_offset].decode("utf-8")
    chosen[0] = chosen[0][node.col_offset:]
    chosen[-1] = chosen[-1][:node.end_col_offset]
    return b"\n".join(chosen).decode("utf-8")


def _sendable(function, source):
    function.__learnflow_source__ = source
    return function


def _standard(origin):
    import importlib
    module_name, qualname = str(origin[0]), str(origin[1])
    if module_name.split(".")[0].lstrip("_") not in TRUSTED_MODULES:
        raise ImportError(module_name)
    value = importlib.import_module(module_name)
    for part in filter(None, qualname.split(".")):
        value = getattr(value, part)
    return value


class Children:
    """The processes of the student's code: one answers test after test, until a test ends it (a hang, a crash, an
    exit, a flood of output); the next test then gets a fresh one."""

    def __init__(self, server, channels, setup, output_cap, run_deadline, limit_words):
        self.server, self.channels, self.setup, self.limit_words = server, channels, setup, limit_words
        self.output_cap, self.run_deadline = output_cap, run_deadline
        self.link, self.channel, self.cpu, self.memory, self.load_error = None, None, 0, 0, None
        self.stdout, self.stderr = bytearray(), bytearray()

    def begin(self, index, names, budget, started):
        """The names a test needs from the child, the child told the test's budget; a fresh child if there is none."""
        deadline = min(started + budget * WALL_PER_CPU + 1, self.run_deadline)
        if self.link is not None:
            self.link.deadline, self.link.nudged, self.link.calls, self.link.printed = deadline, False, [], 0
            return self.link, self.link.request({"op": "names", "names": names, "budget": budget})
        if self.load_error is not None:
            raise StudentError(self.load_error)
        to_child, from_child, out, err = self.channels[index]
        pid = int(self.server.send("F %d" % index))
        self.link = Link(pid, to_child[1], from_child[0], out[0], err[0], deadline, self.output_cap)
        self.channel = index
        try:
            return self.link, self.link.request({"op": "load", "setup": self.setup, "names": names, "budget": budget})
        except StudentError as error:  # the module does not load: no test can pass, each says why
            self.load_error = error.error
            self.end()
            raise

    def end(self):
        """Ends the child: its signal, if one ended it."""
        if self.link is None:
            return 0
        sig, cpu, memory = (int(v) for v in self.server.send("E %d" % self.channel).split(" "))
        self.cpu += cpu
        self.memory = max(self.memory, memory)
        for stream, target in ((self.link.out, self.stdout), (self.link.err, self.stderr)):
            target += self.link.output[stream][:max(0, self.output_cap - len(target))]
        for fd in (self.link.to_child, self.link.from_child, self.link.out, self.link.err):
            os.close(fd)
        self.link = None
        return sig


def run_test(index, test, children, budget):
    started = time.monotonic()
    result = {"index": index, "status": "ERROR", "expected": None, "actual": None, "error": None, "lines": [],
              "input": None, "limit": None}
    try:
        statement = TestStatement(test["statement"])
    except SyntaxError as exc:
        result["error"] = {"type": "SyntaxError", "message": "the test itself is not valid Python: %s" % exc.msg,
                           "line": None}
        return result
    link = None
    ended = False
    try:
        link, loaded = children.begin(index, statement.student_names, budget, started)
        namespace = {"__builtins__": builtins, "__learnflow_lambda__": _sendable}
        for name in statement.modules:
            namespace[name] = __import__(name)
        names = loaded.get("names") if type(loaded.get("names")) is dict else {}
        for name in statement.student_names:
            entry = names.get(name)
            if type(entry) is not dict:
                continue
            if entry.get("standard") is not None:
                try:
                    namespace[name] = _standard(entry["standard"])
                    continue
                except Exception:
                    pass
            if "value" in entry:
                value = decode(entry["value"], link.resolve)
                if type(value) is Remote:
                    value._name = name
                namespace[name] = value
        if statement.comparison is not None:
            actual = eval(statement.comparison[0], namespace)
            expected = eval(statement.comparison[1], namespace)
            if type(actual) is Remote or type(expected) is Remote or not actual == expected:
                result.update(status="FAILED", expected=short(expected), actual=short(actual))
            else:
                result["status"] = "PASSED"
        else:
            try:
                exec(statement.code, namespace)
                result["status"] = "PASSED"
            except AssertionError:
                result["status"] = "FAILED"
    except ChildEnded as end:
        ended = True
        result["status"], result["limit"] = end.status, end.limit
        result["error"] = {"type": "TimeoutError" if end.status == "TIMED_OUT" else "ProgramEnded",
                           "message": str(end), "line": link.timeout_line if link else None}
    except StudentError as error:
        result["error"] = error.error
    except RecursionError:
        result["error"] = {"type": "RecursionError", "message": "the value is nested too deeply", "line": None}
    except Exception as exc:
        result["error"] = {"type": type(exc).__name__, "message": short(str(exc)), "line": None}
    if result["error"] is not None and result["limit"] is None:
        said = "%s: %s" % (result["error"].get("type"), result["error"].get("message"))
        result["limit"] = next((name for word, name in children.limit_words if word in said), None)
    # a child that ran into a limit (or overflowed its stack, or garbled its answers) may be left in any state: the
    # next test gets a new one
    if (ended or result["limit"] is not None
            or (result["error"] or {}).get("type") in ("RecursionError", "MalformedAnswer")):
        if children.end() == SIGXCPU:
            result["status"], result["limit"] = "TIMED_OUT", "CPU_TIME"
    if link is not None and link.calls:
        result["input"] = short("; ".join(link.calls), 500)
    result["millis"] = int((time.monotonic() - started) * 1000)
    return result


class ForkServer:
    def __init__(self, commands, answers):
        self.commands, self.answers = commands, Lines(answers)

    def send(self, command):
        write_all(self.commands, (command + "\n").encode("ascii"))
        line = self.answers.next()
        if line is None:
            raise RuntimeError("the fork server ended")
        return line.decode("ascii").strip()


def main(runner, spec):
    """Grades, writes the report on stdout and exits. The spec says how many tests; stdin holds them."""
    started = time.monotonic()
    count = int(spec["tests"])
    channels = [(os.pipe(), os.pipe(), os.pipe(), os.pipe()) for _ in range(count)]
    commands_read, commands_write = os.pipe()
    answers_read, answers_write = os.pipe()
    path = runner.CODE + spec["module"]
    server_pid = os.fork()
    if server_pid == 0:
        os.close(commands_write)
        os.close(answers_read)
        try:
            fork_server(runner, spec, commands_read, answers_write, channels, path)
        finally:
            os._exit(1)
    os.close(commands_read)
    os.close(answers_write)
    for to_child, from_child, out, err in channels:
        for fd in (to_child[0], from_child[1], out[1], err[1]):
            os.close(fd)
    # as PID 1 the supervisor receives only the signals it handles: Python's own SIGINT handler would be one
    _signal.signal(2, _signal.SIG_IGN)
    with os.fdopen(0, "rb") as stdin:
        request = from_json(stdin.read())
    # the report is the only thing written on the supervisor's stdout: a test that prints writes nowhere
    report = os.fdopen(os.dup(1), "wb")
    sys.stdout = open(os.devnull, "w")
    token = str(request["token"])
    full_budget = float(spec["perTestSeconds"])
    budget = full_budget
    run_deadline = started + float(spec["wallSeconds"])
    output_cap = int(spec["outputBytes"])
    children = Children(ForkServer(commands_write, answers_read), channels, request.get("setup") or "", output_cap,
                        run_deadline, runner.LIMIT_WORDS)
    results, limit = [], None
    for index, test in enumerate(request["tests"][:count]):
        if time.monotonic() >= run_deadline:
            limit = limit or "WALL_TIME"
            break
        try:
            result = run_test(index, test, children, budget)
        except RuntimeError:  # the code killed the fork server: the tests left are not run
            break
        results.append(result)
        limit = limit or result["limit"]
        if result["status"] == "TIMED_OUT":
            # code that loops on one input mostly loops on the next: the tests after it get a tenth of the budget,
            # plenty for code that does finish, so that endless loops do not take over the sandbox
            budget = max(0.05, full_budget / 10)
        _reap()
    try:
        children.end()
    except RuntimeError:
        pass
    cpu, memory, stdout, stderr = children.cpu, children.memory, children.stdout, children.stderr
    try:  # the fork server has reaped every test's child: waiting for it counts their time in the run's
        os.write(commands_write, b"Q 0\n")
        os.waitpid(server_pid, 0)
    except (OSError, ChildProcessError):
        pass
    lines = "".join(to_json(r) + "\n" for r in results).encode("utf-8")
    header = ("LEARNFLOW-REPORT token=%s exitCode=0 signal= crashed=False limit=%s stdoutTruncated=False "
              "stderrTruncated=False wallMillis=%d cpuMillis=%d peakMemoryKb=%d stdout=%d stderr=%d results=%d\n") % (
        token, limit or "", int((time.monotonic() - started) * 1000), cpu, memory, len(stdout), len(stderr),
        len(lines))
    report.write(header.encode("ascii"))
    report.write(stdout)
    report.write(stderr)
    report.write(lines)
    report.flush()
    os._exit(0)


def _reap():
    """As PID 1, collect what the run's processes left behind, so that they do not count against its limits."""
    try:
        while os.waitpid(-1, os.WNOHANG)[0] > 0:
            pass
    except ChildProcessError:
        pass
