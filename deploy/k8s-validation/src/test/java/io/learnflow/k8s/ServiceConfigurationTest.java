package io.learnflow.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.learnflow.k8s.config.IncomingChannel;
import io.learnflow.k8s.config.ServiceConfiguration;
import io.learnflow.model.Topics;

class ServiceConfigurationTest {

    private final Map<String, ServiceConfiguration> services = Repository.here().serviceConfigurations();

    @Test
    void triageConsumesAnswersStatusesAndClassMembershipsAsGroupTriage() {
        ServiceConfiguration triage = services.get("triage");

        assertThat(triage.incomingChannels()).containsExactlyInAnyOrder(
                new IncomingChannel("query-statuses", "learnflow.query-status", "triage", "learnflow.query-status.dlq"),
                new IncomingChannel("responses", "learnflow.response", "triage", "learnflow.response.dlq"),
                new IncomingChannel("class-memberships", "learnflow.class-membership", "triage",
                        "learnflow.class-membership.dlq"));
        assertThat(triage.databaseUser()).contains("triage");
    }

    @Test
    void aSpecialistTakesItsGroupTopicAndDeadLetterTopicFromSpecialistSupport() {
        ServiceConfiguration debug = services.get("debug");

        assertThat(debug.incomingChannels()).containsExactlyInAnyOrder(
                new IncomingChannel("queries", "learnflow.query.debug", "debug", "learnflow.query.debug.dlq"),
                new IncomingChannel("feedback", "learnflow.feedback", "debug", "learnflow.feedback.dlq"));
        assertThat(debug.databaseUser()).contains("debug");
        assertThat(debug.databaseSchema()).contains("debug");
    }

    @Test
    void theServicesTogetherConsumeExactlyTheTopicsSharedModelNames() {
        Set<String> consumed = new TreeSet<>();
        services.values().forEach(service -> consumed.addAll(service.consumedTopics()));

        assertThat(consumed).containsExactlyInAnyOrderElementsOf(Topics.CONSUMED);
    }

    @Test
    void aChangedPropertyIsSeenThroughTheExpressionsThatUseIt() {
        ServiceConfiguration renamed = services.get("exercise").with("learnflow.specialist.name", "grading");

        assertThat(renamed.databaseUser()).contains("grading");
        assertThat(renamed.consumerGroup()).as("named in the service's own configuration").contains("exercise");
        assertThat(renamed.with("learnflow.consumer-group", "graders").consumerGroup()).contains("graders");
    }
}
