package io.learnflow.triage.model;

/** What an account may do: students ask and practice; teachers read their class. */
public enum StudentRole {
    STUDENT, TEACHER;

    public String group() {
        return name().toLowerCase();
    }
}
