package io.learnflow.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The host folder of one run: the student's files ({@code code/}) and the supervisor, harness and spec
 * ({@code control/}), both mounted read-only in the sandbox and deleted after the run.
 */
final class RunDirectory implements AutoCloseable {

    private final Path root;

    private RunDirectory(Path root) {
        this.root = root;
    }

    static RunDirectory create(Map<String, String> files, String specJson) {
        try {
            Path root = Files.createTempDirectory("learnflow-run-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            Path code = Files.createDirectory(root.resolve("code"));
            Path control = Files.createDirectory(root.resolve("control"));
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(code.resolve(file.getKey()), file.getValue());
            }
            copyResource("runner.py", control);
            copyResource("harness.py", control);
            Files.writeString(control.resolve("spec.json"), specJson);
            try (Stream<Path> all = Files.walk(root)) {
                all.forEach(path -> path.toFile().setReadable(true, false));
            }
            return new RunDirectory(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a sandbox run", e);
        }
    }

    Path code() {
        return root.resolve("code");
    }

    Path control() {
        return root.resolve("control");
    }

    private static void copyResource(String name, Path folder) throws IOException {
        try (InputStream in = RunDirectory.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the sandbox's " + name + " is missing from its jar");
            }
            Files.copy(in, folder.resolve(name));
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
