package io.learnflow.triage.rest;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.learnflow.support.security.CurrentStudent;
import io.learnflow.triage.api.RegisterStudent;
import io.learnflow.triage.api.StudentView;
import io.learnflow.triage.api.RefreshRequest;
import io.learnflow.triage.api.TokenRequest;
import io.learnflow.triage.api.TokenResponse;
import io.learnflow.triage.api.UpdateProfile;
import io.learnflow.triage.service.StudentService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@Path("/api/v1")
@Tag(name = "students")
public class StudentResource {

    private final StudentService students;
    private final CurrentStudent signedIn;

    public StudentResource(StudentService students, CurrentStudent signedIn) {
        this.students = students;
        this.signedIn = signedIn;
    }

    @POST
    @Path("/students")
    @PermitAll
    @Operation(summary = "Registers a student account")
    public Uni<RestResponse<StudentView>> register(@Valid @NotNull RegisterStudent request) {
        return students.register(request.toAccount())
                .map(profile -> RestResponse.ResponseBuilder
                        .<StudentView>created(URI.create("/api/v1/students/" + profile.id))
                        .entity(StudentView.of(profile))
                        .build());
    }

    @PATCH
    @Path("/students/me")
    @Authenticated
    @Operation(summary = "Changes the signed-in student's preferences (their time zone); new tokens carry it")
    public Uni<StudentView> update(@Valid @NotNull UpdateProfile request) {
        return students.changeTimeZone(signedIn.id(), request.timeZone()).map(StudentView::of);
    }

    @POST
    @Path("/auth/token")
    @PermitAll
    @Operation(summary = "Exchanges email and password for a signed bearer token")
    public Uni<TokenResponse> token(@Valid @NotNull TokenRequest request) {
        return students.issueToken(request.email(), request.password()).map(TokenResponse::of);
    }

    @POST
    @Path("/auth/refresh")
    @PermitAll
    @Operation(summary = "Exchanges a refresh token, once, for a new access token and refresh token")
    public Uni<TokenResponse> refresh(@Valid @NotNull RefreshRequest request) {
        return students.refreshToken(request.refreshToken()).map(TokenResponse::of);
    }
}
