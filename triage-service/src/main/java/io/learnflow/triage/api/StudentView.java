package io.learnflow.triage.api;

import java.util.UUID;

import io.learnflow.triage.model.StudentProfile;

public record StudentView(UUID id, String email, String firstName, String lastName, String role, String timeZone) {

    public static StudentView of(StudentProfile profile) {
        return new StudentView(profile.id, profile.email, profile.firstName, profile.lastName, profile.role.group(),
                profile.timeZone);
    }
}
