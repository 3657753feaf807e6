package io.learnflow.triage.security;

import java.time.Duration;

/** A signed access token and the refresh token that buys the next pair, once. */
public record IssuedTokens(String accessToken, Duration accessLifetime, String refreshToken, Duration refreshLifetime) {
}
