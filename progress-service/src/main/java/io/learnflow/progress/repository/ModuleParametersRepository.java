package io.learnflow.progress.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.model.LearningModule;
import io.learnflow.progress.model.ModuleParameters;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ModuleParametersRepository implements PanacheRepositoryBase<ModuleParameters, LearningModule> {
}
