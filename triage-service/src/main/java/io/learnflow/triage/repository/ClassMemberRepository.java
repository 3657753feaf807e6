package io.learnflow.triage.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.triage.model.ClassMember;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ClassMemberRepository implements PanacheRepositoryBase<ClassMember, ClassMember.Key> {

    public Uni<Boolean> isTaughtBy(UUID studentId, UUID teacherId) {
        return count("studentId = ?1 and teacherId = ?2", studentId, teacherId).map(found -> found > 0);
    }
}
