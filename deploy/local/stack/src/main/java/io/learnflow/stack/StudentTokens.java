package io.learnflow.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
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

    public String studentToken(UUID studentId) {
        long now = Instant.now().getEpochSecond();
        String payload = "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"" + studentId
                + "\",\"upn\":\"" + studentId + "@example.org\",\"groups\":[\"student\"],\"iat\":" + now
                + ",\"exp\":" + (now + 600) + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        String unsigned = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + base64Url(payload);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(signingKey);
            signature.update(unsigned.getBytes(StandardCharsets.US_ASCII));
            return unsigned + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
