package io.learnflow.triage.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/** bcrypt, run on a worker thread so that the event loop never waits for it. */
@ApplicationScoped
public class PasswordHasher {

    /** Compared against when the email is unknown, so that both failures take as long. */
    private static final String UNKNOWN_ACCOUNT_HASH = BcryptUtil.bcryptHash("no such account in LearnFlow");

    private final Vertx vertx;

    public PasswordHasher(Vertx vertx) {
        this.vertx = vertx;
    }

    public Uni<String> hash(String password) {
        return vertx.executeBlocking(() -> BcryptUtil.bcryptHash(password), false);
    }

    public Uni<Boolean> matches(String password, String hashOrNull) {
        String hash = hashOrNull != null ? hashOrNull : UNKNOWN_ACCOUNT_HASH;
        return vertx.executeBlocking(() -> BcryptUtil.matches(password, hash) && hashOrNull != null, false);
    }
}
