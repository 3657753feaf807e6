package io.learnflow.progress.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An interaction already counted: recorded in the same transaction as its effect, so a redelivery counts nothing. */
@Entity
@Table(name = "processed_event")
public class ProcessedEvent {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "processed_at", nullable = false)
    public Instant processedAt;
}
