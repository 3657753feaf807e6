package io.learnflow.k8s.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.learnflow.k8s.Overlay;
import io.learnflow.k8s.model.CloudNativePg;
import io.learnflow.k8s.model.Keda;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.user.KafkaUser;

/**
 * Every Secret and ConfigMap a resource refers to exists, with the key it asks for: in the overlay, written by an
 * operator from a resource of the overlay (Strimzi: a Secret per KafkaUser and the cluster CA; CloudNativePG: the
 * cluster's CA and app Secrets), or listed in the overlay's {@code secrets-to-create.txt}. Optional references are
 * exempt.
 */
public final class References implements Rule {

    /** What a resource refers to; {@code key} is null where the whole object is used. */
    private record Reference(String from, String kind, String name, String key) {
    }

    @Override
    public String name() {
        return "references";
    }

    @Override
    public List<Violation> check(Overlay overlay) {
        Findings findings = new Findings(name());
        Map<String, Optional<Set<String>>> secrets = secretKeys(overlay);
        Map<String, Optional<Set<String>>> configMaps = new HashMap<>();
        for (ConfigMap map : overlay.manifests().configMaps()) {
            configMaps.put(map.getMetadata().getName(),
                    Optional.of(Objects.requireNonNullElse(map.getData(), Map.<String, String>of()).keySet()));
        }
        for (Reference reference : references(overlay)) {
            Map<String, Optional<Set<String>>> known = "Secret".equals(reference.kind()) ? secrets : configMaps;
            Optional<Set<String>> keys = known.get(reference.name());
            if (keys == null) {
                findings.add(reference.from(), "refers to " + reference.kind() + " " + reference.name()
                        + ", which nothing creates");
            } else if (reference.key() != null && keys.isPresent() && !keys.get().contains(reference.key())) {
                findings.add(reference.from(), "refers to key " + reference.key() + " of " + reference.kind() + " "
                        + reference.name() + ", which has only " + keys.get());
            }
        }
        return findings.list();
    }

    /** Secret names to their keys where known (empty: created outside the overlay, keys not known here). */
    private static Map<String, Optional<Set<String>>> secretKeys(Overlay overlay) {
        Map<String, Optional<Set<String>>> secrets = new HashMap<>();
        overlay.secretsToCreate().forEach(name -> secrets.put(name, Optional.empty()));
        for (KafkaUser user : overlay.manifests().kafkaUsers()) {
            secrets.put(user.getMetadata().getName(), known("password", "sasl.jaas.config"));
        }
        for (Kafka kafka : overlay.manifests().all(Kafka.class)) {
            secrets.put(kafka.getMetadata().getName() + "-cluster-ca-cert",
                    known("ca.crt", "ca.p12", "ca.password"));
        }
        for (CloudNativePg.Cluster cluster : overlay.manifests().databaseClusters()) {
            String name = cluster.metadata().getName();
            secrets.put(name + "-ca", known("ca.crt", "ca.key"));
            secrets.put(name + "-app", known("username", "password", "host", "port", "dbname", "uri", "jdbc-uri",
                    "pgpass"));
        }
        for (Secret secret : overlay.manifests().secrets()) {
            Set<String> keys = new TreeSet<>();
            Optional.ofNullable(secret.getData()).ifPresent(data -> keys.addAll(data.keySet()));
            Optional.ofNullable(secret.getStringData()).ifPresent(data -> keys.addAll(data.keySet()));
            secrets.put(secret.getMetadata().getName(), Optional.of(keys));
        }
        return secrets;
    }

    private static Optional<Set<String>> known(String... keys) {
        return Optional.of(new TreeSet<>(List.of(keys)));
    }

    private static List<Reference> references(Overlay overlay) {
        List<Reference> references = new ArrayList<>();
        for (Deployment deployment : overlay.manifests().deployments()) {
            String from = "Deployment/" + deployment.getMetadata().getName();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            for (Container container : pod.getContainers()) {
                for (EnvFromSource source : Objects.requireNonNullElse(container.getEnvFrom(), List.<EnvFromSource>of())) {
                    if (source.getConfigMapRef() != null && !Boolean.TRUE.equals(source.getConfigMapRef().getOptional())) {
                        references.add(new Reference(from, "ConfigMap", source.getConfigMapRef().getName(), null));
                    }
                    if (source.getSecretRef() != null && !Boolean.TRUE.equals(source.getSecretRef().getOptional())) {
                        references.add(new Reference(from, "Secret", source.getSecretRef().getName(), null));
                    }
                }
                for (EnvVar env : Objects.requireNonNullElse(container.getEnv(), List.<EnvVar>of())) {
                    if (env.getValueFrom() == null) {
                        continue;
                    }
                    var secret = env.getValueFrom().getSecretKeyRef();
                    if (secret != null && !Boolean.TRUE.equals(secret.getOptional())) {
                        references.add(new Reference(from, "Secret", secret.getName(), secret.getKey()));
                    }
                    var map = env.getValueFrom().getConfigMapKeyRef();
                    if (map != null && !Boolean.TRUE.equals(map.getOptional())) {
                        references.add(new Reference(from, "ConfigMap", map.getName(), map.getKey()));
                    }
                }
            }
            for (Volume volume : Objects.requireNonNullElse(pod.getVolumes(), List.<Volume>of())) {
                if (volume.getSecret() != null && !Boolean.TRUE.equals(volume.getSecret().getOptional())) {
                    addItems(references, from, "Secret", volume.getSecret().getSecretName(), volume.getSecret().getItems());
                }
                if (volume.getConfigMap() != null && !Boolean.TRUE.equals(volume.getConfigMap().getOptional())) {
                    addItems(references, from, "ConfigMap", volume.getConfigMap().getName(), volume.getConfigMap().getItems());
                }
            }
        }
        for (CloudNativePg.Cluster cluster : overlay.manifests().databaseClusters()) {
            if (cluster.spec().managed() != null) {
                for (CloudNativePg.Role role : cluster.spec().managed().roles()) {
                    if (role.passwordSecret() != null) {
                        references.add(new Reference("Cluster/" + cluster.metadata().getName(), "Secret",
                                role.passwordSecret().name(), "password"));
                    }
                }
            }
        }
        for (CloudNativePg.ObjectStore store : overlay.manifests().all(CloudNativePg.ObjectStore.class)) {
            CloudNativePg.S3Credentials s3 = store.spec().configuration().s3Credentials();
            if (s3 != null) {
                for (CloudNativePg.SecretKeySelector selector : List.of(s3.accessKeyId(), s3.secretAccessKey())) {
                    references.add(new Reference("ObjectStore/" + store.metadata().getName(), "Secret", selector.name(),
                            selector.key()));
                }
            }
        }
        for (Keda.TriggerAuthentication authentication : overlay.manifests().all(Keda.TriggerAuthentication.class)) {
            for (Keda.SecretTargetRef target : authentication.spec().secretTargetRef()) {
                references.add(new Reference("TriggerAuthentication/" + authentication.metadata().getName(), "Secret",
                        target.name(), target.key()));
            }
        }
        overlay.manifests().ingresses().forEach(ingress -> Objects.requireNonNullElse(ingress.getSpec().getTls(),
                List.<IngressTLS>of()).forEach(tls -> references.add(new Reference("Ingress/"
                        + ingress.getMetadata().getName(), "Secret", tls.getSecretName(), null))));
        return references;
    }

    private static void addItems(List<Reference> references, String from, String kind, String name,
            List<KeyToPath> items) {
        if (items == null || items.isEmpty()) {
            references.add(new Reference(from, kind, name, null));
        } else {
            items.forEach(item -> references.add(new Reference(from, kind, name, item.getKey())));
        }
    }
}
