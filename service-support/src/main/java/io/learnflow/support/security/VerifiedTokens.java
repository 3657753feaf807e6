package io.learnflow.support.security;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies an access token's signature once: a student sends the same token with every request until it expires, and
 * verifying RS256 was the largest single CPU cost of a request (a profile of triage under load: 17%). A token seen
 * before is answered with the principal its first verification gave, until the token's expiry; any other string
 * (another token, the same one tampered with) is verified in full. Access tokens are never revoked before they expire,
 * so nothing a full verification would refuse is accepted. {@code learnflow.security.verified-tokens} bounds how many
 * are kept (0 verifies every request).
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class VerifiedTokens extends JWTCallerPrincipalFactory {

    private final JWTCallerPrincipalFactory verifier;
    private final Clock clock;
    private final int capacity;
    private final Map<String, JWTCallerPrincipal> verified = new ConcurrentHashMap<>();

    @Inject
    public VerifiedTokens(@ConfigProperty(name = "learnflow.security.verified-tokens", defaultValue = "4096") int capacity,
            MeterRegistry meters) {
        this(new DefaultJWTCallerPrincipalFactory(), Clock.systemUTC(), capacity);
        Gauge.builder("learnflow.verified.tokens", verified, Map::size)
                .description("Access tokens whose signature was verified and that are kept until they expire")
                .register(meters);
    }

    VerifiedTokens(JWTCallerPrincipalFactory verifier, Clock clock, int capacity) {
        this.verifier = verifier;
        this.clock = clock;
        this.capacity = capacity;
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context) throws ParseException {
        long now = clock.instant().getEpochSecond();
        JWTCallerPrincipal known = verified.get(token);
        if (known != null) {
            if (now < known.getExpirationTime()) {
                return known;
            }
            verified.remove(token, known);
        }
        JWTCallerPrincipal principal = verifier.parse(token, context);
        if (capacity > 0 && now < principal.getExpirationTime()) {
            if (verified.size() >= capacity) {
                verified.values().removeIf(kept -> kept.getExpirationTime() <= now);
                if (verified.size() >= capacity) {
                    verified.clear();
                }
            }
            verified.put(token, principal);
        }
        return principal;
    }

    int size() {
        return verified.size();
    }
}
