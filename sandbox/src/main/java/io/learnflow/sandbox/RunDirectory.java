package io.learnflow.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Host folders mounted read-only into runs: the control folder (supervisor and harness, one per sandbox) and, per
 * run, the student's files ({@code code/}) and the run's description ({@code run/}), deleted after the run.
 */
final class RunDirectory implements AutoCloseable {

    private final Path root;

    private RunDirectory(Path root) {
        this.root = root;
    }

    static RunDirectory control(Path python) {
        try {
            Path root = Files.createTempDirectory("learnflow-sandbox-", readable());
            copyResource("runner.py", root);
            copyResource("harness.py", root);
            copyResource("grading.py", root);
            precompile(python, root.resolve("grading.py"));
            return new RunDirectory(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the sandbox's control folder", e);
        }
    }

    /**
     * The grading supervisor's bytecode, made once beside it: compiling it anew would cost every grading run more
     * than the rest of its start-up. Without it a run still works, only slower.
     */
    private static void precompile(Path python, Path module) {
        try {
            Process compile = new ProcessBuilder(python.toString(), "-I", "-S", "-c",
                    "import py_compile, sys; py_compile.compile(sys.argv[1], doraise=True)", module.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!compile.waitFor(30, TimeUnit.SECONDS) || compile.exitValue() != 0) {
                compile.destroyForcibly();
                return;
            }
            try (Stream<Path> all = Files.walk(module.getParent())) {
                all.forEach(path -> {
                    path.toFile().setReadable(true, false);
                    if (Files.isDirectory(path)) {
                        path.toFile().setExecutable(true, false);
                    }
                });
            }
        } catch (IOException e) {
            // the run compiles the module itself
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static RunDirectory run(Map<String, String> files, String spec, String stdin, String tests) {
        try {
            Path root = Files.createTempDirectory("learnflow-run-", readable());
            Path code = Files.createDirectory(root.resolve("code"), readable());
            Path run = Files.createDirectory(root.resolve("run"), readable());
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(code.resolve(file.getKey()), file.getValue());
            }
            Files.writeString(run.resolve("spec"), spec);
            Files.writeString(run.resolve("stdin"), stdin);
            if (tests != null) {
                Files.writeString(run.resolve("tests.json"), tests);
            }
            try (Stream<Path> all = Files.walk(root)) {
                all.filter(Files::isRegularFile).forEach(path -> path.toFile().setReadable(true, false));
            }
            return new RunDirectory(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a sandbox run", e);
        }
    }

    Path path() {
        return root;
    }

    Path code() {
        return root.resolve("code");
    }

    Path run() {
        return root.resolve("run");
    }

    private static java.nio.file.attribute.FileAttribute<?> readable() {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void copyResource(String name, Path folder) throws IOException {
        try (InputStream in = RunDirectory.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the sandbox's " + name + " is missing from its jar");
            }
            Path target = folder.resolve(name);
            Files.copy(in, target);
            target.toFile().setReadable(true, false);
        }
    }

    @Override
    public void close() {
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
