package io.learnflow.k8s.rules;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.fabric8.kubernetes.api.model.Secret;
import io.learnflow.k8s.Overlay;
import io.learnflow.k8s.model.Keda;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;

/**
 * KEDA can read the lag it scales on: each TriggerAuthentication signs in with SCRAM-SHA-512 over TLS as a KafkaUser
 * of the overlay (the username its Secret holds, the password from that user's own Secret), and that user may
 * describe every consumer group and topic of the Kafka triggers that use it.
 */
public final class ScalerAccess implements Rule {

    @Override
    public String name() {
        return "scaler-access";
    }

    @Override
    public List<Violation> check(Overlay overlay) {
        Findings findings = new Findings(name());
        for (Keda.TriggerAuthentication authentication : overlay.manifests().all(Keda.TriggerAuthentication.class)) {
            String resource = "TriggerAuthentication/" + authentication.metadata().getName();
            findings.require("scram_sha512".equals(parameter(overlay, authentication, "sasl").orElse(null)), resource,
                    "sasl must be scram_sha512, the listener's mechanism");
            findings.require("enable".equals(parameter(overlay, authentication, "tls").orElse(null)), resource,
                    "tls must be enable: the listener speaks TLS");
            Optional<String> username = parameter(overlay, authentication, "username");
            Optional<KafkaUser> user = username.flatMap(name -> overlay.manifests().named(KafkaUser.class, name));
            if (user.isEmpty()) {
                findings.add(resource, "signs in as " + username.orElse("nobody") + ", which is no KafkaUser");
                continue;
            }
            String userName = user.get().getMetadata().getName();
            findings.require(target(authentication, "password").map(t -> t.name().equals(userName)
                    && "password".equals(t.key())).orElse(false), resource, "password must come from key password "
                            + "of Secret " + userName + ", which Strimzi writes for the user");
            Set<String> described = described(user.get());
            for (Keda.ScaledObject scaled : overlay.manifests().scaledObjects()) {
                for (Keda.Trigger trigger : scaled.spec().triggers()) {
                    if (!trigger.isKafka() || trigger.authenticationRef() == null
                            || !authentication.metadata().getName().equals(trigger.authenticationRef().name())) {
                        continue;
                    }
                    for (String needed : List.of("group " + trigger.metadata().get("consumerGroup"),
                            "topic " + trigger.metadata().get("topic"))) {
                        findings.require(described.contains(needed), "KafkaUser/" + userName, "KEDA cannot describe "
                                + needed + " for ScaledObject/" + scaled.metadata().getName());
                    }
                }
            }
        }
        return findings.list();
    }

    private static Set<String> described(KafkaUser user) {
        Set<String> described = new HashSet<>();
        if (user.getSpec().getAuthorization() instanceof KafkaUserAuthorizationSimple simple) {
            for (AclRule acl : Objects.requireNonNullElse(simple.getAcls(), List.<AclRule>of())) {
                List<AclOperation> operations = Objects.requireNonNullElse(acl.getOperations(), List.of());
                if (!operations.contains(AclOperation.DESCRIBE) && !operations.contains(AclOperation.READ)) {
                    continue;
                }
                if (acl.getResource() instanceof AclRuleTopicResource topic) {
                    described.add("topic " + topic.getName());
                } else if (acl.getResource() instanceof AclRuleGroupResource group) {
                    described.add("group " + group.getName());
                }
            }
        }
        return described;
    }

    private static Optional<Keda.SecretTargetRef> target(Keda.TriggerAuthentication authentication, String parameter) {
        return authentication.spec().secretTargetRef().stream().filter(t -> parameter.equals(t.parameter())).findFirst();
    }

    /** A parameter's value where the overlay holds its Secret (not for Secrets an operator writes). */
    private static Optional<String> parameter(Overlay overlay, Keda.TriggerAuthentication authentication,
            String parameter) {
        return target(authentication, parameter).flatMap(t -> overlay.manifests().named(Secret.class, t.name())
                .flatMap(secret -> value(secret, t.key())));
    }

    private static Optional<String> value(Secret secret, String key) {
        return Optional.ofNullable(secret.getStringData()).map(d -> d.get(key))
                .or(() -> Optional.ofNullable(secret.getData()).map(d -> d.get(key))
                        .map(v -> new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
    }
}
