--liquibase formatted sql

--changeset learnflow:llm-001
CREATE TABLE llm_cache (
    id            uuid PRIMARY KEY,
    prompt_hash   varchar(64) NOT NULL UNIQUE,
    model         varchar(100) NOT NULL,
    response_json text NOT NULL,
    hit_count     integer NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL
);
CREATE INDEX llm_cache_expires_at ON llm_cache (expires_at);

CREATE TABLE llm_request (
    id                   uuid PRIMARY KEY,
    student_id           uuid,
    purpose              varchar(64) NOT NULL,
    provider             varchar(32) NOT NULL,
    model                varchar(100) NOT NULL,
    provider_response_id varchar(200),
    temperature          double precision,
    max_output_tokens    integer,
    messages             text NOT NULL,
    response_content     text,
    tokens_used          integer NOT NULL DEFAULT 0,
    input_tokens         integer NOT NULL DEFAULT 0,
    output_tokens        integer NOT NULL DEFAULT 0,
    cost_estimate        numeric(12, 6) NOT NULL DEFAULT 0,
    status               varchar(16) NOT NULL CHECK (status IN ('SUCCESS', 'ERROR', 'CACHED')),
    execution_time_ms    bigint NOT NULL,
    error_message        text,
    error_type           varchar(100),
    retry_attempt        integer NOT NULL DEFAULT 0,
    cached               boolean NOT NULL,
    created_at           timestamptz NOT NULL
);
CREATE INDEX llm_request_student_day ON llm_request (student_id, created_at);
CREATE INDEX llm_request_created_at ON llm_request (created_at);
