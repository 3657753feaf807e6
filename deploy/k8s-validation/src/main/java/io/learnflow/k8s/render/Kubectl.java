package io.learnflow.k8s.render;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** {@code kubectl kustomize}: renders an overlay into YAML with no cluster. */
public final class Kubectl {

    public static final String MISSING = "kubectl is needed to render deploy/k8s (kubectl kustomize, no cluster): "
            + "install it (.ci/run does, see deploy/k8s-validation/README.md) or set KUBECTL to its path";
    private static final long RENDER_TIMEOUT_SECONDS = 120;

    private final Path executable;

    public Kubectl(Path executable) {
        this.executable = executable;
    }

    /** The kubectl named by {@code KUBECTL}, or the first on {@code PATH}; a clear error when there is none. */
    public static Kubectl locate(Map<String, String> environment) {
        return find(environment).map(Kubectl::new).orElseThrow(() -> new IllegalStateException(MISSING));
    }

    static Optional<Path> find(Map<String, String> environment) {
        String named = environment.get("KUBECTL");
        if (named != null && !named.isBlank()) {
            return Optional.of(Path.of(named)).filter(Files::isExecutable);
        }
        String path = environment.getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, "kubectl"))) {
                return Optional.of(Path.of(directory, "kubectl"));
            }
        }
        return Optional.empty();
    }

    public String kustomize(Path directory) {
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException(MISSING + " (not executable: " + executable + ")");
        }
        try {
            Process process = new ProcessBuilder(executable.toString(), "kustomize", directory.toString()).start();
            CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            String rendered = read(process.getInputStream());
            if (!process.waitFor(RENDER_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("kubectl kustomize " + directory + " did not finish");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + directory + " failed: " + errors.join().strip());
            }
            return rendered;
        } catch (IOException e) {
            throw new IllegalStateException(MISSING + " (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering " + directory, e);
        }
    }

    private static String read(java.io.InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read kubectl's output", e);
        }
    }
}
