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
        Boolean codePasses) {

    /** An interaction without an error category (the fields before they were added). */
    public InteractionRecorded(UUID eventId, Instant occurredAt, UUID queryId, UUID studentId, ServiceName service,
            QueryType interactionType, LearningModule module, boolean successful, String exerciseId,
            Integer testsPassed, Integer testsTotal) {
        this(eventId, occurredAt, queryId, studentId, service, interactionType, module, successful, exerciseId,
                testsPassed, testsTotal, null, null);
    }

    public InteractionRecorded {
        Require.present(eventId, "eventId");
        Require.present(occurredAt, "occurredAt");
        Require.present(queryId, "queryId");
        Require.present(studentId, "studentId");
        Require.present(service, "service");
        Require.present(interactionType, "interactionType");
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
