--liquibase formatted sql

--changeset learnflow:triage-001
CREATE TABLE student_profile (
    id            uuid PRIMARY KEY,
    email         varchar(320) NOT NULL UNIQUE,
    password_hash varchar(200) NOT NULL,
    first_name    varchar(100) NOT NULL,
    last_name     varchar(100) NOT NULL,
    role          varchar(16)  NOT NULL CHECK (role IN ('STUDENT', 'TEACHER')),
    created_at    timestamptz  NOT NULL
);

CREATE TABLE session_context (
    session_id     uuid PRIMARY KEY,
    student_id     uuid NOT NULL REFERENCES student_profile (id),
    current_module varchar(32),
    difficulty     varchar(16),
    query_count    integer NOT NULL DEFAULT 0,
    started_at     timestamptz NOT NULL,
    last_active_at timestamptz NOT NULL
);

CREATE TABLE student_query (
    id               uuid PRIMARY KEY,
    student_id       uuid NOT NULL REFERENCES student_profile (id),
    session_id       uuid NOT NULL REFERENCES session_context (session_id),
    query_text       varchar(10000) NOT NULL,
    code             text,
    error_text       text,
    module           varchar(32),
    difficulty       varchar(16),
    query_type       varchar(16) NOT NULL CHECK (query_type IN ('CONCEPT', 'DEBUG', 'EXERCISE', 'OTHER')),
    confidence       double precision NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
    routing_reason   text NOT NULL,
    classifier       varchar(64) NOT NULL,
    status           varchar(16) NOT NULL CHECK (status IN ('PENDING', 'ROUTED', 'PROCESSING', 'COMPLETED', 'FAILED')),
    attempts         integer NOT NULL DEFAULT 0,
    answered_by      varchar(16),
    answer_type      varchar(32),
    answer_content   text,
    failure_reason   text,
    feedback_rating  integer CHECK (feedback_rating BETWEEN 1 AND 5),
    feedback_comment varchar(2000),
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    answered_at      timestamptz,
    CHECK (status <> 'FAILED' OR failure_reason IS NOT NULL)
);
CREATE INDEX student_query_history ON student_query (student_id, created_at DESC);
CREATE INDEX student_query_open ON student_query (updated_at) WHERE status IN ('PENDING', 'ROUTED', 'PROCESSING');

CREATE TABLE service_routing (
    id               uuid PRIMARY KEY,
    query_id         uuid NOT NULL REFERENCES student_query (id),
    original_service varchar(16) NOT NULL,
    target_service   varchar(16) NOT NULL,
    routing_reason   text NOT NULL,
    confidence       double precision NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
    kafka_topic      varchar(200) NOT NULL,
    kafka_message_id uuid NOT NULL,
    attempt          integer NOT NULL,
    routed_at        timestamptz NOT NULL
);
CREATE INDEX service_routing_query ON service_routing (query_id);
