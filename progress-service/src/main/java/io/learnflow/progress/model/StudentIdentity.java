package io.learnflow.progress.model;

import java.util.UUID;

/** Who a student is, for their teacher; email and name are null for one who joined before they were kept. */
public record StudentIdentity(UUID studentId, String email, String name) {

    public static StudentIdentity of(ClassMember m) {
        return new StudentIdentity(m.studentId, m.email, m.name);
    }

    public static StudentIdentity unknown(UUID studentId) {
        return new StudentIdentity(studentId, null, null);
    }
}
