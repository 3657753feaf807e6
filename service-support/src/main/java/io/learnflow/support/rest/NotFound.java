package io.learnflow.support.rest;

import jakarta.ws.rs.NotFoundException;

/** The one answer for a resource that does not exist or belongs to someone else: the two are not told apart. */
public final class NotFound {

    private NotFound() {
    }

    public static NotFoundException of(String what, Object id) {
        return new NotFoundException("no " + what + " " + id);
    }
}
