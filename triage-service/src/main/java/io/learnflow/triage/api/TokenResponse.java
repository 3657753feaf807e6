package io.learnflow.triage.api;

/**
 * A signed access token (RS256, {@code expiresIn} seconds) and the refresh token that buys the next one
 * ({@code refreshExpiresIn} seconds, once).
 */
public record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken,
        long refreshExpiresIn) {
}
