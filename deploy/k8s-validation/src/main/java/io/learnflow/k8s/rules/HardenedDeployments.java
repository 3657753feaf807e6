package io.learnflow.k8s.rules;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.learnflow.k8s.Overlay;

/**
 * Every Deployment has the three probes on Quarkus' health endpoints, CPU and memory requests and limits, the
 * restricted security context, no service-account token, a topology spread, a PodDisruptionBudget and a Service.
 */
public final class HardenedDeployments implements Rule {

    private static final Map<String, String> PROBES = Map.of("startup", "/q/health/started", "liveness",
            "/q/health/live", "readiness", "/q/health/ready");

    @Override
    public String name() {
        return "hardened-deployments";
    }

    @Override
    public List<Violation> check(Overlay overlay) {
        Findings findings = new Findings(name());
        for (Deployment deployment : overlay.manifests().deployments()) {
            String resource = "Deployment/" + deployment.getMetadata().getName();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            for (Container container : pod.getContainers()) {
                String where = resource + " container " + container.getName();
                probe(findings, where, "startup", container.getStartupProbe());
                probe(findings, where, "liveness", container.getLivenessProbe());
                probe(findings, where, "readiness", container.getReadinessProbe());
                resources(findings, where, container.getResources());
                restricted(findings, where, pod.getSecurityContext(), container.getSecurityContext());
            }
            findings.require(Boolean.FALSE.equals(pod.getAutomountServiceAccountToken()), resource,
                    "must set automountServiceAccountToken: false");
            findings.require(pod.getTopologySpreadConstraints() != null && !pod.getTopologySpreadConstraints().isEmpty()
                    && pod.getTopologySpreadConstraints().stream().allMatch(c -> selects(c.getLabelSelector(), labels)),
                    resource, "needs topology spread constraints that select its own pods");
            findings.require(overlay.manifests().disruptionBudgets().stream()
                    .anyMatch(b -> selects(b.getSpec().getSelector(), labels)), resource,
                    "no PodDisruptionBudget selects its pods");
            findings.require(overlay.manifests().services().stream().anyMatch(s -> s.getSpec().getSelector() != null
                    && labels.entrySet().containsAll(s.getSpec().getSelector().entrySet())), resource,
                    "no Service selects its pods");
        }
        return findings.list();
    }

    private static void probe(Findings findings, String where, String kind, Probe probe) {
        String path = probe == null || probe.getHttpGet() == null ? null : probe.getHttpGet().getPath();
        findings.require(PROBES.get(kind).equals(path), where, kind + " probe must GET " + PROBES.get(kind)
                + (path == null ? ", has none" : ", has " + path));
    }

    private static void resources(Findings findings, String where, ResourceRequirements resources) {
        Map<String, Quantity> requests = resources == null ? null : resources.getRequests();
        Map<String, Quantity> limits = resources == null ? null : resources.getLimits();
        for (String resource : List.of("cpu", "memory")) {
            Quantity request = requests == null ? null : requests.get(resource);
            Quantity limit = limits == null ? null : limits.get(resource);
            if (request == null || limit == null) {
                findings.add(where, "needs a " + resource + " request and limit");
            } else if (request.getNumericalAmount().compareTo(limit.getNumericalAmount()) > 0) {
                findings.add(where, resource + " request " + request + " exceeds its limit " + limit);
            }
        }
    }

    private static void restricted(Findings findings, String where, PodSecurityContext pod, SecurityContext container) {
        Optional<PodSecurityContext> podContext = Optional.ofNullable(pod);
        Optional<SecurityContext> own = Optional.ofNullable(container);
        boolean nonRoot = own.map(SecurityContext::getRunAsNonRoot)
                .or(() -> podContext.map(PodSecurityContext::getRunAsNonRoot)).orElse(false);
        findings.require(nonRoot, where, "must run as non-root (runAsNonRoot: true)");
        Long user = own.map(SecurityContext::getRunAsUser).or(() -> podContext.map(PodSecurityContext::getRunAsUser))
                .orElse(null);
        findings.require(user == null || user != 0, where, "must not run as user 0");
        findings.require(own.map(SecurityContext::getAllowPrivilegeEscalation).map(Boolean.FALSE::equals).orElse(false),
                where, "must set allowPrivilegeEscalation: false");
        findings.require(own.map(SecurityContext::getReadOnlyRootFilesystem).orElse(false), where,
                "must have a read-only root filesystem");
        findings.require(own.map(SecurityContext::getPrivileged).map(p -> !p).orElse(true), where,
                "must not be privileged");
        var capabilities = own.map(SecurityContext::getCapabilities);
        findings.require(capabilities.map(c -> c.getDrop() != null && c.getDrop().contains("ALL")).orElse(false),
                where, "must drop ALL capabilities");
        findings.require(capabilities.map(c -> c.getAdd() == null || c.getAdd().isEmpty()).orElse(true), where,
                "must add no capabilities");
        String seccomp = own.map(SecurityContext::getSeccompProfile)
                .or(() -> podContext.map(PodSecurityContext::getSeccompProfile)).map(SeccompProfile::getType)
                .orElse(null);
        findings.require("RuntimeDefault".equals(seccomp) || "Localhost".equals(seccomp), where,
                "needs seccompProfile RuntimeDefault (or Localhost), has " + seccomp);
    }

    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null || labels == null) {
            return false;
        }
        boolean expressions = Objects.requireNonNullElse(selector.getMatchExpressions(),
                List.<io.fabric8.kubernetes.api.model.LabelSelectorRequirement>of()).stream().allMatch(e -> switch (e.getOperator()) {
                    case "In" -> e.getValues().contains(labels.get(e.getKey()));
                    case "NotIn" -> !e.getValues().contains(labels.get(e.getKey()));
                    case "Exists" -> labels.containsKey(e.getKey());
                    case "DoesNotExist" -> !labels.containsKey(e.getKey());
                    default -> false;
                });
        Map<String, String> match = Objects.requireNonNullElse(selector.getMatchLabels(), Map.of());
        return expressions && labels.entrySet().containsAll(match.entrySet())
                && (!match.isEmpty() || selector.getMatchExpressions() != null);
    }
}
