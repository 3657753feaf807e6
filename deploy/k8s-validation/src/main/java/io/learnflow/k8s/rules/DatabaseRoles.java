package io.learnflow.k8s.rules;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.learnflow.k8s.Overlay;
import io.learnflow.k8s.config.ServiceConfiguration;
import io.learnflow.k8s.model.CloudNativePg;

/**
 * Each service logs in to PostgreSQL with its own managed role (the {@code quarkus.datasource.username} of its
 * configuration), whose password Secret its Deployment reads, through the cluster's read-write service, and the
 * Database has the service's schema ({@code quarkus.liquibase.default-schema-name}) owned by that role.
 */
public final class DatabaseRoles implements Rule {

    @Override
    public String name() {
        return "database-roles";
    }

    @Override
    public List<Violation> check(Overlay overlay) {
        Findings findings = new Findings(name());
        List<CloudNativePg.Cluster> clusters = overlay.manifests().databaseClusters();
        if (clusters.size() != 1) {
            findings.add("overlay " + overlay.name(), "expected one CloudNativePG Cluster, found " + clusters.size());
            return findings.list();
        }
        CloudNativePg.Cluster cluster = clusters.get(0);
        String clusterName = cluster.metadata().getName();
        List<CloudNativePg.Database> databases = overlay.manifests().all(CloudNativePg.Database.class).stream()
                .filter(d -> d.spec().cluster() != null && clusterName.equals(d.spec().cluster().name())).toList();
        findings.require(databases.size() == 1, "Cluster/" + clusterName, "expected one Database on it, found "
                + databases.size());
        List<CloudNativePg.Role> roles = cluster.spec().managed() == null ? List.of()
                : Objects.requireNonNullElse(cluster.spec().managed().roles(), List.of());
        for (ServiceConfiguration service : overlay.services().values()) {
            String name = service.service();
            String login = service.databaseUser().orElse(null);
            Optional<CloudNativePg.Role> role = roles.stream().filter(r -> r.name().equals(login)).findFirst();
            if (role.isEmpty()) {
                findings.add("Cluster/" + clusterName, name + " logs in as " + login + ", which is no managed role");
                continue;
            }
            String resource = "Cluster/" + clusterName + " role " + login;
            findings.require(Boolean.TRUE.equals(role.get().login()) && !"absent".equals(role.get().ensure())
                    && !Boolean.TRUE.equals(role.get().superuser()), resource, "must be present, able to log in, "
                            + "not a superuser");
            String passwordSecret = role.get().passwordSecret() == null ? null : role.get().passwordSecret().name();
            findings.require(passwordSecret != null, resource, "has no password Secret");
            overlay.manifests().named(Secret.class, String.valueOf(passwordSecret))
                    .ifPresent(secret -> basicAuthFor(findings, secret, login));
            Optional<Deployment> deployment = overlay.manifests().deployment(name);
            for (String property : List.of("quarkus.datasource.username", "quarkus.datasource.password")) {
                String key = property.substring(property.lastIndexOf('.') + 1);
                Optional<SecretKeySelector> from = deployment.flatMap(d -> PodConfiguration.secretOf(d, property));
                findings.require(from.isPresent() && from.get().getName().equals(passwordSecret)
                        && key.equals(from.get().getKey()), "Deployment/" + name, property + " must come from key "
                                + key + " of " + passwordSecret + ", the password Secret of role " + login);
            }
            for (String url : List.of("quarkus.datasource.jdbc.url", "quarkus.datasource.reactive.url")) {
                Optional<String> value = deployment.flatMap(d -> PodConfiguration.value(overlay.manifests(), d, url));
                findings.require(value.isPresent() && value.get().contains("//" + cluster.readWriteService() + ":"),
                        "Deployment/" + name, url + " must point at " + cluster.readWriteService() + ", is "
                                + value.orElse("unset"));
            }
            String schema = service.databaseSchema().orElse(null);
            boolean owned = databases.stream().flatMap(d -> Objects.requireNonNullElse(d.spec().schemas(),
                    List.<CloudNativePg.Schema>of()).stream())
                    .anyMatch(s -> s.name().equals(schema) && login.equals(s.owner()) && !"absent".equals(s.ensure()));
            findings.require(owned, "Database on " + clusterName, "needs schema " + schema + " of " + name
                    + " owned by role " + login);
        }
        return findings.list();
    }

    private static void basicAuthFor(Findings findings, Secret secret, String role) {
        String resource = "Secret/" + secret.getMetadata().getName();
        findings.require("kubernetes.io/basic-auth".equals(secret.getType()), resource,
                "a managed role's password Secret must be of type kubernetes.io/basic-auth");
        String username = Optional.ofNullable(secret.getStringData()).map(d -> d.get("username"))
                .or(() -> Optional.ofNullable(secret.getData()).map(d -> d.get("username"))
                        .map(v -> new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)))
                .orElse(null);
        findings.require(role.equals(username), resource, "username must be the role " + role + ", is " + username);
    }
}
