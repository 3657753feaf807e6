package io.learnflow.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;

import io.learnflow.k8s.render.Document;
import io.learnflow.k8s.rules.Rule;
import io.learnflow.k8s.rules.Violation;

/** Breaks an overlay on purpose and checks that the rule catches it (and that it held before). */
public final class RuleAssertions {

    private RuleAssertions() {
    }

    public static List<Violation> violationsAfter(Rule rule, String overlayName, Consumer<List<Document>> breakIt) {
        Overlay overlay = RenderedOverlays.overlay(overlayName);
        assertThat(rule.check(overlay)).as("%s before breaking %s", rule.name(), overlayName).isEmpty();
        List<Document> documents = new java.util.ArrayList<>(overlay.manifests().documents());
        breakIt.accept(documents);
        return rule.check(overlay.withDocuments(documents));
    }

    public static List<Violation> violationsOf(Rule rule, Overlay intact, Overlay broken) {
        assertThat(rule.check(intact)).as("%s before breaking %s", rule.name(), intact.name()).isEmpty();
        return rule.check(broken);
    }
}
