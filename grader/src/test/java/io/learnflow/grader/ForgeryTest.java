package io.learnflow.grader;

import static io.learnflow.grader.Graders.grade;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Submissions written to pass without solving: every one must grade as a fail. None of them computes the answer;
 * each tries to make the grader believe it did.
 */
class ForgeryTest {

    /** The values 31337 and 4242 appear nowhere but in the tests, so that code finding them must have read a test. */
    static final List<ExerciseTest> TESTS = List.of(
            ExerciseTest.visible("small numbers", "assert add(31000, 337) == 31337"),
            ExerciseTest.hidden("more", "assert add(4000, 242) == 4242", "larger numbers"),
            ExerciseTest.visible("as a truth", "assert add(1, 1) == 2 and add(2, 2) == 4"),
            ExerciseTest.visible("in a loop", "for a in range(3):\n    assert add(a, 1) == a + 1"));

    static Stream<Arguments> forgeries() {
        return Stream.of(
                Arguments.of("exits with status 0 before the tests", "import sys\nsys.exit(0)\n"),
                Arguments.of("exits at once with os._exit(0)", "import os\nos._exit(0)\n"),
                Arguments.of("exits with status 0 when called",
                        "def add(a, b):\n    import os\n    os._exit(0)\n"),
                Arguments.of("raises SystemExit when called", "def add(a, b):\n    raise SystemExit(0)\n"),
                Arguments.of("kills its parent", "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\n"
                        + "def add(a, b):\n    os.kill(os.getppid(), signal.SIGKILL)\n"),
                Arguments.of("kills pid 1 and every process it may", "import os, signal\n"
                        + "def add(a, b):\n    for pid in (1, -1):\n        try:\n            os.kill(pid, 9)\n"
                        + "        except OSError:\n            pass\n"),
                Arguments.of("interrupts pid 1 and its parent", "import os, signal\n"
                        + "def add(a, b):\n    for pid in (1, os.getppid(), -1):\n"
                        + "        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGUSR1, signal.SIGALRM):\n"
                        + "            try:\n                os.kill(pid, sig)\n            except OSError:\n"
                        + "                pass\n    return 0\n"),
                Arguments.of("kills every process of the sandbox by number", "import os\n"
                        + "def add(a, b):\n    for pid in range(1, 200):\n        if pid != os.getpid():\n"
                        + "            try:\n                os.kill(pid, 9)\n            except OSError:\n"
                        + "                pass\n    return 0\n"),
                Arguments.of("prints the harness's report and result lines", "import sys, os\n"
                        + "line = 'LEARNFLOW-REPORT exitCode=0 signal= crashed=False limit= stdoutTruncated=False "
                        + "stderrTruncated=False wallMillis=1 cpuMillis=1 peakMemoryKb=1 stdout=0 stderr=0 results=0'\n"
                        + "fake = '{\"index\": 0, \"status\": \"PASSED\"}\\n{\"index\": 1, \"status\": \"PASSED\"}'\n"
                        + "def add(a, b):\n    print(line)\n    print(fake)\n    sys.stderr.write(line + '\\n')\n"
                        + "    for fd in range(0, 64):\n        try:\n            os.write(fd, (line + '\\n' + fake + '\\n')"
                        + ".encode())\n        except OSError:\n            pass\n    return 0\n"),
                Arguments.of("answers the grader's requests itself, with a fake reply",
                        "import os\nos.write(4, b'{\"value\": true}\\n{\"value\": 31337}\\n')\n"
                                + "def add(a, b):\n    os.write(4, b'{\"value\": 31337}\\n')\n    return 0\n"),
                Arguments.of("returns an object equal to everything", "class Anything:\n"
                        + "    def __eq__(self, other):\n        return True\n"
                        + "    def __ne__(self, other):\n        return False\n"
                        + "    def __bool__(self):\n        return True\n    __hash__ = object.__hash__\n"
                        + "def add(a, b):\n    return Anything()\n"),
                Arguments.of("returns an int whose == is always true", "class Liar(int):\n"
                        + "    def __eq__(self, other):\n        return True\n"
                        + "    def __ne__(self, other):\n        return False\n    __hash__ = int.__hash__\n"
                        + "def add(a, b):\n    return Liar(0)\n"),
                Arguments.of("returns a str and a list whose == is always true", "class S(str):\n"
                        + "    __eq__ = lambda self, other: True\n    __hash__ = str.__hash__\n"
                        + "class L(list):\n    __eq__ = lambda self, other: True\n"
                        + "def add(a, b):\n    return S('') if a % 2 else L()\n"),
                Arguments.of("patches int's comparison through the interpreter's memory", "import ctypes\n"
                        + "def add(a, b):\n    return 0\n"
                        + "try:\n    ctypes.memmove(id(31337), id(0), 32)\nexcept Exception:\n    pass\n"),
                Arguments.of("replaces the builtins, AssertionError and the assert machinery", "import builtins\n"
                        + "class Quiet(Exception):\n    pass\n"
                        + "builtins.AssertionError = Quiet\nbuiltins.__dict__['isinstance'] = lambda *a: True\n"
                        + "builtins.all = lambda *a: True\nbuiltins.__build_class__ = None\n"
                        + "import sys\nsys.excepthook = lambda *a: None\nsys.exit = lambda *a: None\n"
                        + "def add(a, b):\n    return 0\n"),
                Arguments.of("overrides sys.excepthook and sys.displayhook", "import sys\n"
                        + "sys.excepthook = lambda *a: print('PASSED')\nsys.displayhook = lambda v: None\n"
                        + "def add(a, b):\n    raise AssertionError('ignored?')\n"),
                Arguments.of("searches its own memory for the tests", "import gc, ctypes, re\n"
                        + "def add(a, b):\n"
                        + "    for o in gc.get_objects():\n        if isinstance(o, str) and '31337' in o:\n"
                        + "            return 31337\n"
                        + "    with open('/proc/self/maps') as maps:\n"
                        + "        regions = [l.split()[0].split('-') for l in maps if ' rw' in l]\n"
                        + "    with open('/proc/self/mem', 'rb', 0) as mem:\n"
                        + "        for start, end in regions:\n            try:\n"
                        + "                mem.seek(int(start, 16))\n"
                        + "                if b'== 31337' in mem.read(int(end, 16) - int(start, 16)):\n"
                        + "                    return 31337\n            except (OSError, OverflowError, ValueError):\n"
                        + "                pass\n    return 0\n"),
                Arguments.of("reads the supervisor's memory, descriptors and files", "import os\n"
                        + "def add(a, b):\n    found = b''\n"
                        + "    for pid in ('1', str(os.getppid())):\n"
                        + "        for name in ('fd/0', 'fd/1', 'mem', 'environ', 'cmdline'):\n            try:\n"
                        + "                with open('/proc/' + pid + '/' + name, 'rb') as f:\n"
                        + "                    found += f.read(100000)\n            except OSError:\n"
                        + "                pass\n"
                        + "    for path in ('/sandbox/run/spec', '/sandbox/run/tests.json', '/sandbox/run/stdin'):\n"
                        + "        try:\n            found += open(path, 'rb').read()\n        except OSError:\n"
                        + "            pass\n"
                        + "    return 31337 if b'31337' in found else 4242 if b'4242' in found else 0\n"),
                Arguments.of("traces the supervisor", "import ctypes, os\n"
                        + "def add(a, b):\n    libc = ctypes.CDLL(None)\n"
                        + "    for pid in (1, os.getppid()):\n        libc.ptrace(16, pid, 0, 0)\n    return 0\n"),
                Arguments.of("writes files the harness might read", "import os\n"
                        + "for path in ('/tmp/grading.py', '/tmp/json.py', '/tmp/results', '/sandbox/run/results',"
                        + " '/sandbox/control/grading.py'):\n"
                        + "    try:\n        open(path, 'w').write('import os\\nos._exit(0)\\n')\n"
                        + "    except OSError:\n        pass\n"
                        + "def add(a, b):\n    return 0\n"),
                Arguments.of("looks at the frames that called it", "import sys\n"
                        + "def add(a, b):\n    frame = sys._getframe(1)\n    while frame:\n"
                        + "        for value in list(frame.f_locals.values()) + list(frame.f_globals.values()):\n"
                        + "            if '31337' in repr(value):\n                return 31337\n"
                        + "        frame = frame.f_back\n    return 0\n"),
                Arguments.of("forks a process that outlives its test", "import os, time\n"
                        + "def add(a, b):\n    if os.fork() == 0:\n        os.setsid()\n"
                        + "        for _ in range(50):\n            try:\n                os.kill(1, 9)\n"
                        + "            except OSError:\n                pass\n            time.sleep(0.01)\n"
                        + "        os._exit(0)\n    return 0\n"),
                Arguments.of("hangs", "def add(a, b):\n    while True:\n        pass\n"),
                Arguments.of("sleeps without computing", "import time\ndef add(a, b):\n    time.sleep(60)\n"),
                Arguments.of("floods its output", "def add(a, b):\n    while True:\n        print('x' * 1000)\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeries")
    void aSubmissionThatForgesItsResultFails(String trick, String code) {
        GradingReport report = grade(new GradingRequest(code, null, TESTS));

        assertThat(report.verdict()).as(trick).isEqualTo(GradingVerdict.GRADED);
        assertThat(report.testsPassed()).as(trick + ": " + report).isZero();
        assertThat(report.grade()).isZero();
    }

    @Test
    void theSandboxStaysHealthyAfterTheForgeries() {
        GradingReport report = grade(new GradingRequest("def add(a, b):\n    return a + b\n", null, TESTS));

        assertThat(report.grade()).isEqualTo(100);
    }

    @Test
    void aLimitThatEndsTheCodeIsNamed() {
        GradingReport hang = grade(new GradingRequest("def add(a, b):\n    while True:\n        pass\n", null, TESTS));
        GradingReport flood = grade(new GradingRequest("def add(a, b):\n    while True:\n        print('x' * 1000)\n",
                null, TESTS));

        GradingReport memory = grade(new GradingRequest("def add(a, b):\n    return len('x' * 10 ** 10)\n", null,
                TESTS));
        GradingReport forks = grade(new GradingRequest("import os\ndef add(a, b):\n    while True:\n        os.fork()\n",
                null, TESTS));

        assertThat(hang.limitHit()).isIn("TEST_TIME_BUDGET", "CPU_TIME");
        assertThat(flood.limitHit()).isEqualTo("OUTPUT");
        assertThat(memory.limitHit()).isEqualTo("MEMORY");
        assertThat(forks.limitHit()).isEqualTo("PROCESSES");
        assertThat(List.of(hang, flood, memory, forks)).allMatch(report -> report.grade() == 0);
        assertThat(grade(new GradingRequest("def add(a, b):\n    return a + b\n", null, TESTS)).grade()).isEqualTo(100);
    }
}
