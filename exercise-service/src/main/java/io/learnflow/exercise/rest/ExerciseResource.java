package io.learnflow.exercise.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.learnflow.exercise.model.ExerciseSummary;
import io.learnflow.exercise.model.ExerciseView;
import io.learnflow.exercise.model.NewExercise;
import io.learnflow.exercise.model.NewSubmission;
import io.learnflow.exercise.service.ExerciseCatalogue;
import io.learnflow.exercise.service.SubmissionService;
import io.learnflow.support.security.CurrentStudent;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/exercises")
@Authenticated
@Tag(name = "exercises")
public class ExerciseResource {

    private final ExerciseCatalogue catalogue;
    private final SubmissionService submissions;
    private final CurrentStudent student;

    public ExerciseResource(ExerciseCatalogue catalogue, SubmissionService submissions, CurrentStudent student) {
        this.catalogue = catalogue;
        this.submissions = submissions;
        this.student = student;
    }

    @GET
    @Operation(summary = "The bank's exercises and quiz questions, of a module and difficulty when given")
    public Uni<List<ExerciseSummary>> list(@QueryParam("module") String module,
            @QueryParam("difficulty") String difficulty, @QueryParam("kind") String kind) {
        return catalogue.list(module, difficulty, kind);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One exercise or question, without its solution or hidden tests")
    public Uni<ExerciseView> one(@PathParam("id") String id) {
        return catalogue.view(id);
    }

    @POST
    @RolesAllowed("teacher")
    @Operation(summary = "Adds a coding exercise (teachers only) once its reference passes its tests in the sandbox")
    public Uni<Response> add(@Valid @NotNull NewExercise exercise) {
        return catalogue.add(student.id(), exercise).map(created -> Response
                .created(URI.create("/api/v1/exercises/" + created.id())).entity(created).build());
    }

    @POST
    @Path("/{id}/submissions")
    @Operation(summary = "Submits code (202, graded asynchronously) or a quiz answer (201, graded at once)")
    public Uni<Response> submit(@PathParam("id") String id, @Valid @NotNull NewSubmission attempt) {
        return submissions.submit(student.id(), id, attempt).map(view -> Response
                .status(view.status().finished() ? Response.Status.CREATED : Response.Status.ACCEPTED)
                .location(URI.create("/api/v1/submissions/" + view.id())).entity(view).build());
    }
}
