package io.learnflow.k8s.rules;

import static io.learnflow.k8s.RuleAssertions.violationsAfter;
import static io.learnflow.k8s.RuleAssertions.violationsOf;
import static io.learnflow.k8s.Trees.container;
import static io.learnflow.k8s.Trees.document;
import static io.learnflow.k8s.Trees.list;
import static io.learnflow.k8s.Trees.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.learnflow.k8s.Overlay;
import io.learnflow.k8s.RenderedOverlays;

class DatabaseRolesTest {

    private final DatabaseRoles rule = new DatabaseRoles();

    @Test
    void aServiceWithoutManagedRoleIsCaught() {
        var violations = violationsAfter(rule, "dev", docs -> list(document(docs, "Cluster", "learnflow-db"), "spec",
                "managed", "roles").remove(2));

        assertThat(violations).singleElement().hasToString(
                "database-roles: Cluster/learnflow-db: debug logs in as debug, which is no managed role");
    }

    @Test
    void aSchemaOwnedByAnotherRoleIsCaught() {
        var violations = violationsAfter(rule, "production", docs -> map(list(document(docs, "Database", "learnflow"),
                "spec", "schemas").get(4)).put("owner", "learnflow"));

        assertThat(violations).singleElement().asString().contains("needs schema progress of progress owned by role progress");
    }

    @Test
    void aServiceReadingAnotherRolesPasswordIsCaught() {
        var violations = violationsAfter(rule, "dev", docs -> map(container(docs, "exercise"), "env", 1, "valueFrom",
                "secretKeyRef").put("name", "learnflow-db-debug"));

        assertThat(violations).singleElement().asString().contains("Deployment/exercise",
                "quarkus.datasource.password must come from key password of learnflow-db-exercise");
    }

    @Test
    void aServiceWritingThroughAReplicaIsCaught() {
        var violations = violationsAfter(rule, "production", docs -> map(document(docs, "ConfigMap",
                "learnflow-common"), "data").put("quarkus.datasource.reactive.url", "postgresql://learnflow-db-ro:5432/learnflow"));

        assertThat(violations).hasSize(5).allSatisfy(v -> assertThat(v.message())
                .startsWith("quarkus.datasource.reactive.url must point at learnflow-db-rw"));
    }

    @Test
    void aPasswordSecretForAnotherUsernameIsCaught() {
        var violations = violationsAfter(rule, "dev", docs -> map(document(docs, "Secret", "learnflow-db-concepts"),
                "data").put("username", Base64.getEncoder().encodeToString("app".getBytes(StandardCharsets.UTF_8))));

        assertThat(violations).singleElement().hasToString(
                "database-roles: Secret/learnflow-db-concepts: username must be the role concepts, is app");
    }

    @Test
    void aServiceConfiguredForAnotherLoginIsCaught() {
        Overlay intact = RenderedOverlays.overlay("dev");
        Overlay changed = intact.withService(intact.services().get("triage").with("quarkus.datasource.username", "app"));

        assertThat(violationsOf(rule, intact, changed)).singleElement().asString()
                .contains("triage logs in as app, which is no managed role");
    }
}
