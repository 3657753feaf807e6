package io.learnflow.k8s.rules;

import static io.learnflow.k8s.RuleAssertions.violationsAfter;
import static io.learnflow.k8s.Trees.podSpec;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.learnflow.k8s.RenderedOverlays;

class SandboxIsolationTest {

    private final SandboxIsolation rule = new SandboxIsolation();

    @Test
    void theServicesWhoseImagesCarryBubblewrapAreDebugAndExercise() {
        assertThat(RenderedOverlays.overlay("dev").sandboxServices()).containsExactly("debug", "exercise");
    }

    @Test
    void aSandboxServiceOnTheDefaultRuntimeIsCaught() {
        var violations = violationsAfter(rule, "production", docs -> podSpec(docs, "exercise").remove("runtimeClassName"));

        assertThat(violations).singleElement().hasToString("sandbox-isolation: Deployment/exercise: runs students' code "
                + "with bubblewrap, so it needs runtimeClassName gvisor, has null");
    }
}
