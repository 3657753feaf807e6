package io.learnflow.web.proxy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for LearnFlow's services: it answers with what it received, and writes event
 * streams whose pace the test controls over HTTP ({@code /control/...}), since the test and the application's
 * configuration may each see their own copy of this class.
 */
final class FakeService {

    static final String URL;
    static final int CLOSED_PORT;
    private static final CountDownLatch ANSWER = new CountDownLatch(1);
    private static final CountDownLatch STREAM_CLOSED = new CountDownLatch(1);

    static {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", FakeService::answer);
            server.start();
            URL = "http://127.0.0.1:" + server.getAddress().getPort();
            try (ServerSocket unused = new ServerSocket(0)) {
                CLOSED_PORT = unused.getLocalPort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FakeService() {
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/control/release-answer")) {
            ANSWER.countDown();
            reply(exchange, "released");
            return;
        }
        if (path.equals("/control/stream-closed")) {
            try {
                reply(exchange, String.valueOf(STREAM_CLOSED.await(30, TimeUnit.SECONDS)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        if (path.endsWith("/events")) {
            stream(exchange, path.contains("/1/"));
            return;
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().add("X-Seen-Method", exchange.getRequestMethod());
        exchange.getResponseHeaders().add("X-Seen-Uri", exchange.getRequestURI().toString());
        exchange.getResponseHeaders().add("X-Seen-Authorization",
                String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        exchange.getResponseHeaders().add("X-Seen-Host", String.valueOf(exchange.getRequestHeaders().getFirst("Host")));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(202, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void stream(HttpExchange exchange, boolean answersWhenReleased) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        write(out, "data:{\"status\":\"routed\"}\n\n");
        try {
            if (answersWhenReleased) {
                if (ANSWER.await(30, TimeUnit.SECONDS)) {
                    write(out, "data:{\"status\":\"completed\"}\n\n");
                }
                out.close();
                return;
            }
            for (int beat = 0; beat < 600; beat++) {
                Thread.sleep(50);
                write(out, ":\n\n");
            }
        } catch (IOException gone) {
            STREAM_CLOSED.countDown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(HttpExchange exchange, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
