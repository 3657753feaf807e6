package io.learnflow.progress.model;

import java.time.Instant;
import java.util.UUID;

import io.learnflow.model.LearningModule;
import io.learnflow.model.StruggleReason;

/** A struggle alert as a teacher sees it, with the student's email and name (null if unknown). */
public record AlertView(UUID id, UUID studentId, String email, String name, StruggleReason reason,
        LearningModule module, String exerciseId, String errorCategory, UUID sessionId, String evidence,
        Instant raisedAt, Instant resolvedAt, String resolvedBy) {

    public static AlertView of(StruggleAlert a, StudentIdentity student) {
        return new AlertView(a.id, a.studentId, student.email(), student.name(), a.reason, a.module, a.exerciseId,
                a.errorCategory, a.sessionId, a.evidence, a.raisedAt, a.resolvedAt, a.resolvedBy);
    }
}
