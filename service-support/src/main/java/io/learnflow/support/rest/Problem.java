package io.learnflow.support.rest;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail. {@code invalidParams} names each rejected field of the request and why.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance,
        List<InvalidParam> invalidParams) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record InvalidParam(String name, String reason) {
    }

    private static final URI GENERIC = URI.create("about:blank");

    public static Problem of(String title, int status, String detail, String instance) {
        return new Problem(GENERIC, title, status, detail, instance, List.of());
    }

    public static Problem invalid(String detail, String instance, List<InvalidParam> invalidParams) {
        return new Problem(GENERIC, "Invalid request", 400, detail, instance, invalidParams);
    }
}
