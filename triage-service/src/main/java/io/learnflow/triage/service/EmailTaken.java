package io.learnflow.triage.service;

import io.learnflow.support.domain.StateConflict;

/** Registration with an email that already has an account. */
public class EmailTaken extends StateConflict {

    public EmailTaken() {
        super("an account with this email exists");
    }
}
