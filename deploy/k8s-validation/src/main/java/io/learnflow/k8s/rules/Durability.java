package io.learnflow.k8s.rules;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.learnflow.k8s.Overlay;
import io.learnflow.k8s.model.CloudNativePg;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

/**
 * The Kafka node pools give the cluster controllers and brokers, and no topic asks for more replicas than there are
 * brokers. In production: 3 controllers, 3 brokers, replication 3 with min.insync.replicas 2 on every topic, 3
 * PostgreSQL instances, WAL archived by the barman-cloud plugin to an ObjectStore of the overlay, and a
 * ScheduledBackup through the plugin.
 */
public final class Durability implements Rule {

    @Override
    public String name() {
        return "durability";
    }

    @Override
    public List<Violation> check(Overlay overlay) {
        Findings findings = new Findings(name());
        for (Kafka kafka : overlay.manifests().all(Kafka.class)) {
            String cluster = kafka.getMetadata().getName();
            List<KafkaNodePool> pools = overlay.manifests().all(KafkaNodePool.class).stream()
                    .filter(p -> cluster.equals(labels(p.getMetadata().getLabels()).get("strimzi.io/cluster"))).toList();
            int controllers = replicas(pools, ProcessRoles.CONTROLLER);
            int brokers = replicas(pools, ProcessRoles.BROKER);
            String resource = "Kafka/" + cluster;
            findings.require(controllers >= 1 && brokers >= 1, resource, "node pools give " + controllers
                    + " controllers and " + brokers + " brokers");
            int minimum = overlay.isProduction() ? 3 : 1;
            findings.require(controllers >= minimum && brokers >= minimum, resource, "needs " + minimum
                    + " controllers and brokers, has " + controllers + " and " + brokers);
            for (KafkaTopic topic : overlay.manifests().kafkaTopics()) {
                int replicas = Optional.ofNullable(topic.getSpec().getReplicas()).orElse(1);
                String where = "KafkaTopic/" + topic.getMetadata().getName();
                findings.require(replicas <= brokers, where, replicas + " replicas on " + brokers + " brokers");
                if (overlay.isProduction()) {
                    Object minIsr = Objects.requireNonNullElse(topic.getSpec().getConfig(), Map.of())
                            .get("min.insync.replicas");
                    findings.require(replicas >= 3 && "2".equals(String.valueOf(minIsr)), where,
                            "production needs 3 replicas and min.insync.replicas 2, has " + replicas + " and " + minIsr);
                }
            }
        }
        if (overlay.isProduction()) {
            overlay.manifests().databaseClusters().forEach(cluster -> backedUp(findings, overlay, cluster));
        }
        return findings.list();
    }

    private static void backedUp(Findings findings, Overlay overlay, CloudNativePg.Cluster cluster) {
        String name = cluster.metadata().getName();
        String resource = "Cluster/" + name;
        findings.require(cluster.spec().instances() != null && cluster.spec().instances() >= 3, resource,
                "production needs 3 instances, has " + cluster.spec().instances());
        Optional<CloudNativePg.Plugin> barman = Objects.requireNonNullElse(cluster.spec().plugins(),
                List.<CloudNativePg.Plugin>of()).stream().filter(p -> CloudNativePg.BARMAN_PLUGIN.equals(p.name()))
                .findFirst();
        findings.require(barman.isPresent() && Boolean.TRUE.equals(barman.get().isWALArchiver()), resource,
                "needs the " + CloudNativePg.BARMAN_PLUGIN + " plugin as its WAL archiver");
        String store = barman.map(CloudNativePg.Plugin::parameters).map(p -> p.get("barmanObjectName")).orElse(null);
        findings.require(overlay.manifests().all(CloudNativePg.ObjectStore.class).stream()
                .anyMatch(s -> s.metadata().getName().equals(store)), resource,
                "archives to ObjectStore " + store + ", which the overlay does not have");
        List<CloudNativePg.ScheduledBackup> backups = overlay.manifests().all(CloudNativePg.ScheduledBackup.class)
                .stream().filter(b -> b.spec().cluster() != null && name.equals(b.spec().cluster().name())).toList();
        findings.require(!backups.isEmpty(), resource, "no ScheduledBackup backs it up");
        for (CloudNativePg.ScheduledBackup backup : backups) {
            String where = "ScheduledBackup/" + backup.metadata().getName();
            findings.require("plugin".equals(backup.spec().method()) && backup.spec().pluginConfiguration() != null
                    && CloudNativePg.BARMAN_PLUGIN.equals(backup.spec().pluginConfiguration().name()), where,
                    "must back up through the " + CloudNativePg.BARMAN_PLUGIN + " plugin");
            findings.require(backup.spec().schedule() != null && backup.spec().schedule().trim().split("\\s+").length == 6,
                    where, "schedule needs six fields (seconds first): " + backup.spec().schedule());
        }
    }

    private static int replicas(List<KafkaNodePool> pools, ProcessRoles role) {
        return pools.stream().filter(p -> p.getSpec().getRoles().contains(role))
                .mapToInt(p -> p.getSpec().getReplicas()).sum();
    }

    private static Map<String, String> labels(Map<String, String> labels) {
        return labels == null ? Map.of() : labels;
    }
}
