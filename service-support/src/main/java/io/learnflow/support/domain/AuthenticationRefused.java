package io.learnflow.support.domain;

/** Credentials that prove nothing: a wrong password, a refresh token that is unknown, expired or used. 401. */
public class AuthenticationRefused extends RuntimeException {

    public AuthenticationRefused(String detail) {
        super(detail);
    }
}
