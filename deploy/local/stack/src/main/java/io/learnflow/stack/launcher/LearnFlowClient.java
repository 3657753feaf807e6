package io.learnflow.stack.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A student's client of the LearnFlow HTTP API, as a web or mobile front end would use it. */
public final class LearnFlowClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String triageUrl;
    private final String progressUrl;

    public LearnFlowClient(String triageUrl, String progressUrl) {
        this.triageUrl = triageUrl;
        this.progressUrl = progressUrl;
    }

    /** A response: its status and JSON body (an empty object when there was none). */
    public record Reply(int status, JsonNode body, HttpResponse<String> raw) {

        public Reply expect(int expected) {
            if (status != expected) {
                throw new IllegalStateException("expected HTTP " + expected + " but got " + status + ": " + body);
            }
            return this;
        }
    }

    public UUID register(String email, String password, String firstName, String lastName) {
        return UUID.fromString(registerReply(email, password, firstName, lastName).expect(201).body().get("id")
                .asText());
    }

    public Reply registerReply(String email, String password, String firstName, String lastName) {
        return post(triageUrl + "/api/v1/students", null, Map.of("email", email, "password", password,
                "firstName", firstName, "lastName", lastName));
    }

    public String token(String email, String password) {
        return post(triageUrl + "/api/v1/auth/token", null, Map.of("email", email, "password", password))
                .expect(200).body().get("accessToken").asText();
    }

    public Reply ask(String token, Map<String, ?> query) {
        return post(triageUrl + "/api/v1/queries", token, query);
    }

    public Reply query(String token, String queryId) {
        return get(triageUrl + "/api/v1/queries/" + queryId, token);
    }

    public Reply history(String token) {
        return get(triageUrl + "/api/v1/queries?page=0", token);
    }

    public Reply progress(String token) {
        return get(progressUrl + "/api/v1/progress/me", token);
    }

    /** A teacher opens a class; the reply carries its id and join code. */
    public Reply openClass(String teacherToken, String name) {
        return post(progressUrl + "/api/v1/teacher/classes", teacherToken, Map.of("name", name));
    }

    public Reply joinClass(String token, String joinCode) {
        return post(progressUrl + "/api/v1/classes/join", token, Map.of("joinCode", joinCode));
    }

    public Reply teacherClasses(String teacherToken) {
        return get(progressUrl + "/api/v1/teacher/classes", teacherToken);
    }

    public Reply classAlerts(String teacherToken, String classId) {
        return get(progressUrl + "/api/v1/teacher/classes/" + classId + "/alerts", teacherToken);
    }

    /**
     * Follows the query's Server-Sent Events until it is completed or failed.
     *
     * @return the last state the stream sent
     */
    public JsonNode awaitAnswer(String token, String queryId, Duration within) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(triageUrl + "/api/v1/queries/" + queryId + "/events"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream")
                .timeout(within).GET().build();
        try {
            HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("event stream of query " + queryId + " answered HTTP "
                        + response.statusCode());
            }
            JsonNode last = null;
            try (Stream<String> lines = response.body()) {
                Iterator<String> it = lines.iterator();
                while (it.hasNext()) {
                    String line = it.next();
                    if (line.startsWith("data:")) {
                        last = JSON.readTree(line.substring(5).trim());
                        String status = last.path("status").asText();
                        if (status.equals("completed") || status.equals("failed")) {
                            return last;
                        }
                    }
                }
            }
            throw new IllegalStateException("event stream of query " + queryId + " ended before an answer; last: "
                    + last);
        } catch (IOException e) {
            throw new UncheckedIOException("event stream of query " + queryId + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The HTTP status of the query's event stream for this token, without reading it. */
    public int eventStreamStatus(String token, String queryId) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(triageUrl + "/api/v1/queries/" + queryId + "/events"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return response.statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Reply post(String url, String token, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            return send(request, token);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Reply get(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET(), token);
    }

    private Reply send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode body = text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
            return new Reply(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new UncheckedIOException(request.build().uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
