package io.learnflow.web.proxy;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.learnflow.web.config.WebConfig;

/** The route table: which service answers a path, the longest matching prefix winning as in an Ingress. */
@ApplicationScoped
public class ApiRoutes {

    /** A service and its address. */
    public record Upstream(String service, URI address) {
    }

    private record Route(String prefix, Upstream upstream) {
        boolean matches(String path) {
            return path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
        }
    }

    private final List<Route> routes;

    @Inject
    public ApiRoutes(WebConfig config) {
        this(config.routes(), config.upstreams());
    }

    ApiRoutes(Map<String, String> routes, Map<String, URI> upstreams) {
        this.routes = routes.entrySet().stream().map(route -> {
            URI address = upstreams.get(route.getValue());
            if (address == null) {
                throw new IllegalArgumentException("learnflow.web.routes.\"" + route.getKey() + "\" names "
                        + route.getValue() + ", which has no learnflow.web.upstreams." + route.getValue());
            }
            return new Route(route.getKey(), new Upstream(route.getValue(), address));
        }).sorted(Comparator.comparingInt((Route route) -> route.prefix().length()).reversed()).toList();
    }

    public Optional<Upstream> upstreamFor(String path) {
        return routes.stream().filter(route -> route.matches(path)).map(Route::upstream).findFirst();
    }
}
