package io.learnflow.triage.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.learnflow.triage.config.TriageConfig;
import io.learnflow.triage.model.RefreshToken;
import io.learnflow.triage.model.StudentProfile;
import io.learnflow.triage.repository.RefreshTokenRepository;
import io.learnflow.triage.repository.StudentProfileRepository;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.mutiny.Uni;

/**
 * Issues short-lived RS256 access tokens (subject = profile id, upn = email, groups = role, the account's name) with
 * a refresh token that can be exchanged once for the next pair. Callers run it in a transaction.
 */
@ApplicationScoped
public class TokenIssuer {

    private static final Logger LOG = Logger.getLogger(TokenIssuer.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The OpenID Connect claim for a user's IANA time zone. */
    public static final String TIME_ZONE_CLAIM = "zoneinfo";
    /** The OpenID Connect claims for the account's name, so that other services can show who a student is. */
    public static final String GIVEN_NAME_CLAIM = "given_name";
    public static final String FAMILY_NAME_CLAIM = "family_name";
    public static final String NAME_CLAIM = "name";

    private final RefreshTokenRepository refreshTokens;
    private final StudentProfileRepository profiles;
    private final Duration accessLifetime;
    private final Duration refreshLifetime;

    public TokenIssuer(RefreshTokenRepository refreshTokens, StudentProfileRepository profiles, TriageConfig config,
            @ConfigProperty(name = "smallrye.jwt.new-token.lifespan", defaultValue = "900") long accessLifetimeSeconds) {
        this.refreshTokens = refreshTokens;
        this.profiles = profiles;
        this.accessLifetime = Duration.ofSeconds(accessLifetimeSeconds);
        this.refreshLifetime = config.tokens().refreshLifetime();
    }

    /** A new access token and the first refresh token of a new family. */
    public Uni<IssuedTokens> signIn(StudentProfile profile) {
        return issue(profile, UUID.randomUUID());
    }

    /**
     * Exchanges a refresh token for a new pair, or null if it is unknown, expired or already used; an already used
     * one also ends its family, so that whoever holds a newer token of it must sign in again. Returning null rather
     * than failing lets the caller's transaction keep that end.
     */
    public Uni<IssuedTokens> refresh(String presented) {
        Instant now = Instant.now();
        return refreshTokens.findByHash(sha256(presented))
                .chain(token -> {
                    if (token == null || token.expiresAt.isBefore(now)) {
                        return Uni.createFrom().nullItem();
                    }
                    if (token.usedAt != null) {
                        return reused(token, now);
                    }
                    return refreshTokens.claim(token.id, now).chain(claimed -> claimed == 0 ? reused(token, now)
                            : profiles.findById(token.studentId)
                                    .chain(profile -> profile == null ? Uni.createFrom().nullItem()
                                            : issue(profile, token.familyId)));
                });
    }

    private Uni<IssuedTokens> reused(RefreshToken token, Instant now) {
        LOG.warnf("refresh token of student %s used twice: ending its family %s", token.studentId, token.familyId);
        return refreshTokens.endFamily(token.familyId, now).replaceWith((IssuedTokens) null);
    }

    private Uni<IssuedTokens> issue(StudentProfile profile, UUID familyId) {
        String access = Jwt.subject(profile.id.toString())
                .upn(profile.email)
                .groups(Set.of(profile.role.group()))
                .claim(TIME_ZONE_CLAIM, profile.timeZone)
                .claim(GIVEN_NAME_CLAIM, profile.firstName)
                .claim(FAMILY_NAME_CLAIM, profile.lastName)
                .claim(NAME_CLAIM, (profile.firstName + " " + profile.lastName).trim())
                .expiresIn(accessLifetime)
                .sign();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String refresh = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        RefreshToken token = new RefreshToken();
        token.id = UUID.randomUUID();
        token.studentId = profile.id;
        token.familyId = familyId;
        token.tokenHash = sha256(refresh);
        token.issuedAt = Instant.now();
        token.expiresAt = token.issuedAt.plus(refreshLifetime);
        return refreshTokens.persist(token)
                .map(saved -> new IssuedTokens(access, accessLifetime, refresh, refreshLifetime));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
