package io.learnflow.k8s.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web page's forwarding table, from web's {@code application.properties}: each
 * {@code learnflow.web.routes."<path prefix>"=<upstream>} line and each {@code learnflow.web.upstreams.<name>=<URL>}.
 * A request goes to the upstream of the longest matching prefix, as in an Ingress with pathType Prefix.
 *
 * @param routes path prefix to upstream name, in the file's order
 * @param upstreams upstream name to its base URL
 */
public record WebRoutes(Map<String, String> routes, Map<String, URI> upstreams) {

    public static final String FILE = "web/src/main/resources/application.properties";
    private static final Pattern ROUTE = Pattern.compile("learnflow\\.web\\.routes\\.\"([^\"]+)\"\\s*[=:]\\s*(.*)");
    private static final Pattern UPSTREAM = Pattern.compile("learnflow\\.web\\.upstreams\\.([^=:\\s]+)\\s*[=:]\\s*(.*)");

    public WebRoutes {
        routes = Map.copyOf(routes);
        upstreams = Map.copyOf(upstreams);
    }

    public static WebRoutes load(Path repository) {
        Path file = repository.resolve(FILE);
        try {
            return parse(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read web's route table " + file, e);
        }
    }

    /** Reads the route and upstream lines; profile-specific ({@code %dev.}) and other lines are left out. */
    public static WebRoutes parse(List<String> lines) {
        Map<String, String> routes = new LinkedHashMap<>();
        Map<String, URI> upstreams = new LinkedHashMap<>();
        for (String line : lines) {
            String entry = line.strip();
            Matcher route = ROUTE.matcher(entry);
            Matcher upstream = UPSTREAM.matcher(entry);
            if (route.matches()) {
                routes.put(route.group(1), route.group(2).strip());
            } else if (upstream.matches()) {
                upstreams.put(upstream.group(1), URI.create(upstream.group(2).strip()));
            }
        }
        return new WebRoutes(routes, upstreams);
    }

    /** The upstream a request path is forwarded to: the route with the longest prefix that matches whole segments. */
    public Optional<String> upstreamFor(String path) {
        return routes.keySet().stream().filter(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"))
                .max(java.util.Comparator.comparingInt(String::length)).map(routes::get);
    }

    /** The Kubernetes Service an upstream's URL names: the first label of its host. */
    public Optional<String> serviceOf(String upstream) {
        return Optional.ofNullable(upstreams.get(upstream)).map(URI::getHost).map(host -> host.split("\\.", 2)[0]);
    }

    /** The port an upstream's URL names (the scheme's default when it names none). */
    public Optional<Integer> portOf(String upstream) {
        return Optional.ofNullable(upstreams.get(upstream))
                .map(uri -> uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80);
    }

    public WebRoutes withRoute(String prefix, String upstream) {
        Map<String, String> changed = new LinkedHashMap<>(routes);
        changed.put(prefix, upstream);
        return new WebRoutes(changed, upstreams);
    }

    public WebRoutes withoutRoute(String prefix) {
        Map<String, String> changed = new LinkedHashMap<>(routes);
        changed.remove(prefix);
        return new WebRoutes(changed, upstreams);
    }

    public WebRoutes withUpstream(String name, String url) {
        Map<String, URI> changed = new LinkedHashMap<>(upstreams);
        changed.put(name, URI.create(url));
        return new WebRoutes(routes, changed);
    }
}
