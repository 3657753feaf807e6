package io.learnflow.exercise.rest;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import io.learnflow.exercise.model.SubmissionView;
import io.learnflow.exercise.service.SubmissionService;
import io.learnflow.support.security.CurrentStudent;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/submissions")
@Authenticated
@Tag(name = "submissions")
public class SubmissionResource {

    private final SubmissionService submissions;
    private final CurrentStudent student;

    public SubmissionResource(SubmissionService submissions, CurrentStudent student) {
        this.submissions = submissions;
        this.student = student;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "The student's own submission: status, grade and feedback (404 for anyone else's)")
    public Uni<SubmissionView> one(@PathParam("id") UUID id) {
        return submissions.find(student.id(), id);
    }

    @GET
    @Operation(summary = "The student's own submissions, of one exercise when given, newest first")
    public Uni<List<SubmissionView>> mine(@QueryParam("exerciseId") String exerciseId) {
        return submissions.list(student.id(), exerciseId);
    }

    @GET
    @Path("/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Server-Sent Events: the submission's state each time it changes, until it is graded "
            + "(404 before the stream opens for anyone else's)")
    public Multi<SubmissionView> events(@PathParam("id") UUID id) {
        UUID owner = student.id();
        return submissions.find(owner, id).toMulti().onItem()
                .transformToMultiAndConcatenate(first -> submissions.watchFrom(owner, first));
    }
}
