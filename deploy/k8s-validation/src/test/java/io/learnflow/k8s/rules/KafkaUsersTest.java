package io.learnflow.k8s.rules;

import static io.learnflow.k8s.RuleAssertions.violationsAfter;
import static io.learnflow.k8s.Trees.container;
import static io.learnflow.k8s.Trees.document;
import static io.learnflow.k8s.Trees.list;
import static io.learnflow.k8s.Trees.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class KafkaUsersTest {

    private final KafkaUsers rule = new KafkaUsers();

    @Test
    void anAclOnAnotherServicesTopicIsCaught() {
        var violations = violationsAfter(rule, "dev", docs -> list(document(docs, "KafkaUser", "learnflow-debug"),
                "spec", "authorization", "acls").add(Map.of("resource", Map.of("type", "topic", "name",
                        "learnflow.query.exercise", "patternType", "literal"), "operations", List.of("Read"))));

        assertThat(violations).singleElement().asString().startsWith("kafka-users: KafkaUser/learnflow-debug: ACLs")
                .contains("topic learnflow.query.exercise=[READ]");
    }

    @Test
    void aMissingConsumerGroupAclIsCaught() {
        var violations = violationsAfter(rule, "production", docs -> list(document(docs, "KafkaUser",
                "learnflow-progress"), "spec", "authorization", "acls").remove(0));

        assertThat(violations).singleElement().asString().contains("KafkaUser/learnflow-progress", "group progress=[READ]");
    }

    @Test
    void aPrefixAclIsCaught() {
        var violations = violationsAfter(rule, "dev", docs -> map(list(document(docs, "KafkaUser", "learnflow-triage"),
                "spec", "authorization", "acls").get(1), "resource").put("patternType", "prefix"));

        assertThat(violations).extracting(Violation::message)
                .anySatisfy(m -> assertThat(m).startsWith("allows more than named topics and groups"));
    }

    @Test
    void aServiceSigningInAsAnotherServicesUserIsCaught() {
        var violations = violationsAfter(rule, "dev", docs -> map(container(docs, "concepts"), "env", 2, "valueFrom",
                "secretKeyRef").put("name", "learnflow-exercise"));

        assertThat(violations).singleElement().asString().contains("KafkaUser/learnflow-exercise",
                "topic learnflow.query.exercise");
    }

    @Test
    void aListenerWithoutScramIsCaught() {
        var violations = violationsAfter(rule, "production", docs -> map(list(document(docs, "Kafka",
                "learnflow-kafka"), "spec", "kafka", "listeners").get(0), "authentication").put("type", "tls"));

        assertThat(violations).singleElement().asString().contains("listener clients must authenticate clients with "
                + "scram-sha-512");
    }
}
