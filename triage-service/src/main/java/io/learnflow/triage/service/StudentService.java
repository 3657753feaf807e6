package io.learnflow.triage.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.learnflow.support.domain.ResourceNotFound;
import io.learnflow.support.persistence.UniqueViolation;
import io.learnflow.triage.model.StudentProfile;
import io.learnflow.triage.model.StudentRole;
import io.learnflow.triage.repository.StudentProfileRepository;
import io.learnflow.triage.security.IssuedTokens;
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

    /** Self-registration: always a student. Of two registrations of one email at once, one wins, one gets EmailTaken. */
    @WithTransaction
    public Uni<StudentProfile> register(NewAccount account) {
        return create(account, StudentRole.STUDENT);
    }

    /** A teacher account, from configuration only; an email that already has an account is left as it is. */
    @WithTransaction
    public Uni<StudentProfile> ensureTeacher(NewAccount teacher) {
        return profiles.findByEmail(StudentProfile.canonicalEmail(teacher.email()))
                .chain(existing -> existing != null ? Uni.createFrom().item(existing)
                        : create(teacher, StudentRole.TEACHER));
    }

    private Uni<StudentProfile> create(NewAccount account, StudentRole role) {
        String email = StudentProfile.canonicalEmail(account.email());
        return profiles.findByEmail(email)
                .onItem().ifNotNull().failWith(EmailTaken::new)
                .chain(() -> hasher.hash(account.password()))
                .chain(hash -> {
                    StudentProfile profile = new StudentProfile();
                    profile.id = UUID.randomUUID();
                    profile.email = email;
                    profile.passwordHash = hash;
                    profile.firstName = account.firstName().trim();
                    profile.lastName = account.lastName().trim();
                    profile.role = role;
                    profile.createdAt = Instant.now();
                    profile.timeZone = account.timeZone() != null ? account.timeZone()
                            : StudentProfile.DEFAULT_TIME_ZONE;
                    return profiles.persistAndFlush(profile);
                })
                .onFailure(UniqueViolation::causedBy).transform(taken -> new EmailTaken())
                .invoke(profile -> LOG.infof("registered %s %s", role.group(), profile.id));
    }

    /** Sets the student's time zone; tokens issued from now on carry it. */
    @WithTransaction
    public Uni<StudentProfile> changeTimeZone(UUID studentId, String timeZone) {
        return profiles.findById(studentId)
                .onItem().ifNull().failWith(() -> new ResourceNotFound("student", studentId))
                .invoke(profile -> {
                    profile.timeZone = timeZone;
                    LOG.infof("student %s now in time zone %s", studentId, timeZone);
                });
    }

    public Uni<IssuedTokens> refreshToken(String refreshToken) {
        return Panache.withTransaction(() -> tokens.refresh(refreshToken))
                .onItem().ifNull().failWith(RefreshRefused::new);
    }

    /** A signed token for the account with this email and password; the same error for an unknown email and a wrong password. */
    @WithTransaction
    public Uni<IssuedTokens> issueToken(String email, String password) {
        String canonical = StudentProfile.canonicalEmail(email);
        throttle.checkAllowed(canonical);
        return profiles.findByEmail(canonical)
                .chain(profile -> hasher.matches(password, profile != null ? profile.passwordHash : null)
                        .map(matches -> {
                            if (!matches) {
                                throttle.failed(canonical);
                                throw new SignInRefused();
                            }
                            return profile;
                        }))
                .chain(tokens::signIn);
    }
}
