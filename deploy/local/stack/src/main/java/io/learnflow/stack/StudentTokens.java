package io.learnflow.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Signs student tokens with the stack's key, as triage does, so that a service's tests can act as a signed-in
 * student without running triage.
 */
public final class StudentTokens {

    public static final String ISSUER = "https://learnflow.io";
    public static final String AUDIENCE = "learnflow";

    private final PrivateKey signingKey;

    public StudentTokens(StackEndpoints endpoints) {
        try {
            String pem = Files.readString(endpoints.jwtPrivateKey());
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            this.signingKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the stack's signing key is not readable", e);
        }
    }

    /** The ways a token can be forged or stale that every service must refuse with 401. */
    public enum Forgery {
        EXPIRED, SIGNED_BY_ANOTHER_KEY, ALG_NONE, TAMPERED_PAYLOAD, WRONG_ISSUER, WRONG_AUDIENCE
    }

    /** A student token with {@code upn} = {@code <id>@example.org} and no name claims. */
    public String studentToken(UUID studentId) {
        return token(studentId, "student", ISSUER, AUDIENCE, 600, signingKey);
    }

    /**
     * A student token carrying this email ({@code upn}) and name ({@code given_name}, {@code family_name} and
     * {@code name}), as triage issues it.
     */
    public String studentToken(UUID studentId, String email, String givenName, String familyName) {
        String claims = ",\"given_name\":" + jsonString(givenName) + ",\"family_name\":" + jsonString(familyName)
                + ",\"name\":" + jsonString((givenName + " " + familyName).trim());
        return token(studentId, "student", email, claims, ISSUER, AUDIENCE, 600, signingKey);
    }

    public String teacherToken(UUID teacherId) {
        return token(teacherId, "teacher", ISSUER, AUDIENCE, 600, signingKey);
    }

    /** A token for {@code studentId} that is wrong in the given way. */
    public String forged(UUID studentId, Forgery forgery) {
        return switch (forgery) {
            case EXPIRED -> token(studentId, "student", ISSUER, AUDIENCE, -120, signingKey);
            case SIGNED_BY_ANOTHER_KEY -> token(studentId, "student", ISSUER, AUDIENCE, 600, anotherKey());
            case ALG_NONE -> {
                String[] parts = studentToken(studentId).split("\\.");
                yield base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
            }
            case TAMPERED_PAYLOAD -> {
                String[] parts = studentToken(studentId).split("\\.");
                String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("\"groups\":[\"student\"]", "\"groups\":[\"teacher\"]");
                yield parts[0] + "." + base64Url(payload) + "." + parts[2];
            }
            case WRONG_ISSUER -> token(studentId, "student", "https://attacker.example", AUDIENCE, 600, signingKey);
            case WRONG_AUDIENCE -> token(studentId, "student", ISSUER, "another-app", 600, signingKey);
        };
    }

    private static String token(UUID subject, String group, String issuer, String audience, long lifetimeSeconds,
            PrivateKey key) {
        return token(subject, group, subject + "@example.org", "", issuer, audience, lifetimeSeconds, key);
    }

    /** {@code extraClaims}: more members of the payload object, each preceded by a comma. */
    private static String token(UUID subject, String group, String upn, String extraClaims, String issuer,
            String audience, long lifetimeSeconds, PrivateKey key) {
        long now = Instant.now().getEpochSecond();
        String payload = "{\"iss\":\"" + issuer + "\",\"aud\":\"" + audience + "\",\"sub\":\"" + subject
                + "\",\"upn\":" + jsonString(upn) + ",\"groups\":[\"" + group + "\"]" + extraClaims + ",\"iat\":"
                + (now - 300) + ",\"exp\":" + (now + lifetimeSeconds) + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        String unsigned = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + base64Url(payload);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(unsigned.getBytes(StandardCharsets.US_ASCII));
            return unsigned + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey anotherKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jsonString(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
