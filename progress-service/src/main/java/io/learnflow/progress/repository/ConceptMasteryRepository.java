package io.learnflow.progress.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.model.LearningModule;
import io.learnflow.progress.model.ConceptMastery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ConceptMasteryRepository implements PanacheRepositoryBase<ConceptMastery, UUID> {

    public Uni<ConceptMastery> findFor(UUID studentId, LearningModule module, String conceptTag) {
        return find("studentId = ?1 and module = ?2 and conceptTag = ?3", studentId, module, conceptTag)
                .firstResult();
    }

    public Uni<List<ConceptMastery>> allOf(UUID studentId) {
        return list("studentId", Sort.ascending("module", "conceptTag"), studentId);
    }
}
