package io.learnflow.triage.rest;

import java.util.UUID;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.learnflow.support.security.CurrentStudent;
import io.learnflow.triage.service.QueryEvents;
import io.learnflow.triage.service.QueryNotFound;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/** Answers 404 before an event stream marked {@link OwnQueryStream} opens, when the query is not the student's own. */
public class OwnQueryStreamFilter {

    private final QueryEvents events;
    private final CurrentStudent student;

    public OwnQueryStreamFilter(QueryEvents events, CurrentStudent student) {
        this.events = events;
        this.student = student;
    }

    @ServerRequestFilter
    public Uni<Response> requireOwnQuery(ContainerRequestContext request, ResourceInfo resource,
            RoutingContext context) {
        if (resource.getResourceMethod() == null
                || !resource.getResourceMethod().isAnnotationPresent(OwnQueryStream.class)) {
            return Uni.createFrom().nullItem();
        }
        String id = request.getUriInfo().getPathParameters().getFirst("id");
        UUID queryId;
        try {
            queryId = UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Uni.createFrom().failure(new QueryNotFound(id));
        }
        return events.current(student.id(), queryId)
                .invoke(found -> context.put(OwnQueryStream.FOUND, found))
                .map(found -> (Response) null);
    }
}
