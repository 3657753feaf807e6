package io.learnflow.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;

/** The cache of verified tokens against smallrye-jwt's own verifier and real RS256 signatures. */
class VerifiedTokensTest {

    static KeyPair keys;
    static JWTAuthContextInfo context;

    /** The real verifier, counting the verifications it does. */
    static final class CountingVerifier extends DefaultJWTCallerPrincipalFactory {
        final AtomicInteger verifications = new AtomicInteger();

        @Override
        public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
            verifications.incrementAndGet();
            return super.parse(token, authContextInfo);
        }
    }

    @BeforeAll
    static void keys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        context = new JWTAuthContextInfo((RSAPublicKey) keys.getPublic(), "https://learnflow.io");
    }

    @Test
    void aTokenSeenBeforeIsNotVerifiedAgainUntilItExpires() throws Exception {
        CountingVerifier verifier = new CountingVerifier();
        long now = Instant.now().getEpochSecond();
        MovableClock clock = new MovableClock(Instant.ofEpochSecond(now));
        VerifiedTokens tokens = new VerifiedTokens(verifier, clock, 10);
        String token = token(UUID.randomUUID(), now + 900);

        JWTCallerPrincipal first = tokens.parse(token, context);
        JWTCallerPrincipal second = tokens.parse(token, context);

        assertThat(second).isSameAs(first);
        assertThat(second.getSubject()).isEqualTo(first.getSubject());
        assertThat(verifier.verifications).hasValue(1);

        clock.now = Instant.ofEpochSecond(now + 900);
        tokens.parse(token, context);
        assertThat(verifier.verifications).hasValue(2);
    }

    @Test
    void aTamperedCopyOfAKnownTokenIsVerifiedAndRefused() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(new CountingVerifier(), Clock.systemUTC(), 10);
        String token = token(UUID.randomUUID(), Instant.now().getEpochSecond() + 900);
        tokens.parse(token, context);
        String[] parts = token.split("\\.");
        String otherSubject = base64("{\"sub\":\"" + UUID.randomUUID() + "\",\"iss\":\"https://learnflow.io\",\"exp\":"
                + (Instant.now().getEpochSecond() + 900) + "}");

        assertThatThrownBy(() -> tokens.parse(parts[0] + "." + otherSubject + "." + parts[2], context))
                .isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> tokens.parse(token + "x", context)).isInstanceOf(ParseException.class);
    }

    @Test
    void theCacheStaysWithinItsCapacityAndZeroTurnsItOff() throws Exception {
        long exp = Instant.now().getEpochSecond() + 900;
        VerifiedTokens bounded = new VerifiedTokens(new CountingVerifier(), Clock.systemUTC(), 3);
        for (int i = 0; i < 7; i++) {
            bounded.parse(token(UUID.randomUUID(), exp), context);
        }
        assertThat(bounded.size()).isBetween(1, 3);

        CountingVerifier verifier = new CountingVerifier();
        VerifiedTokens off = new VerifiedTokens(verifier, Clock.systemUTC(), 0);
        String token = token(UUID.randomUUID(), exp);
        off.parse(token, context);
        off.parse(token, context);
        assertThat(verifier.verifications).hasValue(2);
        assertThat(off.size()).isZero();
    }

    static String token(UUID subject, long expiresAt) throws GeneralSecurityException {
        String header = base64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String payload = base64("{\"sub\":\"" + subject + "\",\"iss\":\"https://learnflow.io\",\"upn\":\"a@example.org\","
                + "\"groups\":[\"student\"],\"iat\":" + (expiresAt - 900) + ",\"exp\":" + expiresAt + "}");
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(keys.getPrivate());
        signer.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
    }

    static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
