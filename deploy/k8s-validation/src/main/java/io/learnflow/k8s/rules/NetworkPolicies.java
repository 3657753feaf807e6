package io.learnflow.k8s.rules;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.learnflow.k8s.Overlay;
import io.learnflow.k8s.config.WebRoutes;
import io.learnflow.k8s.model.CloudNativePg;
import io.strimzi.api.kafka.model.kafka.Kafka;

/**
 * Deny by default: a NetworkPolicy selecting every pod with no ingress rule, every service's egress denied unless
 * allowed, and the services that run students' code (the sandbox) allowed to reach only DNS, the Kafka brokers and
 * PostgreSQL. The traffic LearnFlow needs gets through: the web page's pods reach every upstream of its route table
 * on the port its Service names (web's egress and the upstream's ingress both allow it), and the ingress controller
 * (namespace {@value #INGRESS_CONTROLLER_NAMESPACE}) reaches every Deployment behind an Ingress path.
 */
public final class NetworkPolicies implements Rule {

    public static final String INGRESS_CONTROLLER_NAMESPACE = "ingress-nginx";
    private static final String NAMESPACE_NAME = "kubernetes.io/metadata.name";

    /** The port a Service sends to on a pod: its number and, where the container names it, its name. */
    record Target(Deployment deployment, int port, String portName) {

        Map<String, String> labels() {
            return deployment.getSpec().getTemplate().getMetadata().getLabels();
        }
    }

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
        reachability(overlay, findings, policies);
        return findings.list();
    }

    private static void reachability(Overlay overlay, Findings findings, List<NetworkPolicy> policies) {
        WebRoutes web = overlay.web();
        Optional<Deployment> page = overlay.manifests().deployment(WebRouting.WEB);
        findings.require(page.isPresent() || web.upstreams().isEmpty(), "Deployment/" + WebRouting.WEB,
                "missing, yet web's route table has upstreams");
        for (String upstream : web.upstreams().keySet()) {
            Optional<Service> service = web.serviceOf(upstream).flatMap(n -> overlay.manifests().named(Service.class, n));
            if (page.isEmpty() || service.isEmpty()) {
                continue; // web-routes reports an upstream without a Service
            }
            Map<String, String> from = page.get().getSpec().getTemplate().getMetadata().getLabels();
            for (Target target : targets(overlay, service.get(), WebRouting.HTTP_PORT)) {
                findings.require(podReaches(policies, from, target.labels(), target.port(), target.portName()),
                        "Deployment/" + WebRouting.WEB, "may not reach " + target.deployment().getMetadata().getName()
                                + " on port " + target.port() + " (upstream " + upstream + " of its route table)");
            }
        }
        for (var ingress : overlay.manifests().ingresses()) {
            for (var rule : Objects.requireNonNullElse(ingress.getSpec().getRules(),
                    List.<io.fabric8.kubernetes.api.model.networking.v1.IngressRule>of())) {
                if (rule.getHttp() == null) {
                    continue;
                }
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    var backend = path.getBackend().getService();
                    Optional<Service> service = Optional.ofNullable(backend).map(b -> b.getName())
                            .flatMap(n -> overlay.manifests().named(Service.class, n));
                    if (service.isEmpty() || backend.getPort() == null) {
                        continue; // web-routes reports a backend without a Service
                    }
                    for (Target target : targets(overlay, service.get(), backend.getPort().getName())) {
                        findings.require(namespaceReaches(policies, INGRESS_CONTROLLER_NAMESPACE, target.labels(),
                                target.port(), target.portName()), "Deployment/"
                                        + target.deployment().getMetadata().getName(), "does not accept the ingress "
                                                + "controller (namespace " + INGRESS_CONTROLLER_NAMESPACE + ") on port "
                                                + target.port() + ", yet Ingress path " + path.getPath() + " goes to it");
                    }
                }
            }
        }
    }

    /** The Deployments a Service selects, each with the container port the Service's port (by name) sends to. */
    static List<Target> targets(Overlay overlay, Service service, String portName) {
        Map<String, String> selector = Objects.requireNonNullElse(service.getSpec().getSelector(), Map.of());
        Optional<ServicePort> port = Objects.requireNonNullElse(service.getSpec().getPorts(), List.<ServicePort>of())
                .stream().filter(p -> portName == null || portName.equals(p.getName())).findFirst();
        if (selector.isEmpty() || port.isEmpty()) {
            return List.of();
        }
        return overlay.manifests().deployments().stream()
                .filter(d -> d.getSpec().getTemplate().getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
                .flatMap(d -> containerPort(d, port.get()).map(c -> new Target(d, c.getContainerPort(), c.getName()))
                        .stream())
                .toList();
    }

    private static Optional<ContainerPort> containerPort(Deployment deployment, ServicePort port) {
        IntOrString target = Optional.ofNullable(port.getTargetPort()).orElse(new IntOrString(port.getPort()));
        return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                .flatMap(c -> Objects.requireNonNullElse(c.getPorts(), List.<ContainerPort>of()).stream())
                .filter(c -> target.getStrVal() != null ? target.getStrVal().equals(c.getName())
                        : Objects.equals(target.getIntVal(), c.getContainerPort()))
                .findFirst();
    }

    /** Whether pods labelled {@code from} may open a TCP connection to pods labelled {@code to}, in the namespace. */
    static boolean podReaches(List<NetworkPolicy> policies, Map<String, String> from, Map<String, String> to, int port,
            String portName) {
        boolean egress = allows(policies, from, "Egress", port, portName, peer -> peer.getIpBlock() == null
                && peer.getNamespaceSelector() == null && peer.getPodSelector() != null
                && selects(peer.getPodSelector(), to));
        boolean ingress = allows(policies, to, "Ingress", port, portName, peer -> peer.getIpBlock() == null
                && peer.getNamespaceSelector() == null && peer.getPodSelector() != null
                && selects(peer.getPodSelector(), from));
        return egress && ingress;
    }

    /** Whether any pod of another namespace may open a TCP connection to pods labelled {@code to}. */
    static boolean namespaceReaches(List<NetworkPolicy> policies, String namespace, Map<String, String> to, int port,
            String portName) {
        return allows(policies, to, "Ingress", port, portName, peer -> peer.getIpBlock() == null
                && peer.getNamespaceSelector() != null && selects(peer.getNamespaceSelector(), Map.of(NAMESPACE_NAME,
                        namespace)) && isEmpty(peer.getPodSelector()));
    }

    /**
     * Whether the policies of one direction let the pod labelled {@code pod} have this connection: no policy of that
     * type selects it, or a rule of one that does names a matching peer (or every peer) and the port.
     */
    private static boolean allows(List<NetworkPolicy> policies, Map<String, String> pod, String type, int port,
            String portName, Predicate<NetworkPolicyPeer> peerMatches) {
        List<NetworkPolicy> restricting = policies.stream().filter(p -> selects(p.getSpec().getPodSelector(), pod)
                && p.getSpec().getPolicyTypes().contains(type)).toList();
        if (restricting.isEmpty()) {
            return true;
        }
        for (NetworkPolicy policy : restricting) {
            if ("Egress".equals(type)) {
                for (NetworkPolicyEgressRule rule : Objects.requireNonNullElse(policy.getSpec().getEgress(),
                        List.<NetworkPolicyEgressRule>of())) {
                    if (peers(rule.getTo(), peerMatches) && ports(rule.getPorts(), port, portName)) {
                        return true;
                    }
                }
            } else {
                for (NetworkPolicyIngressRule rule : Objects.requireNonNullElse(policy.getSpec().getIngress(),
                        List.<NetworkPolicyIngressRule>of())) {
                    if (peers(rule.getFrom(), peerMatches) && ports(rule.getPorts(), port, portName)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean peers(List<NetworkPolicyPeer> peers, Predicate<NetworkPolicyPeer> matches) {
        return peers == null || peers.isEmpty() || peers.stream().anyMatch(matches);
    }

    private static boolean ports(List<NetworkPolicyPort> ports, int port, String portName) {
        return ports == null || ports.isEmpty() || ports.stream().anyMatch(p -> (p.getProtocol() == null
                || "TCP".equals(p.getProtocol())) && (p.getPort() == null || (p.getPort().getStrVal() != null
                        ? p.getPort().getStrVal().equals(portName)
                        : p.getPort().getIntVal() <= port && port <= Optional.ofNullable(p.getEndPort())
                                .orElse(p.getPort().getIntVal()))));
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
