package io.learnflow.progress.repository;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.progress.model.ClassMember;
import io.learnflow.progress.model.StudentIdentity;
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
    public Uni<List<StudentIdentity>> studentsOfTeacher(UUID teacherId) {
        return list(TAUGHT_BY, teacherId).map(members -> {
            Map<UUID, StudentIdentity> once = new LinkedHashMap<>();
            members.forEach(m -> once.putIfAbsent(m.studentId, StudentIdentity.of(m)));
            return List.copyOf(once.values());
        });
    }

    /** One membership of the student in a class of this teacher, or null if the teacher does not teach them. */
    public Uni<ClassMember> taughtMember(UUID studentId, UUID teacherId) {
        return find(TAUGHT_BY + " and studentId = ?2", teacherId, studentId).firstResult();
    }

    /** Sets the student's email and name on each of their memberships, so that every class shows the same. */
    public Uni<Integer> refreshIdentity(UUID studentId, String email, String name) {
        return update("email = ?1, name = ?2 where studentId = ?3", email, name, studentId);
    }
}
