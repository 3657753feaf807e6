package io.learnflow.k8s.rules;

import static io.learnflow.k8s.RuleAssertions.violationsAfter;
import static io.learnflow.k8s.Trees.document;
import static io.learnflow.k8s.Trees.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.learnflow.k8s.render.Document;

class KnownResourcesTest {

    private final KnownResources rule = new KnownResources();

    @Test
    void aMisspelledStrimziFieldIsCaught() {
        var violations = violationsAfter(rule, "dev", docs -> map(document(docs, "KafkaTopic", "learnflow.response"),
                "spec").put("partitons", 12));

        assertThat(violations).singleElement().hasToString(
                "known-resources: KafkaTopic/learnflow.response: unknown field(s) [partitons] at .spec");
    }

    @Test
    void aMisspelledCoreFieldIsCaught() {
        var violations = violationsAfter(rule, "production", docs -> {
            var container = io.learnflow.k8s.Trees.container(docs, "debug");
            container.put("readinesProbe", container.remove("readinessProbe"));
        });

        assertThat(violations).singleElement().asString().contains("Deployment/debug", "[readinesProbe]",
                ".spec.template.spec.containers[0]");
    }

    @Test
    void aStrimziResourceAtTheRemovedV1beta2IsCaught() {
        var violations = violationsAfter(rule, "production",
                docs -> document(docs, "KafkaUser", "learnflow-debug").put("apiVersion", "kafka.strimzi.io/v1beta2"));

        assertThat(violations).singleElement().asString().contains("KafkaUser/learnflow-debug", "v1beta2");
    }

    @Test
    void aFieldKedaDoesNotHaveIsCaught() {
        var violations = violationsAfter(rule, "dev", docs -> map(document(docs, "ScaledObject", "exercise"),
                "spec").put("maxReplicas", 4));

        assertThat(violations).singleElement().asString().contains("ScaledObject/exercise", "maxReplicas");
    }

    @Test
    void aFieldCloudNativePgDoesNotHaveIsCaught() {
        var violations = violationsAfter(rule, "production", docs -> map(document(docs, "Cluster", "learnflow-db"),
                "spec").put("replicas", 3));

        assertThat(violations).singleElement().asString().contains("Cluster/learnflow-db", "replicas");
    }

    @Test
    void aKindNoModelKnowsIsCaught() {
        var violations = violationsAfter(rule, "dev", docs -> docs.add(new Document(Map.of("apiVersion",
                "monitoring.coreos.com/v1", "kind", "ServiceMonitor", "metadata", Map.of("name", "triage")))));

        assertThat(violations).singleElement().asString().contains("ServiceMonitor/triage", "not one");
    }
}
