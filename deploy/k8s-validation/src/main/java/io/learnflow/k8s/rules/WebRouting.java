package io.learnflow.k8s.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.learnflow.k8s.Overlay;
import io.learnflow.k8s.config.WebRoutes;

/**
 * The page and the APIs under one host, and the web page's route table and the Ingress agree: {@code /} (Prefix)
 * goes to web; on that host every route of web's {@code application.properties} has an Ingress path of pathType
 * Prefix to the Service its upstream names, and every Ingress path under {@code /api} is a route of the table to that
 * same Service. Every upstream's URL names a Service of the overlay by a port of it named {@code http}, and every
 * Ingress backend is a Service of the overlay with the port it asks for.
 */
public final class WebRouting implements Rule {

    public static final String WEB = "web";
    static final String HTTP_PORT = "http";

    private record IngressPath(String ingress, String host, String path, String pathType, IngressBackend backend) {

        String service() {
            return backend == null || backend.getService() == null ? null : backend.getService().getName();
        }

        String describe() {
            return (host == null ? "*" : host) + path + " (" + pathType + ") -> " + service();
        }
    }

    @Override
    public String name() {
        return "web-routes";
    }

    @Override
    public List<Violation> check(Overlay overlay) {
        Findings findings = new Findings(name());
        WebRoutes web = overlay.web();
        List<IngressPath> paths = paths(overlay);
        List<IngressPath> pages = paths.stream().filter(p -> "/".equals(p.path()) && "Prefix".equals(p.pathType())
                && WEB.equals(p.service())).toList();
        findings.require(!pages.isEmpty(), "Ingress", "no Ingress path / (Prefix) goes to " + WEB + ": "
                + paths.stream().filter(p -> "/".equals(p.path())).map(IngressPath::describe).toList());
        String host = pages.isEmpty() ? null : pages.get(0).host();
        for (Map.Entry<String, String> route : web.routes().entrySet()) {
            String prefix = route.getKey();
            Optional<String> service = web.serviceOf(route.getValue());
            if (service.isEmpty()) {
                findings.add(WebRoutes.FILE, "route " + prefix + " names upstream " + route.getValue()
                        + ", which has no learnflow.web.upstreams." + route.getValue());
                continue;
            }
            findings.require(paths.stream().anyMatch(p -> prefix.equals(p.path()) && "Prefix".equals(p.pathType())
                    && service.get().equals(p.service()) && Objects.equals(host, p.host())), "Ingress",
                    "web forwards " + prefix + " to " + service.get() + ", but no Ingress path " + prefix
                            + " (Prefix) on the page's host goes there: " + paths.stream()
                                    .filter(p -> prefix.equals(p.path())).map(IngressPath::describe).toList());
        }
        for (IngressPath path : paths) {
            if (!path.path().equals("/api") && !path.path().startsWith("/api/")) {
                continue;
            }
            String routed = web.routes().get(path.path());
            findings.require(routed != null, "Ingress/" + path.ingress(), "path " + path.path()
                    + " is not in web's route table (" + WebRoutes.FILE + ")");
        }
        for (String upstream : web.upstreams().keySet()) {
            String service = web.serviceOf(upstream).orElse(null);
            int port = web.portOf(upstream).orElse(-1);
            Optional<Service> target = service == null ? Optional.empty()
                    : overlay.manifests().named(Service.class, service);
            if (target.isEmpty()) {
                findings.add(WebRoutes.FILE, "upstream " + upstream + " (" + web.upstreams().get(upstream)
                        + ") names Service " + service + ", which the overlay does not have");
                continue;
            }
            findings.require(ports(target.get()).stream().anyMatch(p -> HTTP_PORT.equals(p.getName())
                    && Objects.equals(p.getPort(), port)), WebRoutes.FILE, "upstream " + upstream + " ("
                            + web.upstreams().get(upstream) + ") asks port " + port + ", but Service " + service
                            + " has no port " + port + " named " + HTTP_PORT);
        }
        for (IngressPath path : paths) {
            Optional<Service> target = Optional.ofNullable(path.service())
                    .flatMap(name -> overlay.manifests().named(Service.class, name));
            if (target.isEmpty()) {
                findings.add("Ingress/" + path.ingress(), "path " + path.path() + " goes to Service " + path.service()
                        + ", which the overlay does not have");
                continue;
            }
            var port = path.backend().getService().getPort();
            findings.require(port != null && ports(target.get()).stream().anyMatch(p -> port.getName() != null
                    ? port.getName().equals(p.getName()) : Objects.equals(port.getNumber(), p.getPort())),
                    "Ingress/" + path.ingress(), "path " + path.path() + " asks port " + port + " of Service "
                            + path.service() + ", which has no such port");
        }
        return findings.list();
    }

    private static List<ServicePort> ports(Service service) {
        return Objects.requireNonNullElse(service.getSpec().getPorts(), List.of());
    }

    private static List<IngressPath> paths(Overlay overlay) {
        List<IngressPath> paths = new ArrayList<>();
        for (Ingress ingress : overlay.manifests().ingresses()) {
            for (IngressRule rule : Objects.requireNonNullElse(ingress.getSpec().getRules(), List.<IngressRule>of())) {
                if (rule.getHttp() == null) {
                    continue;
                }
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    paths.add(new IngressPath(ingress.getMetadata().getName(), rule.getHost(), path.getPath(),
                            path.getPathType(), path.getBackend()));
                }
            }
        }
        return paths;
    }
}
