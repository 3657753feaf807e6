package io.learnflow.llm.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One call of a model through the gateway, answered, failed or served from the cache. */
@Entity
@Table(name = "llm_request")
public class LlmRequest {

    @Id
    public UUID id;

    @Column(name = "student_id")
    public UUID studentId;

    @Column(nullable = false)
    public String purpose;

    @Column(nullable = false)
    public String provider;

    @Column(nullable = false)
    public String model;

    @Column(name = "provider_response_id")
    public String providerResponseId;

    public Double temperature;

    @Column(name = "max_output_tokens")
    public Integer maxOutputTokens;

    @Column(nullable = false)
    public String messages;

    @Column(name = "response_content")
    public String responseContent;

    @Column(name = "tokens_used", nullable = false)
    public int tokensUsed;

    @Column(name = "input_tokens", nullable = false)
    public int inputTokens;

    @Column(name = "output_tokens", nullable = false)
    public int outputTokens;

    @Column(name = "cost_estimate", nullable = false)
    public BigDecimal costEstimate = BigDecimal.ZERO;

    @Column(nullable = false)
    public String status;

    @Column(name = "execution_time_ms", nullable = false)
    public long executionTimeMs;

    @Column(name = "error_message")
    public String errorMessage;

    @Column(name = "error_type")
    public String errorType;

    @Column(name = "retry_attempt", nullable = false)
    public int retryAttempt;

    @Column(nullable = false)
    public boolean cached;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
