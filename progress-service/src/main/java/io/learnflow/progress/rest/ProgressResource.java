package io.learnflow.progress.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.learnflow.progress.model.ProgressView;
import io.learnflow.progress.service.ProgressViews;
import io.learnflow.support.security.CurrentStudent;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/progress")
@Authenticated
@Tag(name = "progress")
public class ProgressResource {

    private final ProgressViews progress;
    private final CurrentStudent student;

    public ProgressResource(ProgressViews progress, CurrentStudent student) {
        this.progress = progress;
        this.student = student;
    }

    @GET
    @Path("/me")
    @Operation(summary = "The signed-in student's progress in each module practised, evidence count, mastery per day")
    public Uni<ProgressView> mine() {
        return progress.of(student.id());
    }
}
