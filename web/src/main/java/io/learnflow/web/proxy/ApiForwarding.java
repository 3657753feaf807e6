package io.learnflow.web.proxy;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.learnflow.web.config.WebConfig;
import io.learnflow.web.proxy.ApiRoutes.Upstream;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Forwards {@code /api/...} to the service the route table names, streaming both ways, so that the page and the
 * APIs share one address: event streams pass through as they are written, and a client that goes away closes its
 * connection to the service. A service that cannot be reached is a 503 problem with {@code Retry-After}.
 */
@ApplicationScoped
public class ApiForwarding {

    private static final Logger LOG = Logger.getLogger(ApiForwarding.class);
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "content-length");

    private final ApiRoutes routes;
    private final WebConfig config;
    private final HttpClient client;

    public ApiForwarding(ApiRoutes routes, WebConfig config, Vertx vertx) {
        this.routes = routes;
        this.config = config;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                // every open event stream holds a connection
                .setMaxPoolSize(config.maxConnectionsPerService())
                .setKeepAlive(true));
    }

    void register(@Observes Router router) {
        router.route("/api/*").order(-10).handler(this::forward);
    }

    void forward(RoutingContext context) {
        HttpServerRequest incoming = context.request();
        Upstream upstream = routes.upstreamFor(incoming.path()).orElse(null);
        if (upstream == null) {
            problem(context.response(), 404, "Not Found", "LearnFlow has no API at " + incoming.path());
            return;
        }
        incoming.pause();
        RequestOptions options = new RequestOptions().setMethod(incoming.method())
                .setHost(upstream.address().getHost()).setPort(port(upstream)).setURI(incoming.uri());
        client.request(options).onSuccess(outgoing -> send(context, upstream, outgoing))
                .onFailure(failure -> unreachable(context, upstream, failure));
    }

    private void send(RoutingContext context, Upstream upstream, HttpClientRequest outgoing) {
        HttpServerRequest incoming = context.request();
        copyHeaders(incoming.headers(), outgoing.headers());
        outgoing.putHeader("X-Forwarded-For", incoming.remoteAddress() == null ? "" : incoming.remoteAddress().host());
        outgoing.putHeader("X-Forwarded-Host", String.valueOf(incoming.authority()));
        outgoing.putHeader("X-Forwarded-Proto", incoming.scheme());
        String length = incoming.getHeader(HttpHeaders.CONTENT_LENGTH);
        boolean chunked = incoming.headers().contains(HttpHeaders.TRANSFER_ENCODING, HttpHeaders.CHUNKED, true);
        context.response().closeHandler(closed -> outgoing.reset());
        if (length != null) {
            outgoing.putHeader(HttpHeaders.CONTENT_LENGTH, length);
        } else if (chunked) {
            outgoing.setChunked(true);
        }
        (length != null || chunked ? outgoing.send(incoming) : outgoing.send())
                .onSuccess(answer -> relay(context, answer))
                .onFailure(failure -> unreachable(context, upstream, failure));
    }

    private void relay(RoutingContext context, HttpClientResponse answer) {
        HttpServerResponse response = context.response();
        if (response.closed()) {
            answer.request().reset();
            return;
        }
        response.setStatusCode(answer.statusCode());
        response.setStatusMessage(answer.statusMessage());
        copyHeaders(answer.headers(), response.headers());
        String length = answer.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            response.putHeader(HttpHeaders.CONTENT_LENGTH, length);
        } else {
            response.setChunked(true);
        }
        answer.pipeTo(response);
    }

    private void unreachable(RoutingContext context, Upstream upstream, Throwable failure) {
        LOG.debugf("%s at %s: %s", upstream.service(), upstream.address(), failure.getMessage());
        HttpServerResponse response = context.response();
        if (response.headWritten() || response.closed()) {
            if (!response.closed()) {
                response.reset();
            }
            return;
        }
        response.putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(config.retryAfterSeconds()));
        problem(response, 503, "Service Unavailable",
                "The " + upstream.service() + " service cannot be reached right now; try again in a moment.");
    }

    private static void problem(HttpServerResponse response, int status, String title, String detail) {
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .end(new JsonObject().put("type", "about:blank").put("title", title).put("status", status)
                        .put("detail", detail).encode());
    }

    private static void copyHeaders(MultiMap from, MultiMap to) {
        from.forEach(header -> {
            if (!HOP_BY_HOP.contains(header.getKey().toLowerCase())) {
                to.add(header.getKey(), header.getValue());
            }
        });
    }

    private static int port(Upstream upstream) {
        int port = upstream.address().getPort();
        return port > 0 ? port : "https".equals(upstream.address().getScheme()) ? 443 : 80;
    }
}
