package io.learnflow.k8s.rules;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.learnflow.k8s.Overlay;
import io.learnflow.k8s.config.ServiceConfiguration;
import io.learnflow.k8s.model.Keda;

/**
 * One ScaledObject per service's Deployment, with a Kafka trigger for exactly the topics the service's configuration
 * consumes, each in the consumer group the configuration reads it in, on the brokers the service is pointed at,
 * with the offset reset policy the consumers use, authenticated by a TriggerAuthentication of the overlay. A service
 * that serves HTTP through the Ingress also scales on CPU.
 */
public final class ScaledObjects implements Rule {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    @Override
    public String name() {
        return "scaled-objects";
    }

    @Override
    public List<Violation> check(Overlay overlay) {
        Findings findings = new Findings(name());
        Set<String> authentications = overlay.manifests().all(Keda.TriggerAuthentication.class).stream()
                .map(a -> a.metadata().getName()).collect(Collectors.toSet());
        Set<String> httpServices = httpServices(overlay);
        for (ServiceConfiguration service : overlay.services().values()) {
            Optional<String> group = service.consumerGroup();
            if (group.isEmpty()) {
                continue;
            }
            String name = service.service();
            List<Keda.ScaledObject> scaling = overlay.manifests().scaledObjects().stream()
                    .filter(s -> s.spec().scaleTargetRef() != null && name.equals(s.spec().scaleTargetRef().name()))
                    .toList();
            if (scaling.size() != 1) {
                findings.add("consumer group " + group.get(), scaling.size() + " ScaledObjects scale Deployment "
                        + name + "; expected exactly one");
                continue;
            }
            Keda.ScaledObject scaled = scaling.get(0);
            String resource = "ScaledObject/" + scaled.metadata().getName();
            Optional<Deployment> deployment = overlay.manifests().deployment(name);
            findings.require(deployment.isPresent(), resource, "targets Deployment " + name + ", which does not exist");
            Optional<String> brokers = deployment.flatMap(d -> PodConfiguration.value(overlay.manifests(), d,
                    "kafka.bootstrap.servers"));
            Integer min = scaled.spec().minReplicaCount();
            Integer max = scaled.spec().maxReplicaCount();
            findings.require(min != null && min >= 1 && max != null && max >= min, resource,
                    "needs 1 <= minReplicaCount <= maxReplicaCount, has " + min + " and " + max);
            Set<String> triggered = new TreeSet<>();
            for (Keda.Trigger trigger : scaled.spec().triggers()) {
                if (!trigger.isKafka()) {
                    continue;
                }
                Keda.KafkaTrigger kafka;
                try {
                    kafka = STRICT.convertValue(trigger.metadata(), Keda.KafkaTrigger.class);
                } catch (IllegalArgumentException e) {
                    Set<String> unknown = new TreeSet<>(trigger.metadata().keySet());
                    Arrays.stream(Keda.KafkaTrigger.class.getRecordComponents()).map(RecordComponent::getName)
                            .forEach(unknown::remove);
                    findings.add(resource, "kafka trigger metadata KEDA 2.20 does not know: " + unknown);
                    continue;
                }
                triggered.add(kafka.topic());
                String consumesAs = service.consumerGroupOf(kafka.topic()).orElse(group.get());
                findings.require(consumesAs.equals(kafka.consumerGroup()), resource, "kafka trigger on "
                        + kafka.topic() + " watches consumer group " + kafka.consumerGroup() + ", but " + name
                        + " consumes as " + consumesAs);
                findings.require(brokers.isPresent() && brokers.get().equals(kafka.bootstrapServers()), resource,
                        "kafka trigger asks brokers " + kafka.bootstrapServers() + ", but " + name + " is pointed at "
                                + brokers.orElse("no brokers"));
                findings.require(positive(kafka.lagThreshold()), resource, "lagThreshold must be a positive integer: "
                        + kafka.lagThreshold());
                findings.require(kafka.activationLagThreshold() == null || nonNegative(kafka.activationLagThreshold()),
                        resource, "activationLagThreshold must be a non-negative integer");
                String reset = service.get("kafka.auto.offset.reset").orElse("latest");
                findings.require(reset.equals(kafka.offsetResetPolicy()), resource, "offsetResetPolicy "
                        + kafka.offsetResetPolicy() + " differs from the consumers' auto.offset.reset " + reset);
                findings.require(trigger.authenticationRef() != null
                        && authentications.contains(trigger.authenticationRef().name()), resource,
                        "kafka trigger on " + kafka.topic() + " names no TriggerAuthentication of the overlay");
            }
            findings.require(triggered.equals(service.consumedTopics()), resource, "kafka triggers on " + triggered
                    + ", but " + name + " consumes " + service.consumedTopics());
            if (httpServices.contains(name)) {
                findings.require(scaled.spec().triggers().stream().anyMatch(t -> "cpu".equals(t.type())), resource,
                        name + " serves HTTP through the Ingress but does not scale on CPU");
            }
        }
        return findings.list();
    }

    private static Set<String> httpServices(Overlay overlay) {
        return overlay.manifests().ingresses().stream().flatMap(i -> i.getSpec().getRules().stream())
                .flatMap(r -> r.getHttp().getPaths().stream()).map(HTTPIngressPath::getBackend)
                .map(b -> b.getService().getName()).collect(Collectors.toSet());
    }

    private static boolean positive(String value) {
        return value != null && value.matches("[1-9][0-9]*");
    }

    private static boolean nonNegative(String value) {
        return value.matches("[0-9]+");
    }
}
