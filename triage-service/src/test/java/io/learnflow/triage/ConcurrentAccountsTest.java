package io.learnflow.triage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Two requests at the same moment, against the real database: the database decides, and one of them loses cleanly. */
@QuarkusTest
class ConcurrentAccountsTest {

    private static final int ROUNDS = 6;

    @TestHTTPResource("/api/v1/students")
    URI students;

    @TestHTTPResource("/api/v1/auth/refresh")
    URI refresh;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void twoRegistrationsOfOneEmailAtOnceGiveOneAccountAndOneConflict() {
        for (int round = 0; round < ROUNDS; round++) {
            String email = "twin-" + UUID.randomUUID() + "@example.org";
            String body = "{\"email\":\"" + email + "\",\"password\":\"twin passphrase " + round
                    + "\",\"firstName\":\"Twin\",\"lastName\":\"Student\"}";

            List<HttpResponse<String>> answers = atOnce(students, body);

            assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(201, 409);
            assertThat(answers).filteredOn(answer -> answer.statusCode() == 409).singleElement()
                    .satisfies(conflict -> {
                        assertThat(conflict.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                        assertThat(conflict.body()).contains("an account with this email exists");
                    });
        }
    }

    @Test
    void oneRefreshTokenUsedTwiceAtOnceGivesOnePairAndEndsTheFamily() {
        for (int round = 0; round < ROUNDS; round++) {
            String email = "refresher-" + UUID.randomUUID() + "@example.org";
            given().contentType(ContentType.JSON).body(Map.of("email", email, "password", "a refreshing passphrase",
                    "firstName", "Ada", "lastName", "Byron")).post("/api/v1/students").then().statusCode(201);
            String token = given().contentType(ContentType.JSON)
                    .body(Map.of("email", email, "password", "a refreshing passphrase"))
                    .post("/api/v1/auth/token").then().statusCode(200).extract().path("refreshToken");

            List<HttpResponse<String>> answers = atOnce(refresh, "{\"refreshToken\":\"" + token + "\"}");

            assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 401);
            String issued = answers.stream().filter(answer -> answer.statusCode() == 200).findFirst().orElseThrow()
                    .body().replaceAll(".*\"refreshToken\":\"([^\"]+)\".*", "$1");
            given().contentType(ContentType.JSON).body(Map.of("refreshToken", issued))
                    .post("/api/v1/auth/refresh").then().statusCode(401);
        }
    }

    /** Sends the same POST twice, released together, and returns both answers. */
    private List<HttpResponse<String>> atOnce(URI target, String body) {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> sent = IntStream.range(0, 2)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                        return http.send(HttpRequest.newBuilder(target).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, threads))
                .toList();
        start.countDown();
        return sent.stream().map(CompletableFuture::join).toList();
    }
}
