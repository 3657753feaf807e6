package io.learnflow.triage.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.learnflow.model.ClassMembershipChanged;
import io.learnflow.support.domain.ResourceNotFound;
import io.learnflow.triage.model.ClassMember;
import io.learnflow.triage.repository.ClassMemberRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Which students each teacher teaches, kept from progress's announcements: a teacher reads the queries of the students
 * of their own classes only. Applying an announcement twice changes nothing.
 */
@ApplicationScoped
public class ClassRoster {

    private static final Logger LOG = Logger.getLogger(ClassRoster.class);

    private final ClassMemberRepository members;

    public ClassRoster(ClassMemberRepository members) {
        this.members = members;
    }

    @WithTransaction
    public Uni<Void> apply(ClassMembershipChanged change) {
        ClassMember.Key key = new ClassMember.Key(change.classId(), change.studentId());
        return members.findById(key).chain(known -> {
            if (!change.member()) {
                return known == null ? Uni.createFrom().voidItem() : members.delete(known).replaceWithVoid();
            }
            if (known != null) {
                return Uni.createFrom().voidItem();
            }
            ClassMember member = new ClassMember();
            member.classId = change.classId();
            member.studentId = change.studentId();
            member.teacherId = change.teacherId();
            member.joinedAt = change.occurredAt();
            LOG.infof("student %s is in class %s of teacher %s", change.studentId(), change.classId(),
                    change.teacherId());
            return members.persist(member).replaceWithVoid();
        });
    }

    /** Fails with not found unless the student is in one of the teacher's classes. */
    @WithSession
    public Uni<Void> requireTaught(UUID teacherId, UUID studentId) {
        return members.isTaughtBy(studentId, teacherId).invoke(taught -> {
            if (!taught) {
                throw new ResourceNotFound("student", studentId);
            }
        }).replaceWithVoid();
    }
}
