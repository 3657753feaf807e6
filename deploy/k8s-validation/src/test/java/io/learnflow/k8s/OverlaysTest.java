package io.learnflow.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.learnflow.k8s.render.Document;
import io.learnflow.k8s.rules.Rules;

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
}
