package io.learnflow.k8s;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.learnflow.k8s.render.Document;
import io.learnflow.k8s.render.Kubectl;
import io.learnflow.k8s.render.Yaml;

/** The repository's overlays rendered once per test JVM; each call hands out a fresh copy to change at will. */
public final class RenderedOverlays {

    public static final List<String> NAMES = List.of("dev", Overlay.PRODUCTION);
    private static final Map<String, List<Document>> RENDERED = new ConcurrentHashMap<>();

    private RenderedOverlays() {
    }

    public static Repository repository() {
        return Repository.here();
    }

    public static Overlay overlay(String name) {
        List<Document> documents = RENDERED.computeIfAbsent(name, n -> render(repository().kustomizeTree(), n));
        return Overlay.of(name, Yaml.copy(documents), repository(), overlayDirectory(repository().kustomizeTree(), name));
    }

    /** Renders an overlay of another copy of the kustomize tree (a test's changed copy). */
    public static Overlay overlayOf(Path kustomizeTree, String name) {
        return Overlay.of(name, render(kustomizeTree, name), repository(), overlayDirectory(kustomizeTree, name));
    }

    public static List<Document> render(Path kustomizeTree, String name) {
        return Yaml.documents(Kubectl.locate(System.getenv()).kustomize(overlayDirectory(kustomizeTree, name)));
    }

    private static Path overlayDirectory(Path kustomizeTree, String name) {
        return kustomizeTree.resolve("overlays").resolve(name);
    }
}
