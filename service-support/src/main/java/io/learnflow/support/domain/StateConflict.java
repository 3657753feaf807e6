package io.learnflow.support.domain;

/** The request is valid but cannot be done in the current state (an email in use, nothing to rate yet). 409. */
public class StateConflict extends RuntimeException {

    public StateConflict(String detail) {
        super(detail);
    }
}
