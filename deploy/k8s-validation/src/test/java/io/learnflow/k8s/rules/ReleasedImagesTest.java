package io.learnflow.k8s.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.learnflow.k8s.Overlay;
import io.learnflow.k8s.RenderedOverlays;

class ReleasedImagesTest {

    private final ReleasedImages rule = new ReleasedImages();

    @Test
    void productionHoldsToReleasedImages() {
        assertThat(rule.check(RenderedOverlays.overlay("production"))).isEmpty();
    }

    @Test
    void aProductionOverlayLeftOnTheBaseImageNamesIsCaught(@TempDir Path copy) throws IOException {
        copyTree(RenderedOverlays.repository().kustomizeTree(), copy);
        Path kustomization = copy.resolve("overlays/production/kustomization.yaml");
        Files.writeString(kustomization, Files.readString(kustomization)
                .replace("    newName: registry.example.org/learnflow/debug-service\n    newTag: 0.1.0\n", "")
                .replace("exercise-service\n    newTag: 0.1.0\n", "exercise-service\n    newTag: latest\n"));

        Overlay broken = RenderedOverlays.overlayOf(copy, "production");

        assertThat(rule.check(broken)).extracting(Violation::toString).containsExactlyInAnyOrder(
                "released-images: Deployment/debug: image learnflow/debug-service names no released version (latest or no tag)",
                "released-images: Deployment/exercise: image registry.example.org/learnflow/exercise-service:latest names "
                        + "no released version (latest or no tag)");
    }

    @Test
    void devMayRunImagesThatAreNotReleases() {
        assertThat(rule.check(RenderedOverlays.overlay("dev"))).isEmpty();
    }

    @Test
    void aTagOrDigestIsARelease() {
        assertThat(ReleasedImages.released("registry.example.org:5000/learnflow/triage-service:0.1.0")).isTrue();
        assertThat(ReleasedImages.released("learnflow/triage-service@sha256:0123abcd")).isTrue();
        assertThat(ReleasedImages.released("registry.example.org:5000/learnflow/triage-service")).isFalse();
        assertThat(ReleasedImages.released("learnflow/triage-service:latest")).isFalse();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
