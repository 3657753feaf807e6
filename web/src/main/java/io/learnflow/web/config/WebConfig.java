package io.learnflow.web.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where each part of the API lives: path prefixes to the services that serve them, and the services' addresses. */
@ConfigMapping(prefix = "learnflow.web")
public interface WebConfig {

    /** A path prefix (such as {@code /api/v1/queries}) to the name of the service that serves it. */
    Map<String, String> routes();

    /** A service's name to its base address ({@code http://host:port}). */
    Map<String, URI> upstreams();

    /** How long to wait for a connection to a service before answering 503. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** At most this many connections to one service; every open event stream holds one. */
    @WithDefault("1024")
    int maxConnectionsPerService();

    /** What the 503 answer's {@code Retry-After} says, in seconds, when a service cannot be reached. */
    @WithDefault("2")
    int retryAfterSeconds();
}
