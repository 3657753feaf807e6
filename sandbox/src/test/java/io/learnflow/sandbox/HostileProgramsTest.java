package io.learnflow.sandbox;

import static io.learnflow.sandbox.Sandboxes.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Programs written to harm the host: each must be contained, and the sandbox must stay usable. */
class HostileProgramsTest {

    @AfterEach
    void nothingOutlivesTheRunAndTheNextRunIsCorrect() {
        assertThat(Sandboxes.leftoverProcesses()).as("processes left running by the run").isZero();
        ProgramResult benign = run("print(sum(range(10)))");
        assertThat(benign.status()).isEqualTo(RunStatus.EXITED);
        assertThat(benign.stdout()).isEqualTo("45\n");
    }

    @Test
    void busyLoopIsEndedByTheCpuLimit() {
        ProgramResult result = run("while True:\n    pass");
        assertThat(result.status()).isEqualTo(RunStatus.LIMIT_EXCEEDED);
        assertThat(result.limit()).isEqualTo(Limit.CPU_TIME);
        assertThat(result.cpuMillis()).isPositive();
    }

    @Test
    void sleepingForeverIsEndedByTheWallLimit() {
        ProgramResult result = run("import time\ntime.sleep(3600)");
        assertThat(result.status()).isEqualTo(RunStatus.LIMIT_EXCEEDED);
        assertThat(result.limit()).isEqualTo(Limit.WALL_TIME);
    }

    @Test
    void allocatingForeverHitsTheMemoryLimit() {
        ProgramResult result = run("chunks = []\nwhile True:\n    chunks.append(bytearray(10 * 1024 * 1024))");
        assertThat(result.status()).isEqualTo(RunStatus.LIMIT_EXCEEDED);
        assertThat(result.limit()).isEqualTo(Limit.MEMORY);
        assertThat(result.peakMemoryKb()).isLessThan(SandboxLimits.DEFAULT.memoryBytes() / 1024);
    }

    @Test
    void forkLoopHitsTheProcessLimit() {
        ProgramResult result = run("import os\nwhile True:\n    os.fork()");
        assertThat(result.limit()).isIn(Limit.PROCESSES, Limit.CPU_TIME, Limit.WALL_TIME);
        assertThat(result.status()).isNotEqualTo(RunStatus.EXITED);
    }

    @Test
    void detachedGrandchildDiesWithTheRun() {
        ProgramResult result = run("""
                import os, time
                if os.fork() == 0:
                    os.setsid()
                    if os.fork() == 0:
                        time.sleep(600)
                    os._exit(0)
                print("parent done")
                """);
        assertThat(result.stdout()).contains("parent done");
        assertThat(result.status()).isEqualTo(RunStatus.EXITED);
    }

    @Test
    void hostFilesAreAbsent() {
        String projectFile = Path.of("pom.xml").toAbsolutePath().toString();
        ProgramResult result = run("""
                import os
                for path in ["/etc/shadow", "/etc/passwd", "/root", "/home", "%s", "/work"]:
                    try:
                        if os.path.isdir(path):
                            print(path, "READ", os.listdir(path))
                        else:
                            open(path).read()
                            print(path, "READ")
                    except FileNotFoundError:
                        print(path, "absent")
                    except PermissionError:
                        print(path, "denied")
                """.formatted(projectFile));
        assertThat(result.stdout()).doesNotContain("READ").contains("/etc/shadow absent").contains("/root absent");
    }

    @Test
    void noHostVariableIsVisible() {
        assertThat(System.getenv("LEARNFLOW_FAKE_SECRET")).as("set by the build for this test").isNotBlank();
        ProgramResult result = run("""
                import os
                print(dict(os.environ))
                for pid in os.listdir("/proc"):
                    if pid.isdigit():
                        try:
                            print(open("/proc/%s/environ" % pid, "rb").read())
                        except OSError as e:
                            print(pid, type(e).__name__)
                """);
        assertThat(result.status()).isEqualTo(RunStatus.EXITED);
        assertThat(result.stdout()).doesNotContain(System.getenv("LEARNFLOW_FAKE_SECRET"))
                .doesNotContain("JAVA_HOME").doesNotContain("MAVEN");
    }

    @Test
    void networkIsUnreachable() throws IOException {
        try (ServerSocket listening = new ServerSocket(0)) {
            ProgramResult result = run("""
                    import socket
                    print("interfaces", [name for _, name in socket.if_nameindex()])
                    try:
                        socket.create_connection(("127.0.0.1", %d), timeout=2)
                        print("CONNECTED")
                    except OSError as e:
                        print("refused", type(e).__name__)
                    """.formatted(listening.getLocalPort()));
            assertThat(result.stdout()).doesNotContain("CONNECTED").contains("refused")
                    .contains("interfaces ['lo']");
        }
    }

    @Test
    void writesToTheSystemAreDeniedAndTmpDoesNotSurviveTheRun() {
        ProgramResult first = run("""
                import os
                for path in ["/etc/evil", "/usr/lib/python3.11/evil.py", "/sandbox/code/evil.py", "/evil"]:
                    try:
                        open(path, "w").write("x")
                        print(path, "WRITTEN")
                    except OSError as e:
                        print(path, type(e).__name__)
                open("/tmp/left-behind", "w").write("secret")
                print("tmp written")
                """);
        assertThat(first.stdout()).doesNotContain("WRITTEN").contains("tmp written");
        ProgramResult second = run("import os\nprint(os.path.exists('/tmp/left-behind'))");
        assertThat(second.stdout()).isEqualTo("False\n");
    }

    @Test
    void fillingTheDiskHitsTheFileSizeLimit() {
        ProgramResult result = run("""
                with open("/tmp/big", "wb") as f:
                    while True:
                        f.write(b"x" * 65536)
                """);
        assertThat(result.limit()).isEqualTo(Limit.FILE_SIZE);
        assertThat(result.status()).isEqualTo(RunStatus.LIMIT_EXCEEDED);
    }

    @Test
    void printingForeverIsCappedAndEnded() {
        ProgramResult result = run("while True:\n    print('spam' * 100)");
        assertThat(result.status()).isEqualTo(RunStatus.LIMIT_EXCEEDED);
        assertThat(result.limit()).isEqualTo(Limit.OUTPUT);
        assertThat(result.stdoutTruncated()).isTrue();
        assertThat(result.stdout().length()).isLessThanOrEqualTo(SandboxLimits.DEFAULT.outputBytes());
    }

    @Test
    void shellSeesAnUnprivilegedUserAndAMinimalFilesystem() {
        ProgramResult result = run("import subprocess\nsubprocess.run(['sh', '-c', 'id; ls /'])");
        assertThat(result.stdout()).contains("uid=65534").doesNotContain("uid=0(")
                .doesNotContain("etc").doesNotContain("home").doesNotContain("root");
    }

    @Test
    void killingPidOneAndTheParentOnlyEndsTheSandbox() {
        ProgramResult result = run("import os, signal\nos.kill(1, signal.SIGKILL)\nos.kill(os.getppid(), signal.SIGKILL)\n"
                + "import time\ntime.sleep(1)\nprint('still here')");
        assertThat(result.stdout()).doesNotContain("still here");
        assertThat(result.status()).isIn(RunStatus.CRASHED, RunStatus.EXITED, RunStatus.LIMIT_EXCEEDED);
    }

    @Test
    void readingAddressZeroIsACrash() {
        ProgramResult result = run("import ctypes\nctypes.string_at(0)");
        assertThat(result.status()).isEqualTo(RunStatus.CRASHED);
        assertThat(result.signal()).isEqualTo(11);
    }

    @Test
    void infiniteRecursionWithARaisedLimitIsContained() {
        ProgramResult result = run("import sys\nsys.setrecursionlimit(10**6)\ndef f(n):\n    return f(n + 1)\nf(0)");
        assertThat(result.status()).isIn(RunStatus.CRASHED, RunStatus.LIMIT_EXCEEDED, RunStatus.EXITED);
        assertThat(result.succeeded()).isFalse();
    }

    @Test
    void threadBombAndOpeningFilesAreCapped() {
        ProgramResult threads = run("""
                import threading, time
                while True:
                    threading.Thread(target=time.sleep, args=(60,), daemon=True).start()
                """);
        assertThat(threads.limit()).isIn(Limit.PROCESSES, Limit.MEMORY);
        ProgramResult files = run("""
                handles = []
                while True:
                    handles.append(open("/tmp/f%d" % len(handles), "w"))
                """);
        assertThat(files.limit()).isEqualTo(Limit.OPEN_FILES);
    }

    @Test
    void mountAndUnshareAreRefused() {
        ProgramResult result = run("""
                import ctypes, os
                libc = ctypes.CDLL(None, use_errno=True)
                print("unshare", libc.unshare(0x10000000), os.strerror(ctypes.get_errno()))
                print("mount", libc.mount(b"none", b"/tmp", b"tmpfs", 0, None), os.strerror(ctypes.get_errno()))
                """);
        assertThat(result.stdout()).contains("unshare -1").contains("mount -1");
    }

    @Test
    void hugeIntegerToStringIsEndedByALimit() {
        ProgramResult result = run("print(len(str(10**10**8)))");
        assertThat(result.status()).isEqualTo(RunStatus.LIMIT_EXCEEDED);
        assertThat(result.limit()).isEqualTo(Limit.CPU_TIME);
    }

    @Test
    void fiftyConcurrentHostileRunsLeaveThePoolHealthy() {
        List<CompletableFuture<ProgramResult>> runs = new ArrayList<>();
        String[] hostile = {"while True:\n    pass", "import os\nwhile True:\n    os.fork()",
                "x = []\nwhile True:\n    x.append(bytearray(10**7))", "while True:\n    print('x' * 1000)"};
        for (int i = 0; i < 50; i++) {
            runs.add(Sandboxes.SHARED.run(ProgramRequest.of(hostile[i % hostile.length])));
        }
        runs.forEach(run -> assertThat(Sandboxes.await(run).status()).isNotEqualTo(RunStatus.SANDBOX_ERROR));
    }

    @Test
    void aFullPoolAnswersBusyAtOnce() {
        try (Sandbox tiny = new Sandbox(SandboxConfig.defaults().withLimits(Sandboxes.SHORT).withPool(1, 1))) {
            CompletableFuture<ProgramResult> first = tiny.run(ProgramRequest.of("import time\ntime.sleep(1)"));
            CompletableFuture<ProgramResult> second = tiny.run(ProgramRequest.of("import time\ntime.sleep(1)"));
            CompletableFuture<ProgramResult> third = tiny.run(ProgramRequest.of("print(1)"));
            assertThat(third).isCompleted();
            assertThat(third.join().status()).isEqualTo(RunStatus.BUSY);
            assertThat(tiny.load().refused()).isEqualTo(1);
            assertThat(tiny.load().running() + tiny.load().waiting()).isBetween(1, 2);
            assertThat(Sandboxes.await(first).status()).isEqualTo(RunStatus.EXITED);
            assertThat(Sandboxes.await(second).status()).isEqualTo(RunStatus.EXITED);
            assertThat(tiny.load().runs()).isEqualTo(2);
            assertThat(tiny.load().waiting()).isZero();
        }
    }

    @Test
    void withoutBubblewrapTheSandboxRefusesToStartAndSaysHowToInstallIt() {
        SandboxConfig missing = new SandboxConfig(Isolation.BUBBLEWRAP, SandboxLimits.DEFAULT, 1, 1,
                Path.of("/usr/bin/python3"), Path.of("/nonexistent/bwrap"), 61000);
        assertThatThrownBy(() -> new Sandbox(missing)).isInstanceOf(SandboxUnavailableException.class)
                .hasMessageContaining("apt-get install -y bubblewrap");
    }
}
