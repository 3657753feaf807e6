package io.learnflow.triage.api;

import jakarta.validation.constraints.NotNull;

/** What a student may change in their own profile. */
public record UpdateProfile(@NotNull @IanaTimeZone String timeZone) {
}
