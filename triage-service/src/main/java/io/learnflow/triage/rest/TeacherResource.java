package io.learnflow.triage.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.learnflow.triage.model.QueryPage;
import io.learnflow.triage.service.QueryService;
import io.smallrye.mutiny.Uni;

/** Read-only class views for teachers. */
@Path("/api/v1/teacher")
@RolesAllowed("teacher")
@Tag(name = "teacher")
@SecurityRequirement(name = "bearer")
public class TeacherResource {

    private final QueryService queries;

    public TeacherResource(QueryService queries) {
        this.queries = queries;
    }

    @GET
    @Path("/queries")
    @Operation(summary = "A student's queries, newest first (teachers only)")
    public Uni<QueryPage> queriesOf(@QueryParam("studentId") @NotNull UUID studentId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page) {
        return queries.history(studentId, page);
    }
}
