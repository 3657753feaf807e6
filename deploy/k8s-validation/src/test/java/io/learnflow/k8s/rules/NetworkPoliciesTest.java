package io.learnflow.k8s.rules;

import static io.learnflow.k8s.RuleAssertions.violationsAfter;
import static io.learnflow.k8s.RuleAssertions.violationsOf;
import static io.learnflow.k8s.Trees.document;
import static io.learnflow.k8s.Trees.list;
import static io.learnflow.k8s.Trees.map;
import static io.learnflow.k8s.Trees.remove;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.Service;
import io.learnflow.k8s.Overlay;
import io.learnflow.k8s.RenderedOverlays;
import io.learnflow.k8s.config.WebRoutes;
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

    @ParameterizedTest
    @ValueSource(strings = { "dev", "production" })
    void theWebPageReachesEveryUpstreamOfItsRouteTable(String name) {
        Overlay overlay = RenderedOverlays.overlay(name);
        WebRoutes web = overlay.web();
        Map<String, String> page = overlay.manifests().deployment("web").orElseThrow().getSpec().getTemplate()
                .getMetadata().getLabels();

        assertThat(web.upstreams()).isNotEmpty();
        for (String upstream : web.upstreams().keySet()) {
            Service service = overlay.manifests().named(Service.class, web.serviceOf(upstream).orElseThrow())
                    .orElseThrow();
            var targets = NetworkPolicies.targets(overlay, service, "http");
            assertThat(targets).as("Deployments behind %s", upstream).isNotEmpty();
            targets.forEach(target -> assertThat(NetworkPolicies.podReaches(overlay.manifests().networkPolicies(),
                    page, target.labels(), target.port(), target.portName())).as("web reaches %s", upstream).isTrue());
        }
        assertThat(rule.check(overlay)).isEmpty();
    }

    @Test
    void websEgressWithoutAnUpstreamIsCaught() {
        String upstream = RenderedOverlays.repository().webRoutes().upstreams().keySet().iterator().next();
        String service = RenderedOverlays.repository().webRoutes().serviceOf(upstream).orElseThrow();
        var violations = violationsAfter(rule, "production", docs -> list(map(list(document(docs, "NetworkPolicy",
                "web-egress-apis-dns"), "spec", "egress").get(1)), "to", 0, "podSelector", "matchExpressions", 0,
                "values").remove(service));

        assertThat(violations).singleElement().hasToString("network-policies: Deployment/web: may not reach " + service
                + " on port 8080 (upstream " + upstream + " of its route table)");
    }

    @Test
    void upstreamsThatDoNotAcceptWebAreCaught() {
        var violations = violationsAfter(rule, "dev", docs -> remove(docs, "NetworkPolicy", "apis-ingress-from-web"));

        assertThat(violations).extracting(Violation::message).containsExactlyInAnyOrderElementsOf(
                RenderedOverlays.repository().webRoutes().upstreams().keySet().stream().map(u -> "may not reach "
                        + RenderedOverlays.repository().webRoutes().serviceOf(u).orElseThrow()
                        + " on port 8080 (upstream " + u + " of its route table)").toList());
    }

    @Test
    void anUpstreamAddedToTheTableThatWebMayNotReachIsCaught() {
        Overlay intact = RenderedOverlays.overlay("production");
        Overlay broken = intact.withWeb(intact.web().withUpstream("concepts", "http://concepts:8080"));

        assertThat(violationsOf(rule, intact, broken)).singleElement().hasToString("network-policies: Deployment/web: "
                + "may not reach concepts on port 8080 (upstream concepts of its route table)");
    }

    @Test
    void aServiceBehindTheIngressThatRefusesTheControllerIsCaught() {
        var violations = violationsAfter(rule, "dev", docs -> list(map(document(docs, "NetworkPolicy",
                "http-ingress"), "spec", "podSelector", "matchExpressions", 0), "values").remove("exercise"));

        assertThat(violations).extracting(Violation::toString).isNotEmpty().allSatisfy(v -> assertThat(v).startsWith(
                "network-policies: Deployment/exercise: does not accept the ingress controller (namespace ingress-nginx) "
                        + "on port 8080, yet Ingress path /api/v1/"));
    }

    private static Document policy(String name, Map<String, String> pods, Map<String, Object> egress) {
        return new Document(Map.of("apiVersion", "networking.k8s.io/v1", "kind", "NetworkPolicy", "metadata",
                Map.of("name", name), "spec", Map.of("podSelector", Map.of("matchLabels", pods), "policyTypes",
                        List.of("Egress"), "egress", List.of(egress))));
    }
}
