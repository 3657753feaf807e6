--liquibase formatted sql

--changeset learnflow:specialist-001
CREATE TABLE learning_response (
    id                uuid PRIMARY KEY,
    query_id          uuid NOT NULL UNIQUE,
    student_id        uuid NOT NULL,
    query_type        varchar(16) NOT NULL,
    module            varchar(32),
    outcome           varchar(16) NOT NULL CHECK (outcome IN ('ANSWERED', 'FAILED')),
    response_type     varchar(32),
    content           text,
    failure_reason    text,
    tutor             varchar(64) NOT NULL,
    attempt           integer NOT NULL,
    processing_ms     bigint NOT NULL,
    response_event_id uuid NOT NULL UNIQUE,
    feedback_rating   integer CHECK (feedback_rating BETWEEN 1 AND 5),
    feedback_comment  varchar(2000),
    created_at        timestamptz NOT NULL,
    CHECK (outcome <> 'ANSWERED' OR content IS NOT NULL),
    CHECK (outcome <> 'FAILED' OR failure_reason IS NOT NULL)
);
CREATE INDEX learning_response_student ON learning_response (student_id, created_at DESC);

CREATE TABLE interaction_history (
    id               uuid PRIMARY KEY,
    query_id         uuid NOT NULL UNIQUE,
    student_id       uuid NOT NULL,
    interaction_type varchar(16) NOT NULL,
    module           varchar(32),
    successful       boolean NOT NULL,
    exercise_id      varchar(64),
    tests_passed     integer,
    tests_total      integer,
    event_id         uuid NOT NULL UNIQUE,
    occurred_at      timestamptz NOT NULL,
    CHECK (tests_passed IS NULL OR (tests_passed >= 0 AND tests_passed <= tests_total))
);
CREATE INDEX interaction_history_student ON interaction_history (student_id, occurred_at DESC);
