package io.learnflow.progress.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.learnflow.progress.api.NewClass;
import io.learnflow.progress.model.AlertView;
import io.learnflow.progress.model.ClassAnalytics;
import io.learnflow.progress.model.ClassRoster;
import io.learnflow.progress.model.ClassView;
import io.learnflow.progress.model.StudentSummary;
import io.learnflow.progress.model.StudentTimeline;
import io.learnflow.progress.service.ClassService;
import io.learnflow.progress.service.LearningAnalytics;
import io.learnflow.progress.service.TeacherViewService;
import io.learnflow.support.security.CurrentStudent;
import io.smallrye.mutiny.Uni;

/** A teacher's classes and what they see of their students; another teacher's class or student is 404. */
@Path("/api/v1/teacher")
@RolesAllowed("teacher")
@Tag(name = "teacher")
public class TeacherResource {

    /** The OpenID Connect claim in which triage puts the account's IANA time zone. */
    static final String TIME_ZONE_CLAIM = "zoneinfo";

    private final TeacherViewService teacher;
    private final ClassService classes;
    private final LearningAnalytics analytics;
    private final CurrentStudent signedIn;
    private final JsonWebToken token;

    public TeacherResource(TeacherViewService teacher, ClassService classes, LearningAnalytics analytics,
            CurrentStudent signedIn, JsonWebToken token) {
        this.teacher = teacher;
        this.classes = classes;
        this.analytics = analytics;
        this.signedIn = signedIn;
        this.token = token;
    }

    @GET
    @Path("/students")
    @Operation(summary = "The students of the teacher's classes, each with a progress summary")
    public Uni<List<StudentSummary>> students() {
        return teacher.students(signedIn.id());
    }

    @POST
    @Path("/classes")
    @Operation(summary = "Creates a class; students join it with its join code")
    public Uni<RestResponse<ClassView>> create(@Valid @NotNull NewClass request) {
        return classes.create(signedIn.id(), request.name()).map(created -> RestResponse.ResponseBuilder
                .<ClassView>created(URI.create("/api/v1/teacher/classes/" + created.id())).entity(created).build());
    }

    @GET
    @Path("/classes")
    @Operation(summary = "The teacher's classes")
    public Uni<List<ClassView>> classes() {
        return classes.ofTeacher(signedIn.id());
    }

    @GET
    @Path("/classes/{classId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A class's roster, each student with their mastery per module")
    public Uni<ClassRoster> roster(@PathParam("classId") UUID classId) {
        return teacher.roster(signedIn.id(), classId);
    }

    @GET
    @Path("/classes/{classId}")
    @Produces(ClassProgressCsv.MEDIA_TYPE)
    @Operation(summary = "A class's progress as CSV: one row per student and module")
    public Uni<String> rosterCsv(@PathParam("classId") UUID classId) {
        return teacher.roster(signedIn.id(), classId).map(ClassProgressCsv::of);
    }

    @GET
    @Path("/classes/{classId}/alerts")
    @Operation(summary = "The open struggle alerts of a class's students, oldest first")
    public Uni<List<AlertView>> alerts(@PathParam("classId") UUID classId) {
        return teacher.openAlerts(signedIn.id(), classId);
    }

    @GET
    @Path("/classes/{classId}/analytics")
    @Operation(summary = "What the class's students did over the last days: activity, queries, answers, ratings")
    public Uni<ClassAnalytics> analytics(@PathParam("classId") UUID classId,
            @QueryParam("days") @DefaultValue("14") @Min(1) @Max(90) int days) {
        return analytics.ofClass(signedIn.id(), classId, days, token.getClaim(TIME_ZONE_CLAIM));
    }

    @GET
    @Path("/students/{studentId}/timeline")
    @Operation(summary = "A student's interactions (newest first), mastery over time and alerts")
    public Uni<StudentTimeline> timeline(@PathParam("studentId") UUID studentId) {
        return teacher.timeline(signedIn.id(), studentId);
    }

    @POST
    @Path("/alerts/{alertId}/resolve")
    @Operation(summary = "Marks a struggle alert as dealt with")
    public Uni<AlertView> resolve(@PathParam("alertId") UUID alertId) {
        return teacher.resolve(signedIn.id(), alertId);
    }
}
