package io.learnflow.k8s.rules;

import static io.learnflow.k8s.RuleAssertions.violationsAfter;
import static io.learnflow.k8s.Trees.container;
import static io.learnflow.k8s.Trees.map;
import static io.learnflow.k8s.Trees.podSpec;
import static io.learnflow.k8s.Trees.remove;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HardenedDeploymentsTest {

    private final HardenedDeployments rule = new HardenedDeployments();

    @Test
    void aMissingReadinessProbeIsCaught() {
        var violations = violationsAfter(rule, "dev", docs -> container(docs, "exercise").remove("readinessProbe"));

        assertThat(violations).singleElement().hasToString("hardened-deployments: Deployment/exercise container "
                + "exercise: readiness probe must GET /q/health/ready, has none");
    }

    @Test
    void aProbeOnTheWrongEndpointIsCaught() {
        var violations = violationsAfter(rule, "production", docs -> map(container(docs, "triage"), "livenessProbe",
                "httpGet").put("path", "/q/health"));

        assertThat(violations).singleElement().asString().contains("liveness probe must GET /q/health/live, has /q/health");
    }

    @Test
    void aMissingMemoryLimitOrARequestAboveItsLimitIsCaught() {
        var violations = violationsAfter(rule, "dev", docs -> {
            map(container(docs, "concepts"), "resources", "limits").remove("memory");
            map(container(docs, "progress"), "resources", "requests").put("cpu", "2");
        });

        assertThat(violations).extracting(Violation::message).containsExactlyInAnyOrder(
                "needs a memory request and limit", "cpu request 2 exceeds its limit 1");
    }

    @Test
    void aLooserSecurityContextIsCaught() {
        var violations = violationsAfter(rule, "production", docs -> {
            var security = map(container(docs, "debug"), "securityContext");
            security.put("readOnlyRootFilesystem", false);
            security.put("allowPrivilegeEscalation", true);
            map(security, "capabilities").put("add", java.util.List.of("SYS_ADMIN"));
            map(security, "seccompProfile").put("type", "Unconfined");
        });

        assertThat(violations).extracting(Violation::message).containsExactlyInAnyOrder(
                "must have a read-only root filesystem", "must set allowPrivilegeEscalation: false",
                "must add no capabilities", "needs seccompProfile RuntimeDefault (or Localhost), has Unconfined");
    }

    @Test
    void runningAsRootIsCaught() {
        var violations = violationsAfter(rule, "dev", docs -> {
            map(podSpec(docs, "progress"), "securityContext").put("runAsUser", 0);
            map(container(docs, "progress"), "securityContext").put("runAsNonRoot", false);
        });

        assertThat(violations).extracting(Violation::message).containsExactlyInAnyOrder(
                "must run as non-root (runAsNonRoot: true)", "must not run as user 0");
    }

    @Test
    void aMountedServiceAccountTokenOrNoSpreadIsCaught() {
        var violations = violationsAfter(rule, "dev", docs -> {
            podSpec(docs, "triage").put("automountServiceAccountToken", true);
            podSpec(docs, "triage").remove("topologySpreadConstraints");
        });

        assertThat(violations).extracting(Violation::message).containsExactlyInAnyOrder(
                "must set automountServiceAccountToken: false", "needs topology spread constraints that select its own pods");
    }

    @Test
    void aDeploymentWithoutDisruptionBudgetOrServiceIsCaught() {
        var violations = violationsAfter(rule, "production", docs -> {
            remove(docs, "PodDisruptionBudget", "concepts");
            remove(docs, "Service", "concepts");
        });

        assertThat(violations).extracting(Violation::message).containsExactlyInAnyOrder(
                "no PodDisruptionBudget selects its pods", "no Service selects its pods");
    }
}
