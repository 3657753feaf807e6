package io.learnflow.k8s.rules;

import static io.learnflow.k8s.RuleAssertions.violationsAfter;
import static io.learnflow.k8s.Trees.document;
import static io.learnflow.k8s.Trees.map;
import static io.learnflow.k8s.Trees.remove;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.learnflow.model.Topics;

class DurabilityTest {

    private final Durability rule = new Durability();

    @Test
    void aProductionTopicWithOneReplicaIsCaught() {
        var violations = violationsAfter(rule, "production", docs -> map(document(docs, "KafkaTopic",
                "learnflow.interaction"), "spec").put("replicas", 1));

        assertThat(violations).singleElement().hasToString("durability: KafkaTopic/learnflow.interaction: production "
                + "needs 3 replicas and min.insync.replicas 2, has 1 and 2");
    }

    @Test
    void moreReplicasThanBrokersIsCaught() {
        var violations = violationsAfter(rule, "dev", docs -> map(document(docs, "KafkaTopic", "learnflow.response"),
                "spec").put("replicas", 3));

        assertThat(violations).singleElement().hasToString(
                "durability: KafkaTopic/learnflow.response: 3 replicas on 1 brokers");
    }

    @Test
    void productionOnOneBrokerIsCaught() {
        var violations = violationsAfter(rule, "production", docs -> map(document(docs, "KafkaNodePool", "brokers"),
                "spec").put("replicas", 1));

        assertThat(violations).extracting(Violation::resource).contains("Kafka/learnflow-kafka")
                .filteredOn(r -> r.startsWith("KafkaTopic/"))
                .hasSize(Topics.CONSUMED.size() * 2 + Topics.ANNOUNCED.size());
    }

    @Test
    void productionWithoutScheduledBackupOrWalArchiveIsCaught() {
        var violations = violationsAfter(rule, "production", docs -> {
            remove(docs, "ScheduledBackup", "learnflow-db-nightly");
            remove(docs, "ObjectStore", "learnflow-backups");
        });

        assertThat(violations).extracting(Violation::message).containsExactlyInAnyOrder(
                "archives to ObjectStore learnflow-backups, which the overlay does not have",
                "no ScheduledBackup backs it up");
    }

    @Test
    void aFiveFieldScheduleIsCaught() {
        var violations = violationsAfter(rule, "production", docs -> map(document(docs, "ScheduledBackup",
                "learnflow-db-nightly"), "spec").put("schedule", "0 3 * * *"));

        assertThat(violations).singleElement().asString().contains("schedule needs six fields");
    }
}
