package io.learnflow.triage.service;

/**
 * The details of an account to create; the role is the service's decision, never the caller's.
 *
 * @param timeZone optional: the student's IANA time zone; UTC when absent
 */
public record NewAccount(String email, String password, String firstName, String lastName, String timeZone) {

    public NewAccount(String email, String password, String firstName, String lastName) {
        this(email, password, firstName, lastName, null);
    }
}
