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

import io.learnflow.support.security.CurrentStudent;
import io.learnflow.triage.model.QueryPage;
import io.learnflow.triage.service.ClassRoster;
import io.learnflow.triage.service.QueryService;
import io.smallrye.mutiny.Uni;

/** Read-only views for teachers, of the students of their own classes. */
@Path("/api/v1/teacher")
@RolesAllowed("teacher")
@Tag(name = "teacher")
@SecurityRequirement(name = "bearer")
public class TeacherResource {

    private final QueryService queries;
    private final ClassRoster roster;
    private final CurrentStudent caller;

    public TeacherResource(QueryService queries, ClassRoster roster, CurrentStudent caller) {
        this.queries = queries;
        this.roster = roster;
        this.caller = caller;
    }

    @GET
    @Path("/queries")
    @Operation(summary = "A student of one of the teacher's classes: their queries, newest first (404 for others)")
    public Uni<QueryPage> queriesOf(@QueryParam("studentId") @NotNull UUID studentId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page) {
        return roster.requireTaught(caller.id(), studentId).chain(() -> queries.history(studentId, page));
    }
}
