package io.learnflow.triage.model;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "student_profile")
public class StudentProfile {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String email;

    @Column(name = "password_hash")
    public String passwordHash;

    @Column(name = "first_name", nullable = false)
    public String firstName;

    @Column(name = "last_name", nullable = false)
    public String lastName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public StudentRole role;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The student's IANA time zone (a preference; UTC unless they chose one), for the days of their streaks. */
    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    public static final String DEFAULT_TIME_ZONE = "UTC";

    /** How an email is stored and looked up: accounts, sign-in and its throttle all key on this form. */
    public static String canonicalEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
