--liquibase formatted sql

--changeset learnflow:debug-001
CREATE TABLE hint_ladder (
    id               uuid PRIMARY KEY,
    student_id       uuid NOT NULL,
    problem_key      varchar(200) NOT NULL,
    step             integer NOT NULL CHECK (step BETWEEN 1 AND 4),
    last_query_id    uuid NOT NULL,
    error_category   varchar(64),
    suspect_line     integer,
    confidence_score double precision CHECK (confidence_score BETWEEN 0 AND 1),
    updated_at       timestamptz NOT NULL,
    UNIQUE (student_id, problem_key)
);
