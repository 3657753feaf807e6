package io.learnflow.k8s.rules;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.learnflow.k8s.render.Manifests;

/** What a Deployment's container sees as configuration: its env and the ConfigMaps it takes whole. */
final class PodConfiguration {

    private PodConfiguration() {
    }

    static Container container(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    /** The value of an environment variable set literally or from a ConfigMap of the overlay. */
    static Optional<String> value(Manifests manifests, Deployment deployment, String name) {
        Container container = container(deployment);
        for (EnvVar env : Objects.requireNonNullElse(container.getEnv(), List.<EnvVar>of())) {
            if (name.equals(env.getName()) && env.getValue() != null) {
                return Optional.of(env.getValue());
            }
        }
        for (EnvFromSource source : Objects.requireNonNullElse(container.getEnvFrom(), List.<EnvFromSource>of())) {
            if (source.getConfigMapRef() != null) {
                Optional<String> value = manifests.named(ConfigMap.class, source.getConfigMapRef().getName())
                        .map(ConfigMap::getData).map(data -> data.get(name));
                if (value.isPresent()) {
                    return value;
                }
            }
        }
        return Optional.empty();
    }

    /** The Secret key an environment variable is read from. */
    static Optional<SecretKeySelector> secretOf(Deployment deployment, String name) {
        return Objects.requireNonNullElse(container(deployment).getEnv(), List.<EnvVar>of()).stream()
                .filter(env -> name.equals(env.getName()) && env.getValueFrom() != null
                        && env.getValueFrom().getSecretKeyRef() != null)
                .map(env -> env.getValueFrom().getSecretKeyRef()).findFirst();
    }
}
