package io.learnflow.k8s.rules;

import java.util.List;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.learnflow.k8s.Overlay;

/**
 * A service whose image carries the sandbox (its Dockerfile installs bubblewrap) runs under gVisor, the choice that
 * gives bubblewrap its namespaces while the pod keeps the restricted security context (deploy/k8s/README.md); a
 * service without the sandbox does not need it.
 */
public final class SandboxIsolation implements Rule {

    public static final String RUNTIME_CLASS = "gvisor";

    @Override
    public String name() {
        return "sandbox-isolation";
    }

    @Override
    public List<Violation> check(Overlay overlay) {
        Findings findings = new Findings(name());
        for (String service : overlay.sandboxServices()) {
            Optional<Deployment> deployment = overlay.manifests().deployment(service);
            String runtime = deployment.map(d -> d.getSpec().getTemplate().getSpec()).map(PodSpec::getRuntimeClassName)
                    .orElse(null);
            findings.require(RUNTIME_CLASS.equals(runtime), "Deployment/" + service, "runs students' code with "
                    + "bubblewrap, so it needs runtimeClassName " + RUNTIME_CLASS + ", has " + runtime);
        }
        return findings.list();
    }
}
