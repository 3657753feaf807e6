package io.learnflow.k8s.rules;

import static io.learnflow.k8s.RuleAssertions.violationsAfter;
import static io.learnflow.k8s.Trees.document;
import static io.learnflow.k8s.Trees.map;
import static io.learnflow.k8s.Trees.remove;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KafkaTopicsTest {

    private final KafkaTopics rule = new KafkaTopics();

    @Test
    void aDeadLetterTopicWithoutKafkaTopicIsCaught() {
        var violations = violationsAfter(rule, "dev", docs -> remove(docs, "KafkaTopic", "learnflow.feedback.dlq"));

        assertThat(violations).extracting(Violation::toString).containsExactlyInAnyOrder(
                "kafka-topics: service concepts: uses topic learnflow.feedback.dlq but no KafkaTopic declares it",
                "kafka-topics: service debug: uses topic learnflow.feedback.dlq but no KafkaTopic declares it",
                "kafka-topics: service exercise: uses topic learnflow.feedback.dlq but no KafkaTopic declares it",
                "kafka-topics: service progress: uses topic learnflow.feedback.dlq but no KafkaTopic declares it");
    }

    @Test
    void aPublishedTopicWithoutKafkaTopicIsCaught() {
        var violations = violationsAfter(rule, "production", docs -> remove(docs, "KafkaTopic", "learnflow.query.exercise"));

        assertThat(violations).extracting(Violation::toString).contains(
                "kafka-topics: service triage: uses topic learnflow.query.exercise but no KafkaTopic declares it",
                "kafka-topics: ScaledObject/exercise: scales on topic learnflow.query.exercise, which has no KafkaTopic "
                        + "with partitions");
    }

    @Test
    void fewerPartitionsThanTheScaledObjectsMaximumIsCaught() {
        var violations = violationsAfter(rule, "production", docs -> map(document(docs, "KafkaTopic",
                "learnflow.query.debug"), "spec").put("partitions", 4));

        assertThat(violations).extracting(Violation::toString).containsExactlyInAnyOrder(
                "kafka-topics: ScaledObject/debug: maxReplicaCount 6 exceeds the 4 partitions of learnflow.query.debug",
                "kafka-topics: ScaledObject/progress: maxReplicaCount 6 exceeds the 4 partitions of learnflow.query.debug");
    }

    @Test
    void aMaximumAbovePartitionsIsCaught() {
        var violations = violationsAfter(rule, "dev", docs -> map(document(docs, "ScaledObject", "progress"), "spec")
                .put("maxReplicaCount", 7));

        assertThat(violations).extracting(Violation::toString).hasSize(6).contains(
                "kafka-topics: ScaledObject/progress: maxReplicaCount 7 exceeds the 6 partitions of learnflow.interaction")
                .allSatisfy(v -> assertThat(v).contains("maxReplicaCount 7 exceeds the 6 partitions"));
    }
}
