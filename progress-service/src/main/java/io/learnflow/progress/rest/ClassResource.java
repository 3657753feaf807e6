package io.learnflow.progress.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.learnflow.progress.api.JoinClass;
import io.learnflow.progress.model.ClassView;
import io.learnflow.progress.model.StudentIdentity;
import io.learnflow.progress.service.ClassService;
import io.learnflow.support.security.CurrentStudent;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/classes")
@RolesAllowed(CurrentStudent.STUDENT_ROLE)
@Tag(name = "classes")
public class ClassResource {

    private final ClassService classes;
    private final CurrentStudent student;

    public ClassResource(ClassService classes, CurrentStudent student) {
        this.classes = classes;
        this.student = student;
    }

    @POST
    @Path("/join")
    @Operation(summary = "Joins the class with this join code (404 for an unknown code); joining twice is one join")
    public Uni<ClassView> join(@Valid @NotNull JoinClass request) {
        return classes.join(new StudentIdentity(student.id(), student.email(), student.displayName()),
                request.joinCode());
    }
}
