package io.learnflow.k8s.rules;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.learnflow.k8s.Overlay;
import io.learnflow.k8s.config.PublishedTopics;
import io.learnflow.k8s.config.ServiceConfiguration;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.kafka.listener.KafkaListenerAuthenticationScramSha512;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;

/**
 * Each service signs in to Kafka as its own SCRAM-SHA-512 KafkaUser (the one whose Secret its Deployment reads), on a
 * SCRAM listener, and that user's ACLs allow exactly: Read on the service's consumer groups, Read and Describe on the
 * topics it consumes, Write and Describe on their dead-letter topics and on the topics it publishes to; literal
 * names only, nothing else.
 */
public final class KafkaUsers implements Rule {

    private static final Set<AclOperation> READ = Set.of(AclOperation.READ, AclOperation.DESCRIBE);
    private static final Set<AclOperation> WRITE = Set.of(AclOperation.WRITE, AclOperation.DESCRIBE);

    @Override
    public String name() {
        return "kafka-users";
    }

    @Override
    public List<Violation> check(Overlay overlay) {
        Findings findings = new Findings(name());
        for (Kafka kafka : overlay.manifests().all(Kafka.class)) {
            for (GenericKafkaListener listener : kafka.getSpec().getKafka().getListeners()) {
                findings.require(listener.getAuth() instanceof KafkaListenerAuthenticationScramSha512,
                        "Kafka/" + kafka.getMetadata().getName(), "listener " + listener.getName()
                                + " must authenticate clients with scram-sha-512");
            }
        }
        for (ServiceConfiguration service : overlay.services().values()) {
            Optional<Deployment> deployment = overlay.manifests().deployment(service.service());
            Optional<String> userName = deployment.flatMap(d -> PodConfiguration.secretOf(d, "kafka.sasl.jaas.config"))
                    .map(SecretKeySelector::getName);
            if (userName.isEmpty()) {
                findings.add("Deployment/" + service.service(), "reads kafka.sasl.jaas.config from no KafkaUser's Secret");
                continue;
            }
            Optional<KafkaUser> user = overlay.manifests().named(KafkaUser.class, userName.get());
            if (user.isEmpty()) {
                findings.add("Deployment/" + service.service(), "signs in as KafkaUser " + userName.get()
                        + ", which does not exist");
                continue;
            }
            check(findings, user.get(), expected(service));
        }
        return findings.list();
    }

    private static void check(Findings findings, KafkaUser user, Map<String, Set<AclOperation>> expected) {
        String resource = "KafkaUser/" + user.getMetadata().getName();
        findings.require(user.getSpec().getAuthentication() instanceof KafkaUserScramSha512ClientAuthentication,
                resource, "must authenticate with scram-sha-512");
        if (!(user.getSpec().getAuthorization() instanceof KafkaUserAuthorizationSimple simple)) {
            findings.add(resource, "must use simple authorization with ACLs");
            return;
        }
        Map<String, Set<AclOperation>> granted = new TreeMap<>();
        for (AclRule acl : Objects.requireNonNullElse(simple.getAcls(), List.<AclRule>of())) {
            String key;
            if (acl.getResource() instanceof AclRuleTopicResource topic
                    && topic.getPatternType() != AclResourcePatternType.PREFIX) {
                key = "topic " + topic.getName();
            } else if (acl.getResource() instanceof AclRuleGroupResource group
                    && group.getPatternType() != AclResourcePatternType.PREFIX) {
                key = "group " + group.getName();
            } else {
                findings.add(resource, "allows more than named topics and groups: " + acl.getResource().getType()
                        + " (or a prefix pattern)");
                continue;
            }
            Set<AclOperation> operations = granted.computeIfAbsent(key, k -> new TreeSet<>());
            Optional.ofNullable(acl.getOperations()).ifPresent(operations::addAll);
            Optional.ofNullable(acl.getOperation()).ifPresent(operations::add);
        }
        findings.require(granted.equals(expected), resource, "ACLs " + granted + " differ from what the service "
                + "uses: " + expected);
    }

    static Map<String, Set<AclOperation>> expected(ServiceConfiguration service) {
        Map<String, Set<AclOperation>> expected = new TreeMap<>();
        service.consumerGroups().forEach(group -> grant(expected, "group " + group, Set.of(AclOperation.READ)));
        service.consumedTopics().forEach(topic -> grant(expected, "topic " + topic, READ));
        service.deadLetterTopics().forEach(topic -> grant(expected, "topic " + topic, WRITE));
        PublishedTopics.of(service.service()).forEach(topic -> grant(expected, "topic " + topic, WRITE));
        return expected;
    }

    private static void grant(Map<String, Set<AclOperation>> expected, String resource, Set<AclOperation> operations) {
        expected.computeIfAbsent(resource, r -> new TreeSet<>()).addAll(operations);
    }
}
