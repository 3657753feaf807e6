package io.learnflow.exercise.rest;

import java.util.UUID;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.learnflow.exercise.service.SubmissionNotFound;
import io.learnflow.exercise.service.SubmissionService;
import io.learnflow.support.security.CurrentStudent;
import io.smallrye.mutiny.Uni;

/**
 * Answers 404 before a submission's event stream opens when the submission is not the student's own: once an event
 * stream has started, its status can no longer change.
 */
public class OwnSubmissionStream {

    private final SubmissionService submissions;
    private final CurrentStudent student;

    public OwnSubmissionStream(SubmissionService submissions, CurrentStudent student) {
        this.submissions = submissions;
        this.student = student;
    }

    @ServerRequestFilter
    public Uni<Response> requireOwnSubmission(ContainerRequestContext request, ResourceInfo resource) {
        if (resource.getResourceClass() != SubmissionResource.class || resource.getResourceMethod() == null
                || !"events".equals(resource.getResourceMethod().getName())) {
            return Uni.createFrom().nullItem();
        }
        String id = request.getUriInfo().getPathParameters().getFirst("id");
        try {
            return submissions.find(student.id(), UUID.fromString(id)).map(found -> (Response) null);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(new SubmissionNotFound(id));
        }
    }
}
