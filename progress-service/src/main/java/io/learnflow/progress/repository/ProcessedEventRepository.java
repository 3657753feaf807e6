package io.learnflow.progress.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.progress.model.ProcessedEvent;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ProcessedEventRepository implements PanacheRepositoryBase<ProcessedEvent, UUID> {
}
