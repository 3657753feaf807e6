package io.learnflow.progress.model;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.learnflow.model.LearningModule;
import io.learnflow.progress.tracing.BktParameters;

/** The BKT parameters in use for one module: the defaults, or those {@code fit-bkt --save} stored. */
@Entity
@Table(name = "bkt_parameters")
public class ModuleParameters {

    @Id
    @Enumerated(EnumType.STRING)
    public LearningModule module;

    @Column(nullable = false)
    public double prior;

    @Column(nullable = false)
    public double learn;

    @Column(nullable = false)
    public double guess;

    @Column(nullable = false)
    public double slip;

    /** {@code default} or {@code fit}. */
    @Column(nullable = false)
    public String source;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public BktParameters parameters() {
        return new BktParameters(prior, learn, guess, slip);
    }
}
