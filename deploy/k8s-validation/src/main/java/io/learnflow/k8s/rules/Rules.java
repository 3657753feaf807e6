package io.learnflow.k8s.rules;

import java.util.List;

import io.learnflow.k8s.Overlay;

/** Every rule, in the order they are reported. */
public final class Rules {

    public static final List<Rule> ALL = List.of(new KnownResources(), new KafkaTopics(), new ScaledObjects(),
            new References(), new HardenedDeployments(), new KafkaUsers(), new ScalerAccess(), new NetworkPolicies(),
            new ReleasedImages(), new DatabaseRoles(), new ConnectionBudget(), new SandboxIsolation(), new Durability(),
            new WebRouting());

    private Rules() {
    }

    public static List<Violation> check(Overlay overlay) {
        return ALL.stream().flatMap(rule -> rule.check(overlay).stream()).toList();
    }
}
