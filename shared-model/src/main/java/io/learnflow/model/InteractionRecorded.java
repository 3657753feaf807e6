package io.learnflow.model;

import java.time.Instant;
import java.util.UUID;

/**
 * One tutoring interaction, reported by the specialist that handled it, from which progress derives mastery.
 *
 * @param successful   whether the student succeeded (an exercise solved, a bug understood); plain questions count as practice
 * @param testsPassed  for graded work, the tests that passed (at most {@code testsTotal})
 * @param errorCategory optional: the kind of mistake recognised (an id of the novice-error catalogue)
 * @param codePasses    optional: whether the student's code now passes its tests
 * @param kind          optional: what the interaction was ({@code question} when absent); decides whether it is evidence
 * @param grade         optional: for a graded submission or quiz answer, the grade 0–100
 * @param conceptTag    optional: the concept the evidence is about, finer than the module (for example {@code for-loop})
 * @param timeZone      optional: the student's IANA time zone (a profile preference), for streaks; UTC when absent
 * @param sessionId     optional: the student's tutoring session, for active learning time
 */
public record InteractionRecorded(
        UUID eventId,
        Instant occurredAt,
        UUID queryId,
        UUID studentId,
        ServiceName service,
        QueryType interactionType,
        LearningModule module,
        boolean successful,
        String exerciseId,
        Integer testsPassed,
        Integer testsTotal,
        String errorCategory,
        Boolean codePasses,
        InteractionKind kind,
        Integer grade,
        String conceptTag,
        String timeZone,
        UUID sessionId) {

    /** An interaction with error category and code result but no kind, grade, tag, zone or session. */
    public InteractionRecorded(UUID eventId, Instant occurredAt, UUID queryId, UUID studentId, ServiceName service,
            QueryType interactionType, LearningModule module, boolean successful, String exerciseId,
            Integer testsPassed, Integer testsTotal, String errorCategory, Boolean codePasses) {
        this(eventId, occurredAt, queryId, studentId, service, interactionType, module, successful, exerciseId,
                testsPassed, testsTotal, errorCategory, codePasses, null, null, null, null, null);
    }

    /** An interaction without an error category (the fields before they were added). */
    public InteractionRecorded(UUID eventId, Instant occurredAt, UUID queryId, UUID studentId, ServiceName service,
            QueryType interactionType, LearningModule module, boolean successful, String exerciseId,
            Integer testsPassed, Integer testsTotal) {
        this(eventId, occurredAt, queryId, studentId, service, interactionType, module, successful, exerciseId,
                testsPassed, testsTotal, null, null, null, null, null, null, null);
    }

    public InteractionRecorded {
        Require.present(eventId, "eventId");
        Require.present(occurredAt, "occurredAt");
        Require.present(queryId, "queryId");
        Require.present(studentId, "studentId");
        Require.present(service, "service");
        Require.present(interactionType, "interactionType");
        if (kind == null) {
            kind = InteractionKind.QUESTION;
        }
        if (grade != null && (grade < 0 || grade > 100)) {
            throw new IllegalArgumentException("grade (" + grade + ") must be within [0, 100]");
        }
        if (testsPassed != null || testsTotal != null) {
            Require.present(testsPassed, "testsPassed");
            Require.present(testsTotal, "testsTotal");
            if (testsPassed < 0 || testsTotal < 0 || testsPassed > testsTotal) {
                throw new IllegalArgumentException("tests passed (" + testsPassed + ") must be within [0, tests total ("
                        + testsTotal + ")]");
            }
        }
    }
}
