package io.learnflow.k8s.model;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * The fields of KEDA 2.20's {@code keda.sh/v1alpha1} resources that LearnFlow uses. No Maven model exists for them:
 * these records are parsed strictly, so a field they do not name (a typo, or one this file does not know) is reported.
 */
public final class Keda {

    public static final String API_VERSION = "keda.sh/v1alpha1";

    private Keda() {
    }

    public record ScaledObject(String apiVersion, String kind, ObjectMeta metadata, ScaledObjectSpec spec) {
    }

    public record ScaledObjectSpec(ScaleTargetRef scaleTargetRef, Integer pollingInterval, Integer cooldownPeriod,
            Integer minReplicaCount, Integer maxReplicaCount, Integer idleReplicaCount, Advanced advanced,
            List<Trigger> triggers) {
    }

    public record ScaleTargetRef(String apiVersion, String kind, String name) {
    }

    public record Advanced(HorizontalPodAutoscalerConfig horizontalPodAutoscalerConfig,
            Boolean restoreToOriginalReplicaCount) {
    }

    public record HorizontalPodAutoscalerConfig(String name, Map<String, Object> behavior) {
    }

    public record Trigger(String type, String name, String metricType, Boolean useCachedMetrics,
            AuthenticationRef authenticationRef, Map<String, String> metadata) {

        public boolean isKafka() {
            return "kafka".equals(type);
        }
    }

    public record AuthenticationRef(String name, String kind) {
    }

    /** The Kafka scaler's metadata (KEDA 2.20), typed from a trigger's string map. */
    public record KafkaTrigger(String bootstrapServers, String consumerGroup, String topic, String lagThreshold,
            String activationLagThreshold, String offsetResetPolicy, String allowIdleConsumers,
            String scaleToZeroOnInvalidOffset, String excludePersistentLag, String limitToPartitionsWithLag,
            String ensureEvenDistributionOfPartitions, String version, String fullMetadata, String partitionLimitation,
            String sasl, String tls, String unsafeSsl) {
    }

    public record TriggerAuthentication(String apiVersion, String kind, ObjectMeta metadata,
            TriggerAuthenticationSpec spec) {
    }

    public record TriggerAuthenticationSpec(List<SecretTargetRef> secretTargetRef) {
    }

    public record SecretTargetRef(String parameter, String name, String key) {
    }
}
