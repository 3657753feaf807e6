package io.learnflow.k8s.rules;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.learnflow.k8s.Overlay;
import io.learnflow.k8s.model.CloudNativePg;
import io.strimzi.api.kafka.model.kafka.Kafka;

/**
 * Deny by default: a NetworkPolicy selecting every pod with no ingress rule, every service's egress denied unless
 * allowed, and the services that run students' code (the sandbox) allowed to reach only DNS, the Kafka brokers and
 * PostgreSQL.
 */
public final class NetworkPolicies implements Rule {

    @Override
    public String name() {
        return "network-policies";
    }

    @Override
    public List<Violation> check(Overlay overlay) {
        Findings findings = new Findings(name());
        List<NetworkPolicy> policies = overlay.manifests().networkPolicies();
        findings.require(policies.stream().anyMatch(p -> isEmpty(p.getSpec().getPodSelector())
                && p.getSpec().getPolicyTypes().contains("Ingress")
                && (p.getSpec().getIngress() == null || p.getSpec().getIngress().isEmpty())), "namespace",
                "no default-deny NetworkPolicy (every pod, Ingress, no rule)");
        for (Deployment deployment : overlay.manifests().deployments()) {
            String service = deployment.getMetadata().getName();
            Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            List<NetworkPolicy> selecting = policies.stream()
                    .filter(p -> selects(p.getSpec().getPodSelector(), labels)).toList();
            findings.require(selecting.stream().anyMatch(p -> p.getSpec().getPolicyTypes().contains("Egress")),
                    "Deployment/" + service, "its egress is not restricted by any NetworkPolicy");
            if (overlay.sandboxServices().contains(service)) {
                for (NetworkPolicy policy : selecting) {
                    for (NetworkPolicyEgressRule egress : Objects.requireNonNullElse(policy.getSpec().getEgress(),
                            List.<NetworkPolicyEgressRule>of())) {
                        List<NetworkPolicyPeer> peers = Objects.requireNonNullElse(egress.getTo(), List.of());
                        findings.require(!peers.isEmpty() && peers.stream().allMatch(peer -> allowedForSandbox(overlay,
                                peer)), "NetworkPolicy/" + policy.getMetadata().getName(), "lets " + service
                                        + ", which runs students' code, reach more than DNS, Kafka and PostgreSQL: "
                                        + peers);
                    }
                }
            }
        }
        return findings.list();
    }

    private static boolean allowedForSandbox(Overlay overlay, NetworkPolicyPeer peer) {
        if (peer.getIpBlock() != null || peer.getPodSelector() == null || isEmpty(peer.getPodSelector())) {
            return false;
        }
        Map<String, String> match = Objects.requireNonNullElse(peer.getPodSelector().getMatchLabels(), Map.of());
        boolean dns = peer.getNamespaceSelector() != null && "kube-dns".equals(match.get("k8s-app"));
        boolean kafka = peer.getNamespaceSelector() == null && overlay.manifests().all(Kafka.class).stream()
                .anyMatch(k -> k.getMetadata().getName().equals(match.get("strimzi.io/cluster")));
        boolean postgres = peer.getNamespaceSelector() == null && overlay.manifests().databaseClusters().stream()
                .map(CloudNativePg.Cluster::metadata).anyMatch(m -> m.getName().equals(match.get("cnpg.io/cluster")));
        return dns || kafka || postgres;
    }

    private static boolean isEmpty(LabelSelector selector) {
        return selector == null || (Objects.requireNonNullElse(selector.getMatchLabels(), Map.of()).isEmpty()
                && Objects.requireNonNullElse(selector.getMatchExpressions(), List.of()).isEmpty());
    }

    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        return isEmpty(selector) || HardenedDeployments.selects(selector, labels);
    }
}
