package io.learnflow.triage.service;

import io.learnflow.support.domain.AuthenticationRefused;

/** A refresh token that is unknown, expired, or already used (which also ends its family). */
public class RefreshRefused extends AuthenticationRefused {

    public RefreshRefused() {
        super("the refresh token is not valid; sign in again");
    }
}
