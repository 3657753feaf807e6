package io.learnflow.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.learnflow.k8s.render.Kubectl;
import io.learnflow.k8s.render.Yaml;

class KubectlTest {

    @Test
    void withoutKubectlOnThePathTheValidationSaysWhatToInstall(@TempDir Path emptyDirectory) {
        assertThatThrownBy(() -> Kubectl.locate(Map.of("PATH", emptyDirectory.toString())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("kubectl is needed").hasMessageContaining(".ci/run");
    }

    @Test
    void aKubectlNamedButMissingIsReportedTheSameWay(@TempDir Path directory) {
        Kubectl missing = new Kubectl(directory.resolve("kubectl"));

        assertThatThrownBy(() -> missing.kustomize(Repository.here().kustomizeTree().resolve("overlays/dev")))
                .hasMessageContaining("kubectl is needed").hasMessageContaining("not executable");
    }

    @Test
    void kubectlRendersAnOverlayWithoutACluster() {
        String rendered = Kubectl.locate(System.getenv())
                .kustomize(Repository.here().kustomizeTree().resolve("overlays/dev"));

        assertThat(Yaml.documents(rendered)).hasSizeGreaterThan(50)
                .allSatisfy(document -> assertThat(document.tree().get("metadata")).isNotNull());
    }

    @Test
    void aBrokenOverlayFailsWithKubectlsReason(@TempDir Path tree) throws Exception {
        Path overlay = Files.createDirectories(tree.resolve("overlays/broken"));
        Files.writeString(overlay.resolve("kustomization.yaml"), "resources:\n  - missing.yaml\n");

        assertThatThrownBy(() -> RenderedOverlays.render(tree, "broken"))
                .hasMessageContaining("kubectl kustomize").hasMessageContaining("missing.yaml");
    }
}
