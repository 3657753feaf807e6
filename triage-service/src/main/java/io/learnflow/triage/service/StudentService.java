package io.learnflow.triage.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.learnflow.triage.api.RegisterStudent;
import io.learnflow.triage.api.TokenResponse;
import io.learnflow.triage.model.StudentProfile;
import io.learnflow.triage.model.StudentRole;
import io.learnflow.triage.repository.StudentProfileRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.mutiny.Uni;

/** Student accounts and the tokens that prove who a student is. */
@ApplicationScoped
public class StudentService {

    private static final Logger LOG = Logger.getLogger(StudentService.class);

    private final StudentProfileRepository profiles;
    private final PasswordHasher hasher;
    private final Duration tokenLifetime;

    public StudentService(StudentProfileRepository profiles, PasswordHasher hasher,
            @ConfigProperty(name = "smallrye.jwt.new-token.lifespan", defaultValue = "3600") long tokenLifetimeSeconds) {
        this.profiles = profiles;
        this.hasher = hasher;
        this.tokenLifetime = Duration.ofSeconds(tokenLifetimeSeconds);
    }

    @WithTransaction
    public Uni<StudentProfile> register(RegisterStudent request) {
        String email = request.email().trim().toLowerCase(Locale.ROOT);
        return profiles.findByEmail(email)
                .onItem().ifNotNull().failWith(() -> new ClientErrorException("an account with this email exists", 409))
                .chain(() -> hasher.hash(request.password()))
                .chain(hash -> {
                    StudentProfile profile = new StudentProfile();
                    profile.id = UUID.randomUUID();
                    profile.email = email;
                    profile.passwordHash = hash;
                    profile.firstName = request.firstName().trim();
                    profile.lastName = request.lastName().trim();
                    profile.role = StudentRole.STUDENT;
                    profile.createdAt = Instant.now();
                    return profiles.persist(profile);
                })
                .invoke(profile -> LOG.infof("registered student %s", profile.id));
    }

    /** A signed token for the account with this email and password; the same error for an unknown email and a wrong password. */
    @WithSession
    public Uni<TokenResponse> issueToken(String email, String password) {
        return profiles.findByEmail(email.trim().toLowerCase(Locale.ROOT))
                .chain(profile -> hasher.matches(password, profile != null ? profile.passwordHash : null)
                        .map(matches -> {
                            if (!matches) {
                                throw new WebApplicationException("email or password is wrong", 401);
                            }
                            String token = Jwt.subject(profile.id.toString())
                                    .upn(profile.email)
                                    .groups(Set.of(profile.role.group()))
                                    .expiresIn(tokenLifetime)
                                    .sign();
                            return new TokenResponse(token, "Bearer", tokenLifetime.toSeconds());
                        }));
    }
}
