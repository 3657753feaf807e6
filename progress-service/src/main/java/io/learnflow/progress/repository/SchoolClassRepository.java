package io.learnflow.progress.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.progress.model.SchoolClass;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class SchoolClassRepository implements PanacheRepositoryBase<SchoolClass, UUID> {

    public Uni<SchoolClass> findByJoinCode(String joinCode) {
        return find("joinCode", joinCode).firstResult();
    }

    public Uni<List<SchoolClass>> ofTeacher(UUID teacherId) {
        return list("teacherId", Sort.ascending("createdAt"), teacherId);
    }
}
