package io.learnflow.k8s.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.learnflow.k8s.model.CloudNativePg;
import io.learnflow.k8s.model.Keda;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

/**
 * Rendered documents read into typed models: fabric8's for the core kinds, Strimzi's {@code io.strimzi:api} for
 * Strimzi's, LearnFlow's own strict records for KEDA and CloudNativePG. A document that fits no model, or does not
 * fit its model, is kept as a {@link Problem} for the rules to report.
 */
public final class Manifests {

    /** A document that could not be read into its model. */
    public record Problem(String resource, String message) {
    }

    private static final KubernetesSerialization CORE = new KubernetesSerialization();
    private static final ObjectMapper STRIMZI = JsonMapper.builder().build();
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private static final Map<String, Class<?>> CORE_KINDS = Map.of(
            "v1/Namespace", Namespace.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "networking.k8s.io/v1/Ingress", Ingress.class);
    private static final Map<String, Class<?>> STRIMZI_KINDS = Map.of(
            "Kafka", Kafka.class,
            "KafkaNodePool", KafkaNodePool.class,
            "KafkaTopic", KafkaTopic.class,
            "KafkaUser", KafkaUser.class);
    private static final String STRIMZI_API_VERSION = "kafka.strimzi.io/v1";
    private static final Map<String, Class<?>> OWN_KINDS = Map.of(
            Keda.API_VERSION + "/ScaledObject", Keda.ScaledObject.class,
            Keda.API_VERSION + "/TriggerAuthentication", Keda.TriggerAuthentication.class,
            CloudNativePg.API_VERSION + "/Cluster", CloudNativePg.Cluster.class,
            CloudNativePg.API_VERSION + "/Database", CloudNativePg.Database.class,
            CloudNativePg.API_VERSION + "/ScheduledBackup", CloudNativePg.ScheduledBackup.class,
            CloudNativePg.BARMAN_API_VERSION + "/ObjectStore", CloudNativePg.ObjectStore.class);

    private final List<Document> documents;
    private final List<Object> resources = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    private Manifests(List<Document> documents) {
        this.documents = documents;
        for (Document document : documents) {
            read(document);
        }
    }

    public static Manifests of(List<Document> documents) {
        return new Manifests(documents);
    }

    private void read(Document document) {
        String type = document.apiVersion() + "/" + document.kind();
        try {
            if (CORE_KINDS.containsKey(type)) {
                resources.add(CORE.convertValue(document.tree(), CORE_KINDS.get(type)));
            } else if (STRIMZI_KINDS.containsKey(document.kind()) && document.apiVersion().startsWith("kafka.strimzi.io/")) {
                if (!STRIMZI_API_VERSION.equals(document.apiVersion())) {
                    problems.add(new Problem(document.describe(), "apiVersion " + document.apiVersion()
                            + ": Strimzi 1.0 serves only " + STRIMZI_API_VERSION));
                    return;
                }
                resources.add(STRIMZI.convertValue(document.tree(), STRIMZI_KINDS.get(document.kind())));
            } else if (OWN_KINDS.containsKey(type)) {
                resources.add(STRICT.convertValue(document.tree(), OWN_KINDS.get(type)));
            } else {
                problems.add(new Problem(document.describe(), "apiVersion " + document.apiVersion() + " kind "
                        + document.kind() + " is not one LearnFlow's validation knows"));
            }
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(document.describe(), rootMessage(e)));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        int details = message.indexOf(" (");
        return (details > 0 ? message.substring(0, details) : message).lines().findFirst().orElse(message);
    }

    public List<Document> documents() {
        return documents;
    }

    public List<Problem> problems() {
        return problems;
    }

    public List<Object> resources() {
        return resources;
    }

    public <T> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public <T extends HasMetadata> Optional<T> named(Class<T> type, String name) {
        return all(type).stream().filter(r -> name.equals(r.getMetadata().getName())).findFirst();
    }

    public List<Deployment> deployments() {
        return all(Deployment.class);
    }

    public Optional<Deployment> deployment(String name) {
        return named(Deployment.class, name);
    }

    public List<Keda.ScaledObject> scaledObjects() {
        return all(Keda.ScaledObject.class);
    }

    public List<KafkaTopic> kafkaTopics() {
        return all(KafkaTopic.class);
    }

    public List<KafkaUser> kafkaUsers() {
        return all(KafkaUser.class);
    }

    public List<NetworkPolicy> networkPolicies() {
        return all(NetworkPolicy.class);
    }

    public List<Secret> secrets() {
        return all(Secret.class);
    }

    public List<ConfigMap> configMaps() {
        return all(ConfigMap.class);
    }

    public List<Service> services() {
        return all(Service.class);
    }

    public List<PodDisruptionBudget> disruptionBudgets() {
        return all(PodDisruptionBudget.class);
    }

    public List<Ingress> ingresses() {
        return all(Ingress.class);
    }

    public List<CloudNativePg.Cluster> databaseClusters() {
        return all(CloudNativePg.Cluster.class);
    }
}
