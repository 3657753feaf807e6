package io.learnflow.support.rest;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.learnflow.support.domain.AuthenticationRefused;
import io.learnflow.support.domain.LimitReached;
import io.learnflow.support.domain.Overloaded;
import io.learnflow.support.domain.ResourceNotFound;
import io.learnflow.support.domain.StateConflict;
import io.learnflow.support.persistence.BackendOutage;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns every failure of a request into RFC 9457 problem+json with the right status; nothing internal (stack traces,
 * SQL, secrets) reaches the client. Services fail with the domain exceptions of {@code io.learnflow.support.domain}
 * (or their own subclasses of them); this is the one place that turns them into HTTP.
 */
public class ProblemMappers {

    private static final int BACKEND_RETRY_AFTER_SECONDS = 2;

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalidRequest(ConstraintViolationException e, UriInfo uri) {
        List<Problem.InvalidParam> params = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> new Problem.InvalidParam(fieldName(v), v.getMessage()))
                .toList();
        String detail = params.stream().map(p -> p.name() + ": " + p.reason()).reduce((a, b) -> a + "; " + b)
                .orElse("the request is not valid");
        return respond(Problem.invalid(detail, uri.getPath(), params));
    }

    @ServerExceptionMapper
    public Response unreadableBody(JsonProcessingException e, UriInfo uri) {
        String detail;
        if (e instanceof ValueInstantiationException || e instanceof InvalidFormatException) {
            Throwable reason = e.getCause() != null ? e.getCause() : e;
            detail = "a field has a value that is not allowed: " + (reason instanceof JsonProcessingException json
                    ? json.getOriginalMessage() : reason.getMessage());
        } else if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            detail = "field '" + mismatch.getPath().get(mismatch.getPath().size() - 1).getFieldName()
                    + "' has the wrong type";
        } else {
            detail = "the body is not well-formed JSON";
        }
        return respond(Problem.of("Malformed request body", 400, detail, uri.getPath()));
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of("Forbidden", 403,
                "your role does not allow this", uri.getPath()));
    }

    @ServerExceptionMapper
    public Response notFound(ResourceNotFound e, UriInfo uri) {
        return respond(Problem.of("Not Found", 404, e.getMessage(), uri.getPath()));
    }

    @ServerExceptionMapper
    public Response conflict(StateConflict e, UriInfo uri) {
        return respond(Problem.of("Conflict", 409, e.getMessage(), uri.getPath()));
    }

    @ServerExceptionMapper
    public Response authenticationRefused(AuthenticationRefused e, UriInfo uri) {
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer")
                .entity(Problem.of("Unauthorized", 401, e.getMessage(), uri.getPath()))
                .build();
    }

    @ServerExceptionMapper
    public Response limitReached(LimitReached e, UriInfo uri) {
        return Response.status(429).type(Problem.MEDIA_TYPE)
                .header("Retry-After", Math.max(1, e.retryAfter().toSeconds()))
                .entity(Problem.of("Too Many Requests", 429, e.getMessage(), uri.getPath()))
                .build();
    }

    @ServerExceptionMapper
    public Response overloaded(Overloaded e, UriInfo uri) {
        return Response.status(503).type(Problem.MEDIA_TYPE)
                .header("Retry-After", Math.max(1, e.retryAfter().toSeconds()))
                .entity(Problem.of("Service Unavailable", 503, e.getMessage(), uri.getPath()))
                .build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadableBody(unreadable, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.errorf(e, "request %s failed", uri.getPath());
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "Error";
        String detail = status >= 500 ? "the service could not complete the request" : e.getMessage();
        Response.ResponseBuilder response = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(title, status, detail, uri.getPath()));
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(value -> response.header(name, value));
            }
        });
        return response.build();
    }

    /** Any other failure; a Throwable, as the reactive SQL client fails with one that is not an Exception. */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (BackendOutage.causedBy(e)) {
            LOG.warnf("request %s failed: a connection to the database or broker was lost (%s)", uri.getPath(),
                    e.getMessage());
            return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", BACKEND_RETRY_AFTER_SECONDS)
                    .entity(Problem.of("Service Unavailable", 503, "the service lost its connection to the database"
                            + " or the broker; try again in a moment", uri.getPath()))
                    .build();
        }
        LOG.errorf(e, "request %s failed", uri.getPath());
        return respond(Problem.of("Internal Server Error", 500,
                "the service could not complete the request", uri.getPath()));
    }

    private static Response unauthorized(UriInfo uri) {
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer")
                .entity(Problem.of("Unauthorized", 401,
                        "a valid bearer token is required", uri.getPath()))
                .build();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String fieldName(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        int dot = path.lastIndexOf('.');
        return dot >= 0 ? path.substring(dot + 1) : path;
    }
}
