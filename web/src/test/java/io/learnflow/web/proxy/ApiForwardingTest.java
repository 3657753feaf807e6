package io.learnflow.web.proxy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The page's address forwards the APIs to a real HTTP server standing in for the services. */
@QuarkusTest
@TestProfile(ApiForwardingTest.WithFakeServices.class)
class ApiForwardingTest {

    public static class WithFakeServices implements QuarkusTestProfile {
        @Override
        public java.util.Map<String, String> getConfigOverrides() {
            return java.util.Map.of("learnflow.web.upstreams.triage", FakeService.URL,
                    "learnflow.web.upstreams.exercise", FakeService.URL,
                    "learnflow.web.upstreams.progress", "http://127.0.0.1:" + FakeService.CLOSED_PORT);
        }
    }

    @TestHTTPResource("/")
    URI page;

    @ConfigProperty(name = "learnflow.web.upstreams.triage")
    URI fakeService;

    String control(String what) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(fakeService.resolve("/control/" + what)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void thePageIsServedWithAPolicyThatRunsOnlyItsOwnScripts() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("/js/app.js"))
                .header("Content-Security-Policy", containsString("script-src 'self'"));
        given().get("/js/app.js").then().statusCode(200);
    }

    @Test
    void aRequestReachesTheServiceWithItsMethodPathQueryHeadersAndBody() {
        given().header("Authorization", "Bearer abc").contentType("application/json").body("{\"queryText\":\"hi\"}")
                .post("/api/v1/queries?page=2").then().statusCode(202)
                .header("X-Seen-Method", "POST").header("X-Seen-Uri", "/api/v1/queries?page=2")
                .header("X-Seen-Authorization", "Bearer abc").header("X-Seen-Host", page.getAuthority())
                .body(equalTo("{\"queryText\":\"hi\"}"));
        given().get("/api/v1/exercises/lf-loops-1").then().statusCode(202).header("X-Seen-Method", "GET")
                .header("X-Seen-Uri", "/api/v1/exercises/lf-loops-1");
    }

    @Test
    void anEventStreamPassesThroughAsItIsWritten() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<java.io.InputStream> response = client.send(HttpRequest.newBuilder(page.resolve(
                "/api/v1/queries/1/events")).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/event-stream"));
        try (BufferedReader events = new BufferedReader(new InputStreamReader(response.body(),
                StandardCharsets.UTF_8))) {
            assertThat(events.readLine()).isEqualTo("data:{\"status\":\"routed\"}");
            // the fake writes the answer only once the first event has been read through the proxy
            control("release-answer");
            assertThat(events.readLine()).isEmpty();
            assertThat(events.readLine()).isEqualTo("data:{\"status\":\"completed\"}");
        }
    }

    @Test
    void aServiceThatCannotBeReachedIsA503ProblemWithRetryAfter() {
        given().get("/api/v1/progress/me").then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "2").body("status", equalTo(503))
                .body("detail", containsString("progress service cannot be reached"));
    }

    @Test
    void aPathNoServiceServesIsA404Problem() {
        given().get("/api/v1/nowhere").then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("LearnFlow has no API at /api/v1/nowhere"));
    }

    @Test
    void aClientThatLeavesAStreamClosesItsConnectionToTheService() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> open = client.sendAsync(HttpRequest
                .newBuilder(page.resolve("/api/v1/queries/2/events")).build(), HttpResponse.BodyHandlers.ofLines());
        HttpResponse<java.util.stream.Stream<String>> response = open.get(30, TimeUnit.SECONDS);
        try (java.util.stream.Stream<String> lines = response.body()) {
            assertThat(lines.findFirst()).hasValue("data:{\"status\":\"routed\"}");
        }
        assertThat(control("stream-closed")).isEqualTo("true");
    }
}
