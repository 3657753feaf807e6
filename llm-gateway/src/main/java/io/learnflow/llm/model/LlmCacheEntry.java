package io.learnflow.llm.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A model's answer to one stateless prompt, reused until it expires. */
@Entity
@Table(name = "llm_cache")
public class LlmCacheEntry {

    @Id
    public UUID id;

    @Column(name = "prompt_hash", nullable = false, unique = true)
    public String promptHash;

    @Column(nullable = false)
    public String model;

    @Column(name = "response_json", nullable = false)
    public String responseJson;

    @Column(name = "hit_count", nullable = false)
    public int hitCount;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
