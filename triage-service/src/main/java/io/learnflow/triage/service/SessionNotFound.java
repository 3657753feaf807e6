package io.learnflow.triage.service;

import io.learnflow.support.domain.ResourceNotFound;

/** The student has no session with this id. */
public class SessionNotFound extends ResourceNotFound {

    public SessionNotFound(Object sessionId) {
        super("session", sessionId);
    }
}
