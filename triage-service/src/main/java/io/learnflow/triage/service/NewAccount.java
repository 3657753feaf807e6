package io.learnflow.triage.service;

/** The details of an account to create; the role is the service's decision, never the caller's. */
public record NewAccount(String email, String password, String firstName, String lastName) {
}
