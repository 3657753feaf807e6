package io.learnflow.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.learnflow.k8s.config.ServiceConfiguration;
import io.learnflow.k8s.config.WebRoutes;
import io.learnflow.model.ServiceName;

/** The LearnFlow checkout: the services' configuration and images, and the kustomize tree in deploy/k8s. */
public record Repository(Path root) {

    public static final List<String> SERVICES = Arrays.stream(ServiceName.values())
            .map(name -> name.name().toLowerCase(Locale.ROOT)).toList();

    /** The checkout this module is in: tests run in deploy/k8s-validation. */
    public static Repository here() {
        Path root = Path.of("").toAbsolutePath().resolve("../..").normalize();
        if (!Files.isDirectory(root.resolve("deploy/k8s/base"))) {
            throw new IllegalStateException("run from deploy/k8s-validation of a LearnFlow checkout; no deploy/k8s "
                    + "under " + root);
        }
        return new Repository(root);
    }

    public Path kustomizeTree() {
        return root.resolve("deploy/k8s");
    }

    public Map<String, ServiceConfiguration> serviceConfigurations() {
        Map<String, ServiceConfiguration> configurations = new LinkedHashMap<>();
        SERVICES.forEach(service -> configurations.put(service, ServiceConfiguration.load(root, service)));
        return configurations;
    }

    /** The web page's route table: which API prefixes it forwards to which upstream. */
    public WebRoutes webRoutes() {
        return WebRoutes.load(root);
    }

    /** Whether the service's image carries the sandbox (its Dockerfile installs bubblewrap). */
    public boolean runsSandbox(String service) {
        Path dockerfile = root.resolve(service + "-service/src/main/docker/Dockerfile.jvm");
        try {
            return Files.isRegularFile(dockerfile) && Files.readString(dockerfile).contains("bubblewrap");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
