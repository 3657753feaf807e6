package io.learnflow.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.learnflow.k8s.render.Document;
import io.learnflow.k8s.rules.Rules;
import io.learnflow.k8s.rules.WebRouting;

class OverlaysTest {

    @ParameterizedTest
    @ValueSource(strings = { "dev", "production" })
    void everyRuleHoldsForTheOverlay(String name) {
        Overlay overlay = RenderedOverlays.overlay(name);

        assertThat(Rules.check(overlay)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "production" })
    void theOverlayDeploysEveryServiceWithItsKafkaAndDatabase(String name) {
        Overlay overlay = RenderedOverlays.overlay(name);

        assertThat(overlay.manifests().documents()).extracting(Document::describe)
                .contains("Kafka/learnflow-kafka", "Cluster/learnflow-db", "Database/learnflow",
                        "TriggerAuthentication/learnflow-kafka", "NetworkPolicy/default-deny", "Ingress/learnflow")
                .contains(Repository.SERVICES.stream().map(s -> "Deployment/" + s).toArray(String[]::new))
                .contains(Repository.SERVICES.stream().map(s -> "ScaledObject/" + s).toArray(String[]::new))
                .contains(Repository.SERVICES.stream().map(s -> "KafkaUser/learnflow-" + s).toArray(String[]::new));
        assertThat(overlay.manifests().problems()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "production" })
    void theOverlayServesTheWebPageAtAFixedCountWithoutKafkaOrDatabase(String name) {
        Overlay overlay = RenderedOverlays.overlay(name);
        List<String> resources = overlay.manifests().documents().stream().map(Document::describe).toList();
        Map<String, Object> pod = Trees.podSpec(overlay.manifests().documents(), WebRouting.WEB);

        assertThat(resources).contains("Deployment/web", "Service/web", "PodDisruptionBudget/web")
                .doesNotContain("ScaledObject/web", "KafkaUser/learnflow-web");
        assertThat(Trees.map(Trees.document(overlay.manifests().documents(), "Deployment", "web"), "spec"))
                .containsEntry("replicas", overlay.isProduction() ? 2 : 1);
        assertThat(Trees.container(overlay.manifests().documents(), WebRouting.WEB)).doesNotContainKeys("env",
                "envFrom");
        assertThat(Trees.list(pod, "volumes")).extracting(v -> (Object) ((Map<?, ?>) v).get("name")).containsExactly("tmp");
    }
}
