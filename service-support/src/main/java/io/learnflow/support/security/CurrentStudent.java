package io.learnflow.support.security;

import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.UnauthorizedException;

/** The student the verified token speaks for: the only source of a student id in a request. */
@RequestScoped
public class CurrentStudent {

    public static final String STUDENT_ROLE = "student";
    /** The OpenID Connect claims in which triage puts the account's name. */
    public static final String NAME_CLAIM = "name";
    public static final String GIVEN_NAME_CLAIM = "given_name";
    public static final String FAMILY_NAME_CLAIM = "family_name";

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

    /** The account's email (the token's {@code upn}), or null if the token carries none. */
    public String email() {
        return token.getClaim(Claims.upn.name());
    }

    /** The account's name as the token gives it ({@code name}, else given and family name), or null. */
    public String displayName() {
        String name = token.getClaim(NAME_CLAIM);
        if (name != null && !name.isBlank()) {
            return name.trim();
        }
        String joined = Stream.of(token.<String>getClaim(GIVEN_NAME_CLAIM), token.<String>getClaim(FAMILY_NAME_CLAIM))
                .filter(part -> part != null && !part.isBlank()).map(String::trim).collect(Collectors.joining(" "));
        return joined.isEmpty() ? null : joined;
    }
}
