package io.learnflow.progress.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.learnflow.progress.model.StudentSummary;
import io.learnflow.progress.service.ProgressService;
import io.smallrye.mutiny.Uni;

/** Read-only class views for teachers. */
@Path("/api/v1/teacher")
@RolesAllowed("teacher")
@Tag(name = "teacher")
public class TeacherResource {

    private final ProgressService progress;

    public TeacherResource(ProgressService progress) {
        this.progress = progress;
    }

    @GET
    @Path("/students")
    @Operation(summary = "Every student who has practised, with a progress summary (teachers only)")
    public Uni<List<StudentSummary>> students() {
        return progress.classSummary();
    }
}
