package io.learnflow.model;

import java.time.Instant;
import java.util.UUID;

/**
 * A student joined (or left) a teacher's class. Progress owns classes and announces their memberships, so that another
 * service showing a teacher a student's data (triage's query history) knows whose teacher it is.
 *
 * @param member true when the student is now in the class, false when no longer
 */
public record ClassMembershipChanged(
        UUID eventId,
        Instant occurredAt,
        UUID classId,
        UUID teacherId,
        UUID studentId,
        boolean member) {

    public ClassMembershipChanged {
        Require.present(eventId, "eventId");
        Require.present(occurredAt, "occurredAt");
        Require.present(classId, "classId");
        Require.present(teacherId, "teacherId");
        Require.present(studentId, "studentId");
    }
}
