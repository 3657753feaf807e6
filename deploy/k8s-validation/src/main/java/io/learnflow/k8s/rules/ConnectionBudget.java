package io.learnflow.k8s.rules;

import java.util.List;
import java.util.Optional;

import io.learnflow.k8s.Overlay;
import io.learnflow.k8s.config.ServiceConfiguration;
import io.learnflow.k8s.model.CloudNativePg;
import io.learnflow.k8s.model.Keda;

/**
 * PostgreSQL accepts every connection the services can open at their most replicas: the sum over services of
 * maxReplicaCount × (reactive pool + JDBC pool, from each service's configuration) stays below max_connections, less
 * the connections PostgreSQL keeps for superusers and CloudNativePG's own (replication, the instance manager).
 */
public final class ConnectionBudget implements Rule {

    /** superuser_reserved_connections (3) plus CloudNativePG's streaming replicas and instance manager. */
    static final int RESERVED = 10;

    @Override
    public String name() {
        return "connection-budget";
    }

    @Override
    public List<Violation> check(Overlay overlay) {
        Findings findings = new Findings(name());
        for (CloudNativePg.Cluster cluster : overlay.manifests().databaseClusters()) {
            int allowed = Optional.ofNullable(cluster.spec().postgresql()).map(CloudNativePg.Postgresql::parameters)
                    .map(p -> p.get("max_connections")).map(Integer::parseInt).orElse(100);
            int needed = 0;
            StringBuilder sum = new StringBuilder();
            for (ServiceConfiguration service : overlay.services().values()) {
                int replicas = maxReplicas(overlay, service.service());
                int pool = size(service, "quarkus.datasource.reactive.max-size", 20)
                        + size(service, "quarkus.datasource.jdbc.max-size", 20);
                needed += replicas * pool;
                sum.append(sum.isEmpty() ? "" : " + ").append(service.service()).append(' ').append(replicas)
                        .append('x').append(pool);
            }
            findings.require(needed <= allowed - RESERVED, "Cluster/" + cluster.metadata().getName(), "the services "
                    + "may open " + needed + " connections (" + sum + "), max_connections " + allowed + " leaves "
                    + (allowed - RESERVED));
        }
        return findings.list();
    }

    private static int maxReplicas(Overlay overlay, String service) {
        return overlay.manifests().scaledObjects().stream()
                .filter(s -> s.spec().scaleTargetRef() != null && service.equals(s.spec().scaleTargetRef().name()))
                .map(Keda.ScaledObject::spec).map(Keda.ScaledObjectSpec::maxReplicaCount).findFirst().orElse(1);
    }

    /** Quarkus' defaults where a service sets no size: 20 for either pool. */
    private static int size(ServiceConfiguration service, String property, int fallback) {
        return service.get(property).map(Integer::parseInt).orElse(fallback);
    }
}
