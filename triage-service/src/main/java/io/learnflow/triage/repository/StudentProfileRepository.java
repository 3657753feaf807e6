package io.learnflow.triage.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.triage.model.StudentProfile;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class StudentProfileRepository implements PanacheRepositoryBase<StudentProfile, UUID> {

    public Uni<StudentProfile> findByEmail(String email) {
        return find("email", email).firstResult();
    }
}
