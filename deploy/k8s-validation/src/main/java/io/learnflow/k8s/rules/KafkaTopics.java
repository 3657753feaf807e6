package io.learnflow.k8s.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.learnflow.k8s.Overlay;
import io.learnflow.k8s.config.PublishedTopics;
import io.learnflow.k8s.config.ServiceConfiguration;
import io.learnflow.k8s.model.Keda;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

/**
 * Every topic a service consumes, dead-letters to or publishes to has a KafkaTopic, and a topic has at least as many
 * partitions as the maxReplicaCount of every ScaledObject that scales on it (a consumer beyond that would sit idle).
 */
public final class KafkaTopics implements Rule {

    @Override
    public String name() {
        return "kafka-topics";
    }

    @Override
    public List<Violation> check(Overlay overlay) {
        Findings findings = new Findings(name());
        Map<String, KafkaTopic> topics = byTopicName(overlay);
        for (ServiceConfiguration service : overlay.services().values()) {
            Set<String> needed = new TreeSet<>(service.consumedTopics());
            needed.addAll(service.deadLetterTopics());
            needed.addAll(PublishedTopics.of(service.service()));
            for (String topic : needed) {
                findings.require(topics.containsKey(topic), "service " + service.service(),
                        "uses topic " + topic + " but no KafkaTopic declares it");
            }
        }
        for (Keda.ScaledObject scaled : overlay.manifests().scaledObjects()) {
            Integer max = scaled.spec().maxReplicaCount();
            for (Keda.Trigger trigger : scaled.spec().triggers()) {
                if (!trigger.isKafka()) {
                    continue;
                }
                String topic = trigger.metadata().get("topic");
                Optional<Integer> partitions = Optional.ofNullable(topics.get(topic))
                        .map(t -> t.getSpec().getPartitions());
                if (partitions.isEmpty()) {
                    findings.add("ScaledObject/" + scaled.metadata().getName(), "scales on topic " + topic
                            + ", which has no KafkaTopic with partitions");
                } else if (max == null || max > partitions.get()) {
                    findings.add("ScaledObject/" + scaled.metadata().getName(), "maxReplicaCount " + max
                            + " exceeds the " + partitions.get() + " partitions of " + topic);
                }
            }
        }
        return findings.list();
    }

    static Map<String, KafkaTopic> byTopicName(Overlay overlay) {
        return overlay.manifests().kafkaTopics().stream().collect(Collectors.toMap(KafkaTopics::topicName,
                Function.identity(), (first, second) -> first));
    }

    static String topicName(KafkaTopic topic) {
        String named = topic.getSpec() == null ? null : topic.getSpec().getTopicName();
        return named != null ? named : topic.getMetadata().getName();
    }
}
