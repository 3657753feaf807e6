package io.learnflow.triage.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.learnflow.triage.security.NotCommonPassword;
import io.learnflow.triage.service.NewAccount;

public record RegisterStudent(
        @NotBlank @Email @Size(max = 320) String email,
        @NotBlank @Size(min = 8, max = 128, message = "must be between 8 and 128 characters") @NotCommonPassword
        String password,
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @IanaTimeZone String timeZone) {

    public RegisterStudent(String email, String password, String firstName, String lastName) {
        this(email, password, firstName, lastName, null);
    }

    public NewAccount toAccount() {
        return new NewAccount(email, password, firstName, lastName, timeZone);
    }
}
