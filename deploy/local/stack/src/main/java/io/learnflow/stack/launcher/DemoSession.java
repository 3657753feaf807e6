package io.learnflow.stack.launcher;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A short student session against a running LearnFlow: a concept question, a debugging request with code and its
 * traceback, and an exercise request, each followed to its answer; then the student's progress.
 */
public final class DemoSession {

    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(90);

    /** One question of the demo and what came of it. */
    public record Exchange(String label, String queryId, String route, double confidence, String status,
            String answer, long millis) {
    }

    private final LearnFlowClient client;
    private final PrintStream out;

    public DemoSession(LearnFlowClient client, PrintStream out) {
        this.client = client;
        this.out = out;
    }

    public List<Exchange> run() {
        String email = "demo-" + UUID.randomUUID().toString().substring(0, 8) + "@learnflow.local";
        String password = "practice-every-day";
        UUID studentId = client.register(email, password, "Demo", "Student");
        String token = client.token(email, password);
        out.printf("Registered student %s (%s) and signed in.%n%n", email, studentId);

        List<Exchange> exchanges = new ArrayList<>();
        exchanges.add(ask(token, "Concept question", Map.of(
                "queryText", "What is the difference between a list and a dictionary, and when should I use each?",
                "module", "dictionaries")));
        exchanges.add(ask(token, "Debugging request", Map.of(
                "queryText", "My program crashes and I don't understand why",
                "code", "scores = [90, 72, 85]\nfor i in range(len(scores) + 1):\n    print(scores[i])",
                "errorText", "Traceback (most recent call last):\n  File \"scores.py\", line 3, in <module>\n"
                        + "    print(scores[i])\nIndexError: list index out of range",
                "module", "lists")));
        exchanges.add(ask(token, "Exercise request", Map.of(
                "queryText", "Can you give me an exercise to practise loops?",
                "module", "loops", "difficulty", "beginner")));

        out.println("Progress of the student:");
        printProgress(awaitProgress(token, exchanges.size()), out);
        return exchanges;
    }

    /** A student's progress as {@code GET /api/v1/progress/me} gives it, one line per module. */
    static void printProgress(JsonNode progress, PrintStream out) {
        for (JsonNode module : progress.path("modules")) {
            out.printf("  %-13s questions %d, attempts %d, successes %d, mastery %d/100, streak %d day(s)%n",
                    module.path("module").asText(), module.path("questions").asInt(), module.path("attempts").asInt(),
                    module.path("successes").asInt(), module.path("mastery").asInt(),
                    module.path("streakDays").asInt());
        }
    }

    private Exchange ask(String token, String label, Map<String, ?> query) {
        long started = System.nanoTime();
        JsonNode accepted = client.ask(token, query).expect(202).body();
        String id = accepted.get("id").asText();
        JsonNode answered = client.awaitAnswer(token, id, ANSWER_WITHIN);
        long millis = (System.nanoTime() - started) / 1_000_000;
        JsonNode routing = answered.path("routing");
        String answer = answered.path("answer").path("content").asText(answered.path("failureReason").asText());
        Exchange exchange = new Exchange(label, id, routing.path("type").asText(), routing.path("confidence").asDouble(),
                answered.path("status").asText(), answer, millis);
        out.printf("== %s: \"%s\"%n", label, query.get("queryText"));
        out.printf("   routed to %s (confidence %.2f: %s), %s in %d ms from POST to answer%n", exchange.route(),
                exchange.confidence(), routing.path("reason").asText(), exchange.status(), millis);
        out.println(indent(answer));
        out.println();
        return exchange;
    }

    private JsonNode awaitProgress(String token, int interactions) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode progress = client.progress(token).expect(200).body();
        while (attempts(progress) < interactions && System.nanoTime() < deadline) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            progress = client.progress(token).expect(200).body();
        }
        return progress;
    }

    /** Interactions counted so far: questions (engagement) and attempts (evidence). */
    private static int attempts(JsonNode progress) {
        int sum = 0;
        for (JsonNode module : progress.path("modules")) {
            sum += module.path("questions").asInt() + module.path("attempts").asInt();
        }
        return sum;
    }

    private static String indent(String text) {
        return "   | " + text.replace("\n", "\n   | ");
    }
}
