package io.learnflow.triage.service;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.WebApplicationException;

import org.jboss.logging.Logger;

import io.learnflow.triage.api.RegisterStudent;
import io.learnflow.triage.api.TokenResponse;
import io.learnflow.triage.model.StudentProfile;
import io.learnflow.triage.model.StudentRole;
import io.learnflow.triage.repository.StudentProfileRepository;
import io.learnflow.triage.security.SignInThrottle;
import io.learnflow.triage.security.TokenIssuer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Student accounts and the tokens that prove who a student is. */
@ApplicationScoped
public class StudentService {

    private static final Logger LOG = Logger.getLogger(StudentService.class);

    private final StudentProfileRepository profiles;
    private final PasswordHasher hasher;
    private final SignInThrottle throttle;
    private final TokenIssuer tokens;

    public StudentService(StudentProfileRepository profiles, PasswordHasher hasher, SignInThrottle throttle,
            TokenIssuer tokens) {
        this.profiles = profiles;
        this.hasher = hasher;
        this.throttle = throttle;
        this.tokens = tokens;
    }

    /** Self-registration: always a student. */
    @WithTransaction
    public Uni<StudentProfile> register(RegisterStudent request) {
        return create(request, StudentRole.STUDENT);
    }

    /** A teacher account, from configuration only; an email that already has an account is left as it is. */
    @WithTransaction
    public Uni<StudentProfile> ensureTeacher(RegisterStudent teacher) {
        return profiles.findByEmail(normalized(teacher.email()))
                .chain(existing -> existing != null ? Uni.createFrom().item(existing)
                        : create(teacher, StudentRole.TEACHER));
    }

    private Uni<StudentProfile> create(RegisterStudent request, StudentRole role) {
        String email = normalized(request.email());
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
                    profile.role = role;
                    profile.createdAt = Instant.now();
                    return profiles.persist(profile);
                })
                .invoke(profile -> LOG.infof("registered %s %s", role.group(), profile.id));
    }

    private static String normalized(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public Uni<TokenResponse> refreshToken(String refreshToken) {
        return Panache.withTransaction(() -> tokens.refresh(refreshToken))
                .onItem().ifNull().failWith(TokenIssuer::notValid);
    }

    /** A signed token for the account with this email and password; the same error for an unknown email and a wrong password. */
    @WithTransaction
    public Uni<TokenResponse> issueToken(String email, String password) {
        throttle.checkAllowed(email);
        return profiles.findByEmail(email.trim().toLowerCase(Locale.ROOT))
                .chain(profile -> hasher.matches(password, profile != null ? profile.passwordHash : null)
                        .map(matches -> {
                            if (!matches) {
                                throttle.failed(email);
                                throw new WebApplicationException("email or password is wrong", 401);
                            }
                            return profile;
                        }))
                .chain(tokens::signIn);
    }
}
