package io.learnflow.triage.service;

import io.learnflow.support.domain.AuthenticationRefused;

/** A wrong password or an unknown email: the two are answered alike. */
public class SignInRefused extends AuthenticationRefused {

    public SignInRefused() {
        super("email or password is wrong");
    }
}
