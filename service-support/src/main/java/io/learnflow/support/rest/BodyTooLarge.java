package io.learnflow.support.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;

/**
 * A request whose Content-Length is over {@code quarkus.http.limits.max-body-size} is refused, as Quarkus itself
 * would (413, then the connection is closed without reading the body), but with the RFC 9457 body every other error
 * has. It runs just before Quarkus' own check.
 */
@ApplicationScoped
public class BodyTooLarge {

    private static final int BEFORE_QUARKUS_UPLOAD_LIMIT = -3;

    void refuseTooLargeBodies(@Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        long maximum = limit.asLongValue();
        router.route().order(BEFORE_QUARKUS_UPLOAD_LIMIT).handler(context -> {
            String length = context.request().getHeader("Content-Length");
            if (length == null || !length.matches("\\d{1,18}") || Long.parseLong(length) <= maximum) {
                context.next();
                return;
            }
            String problem = Json.encode(Problem.of("Content Too Large", 413,
                    "the request body is larger than the service accepts (" + maximum + " bytes)",
                    context.request().path()));
            context.response().headers().add("Connection", "close");
            context.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE);
            context.response().endHandler(ended -> context.request().connection().close());
            context.response().end(problem);
        });
    }
}
