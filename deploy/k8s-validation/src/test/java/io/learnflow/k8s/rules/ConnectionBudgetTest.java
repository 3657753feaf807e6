package io.learnflow.k8s.rules;

import static io.learnflow.k8s.RuleAssertions.violationsAfter;
import static io.learnflow.k8s.RuleAssertions.violationsOf;
import static io.learnflow.k8s.Trees.document;
import static io.learnflow.k8s.Trees.map;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.learnflow.k8s.Overlay;
import io.learnflow.k8s.RenderedOverlays;

class ConnectionBudgetTest {

    private final ConnectionBudget rule = new ConnectionBudget();

    @Test
    void moreReplicasThanPostgresCanServeIsCaught() {
        var violations = violationsAfter(rule, "production", docs -> map(document(docs, "Cluster", "learnflow-db"),
                "spec", "postgresql", "parameters").put("max_connections", "250"));

        assertThat(violations).singleElement().hasToString("connection-budget: Cluster/learnflow-db: the services may "
                + "open 300 connections (triage 6x10 + concepts 6x10 + debug 6x10 + exercise 6x10 + progress 6x10), "
                + "max_connections 250 leaves 240");
    }

    @Test
    void aServiceWhosePoolGrewIsCaught() {
        Overlay intact = RenderedOverlays.overlay("dev");
        Overlay grown = intact.withService(intact.services().get("triage").with("quarkus.datasource.reactive.max-size",
                "40"));

        assertThat(violationsOf(rule, intact, grown)).singleElement().asString().contains("may open 164 connections",
                "triage 2x42");
    }
}
