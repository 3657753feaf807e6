package io.learnflow.k8s.rules;

import static io.learnflow.k8s.RuleAssertions.violationsAfter;
import static io.learnflow.k8s.RuleAssertions.violationsOf;
import static io.learnflow.k8s.Trees.container;
import static io.learnflow.k8s.Trees.document;
import static io.learnflow.k8s.Trees.list;
import static io.learnflow.k8s.Trees.map;
import static io.learnflow.k8s.Trees.remove;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.learnflow.k8s.Overlay;
import io.learnflow.k8s.RenderedOverlays;

class ReferencesTest {

    private final References rule = new References();

    @Test
    void aConfigMapNobodyCreatesIsCaught() {
        var violations = violationsAfter(rule, "dev", docs -> map(container(docs, "concepts"), "envFrom", 0,
                "configMapRef").put("name", "learnflow-shared"));

        assertThat(violations).singleElement().hasToString(
                "references: Deployment/concepts: refers to ConfigMap learnflow-shared, which nothing creates");
    }

    @Test
    void aKeyTheOperatorsSecretDoesNotHaveIsCaught() {
        var violations = violationsAfter(rule, "production", docs -> map(container(docs, "debug"), "env", 2,
                "valueFrom", "secretKeyRef").put("key", "jaas"));

        assertThat(violations).singleElement().asString().contains("Deployment/debug", "key jaas of Secret learnflow-debug",
                "[password, sasl.jaas.config]");
    }

    @Test
    void aSecretTheOverlayDropsIsCaught() {
        var violations = violationsAfter(rule, "dev", docs -> remove(docs, "Secret", "learnflow-db-progress"));

        assertThat(violations).extracting(Violation::resource)
                .containsExactlyInAnyOrder("Deployment/progress", "Cluster/learnflow-db");
    }

    @Test
    void aSecretTheInstructionsForgetIsCaught() {
        Overlay intact = RenderedOverlays.overlay("production");
        Set<String> forgotten = new TreeSet<>(intact.secretsToCreate());
        forgotten.remove("learnflow-backup-s3");
        Overlay broken = new Overlay(intact.name(), intact.manifests(), intact.services(), intact.sandboxServices(),
                forgotten, intact.web());

        assertThat(violationsOf(rule, intact, broken)).singleElement().hasToString("references: "
                + "ObjectStore/learnflow-backups: refers to Secret learnflow-backup-s3, which nothing creates");
    }

    @Test
    void aTriggerAuthenticationOnAMissingSecretIsCaught() {
        var violations = violationsAfter(rule, "dev", docs -> map(list(document(docs, "TriggerAuthentication",
                "learnflow-kafka"), "spec", "secretTargetRef").get(3)).put("name", "keda-kafka"));

        assertThat(violations).singleElement().asString().contains("TriggerAuthentication/learnflow-kafka",
                "Secret keda-kafka");
    }
}
