package io.learnflow.k8s.rules;

import static io.learnflow.k8s.RuleAssertions.violationsAfter;
import static io.learnflow.k8s.Trees.document;
import static io.learnflow.k8s.Trees.list;
import static io.learnflow.k8s.Trees.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class ScalerAccessTest {

    private final ScalerAccess rule = new ScalerAccess();

    @Test
    void aScalerUserThatCannotDescribeAGroupIsCaught() {
        var violations = violationsAfter(rule, "dev", docs -> list(document(docs, "KafkaUser", "learnflow-keda"),
                "spec", "authorization", "acls").remove(2));

        assertThat(violations).singleElement().hasToString("scaler-access: KafkaUser/learnflow-keda: KEDA cannot "
                + "describe group debug for ScaledObject/debug");
    }

    @Test
    void aScalerSigningInAsNoKafkaUserIsCaught() {
        var violations = violationsAfter(rule, "production", docs -> map(document(docs, "Secret",
                "learnflow-keda-kafka"), "data").put("username", base64("keda")));

        assertThat(violations).singleElement().asString().contains("signs in as keda, which is no KafkaUser");
    }

    @Test
    void aScalerWithoutTlsOrWithAnotherMechanismIsCaught() {
        var violations = violationsAfter(rule, "dev", docs -> {
            var data = map(document(docs, "Secret", "learnflow-keda-kafka"), "data");
            data.put("tls", base64("disable"));
            data.put("sasl", base64("plaintext"));
        });

        assertThat(violations).extracting(Violation::message).containsExactlyInAnyOrder(
                "sasl must be scram_sha512, the listener's mechanism", "tls must be enable: the listener speaks TLS");
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
