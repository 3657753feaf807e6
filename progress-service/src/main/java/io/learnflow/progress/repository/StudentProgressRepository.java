package io.learnflow.progress.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.model.LearningModule;
import io.learnflow.progress.model.StudentProgress;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class StudentProgressRepository implements PanacheRepositoryBase<StudentProgress, UUID> {

    public Uni<StudentProgress> findFor(UUID studentId, LearningModule module) {
        return find("studentId = ?1 and module = ?2", studentId, module).firstResult();
    }

    public Uni<List<StudentProgress>> allOf(UUID studentId) {
        return list("studentId", Sort.ascending("module"), studentId);
    }

    public Uni<List<StudentProgress>> allOf(Collection<UUID> students) {
        if (students.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("studentId in ?1", Sort.ascending("studentId", "module"), students);
    }
}
