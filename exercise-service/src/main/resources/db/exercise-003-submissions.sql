--liquibase formatted sql

--changeset learnflow:exercise-003
CREATE TABLE exercise_submission (
    id                       uuid PRIMARY KEY,
    student_id               uuid NOT NULL,
    exercise_id              varchar(64) NOT NULL REFERENCES exercise (id),
    query_id                 uuid UNIQUE,
    code                     text,
    answer                   varchar(8),
    status                   varchar(16) NOT NULL
        CHECK (status IN ('PENDING', 'GRADING', 'GRADED', 'MANUAL_REVIEW')),
    grade                    integer CHECK (grade BETWEEN 0 AND 100),
    automated_tests_passed   integer,
    total_tests              integer,
    execution_time_ms        bigint CHECK (execution_time_ms >= 0),
    memory_usage_kb          bigint CHECK (memory_usage_kb >= 0),
    limit_hit                varchar(32),
    feedback                 text,
    test_feedback            text,
    error_category           varchar(64),
    review_reason            text,
    grader                   varchar(32),
    grading_attempts         integer NOT NULL DEFAULT 0,
    session_id               uuid,
    time_zone                varchar(64),
    submitted_at             timestamptz NOT NULL,
    delivered_at             timestamptz,
    grading_started_at       timestamptz,
    graded_at                timestamptz,
    interaction_event_id     uuid UNIQUE,
    interaction_published_at timestamptz,
    CHECK (automated_tests_passed IS NULL OR (automated_tests_passed >= 0
        AND automated_tests_passed <= total_tests)),
    CHECK (code IS NOT NULL OR answer IS NOT NULL),
    CHECK (status <> 'GRADED' OR (grade IS NOT NULL AND graded_at IS NOT NULL AND grader IS NOT NULL)),
    CHECK (char_length(code) <= 20000)
);
CREATE INDEX exercise_submission_student ON exercise_submission (student_id, exercise_id, submitted_at DESC);
CREATE INDEX exercise_submission_unfinished ON exercise_submission (status, submitted_at)
    WHERE status IN ('PENDING', 'GRADING');
CREATE INDEX exercise_submission_unpublished ON exercise_submission (graded_at)
    WHERE status = 'GRADED' AND interaction_published_at IS NULL;
