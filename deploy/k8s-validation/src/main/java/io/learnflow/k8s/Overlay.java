package io.learnflow.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.learnflow.k8s.config.ServiceConfiguration;
import io.learnflow.k8s.config.WebRoutes;
import io.learnflow.k8s.render.Document;
import io.learnflow.k8s.render.Manifests;

/**
 * One rendered overlay and what the rules compare it with: the services' configuration, which services run the
 * sandbox, the Secrets the overlay says its users create ({@code secrets-to-create.txt}), and the web page's route
 * table (which API prefixes it forwards to which service).
 */
public record Overlay(String name, Manifests manifests, Map<String, ServiceConfiguration> services,
        Set<String> sandboxServices, Set<String> secretsToCreate, WebRoutes web) {

    public static final String PRODUCTION = "production";

    public static Overlay of(String name, List<Document> documents, Repository repository, Path overlayDirectory) {
        Set<String> sandbox = Repository.SERVICES.stream().filter(repository::runsSandbox)
                .collect(Collectors.toCollection(TreeSet::new));
        return new Overlay(name, Manifests.of(documents), repository.serviceConfigurations(), sandbox,
                secretsToCreate(overlayDirectory), repository.webRoutes());
    }

    private static Set<String> secretsToCreate(Path overlayDirectory) {
        Path list = overlayDirectory.resolve("secrets-to-create.txt");
        if (!Files.isRegularFile(list)) {
            return Set.of();
        }
        try {
            return Files.readAllLines(list).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isProduction() {
        return PRODUCTION.equals(name);
    }

    public Overlay withDocuments(List<Document> documents) {
        return new Overlay(name, Manifests.of(documents), services, sandboxServices, secretsToCreate, web);
    }

    public Overlay withService(ServiceConfiguration configuration) {
        Map<String, ServiceConfiguration> changed = new java.util.LinkedHashMap<>(services);
        changed.put(configuration.service(), configuration);
        return new Overlay(name, manifests, changed, sandboxServices, secretsToCreate, web);
    }

    public Overlay withWeb(WebRoutes routes) {
        return new Overlay(name, manifests, services, sandboxServices, secretsToCreate, routes);
    }
}
