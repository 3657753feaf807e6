package io.learnflow.web.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ApiRoutesTest {

    final ApiRoutes routes = new ApiRoutes(Map.of("/api/v1/teacher", "progress", "/api/v1/teacher/queries", "triage",
            "/api/v1/queries", "triage"), Map.of("triage", URI.create("http://triage:8080"), "progress",
                    URI.create("http://progress:8080")));

    @Test
    void theLongestMatchingPrefixWins() {
        assertThat(routes.upstreamFor("/api/v1/teacher/queries").orElseThrow().service()).isEqualTo("triage");
        assertThat(routes.upstreamFor("/api/v1/teacher/queries/abc").orElseThrow().service()).isEqualTo("triage");
        assertThat(routes.upstreamFor("/api/v1/teacher/classes/1").orElseThrow().service()).isEqualTo("progress");
        assertThat(routes.upstreamFor("/api/v1/queries").orElseThrow().address())
                .isEqualTo(URI.create("http://triage:8080"));
    }

    @Test
    void aPrefixMatchesWholeSegmentsOnly() {
        assertThat(routes.upstreamFor("/api/v1/queriesx")).isEmpty();
        assertThat(routes.upstreamFor("/api/v1/teachers")).isEmpty();
        assertThat(routes.upstreamFor("/api/v2/queries")).isEmpty();
    }

    @Test
    void aRouteToAServiceWithoutAnAddressIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new ApiRoutes(Map.of("/api/v1/exercises", "exercise"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("learnflow.web.upstreams.exercise");
    }
}
