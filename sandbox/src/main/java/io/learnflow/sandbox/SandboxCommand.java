package io.learnflow.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * The command line of one run: under bubblewrap, a new user, PID, network, IPC, UTS and cgroup namespace, only
 * {@code /usr} of the host (read-only), a fresh {@code /tmp} in memory, no environment, no new privileges, and no
 * further user namespaces; with root, the run first drops to an unprivileged host user of its own.
 */
final class SandboxCommand {

    static final int SANDBOX_UID = 65534;
    private static final boolean ROOT = ProcessHandle.current().info().user().map("root"::equals).orElse(false);

    private SandboxCommand() {
    }

    /**
     * @param supervisorAsPid1 the supervisor runs as the sandbox's PID 1 (no bubblewrap init process): the run's
     *                         processes can neither signal it nor open the descriptors it holds
     */
    static List<String> of(SandboxConfig config, SandboxLimits limits, RunDirectory control, RunDirectory run,
            int slot, boolean supervisorAsPid1) {
        List<String> command = new ArrayList<>();
        if (config.isolation() == Isolation.UNSAFE_LOCAL) {
            command.addAll(List.of(config.python().toString(), "-I", "-S", control.path().resolve("runner.py").toString(),
                    control.path().toString(), run.code().toString(), run.run().toString()));
            return command;
        }
        if (ROOT) {
            int uid = config.firstUid() + slot;
            command.addAll(List.of("/usr/bin/setpriv", "--reuid=" + uid, "--regid=" + uid, "--clear-groups", "--"));
        }
        command.add(config.bubblewrap().toString());
        command.addAll(List.of(
                "--unshare-all", "--unshare-user", "--disable-userns", "--die-with-parent", "--new-session",
                "--clearenv", "--uid", String.valueOf(SANDBOX_UID), "--gid", String.valueOf(SANDBOX_UID),
                "--ro-bind", "/usr", "/usr",
                "--symlink", "usr/lib", "/lib",
                "--symlink", "usr/lib64", "/lib64",
                "--symlink", "usr/bin", "/bin",
                "--symlink", "usr/sbin", "/sbin",
                "--proc", "/proc",
                "--dev", "/dev",
                "--size", String.valueOf(limits.tmpBytes()), "--tmpfs", "/tmp",
                "--ro-bind", control.path().toString(), "/sandbox/control",
                "--ro-bind", run.code().toString(), "/sandbox/code",
                "--ro-bind", run.run().toString(), "/sandbox/run",
                "--remount-ro", "/",
                "--chdir", "/tmp"));
        if (supervisorAsPid1) {
            command.add("--as-pid-1");
        }
        command.addAll(List.of(config.python().toString(), "-I", "-S", "/sandbox/control/runner.py",
                "/sandbox/control", "/sandbox/code", "/sandbox/run"));
        return command;
    }
}
