package io.learnflow.triage.api;

import io.learnflow.triage.security.IssuedTokens;

/**
 * A signed access token (RS256, {@code expiresIn} seconds) and the refresh token that buys the next one
 * ({@code refreshExpiresIn} seconds, once).
 */
public record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken,
        long refreshExpiresIn) {

    public static TokenResponse of(IssuedTokens tokens) {
        return new TokenResponse(tokens.accessToken(), "Bearer", tokens.accessLifetime().toSeconds(),
                tokens.refreshToken(), tokens.refreshLifetime().toSeconds());
    }
}
