package io.learnflow.progress.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.progress.model.ClassMember;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ClassMemberRepository implements PanacheRepositoryBase<ClassMember, UUID> {

    private static final String TAUGHT_BY = "classId in (select c.id from SchoolClass c where c.teacherId = ?1)";

    public Uni<ClassMember> findMember(UUID classId, UUID studentId) {
        return find("classId = ?1 and studentId = ?2", classId, studentId).firstResult();
    }

    public Uni<List<ClassMember>> ofClass(UUID classId) {
        return list("classId", Sort.ascending("joinedAt"), classId);
    }

    /** Students in any class of this teacher, each once. */
    public Uni<List<UUID>> studentsOfTeacher(UUID teacherId) {
        return list(TAUGHT_BY, teacherId).map(members -> members.stream().map(m -> m.studentId).distinct().toList());
    }

    public Uni<Boolean> isTaughtBy(UUID studentId, UUID teacherId) {
        return count(TAUGHT_BY + " and studentId = ?2", teacherId, studentId).map(n -> n > 0);
    }
}
