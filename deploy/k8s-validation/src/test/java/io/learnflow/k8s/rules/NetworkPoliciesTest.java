package io.learnflow.k8s.rules;

import static io.learnflow.k8s.RuleAssertions.violationsAfter;
import static io.learnflow.k8s.Trees.remove;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.learnflow.k8s.render.Document;

class NetworkPoliciesTest {

    private final NetworkPolicies rule = new NetworkPolicies();

    @Test
    void withoutDefaultDenyTheOverlayIsCaught() {
        var violations = violationsAfter(rule, "production", docs -> remove(docs, "NetworkPolicy", "default-deny"));

        assertThat(violations).singleElement().hasToString(
                "network-policies: namespace: no default-deny NetworkPolicy (every pod, Ingress, no rule)");
    }

    @Test
    void aSandboxServiceAllowedToTheInternetIsCaught() {
        var violations = violationsAfter(rule, "dev", docs -> docs.add(policy("exercise-egress-web",
                Map.of("app.kubernetes.io/name", "exercise"),
                Map.of("to", List.of(Map.of("ipBlock", Map.of("cidr", "0.0.0.0/0"))),
                        "ports", List.of(Map.of("protocol", "TCP", "port", 443))))));

        assertThat(violations).singleElement().asString().contains("NetworkPolicy/exercise-egress-web",
                "lets exercise, which runs students' code, reach more than DNS, Kafka and PostgreSQL");
    }

    @Test
    void aSandboxServiceAllowedToAnotherServiceIsCaught() {
        var violations = violationsAfter(rule, "dev", docs -> docs.add(policy("debug-to-triage",
                Map.of("app.kubernetes.io/name", "debug"),
                Map.of("to", List.of(Map.of("podSelector", Map.of("matchLabels",
                        Map.of("app.kubernetes.io/name", "triage"))))))));

        assertThat(violations).singleElement().asString().contains("NetworkPolicy/debug-to-triage");
    }

    @Test
    void aServiceWhoseEgressNoPolicyRestrictsIsCaught() {
        var violations = violationsAfter(rule, "production", docs -> {
            remove(docs, "NetworkPolicy", "services-default-deny-egress");
            remove(docs, "NetworkPolicy", "services-egress-kafka-postgres-dns");
        });

        assertThat(violations).extracting(Violation::resource)
                .containsExactlyInAnyOrder("Deployment/concepts", "Deployment/debug", "Deployment/exercise",
                        "Deployment/progress");
    }

    private static Document policy(String name, Map<String, String> pods, Map<String, Object> egress) {
        return new Document(Map.of("apiVersion", "networking.k8s.io/v1", "kind", "NetworkPolicy", "metadata",
                Map.of("name", name), "spec", Map.of("podSelector", Map.of("matchLabels", pods), "policyTypes",
                        List.of("Egress"), "egress", List.of(egress))));
    }
}
