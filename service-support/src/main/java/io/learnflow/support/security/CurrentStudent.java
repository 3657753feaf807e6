package io.learnflow.support.security;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.UnauthorizedException;

/** The student the verified token speaks for: the only source of a student id in a request. */
@RequestScoped
public class CurrentStudent {

    public static final String STUDENT_ROLE = "student";

    private final JsonWebToken token;

    public CurrentStudent(JsonWebToken token) {
        this.token = token;
    }

    public UUID id() {
        String subject = token.getSubject();
        if (subject == null) {
            throw new UnauthorizedException("the token names no subject");
        }
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            throw new UnauthorizedException("the token's subject is not a LearnFlow profile id");
        }
    }
}
