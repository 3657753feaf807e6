package io.learnflow.support.domain;

/**
 * Something a student asked for does not exist, or is not theirs: the two are not told apart. Answered with 404.
 */
public class ResourceNotFound extends RuntimeException {

    public ResourceNotFound(String what, Object id) {
        super("no " + what + " " + id);
    }
}
