package io.learnflow.triage.security;


import jakarta.enterprise.context.ApplicationScoped;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.learnflow.support.limits.KeyedAllowances;
import io.learnflow.triage.config.TriageConfig;
import io.learnflow.triage.model.StudentProfile;
import io.quarkus.scheduler.Scheduled;

/**
 * Slows down guessing: each failed sign-in takes one of an account's allowed failures (per email, whether or not the
 * account exists, so that the answers do not tell which emails have accounts); with none left, sign-in is refused
 * with {@code LimitReached} until the allowance refills.
 */
@ApplicationScoped
public class SignInThrottle {

    private static final String REFUSAL = "too many failed sign-ins for this email";

    private final KeyedAllowances<String> failures;

    public SignInThrottle(TriageConfig config) {
        TriageConfig.SignIn settings = config.signIn();
        this.failures = new KeyedAllowances<>(() -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(settings.maxFailures())
                        .refillIntervally(settings.maxFailures(), settings.failureWindow()).build())
                .build(), settings.failureWindow());
    }

    /** Fails with LimitReached if the email has used up its failed sign-ins. */
    public void checkAllowed(String email) {
        failures.requireAvailable(key(email), REFUSAL);
    }

    public void failed(String email) {
        failures.take(key(email));
    }

    @Scheduled(every = "10m", delayed = "10m")
    void forgetOldFailures() {
        failures.forgetIdle();
    }

    private static String key(String email) {
        return StudentProfile.canonicalEmail(email);
    }
}
