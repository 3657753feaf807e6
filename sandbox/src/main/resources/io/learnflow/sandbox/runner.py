"""LearnFlow sandbox supervisor: runs one untrusted Python program under limits and reports on it.

It runs inside the bubblewrap sandbox. It forks; the child sets its limits and runs the student's program (or the
test harness) in the forked interpreter, which saves starting a second one; the parent reads the child's output
(capped), enforces the wall-time and output limits, and writes one report on its own standard output, which the
child cannot reach. Usage: python3 -I -S runner.py CONTROL_DIR CODE_DIR RUN_DIR (the run is described by
RUN_DIR/spec; in the sandbox the folders are /sandbox/control, /sandbox/code and /sandbox/run). A grading run
(mode=grade) is supervised by grading.py instead, which keeps the tests out of the student's reach.
"""
import _signal
import os
import resource
import select
import sys
import time

CONTROL, CODE, RUN = (folder.rstrip("/") + "/" for folder in sys.argv[1:4])
RESULTS_FD = 3
# numbers rather than the signal module, whose import (enum) would double the supervisor's start-up
SIGKILL, SIGXCPU, SIGXFSZ = 9, 24, 25
CRASH_SIGNALS = (11, 7, 4, 8, 6)  # SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT
LIMIT_WORDS = (("MemoryError", "MEMORY"), ("Cannot allocate memory", "MEMORY"), ("File too large", "FILE_SIZE"),
               ("[Errno 27]", "FILE_SIZE"), ("Too many open files", "OPEN_FILES"),
               ("Resource temporarily unavailable", "PROCESSES"), ("can't start new thread", "PROCESSES"))


def read_spec():
    spec, args = {}, []
    with open(RUN + "spec", encoding="utf-8") as f:
        for line in f.read().split("\n"):
            if "=" in line:
                key, value = line.split("=", 1)
                if key == "arg":
                    args.append(value)
                else:
                    spec[key] = value
    spec["args"] = args
    return spec


def no_ptrace():
    import ctypes
    ctypes.CDLL(None).prctl(4, 0, 0, 0, 0)  # PR_SET_DUMPABLE = 0: the child may not trace its supervisor


def enter_limits(spec, cpu):
    """In a forked child, before any untrusted code: a session of its own and the run's limits."""
    os.setsid()
    for limit, value in ((resource.RLIMIT_CPU, (cpu, cpu + 1)),
                         (resource.RLIMIT_AS, (int(spec["memoryBytes"]),) * 2),
                         (resource.RLIMIT_NPROC, (int(spec["processes"]),) * 2),
                         (resource.RLIMIT_NOFILE, (int(spec["openFiles"]),) * 2),
                         (resource.RLIMIT_FSIZE, (int(spec["fileSizeBytes"]),) * 2),
                         (resource.RLIMIT_CORE, (0, 0))):
        resource.setrlimit(limit, value)
    _signal.signal(SIGXFSZ, _signal.SIG_IGN)


def run_child(spec, stdout, stderr, results):
    """In the forked child: apply the limits, then run the program as the interpreter would. Never returns."""
    try:
        enter_limits(spec, int(spec["cpuSeconds"]))
        stdin = os.open(RUN + "stdin", os.O_RDONLY)
        os.dup2(stdin, 0)
        os.dup2(stdout, 1)
        os.dup2(stderr, 2)
        os.dup2(results, RESULTS_FD)
        os.closerange(RESULTS_FD + 1, 4096)
        os.chdir("/tmp")
        os.environ.clear()
        os.environ.update({"PATH": "/usr/bin:/bin", "HOME": "/tmp", "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8",
                           "PYTHONDONTWRITEBYTECODE": "1"})
        if spec["mode"] == "tests":
            path, sys.argv = CONTROL + "harness.py", ["harness.py", RUN + "tests.json", CODE]
        else:
            path = CODE + spec["main"]
            sys.argv = [path] + spec["args"]
        sys.path[0:0] = [CODE.rstrip("/")]
    except BaseException:
        os._exit(127)
    code = 0
    try:
        module = type(sys)("__main__")
        module.__file__ = path
        module.__builtins__ = __builtins__
        sys.modules["__main__"] = module
        with open(path, "rb") as source:
            program = compile(source.read(), path, "exec")
        exec(program, module.__dict__)
    except SystemExit as end:
        code = end.code if isinstance(end.code, int) else (0 if end.code is None else 1)
        if not isinstance(end.code, int) and end.code is not None:
            print(end.code, file=sys.stderr)
    except BaseException:
        import traceback
        traceback.print_exc()
        code = 1
    finish(code)


def finish(code):
    """What the interpreter does at exit that a program may rely on, without tearing the interpreter down."""
    try:
        if "threading" in sys.modules:
            sys.modules["threading"]._shutdown()
        import atexit
        atexit._run_exitfuncs()
        sys.stdout.flush()
        sys.stderr.flush()
    except BaseException:
        code = code or 1
    os._exit(code if 0 <= code <= 255 else 1)


def main():
    spec = read_spec()
    no_ptrace()
    if spec["mode"] == "grade":
        sys.path.insert(0, CONTROL.rstrip("/"))
        import grading
        grading.main(sys.modules[__name__], spec)
    out_read, out_write = os.pipe()
    err_read, err_write = os.pipe()
    results_read, results_write = os.pipe()
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:
        for fd in (out_read, err_read, results_read):
            os.close(fd)
        run_child(spec, out_write, err_write, results_write)
    for fd in (out_write, err_write, results_write):
        os.close(fd)
    cap = int(spec["outputBytes"])
    caps = {out_read: cap, err_read: cap, results_read: 8 * 1024 * 1024}
    buffers = {fd: bytearray() for fd in caps}
    truncated = {out_read: False, err_read: False, results_read: False}
    poller = select.poll()
    for fd in caps:
        poller.register(fd, select.POLLIN)
    open_fds, limit, ended = len(caps), None, None
    deadline = started + float(spec["wallSeconds"])
    while open_fds:
        if ended is None:
            waited = os.wait4(pid, os.WNOHANG)
            if waited[0] == pid:
                ended = waited
                # what the program left running may hold its pipes open: read what is there, then stop
                deadline = min(deadline, time.monotonic() + 0.2)
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            limit = limit or (None if ended else "WALL_TIME")
            break
        for fd, _ in poller.poll(min(remaining, 0.05 if ended else 0.5) * 1000):
            chunk = os.read(fd, 65536)
            if not chunk:
                poller.unregister(fd)
                open_fds -= 1
                continue
            room = caps[fd] - len(buffers[fd])
            buffers[fd] += chunk[:max(room, 0)]
            if len(chunk) > room:
                truncated[fd] = True
                if fd != results_read:
                    limit = "OUTPUT"
        if limit == "OUTPUT" and ended is None:
            break
    if ended is None:
        try:
            os.killpg(pid, SIGKILL)
        except OSError:
            pass
        ended = os.wait4(pid, 0)
    _, status, usage = ended
    wall = time.monotonic() - started
    cpu = usage.ru_utime + usage.ru_stime
    exit_code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else ""
    sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else ""
    crashed = sig in CRASH_SIGNALS
    if limit is None:
        if sig == SIGXCPU or (sig == SIGKILL and cpu >= int(spec["cpuSeconds"])):
            limit = "CPU_TIME"
        elif not crashed:
            stderr = bytes(buffers[err_read][-4096:])
            limit = next((name for word, name in LIMIT_WORDS if word.encode() in stderr), None)
    header = ("LEARNFLOW-REPORT exitCode=%s signal=%s crashed=%s limit=%s stdoutTruncated=%s stderrTruncated=%s "
              "wallMillis=%d cpuMillis=%d peakMemoryKb=%d stdout=%d stderr=%d results=%d\n") % (
        exit_code, sig, crashed, limit or "", truncated[out_read], truncated[err_read], int(wall * 1000),
        int(cpu * 1000), usage.ru_maxrss, len(buffers[out_read]), len(buffers[err_read]), len(buffers[results_read]))
    out = sys.stdout.buffer
    out.write(header.encode("ascii"))
    out.write(buffers[out_read])
    out.write(buffers[err_read])
    out.write(buffers[results_read])
    out.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
