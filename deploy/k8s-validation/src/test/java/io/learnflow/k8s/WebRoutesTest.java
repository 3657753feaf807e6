package io.learnflow.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.learnflow.k8s.config.WebRoutes;

class WebRoutesTest {

    @Test
    void theRouteAndUpstreamLinesAreReadAndTheRestLeftOut() {
        WebRoutes routes = WebRoutes.parse(List.of("quarkus.application.name=web",
                "learnflow.web.routes.\"/api/v1/things\"=things",
                "learnflow.web.routes.\"/api/v1/things/special\" = other",
                "%dev.learnflow.web.upstreams.things=http://localhost:8081",
                "learnflow.web.upstreams.things=http://things:8080",
                "learnflow.web.upstreams.other=http://other.learnflow.svc"));

        assertThat(routes.routes()).containsExactlyInAnyOrderEntriesOf(Map.of("/api/v1/things", "things",
                "/api/v1/things/special", "other"));
        assertThat(routes.upstreams()).containsExactlyInAnyOrderEntriesOf(Map.of("things",
                URI.create("http://things:8080"), "other", URI.create("http://other.learnflow.svc")));
        assertThat(routes.serviceOf("things")).contains("things");
        assertThat(routes.portOf("things")).contains(8080);
        assertThat(routes.serviceOf("other")).contains("other");
        assertThat(routes.portOf("other")).contains(80);
    }

    @Test
    void theLongestMatchingPrefixWinsOnWholeSegments() {
        WebRoutes routes = WebRoutes.parse(List.of("learnflow.web.routes.\"/api/v1/teacher\"=b",
                "learnflow.web.routes.\"/api/v1/teacher/queries\"=a"));

        assertThat(routes.upstreamFor("/api/v1/teacher/queries/7")).contains("a");
        assertThat(routes.upstreamFor("/api/v1/teacher/classes")).contains("b");
        assertThat(routes.upstreamFor("/api/v1/teacher")).contains("b");
        assertThat(routes.upstreamFor("/api/v1/teachers")).isEmpty();
    }

    @Test
    void webForwardsEveryRouteOfItsTableToAnUpstreamItNames() {
        WebRoutes routes = Repository.here().webRoutes();

        assertThat(routes.routes()).isNotEmpty();
        assertThat(routes.upstreams()).isNotEmpty();
        routes.routes().forEach((prefix, upstream) -> {
            assertThat(prefix).as("route %s", prefix).startsWith("/api/");
            assertThat(routes.upstreams()).as("upstream of %s", prefix).containsKey(upstream);
            assertThat(routes.upstreamFor(prefix)).as("route %s", prefix).contains(upstream);
        });
    }
}
