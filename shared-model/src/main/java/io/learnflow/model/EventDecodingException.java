package io.learnflow.model;

/** A record that is not a valid event of the expected type; its message says which field and why. */
public class EventDecodingException extends RuntimeException {

    public EventDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
