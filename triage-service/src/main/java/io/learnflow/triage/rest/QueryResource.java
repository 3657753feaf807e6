package io.learnflow.triage.rest;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestStreamElementType;

import io.learnflow.support.security.CurrentStudent;
import io.learnflow.triage.api.FeedbackRequest;
import io.learnflow.triage.api.SubmitQuery;
import io.learnflow.triage.model.QueryPage;
import io.learnflow.triage.model.QueryView;
import io.learnflow.triage.security.TokenIssuer;
import io.learnflow.triage.service.QueryEvents;
import io.learnflow.triage.service.QueryService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

@Path("/api/v1/queries")
@Authenticated
@Tag(name = "queries")
@SecurityRequirement(name = "bearer")
public class QueryResource {

    private final QueryService queries;
    private final QueryEvents events;
    private final CurrentStudent student;
    private final JsonWebToken token;

    public QueryResource(QueryService queries, QueryEvents events, CurrentStudent student, JsonWebToken token) {
        this.queries = queries;
        this.events = events;
        this.student = student;
        this.token = token;
    }

    @POST
    @Operation(summary = "Asks a question; the answer arrives asynchronously")
    public Uni<RestResponse<QueryView>> submit(@Valid @NotNull SubmitQuery request, UriInfo uri) {
        String zone = token.getClaim(TokenIssuer.TIME_ZONE_CLAIM);
        return queries.submit(student.id(), request.toNewQuery().inTimeZone(zone))
                .map(view -> RestResponse.ResponseBuilder.<QueryView>accepted()
                        .location(uri.getAbsolutePathBuilder().path(view.id().toString()).build())
                        .entity(view)
                        .build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of the student's queries: status, routing and answer")
    public Uni<QueryView> find(@RestPath UUID id) {
        return queries.find(student.id(), id);
    }

    @GET
    @Operation(summary = "The student's queries, newest first; with q, only those whose text, code or error text"
            + " contains it, whatever the case")
    public Uni<QueryPage> history(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("q") @Size(max = 200) String q) {
        return queries.history(student.id(), page, q);
    }

    @GET
    @Path("/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @OwnQueryStream
    @Operation(summary = "Server-Sent Events of the query's status changes, ending with its answer")
    public Multi<QueryView> events(@RestPath UUID id, RoutingContext context) {
        UUID studentId = student.id();
        QueryView found = context.get(OwnQueryStream.FOUND);
        Uni<QueryView> first = found != null ? Uni.createFrom().item(found) : events.current(studentId, id);
        return first.toMulti().onItem().transformToMultiAndConcatenate(view -> events.changesFrom(studentId, view));
    }

    @POST
    @Path("/{id}/feedback")
    @Operation(summary = "Rates the answer (1-5) with an optional comment")
    public Uni<QueryView> feedback(@RestPath UUID id, @Valid @NotNull FeedbackRequest request) {
        return queries.giveFeedback(student.id(), id, request.rating(), request.comment());
    }
}
