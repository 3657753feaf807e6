package io.learnflow.k8s.rules;

import static io.learnflow.k8s.RuleAssertions.violationsAfter;
import static io.learnflow.k8s.RuleAssertions.violationsOf;
import static io.learnflow.k8s.Trees.document;
import static io.learnflow.k8s.Trees.list;
import static io.learnflow.k8s.Trees.map;
import static io.learnflow.k8s.Trees.remove;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.learnflow.k8s.Overlay;
import io.learnflow.k8s.RenderedOverlays;

class ScaledObjectsTest {

    private final ScaledObjects rule = new ScaledObjects();

    @Test
    void aTriggerOnAnotherConsumerGroupIsCaught() {
        var violations = violationsAfter(rule, "dev", docs -> map(document(docs, "ScaledObject", "debug"),
                "spec", "triggers", 0, "metadata").put("consumerGroup", "debug-service"));

        assertThat(violations).singleElement().hasToString("scaled-objects: ScaledObject/debug: kafka trigger on "
                + "learnflow.query.debug watches consumer group debug-service, but debug consumes as debug");
    }

    @Test
    void aServiceWhoseConfiguredGroupChangedIsCaught() {
        Overlay intact = RenderedOverlays.overlay("production");
        Overlay renamed = intact.withService(intact.services().get("exercise").with("learnflow.consumer-group",
                "grading"));

        assertThat(violationsOf(rule, intact, renamed)).hasSize(2)
                .allSatisfy(v -> assertThat(v.message()).contains("consumes as grading"));
    }

    @Test
    void aConsumedTopicWithoutTriggerIsCaught() {
        var violations = violationsAfter(rule, "dev", docs -> list(document(docs, "ScaledObject", "concepts"),
                "spec", "triggers").remove(1));

        assertThat(violations).singleElement().asString().contains("kafka triggers on [learnflow.query.concepts]",
                "consumes [learnflow.feedback, learnflow.query.concepts]");
    }

    @Test
    void anHttpServiceThatDoesNotScaleOnCpuIsCaught() {
        var violations = violationsAfter(rule, "production", docs -> list(document(docs, "ScaledObject", "triage"),
                "spec", "triggers").remove(3));

        assertThat(violations).singleElement().asString().contains("triage serves HTTP", "does not scale on CPU");
    }

    @Test
    void aTriggerOnOtherBrokersOrWithAnotherResetPolicyIsCaught() {
        var violations = violationsAfter(rule, "dev", docs -> {
            var trigger = map(document(docs, "ScaledObject", "progress"), "spec", "triggers", 0, "metadata");
            trigger.put("bootstrapServers", "kafka:9092");
            trigger.put("offsetResetPolicy", "latest");
        });

        assertThat(violations).extracting(Violation::message).containsExactlyInAnyOrder(
                "kafka trigger asks brokers kafka:9092, but progress is pointed at learnflow-kafka-kafka-bootstrap:9093",
                "offsetResetPolicy latest differs from the consumers' auto.offset.reset earliest");
    }

    @Test
    void aMissingTriggerAuthenticationOrAnUnknownTriggerFieldIsCaught() {
        var violations = violationsAfter(rule, "dev", docs -> {
            remove(docs, "TriggerAuthentication", "learnflow-kafka");
            map(document(docs, "ScaledObject", "debug"), "spec", "triggers", 0, "metadata").put("lagTreshold", "5");
        });

        assertThat(violations).extracting(Violation::message).contains(
                "kafka trigger metadata KEDA 2.20 does not know: [lagTreshold]")
                .anySatisfy(m -> assertThat(m).contains("names no TriggerAuthentication"));
    }

    @Test
    void aConsumerGroupWithoutScaledObjectIsCaught() {
        var violations = violationsAfter(rule, "production", docs -> remove(docs, "ScaledObject", "progress"));

        assertThat(violations).singleElement().hasToString(
                "scaled-objects: consumer group progress: 0 ScaledObjects scale Deployment progress; expected exactly one");
    }
}
