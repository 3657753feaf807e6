package io.learnflow.triage.api;

public record TokenResponse(String accessToken, String tokenType, long expiresIn) {
}
