package io.learnflow.k8s.rules;

import static io.learnflow.k8s.RuleAssertions.violationsAfter;
import static io.learnflow.k8s.RuleAssertions.violationsOf;
import static io.learnflow.k8s.Trees.document;
import static io.learnflow.k8s.Trees.list;
import static io.learnflow.k8s.Trees.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.learnflow.k8s.Overlay;
import io.learnflow.k8s.RenderedOverlays;
import io.learnflow.k8s.config.WebRoutes;
import io.learnflow.k8s.render.Document;

class WebRoutingTest {

    private final WebRouting rule = new WebRouting();
    private final WebRoutes web = RenderedOverlays.repository().webRoutes();

    @ParameterizedTest
    @ValueSource(strings = { "dev", "production" })
    void theIngressServesThePageAndEveryRouteOfWebToTheSameService(String name) {
        Overlay overlay = RenderedOverlays.overlay(name);
        List<Object> paths = paths(overlay.manifests().documents());

        assertThat(rule.check(overlay)).isEmpty();
        assertThat(paths).extracting(p -> (Object) ((Map<?, ?>) p).get("path")).as("the page and every route, once")
                .containsExactlyInAnyOrderElementsOf(concat("/", web.routes().keySet()));
    }

    @Test
    void aRouteWithoutItsIngressPathIsCaught() {
        String nested = longestRoute();
        var violations = violationsAfter(rule, "production", docs -> paths(docs).remove(path(docs, nested)));

        assertThat(violations).singleElement().hasToString("web-routes: Ingress: web forwards " + nested + " to "
                + serviceOf(nested) + ", but no Ingress path " + nested + " (Prefix) on the page's host goes there: []");
    }

    @Test
    void anIngressPathToAnotherServiceOrOfAnotherTypeIsCaught() {
        String nested = longestRoute();
        String other = web.upstreams().keySet().stream().map(u -> web.serviceOf(u).orElseThrow())
                .filter(s -> !s.equals(serviceOf(nested))).findFirst().orElseThrow();
        String exact = web.routes().keySet().stream().filter(r -> !r.equals(nested)).findFirst().orElseThrow();
        var violations = violationsAfter(rule, "dev", docs -> {
            map(path(docs, nested), "backend", "service").put("name", other);
            path(docs, exact).put("pathType", "Exact");
        });

        assertThat(violations).extracting(Violation::message).hasSize(2)
                .anySatisfy(m -> assertThat(m).startsWith("web forwards " + nested + " to " + serviceOf(nested))
                        .endsWith(" -> " + other + "]"))
                .anySatisfy(m -> assertThat(m).startsWith("web forwards " + exact).contains("(Exact)"));
    }

    @Test
    void anApiPathTheTableDoesNotHaveIsCaught() {
        var violations = violationsAfter(rule, "dev", docs -> {
            Map<String, Object> extra = new java.util.LinkedHashMap<>(path(docs, longestRoute()));
            extra.put("path", "/api/v1/teacher/students");
            paths(docs).add(extra);
        });

        assertThat(violations).singleElement().hasToString("web-routes: Ingress/learnflow: path "
                + "/api/v1/teacher/students is not in web's route table (" + WebRoutes.FILE + ")");
    }

    @Test
    void aPageServedByAnotherServiceIsCaught() {
        String api = serviceOf(longestRoute());
        var violations = violationsAfter(rule, "production", docs -> map(path(docs, "/"), "backend", "service")
                .put("name", api));

        assertThat(violations).extracting(Violation::message)
                .contains("no Ingress path / (Prefix) goes to web: [learnflow.example.org/ (Prefix) -> " + api + "]");
    }

    @Test
    void aRouteAddedToWebButNotToTheIngressIsCaught() {
        Overlay intact = RenderedOverlays.overlay("dev");
        String upstream = web.routes().get(longestRoute());
        Overlay broken = intact.withWeb(web.withRoute("/api/v1/reports", upstream));

        assertThat(violationsOf(rule, intact, broken)).singleElement().asString()
                .contains("web forwards /api/v1/reports to " + web.serviceOf(upstream).orElseThrow());
    }

    @Test
    void anUpstreamThatIsNoServiceOrNotItsHttpPortIsCaught() {
        Overlay intact = RenderedOverlays.overlay("production");
        List<String> upstreams = List.copyOf(web.upstreams().keySet());
        Overlay broken = intact.withWeb(web.withUpstream(upstreams.get(0), "http://tutor:8080")
                .withUpstream(upstreams.get(1), "http://" + web.serviceOf(upstreams.get(1)).orElseThrow() + ":9000"));

        assertThat(violationsOf(rule, intact, broken)).extracting(Violation::message).as("and the Ingress no longer "
                + "agrees with the routes to the first").contains(
                "upstream " + upstreams.get(0) + " (http://tutor:8080) names Service tutor, which the overlay does not "
                        + "have",
                "upstream " + upstreams.get(1) + " (http://" + web.serviceOf(upstreams.get(1)).orElseThrow()
                        + ":9000) asks port 9000, but Service " + web.serviceOf(upstreams.get(1)).orElseThrow()
                        + " has no port 9000 named http");
    }

    @Test
    void anUpstreamServiceWhosePortIsNotNamedHttpIsCaught() {
        String service = serviceOf(longestRoute());
        var violations = violationsAfter(rule, "dev", docs -> map(list(document(docs, "Service", service), "spec",
                "ports").get(0)).put("name", "api"));

        assertThat(violations).extracting(Violation::message)
                .anySatisfy(m -> assertThat(m).endsWith("but Service " + service + " has no port 8080 named http"))
                .anySatisfy(m -> assertThat(m).contains("of Service " + service + ", which has no such port"));
    }

    private String longestRoute() {
        return web.routes().keySet().stream().max(Comparator.comparingInt(String::length)).orElseThrow();
    }

    private String serviceOf(String route) {
        return web.serviceOf(web.routes().get(route)).orElseThrow();
    }

    private static List<Object> concat(String first, java.util.Collection<String> rest) {
        List<Object> all = new java.util.ArrayList<>(rest);
        all.add(first);
        return all;
    }

    private static List<Object> paths(List<Document> documents) {
        return list(document(documents, "Ingress", "learnflow"), "spec", "rules", 0, "http", "paths");
    }

    private static Map<String, Object> path(List<Document> documents, String path) {
        return paths(documents).stream().map(p -> map(p)).filter(p -> path.equals(p.get("path"))).findFirst()
                .orElseThrow(() -> new AssertionError("no Ingress path " + path));
    }
}
