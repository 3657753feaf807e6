"""LearnFlow sandbox supervisor: runs one untrusted Python process under limits and reports on it.

Runs inside the bubblewrap sandbox, as the same unprivileged user as the untrusted process, but is not itself
untrusted: it only starts the process, reads its output (capped), enforces the wall-time and output limits,
and prints one JSON report on its own standard output, which the untrusted process cannot write to.
Usage: python3 -I runner.py SPEC_JSON
"""
import ctypes
import json
import os
import re
import resource
import selectors
import signal
import sys
import time

CRASH_SIGNALS = {signal.SIGSEGV, signal.SIGBUS, signal.SIGILL, signal.SIGFPE, signal.SIGABRT}
RESULTS_FD = 3


def no_ptrace():
    try:
        ctypes.CDLL(None, use_errno=True).prctl(4, 0, 0, 0, 0)  # PR_SET_DUMPABLE = 0
    except OSError:
        pass


def limit_child(limits):
    def apply():
        os.setsid()
        cpu = int(limits["cpuSeconds"])
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
        resource.setrlimit(resource.RLIMIT_AS, (limits["memoryBytes"], limits["memoryBytes"]))
        resource.setrlimit(resource.RLIMIT_NPROC, (limits["processes"], limits["processes"]))
        resource.setrlimit(resource.RLIMIT_NOFILE, (limits["openFiles"], limits["openFiles"]))
        resource.setrlimit(resource.RLIMIT_FSIZE, (limits["fileSizeBytes"], limits["fileSizeBytes"]))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    return apply


def kill_group(pid):
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        os.kill(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def student_error(stderr, files):
    """The last exception of a traceback, and the last line of the student's own files it passed through."""
    matches = list(re.finditer(r"^((?:[A-Za-z_]\w*\.)*[A-Za-z_]\w*(?:Error|Exception|Exit|Interrupt|Warning))(?::\s?(.*))?$",
                               stderr, re.M))
    if not matches:
        return None
    last = matches[-1]
    file_name, line = None, None
    for frame in re.finditer(r'File "([^"]+)", line (\d+)', stderr[:last.start()]):
        if frame.group(1).startswith("/sandbox/code/"):
            file_name, line = frame.group(1)[len("/sandbox/code/"):], int(frame.group(2))
    return {"type": last.group(1).split(".")[-1], "message": (last.group(2) or "").strip(), "file": file_name,
            "line": line}


def main():
    no_ptrace()
    with open(sys.argv[1], encoding="utf-8") as f:
        spec = json.load(f)
    limits = spec["limits"]
    env = {"PATH": "/usr/bin:/bin", "HOME": "/tmp", "LANG": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1",
           "PYTHONIOENCODING": "utf-8"}
    if spec["mode"] == "tests":
        command = ["/usr/bin/python3", "-I", "/sandbox/control/harness.py", sys.argv[1]]
    else:
        command = ["/usr/bin/python3", "/sandbox/code/" + spec["main"]] + spec.get("args", [])
    results_read, results_write = os.pipe()
    stdin_read, stdin_write = os.pipe()
    out_read, out_write = os.pipe()
    err_read, err_write = os.pipe()
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:
        try:
            limit_child(limits)()
            os.dup2(stdin_read, 0)
            os.dup2(out_write, 1)
            os.dup2(err_write, 2)
            os.dup2(results_write, RESULTS_FD)
            os.closerange(RESULTS_FD + 1, 1024)
            os.chdir("/tmp")
            os.execve(command[0], command, env)
        finally:
            os._exit(127)
    for fd in (stdin_read, out_write, err_write, results_write):
        os.close(fd)
    stdin_data = spec.get("stdin", "").encode("utf-8")
    cap = limits["outputBytes"]
    buffers = {out_read: bytearray(), err_read: bytearray(), results_read: bytearray()}
    truncated = {out_read: False, err_read: False}
    selector = selectors.DefaultSelector()
    for fd in buffers:
        selector.register(fd, selectors.EVENT_READ)
    if stdin_data:
        selector.register(stdin_write, selectors.EVENT_WRITE)
    else:
        os.close(stdin_write)
    stdin_offset = 0
    limit = None
    deadline = started + limits["wallSeconds"]
    open_fds = len(buffers)
    ended = None
    while open_fds > 0:
        if ended is None:
            waited = os.wait4(pid, os.WNOHANG)
            if waited[0] == pid:
                ended = waited
                # what the program left running may hold its pipes open: read what is there, then stop
                deadline = min(deadline, time.monotonic() + 0.2)
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            if ended is None:
                limit = "WALL_TIME"
            break
        for key, _ in selector.select(timeout=min(remaining, 0.05 if ended else 0.5)):
            fd = key.fd
            if fd == stdin_write:
                try:
                    stdin_offset += os.write(fd, stdin_data[stdin_offset:stdin_offset + 65536])
                except (BrokenPipeError, OSError):
                    stdin_offset = len(stdin_data)
                if stdin_offset >= len(stdin_data):
                    selector.unregister(fd)
                    os.close(fd)
                continue
            chunk = os.read(fd, 65536)
            if not chunk:
                selector.unregister(fd)
                open_fds -= 1
                continue
            buffer = buffers[fd]
            room = (4 * 1024 * 1024 if fd == results_read else cap) - len(buffer)
            buffer.extend(chunk[:max(room, 0)])
            if len(chunk) > room and fd != results_read:
                truncated[fd] = True
                limit = "OUTPUT"
        if limit == "OUTPUT":
            break
    if limit is not None and ended is None:
        kill_group(pid)
    _, status, usage = ended if ended is not None else os.wait4(pid, 0)
    kill_group(pid)
    wall = time.monotonic() - started
    cpu = usage.ru_utime + usage.ru_stime
    exit_code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else None
    sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
    stderr = buffers[err_read].decode("utf-8", "replace")
    crashed = False
    if limit is None:
        if sig in (signal.SIGXCPU,) or (sig == signal.SIGKILL and cpu >= limits["cpuSeconds"]):
            limit = "CPU_TIME"
        elif sig in CRASH_SIGNALS:
            crashed = True
        elif "MemoryError" in stderr or "Cannot allocate memory" in stderr:
            limit = "MEMORY"
        elif "File too large" in stderr or "[Errno 27]" in stderr:
            limit = "FILE_SIZE"
        elif "Too many open files" in stderr:
            limit = "OPEN_FILES"
        elif "Resource temporarily unavailable" in stderr or "can't start new thread" in stderr:
            limit = "PROCESSES"
    report = {
        "exitCode": exit_code, "signal": sig, "crashed": crashed, "limit": limit,
        "stdout": buffers[out_read].decode("utf-8", "replace"), "stderr": stderr,
        "stdoutTruncated": truncated[out_read], "stderrTruncated": truncated[err_read],
        "wallMillis": int(wall * 1000), "cpuMillis": int(cpu * 1000), "peakMemoryKb": usage.ru_maxrss,
        "error": student_error(stderr, spec.get("files", [])),
        "results": buffers[results_read].decode("utf-8", "replace"),
    }
    sys.stdout.write(json.dumps(report))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
