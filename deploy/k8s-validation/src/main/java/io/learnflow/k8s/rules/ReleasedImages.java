package io.learnflow.k8s.rules;

import java.util.List;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.learnflow.k8s.Overlay;

/** In production every container image names a version or a digest: no {@code latest}, no missing tag. */
public final class ReleasedImages implements Rule {

    @Override
    public String name() {
        return "released-images";
    }

    @Override
    public List<Violation> check(Overlay overlay) {
        Findings findings = new Findings(name());
        if (!overlay.isProduction()) {
            return findings.list();
        }
        for (Deployment deployment : overlay.manifests().deployments()) {
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                findings.require(released(container.getImage()), "Deployment/" + deployment.getMetadata().getName(),
                        "image " + container.getImage() + " names no released version (latest or no tag)");
            }
        }
        return findings.list();
    }

    static boolean released(String image) {
        if (image == null) {
            return false;
        }
        if (image.contains("@sha256:")) {
            return true;
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        if (colon <= slash) {
            return false;
        }
        return !"latest".equals(image.substring(colon + 1));
    }
}
