--liquibase formatted sql

--changeset learnflow:progress-002
ALTER TABLE student_progress RENAME COLUMN attempts TO attempts_count;
ALTER TABLE student_progress RENAME COLUMN successes TO success_count;
ALTER TABLE student_progress RENAME COLUMN mastery TO mastery_percentage;
ALTER TABLE student_progress ALTER COLUMN mastery_percentage TYPE double precision;
ALTER TABLE student_progress ADD COLUMN p_known double precision NOT NULL DEFAULT 0.25 CHECK (p_known BETWEEN 0 AND 1);
ALTER TABLE student_progress ADD COLUMN questions_count integer NOT NULL DEFAULT 0 CHECK (questions_count >= 0);
ALTER TABLE student_progress ADD COLUMN total_learning_seconds bigint NOT NULL DEFAULT 0
    CHECK (total_learning_seconds >= 0);
ALTER TABLE student_progress ADD COLUMN last_success_at timestamptz;
ALTER TABLE student_progress ADD COLUMN time_zone varchar(64) NOT NULL DEFAULT 'UTC';
ALTER TABLE student_progress ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE student_progress ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
-- what was counted before came from the tutors' own success flags, not evidence: it stays as engagement only
UPDATE student_progress SET questions_count = attempts_count, attempts_count = 0, success_count = 0,
    completed_exercises = 0, p_known = 0.25, mastery_percentage = 25;

-- BKT's four numbers per module: the defaults until `fit-bkt --save` replaces them with fitted ones
CREATE TABLE bkt_parameters (
    module     varchar(32) PRIMARY KEY,
    prior      double precision NOT NULL CHECK (prior > 0 AND prior < 1),
    learn      double precision NOT NULL CHECK (learn > 0 AND learn < 1),
    guess      double precision NOT NULL CHECK (guess > 0 AND guess <= 0.5),
    slip       double precision NOT NULL CHECK (slip > 0 AND slip <= 0.5),
    source     varchar(16) NOT NULL CHECK (source IN ('default', 'fit')),
    updated_at timestamptz NOT NULL
);
INSERT INTO bkt_parameters (module, prior, learn, guess, slip, source, updated_at)
SELECT m, 0.25, 0.15, 0.20, 0.10, 'default', now()
FROM unnest(ARRAY['VARIABLES', 'CONDITIONALS', 'LOOPS', 'FUNCTIONS', 'LISTS', 'DICTIONARIES', 'STRINGS', 'CLASSES']) AS m;

-- P(known) per concept, for evidence that names a concept finer than its module
CREATE TABLE concept_mastery (
    id             uuid PRIMARY KEY,
    student_id     uuid NOT NULL,
    module         varchar(32) NOT NULL,
    concept_tag    varchar(64) NOT NULL,
    p_known        double precision NOT NULL CHECK (p_known BETWEEN 0 AND 1),
    attempts_count integer NOT NULL CHECK (attempts_count >= 0),
    success_count  integer NOT NULL CHECK (success_count >= 0),
    updated_at     timestamptz NOT NULL,
    UNIQUE (student_id, module, concept_tag),
    CHECK (success_count <= attempts_count)
);

-- every interaction reported, evidence or not: the evidence fit-bkt reads, a student's timeline, the alert rules
CREATE TABLE interaction (
    event_id       uuid PRIMARY KEY,
    query_id       uuid NOT NULL,
    student_id     uuid NOT NULL,
    module         varchar(32) NOT NULL,
    kind           varchar(32) NOT NULL,
    evidence       boolean NOT NULL,
    correct        boolean,
    grade          integer CHECK (grade BETWEEN 0 AND 100),
    concept_tag    varchar(64),
    exercise_id    varchar(64),
    error_category varchar(64),
    session_id     uuid,
    occurred_at    timestamptz NOT NULL,
    mastery_after  double precision CHECK (mastery_after BETWEEN 0 AND 100),
    CHECK (evidence = (correct IS NOT NULL))
);
CREATE INDEX interaction_student_time ON interaction (student_id, occurred_at);
CREATE INDEX interaction_errors ON interaction (student_id, module, error_category, occurred_at);
CREATE INDEX interaction_exercise ON interaction (student_id, exercise_id, occurred_at);

-- a student's tutoring session: active time (gaps over 10 minutes not counted) and time since the last pass
CREATE TABLE learning_session (
    id                       uuid PRIMARY KEY,
    student_id               uuid NOT NULL,
    started_at               timestamptz NOT NULL,
    last_activity_at         timestamptz NOT NULL,
    active_seconds           bigint NOT NULL CHECK (active_seconds >= 0),
    active_seconds_since_pass bigint NOT NULL CHECK (active_seconds_since_pass >= 0),
    last_pass_at             timestamptz
);

CREATE TABLE struggle_alert (
    id             uuid PRIMARY KEY,
    student_id     uuid NOT NULL,
    reason         varchar(32) NOT NULL,
    module         varchar(32) NOT NULL,
    exercise_id    varchar(64),
    error_category varchar(64),
    session_id     uuid,
    scope_key      varchar(200) NOT NULL,
    evidence       text NOT NULL,
    raised_at      timestamptz NOT NULL,
    raised_by_event uuid NOT NULL,
    query_id       uuid NOT NULL,
    published_event_id uuid NOT NULL,
    resolved_at    timestamptz,
    resolved_by    varchar(16) CHECK (resolved_by IN ('teacher', 'success')),
    resolver_id    uuid,
    CHECK ((resolved_at IS NULL) = (resolved_by IS NULL))
);
CREATE INDEX struggle_alert_student ON struggle_alert (student_id, reason, scope_key, raised_at);
CREATE INDEX struggle_alert_event ON struggle_alert (raised_by_event);

CREATE TABLE school_class (
    id         uuid PRIMARY KEY,
    teacher_id uuid NOT NULL,
    name       varchar(100) NOT NULL,
    join_code  varchar(16) NOT NULL UNIQUE,
    created_at timestamptz NOT NULL
);
CREATE INDEX school_class_teacher ON school_class (teacher_id);

CREATE TABLE class_member (
    id         uuid PRIMARY KEY,
    class_id   uuid NOT NULL REFERENCES school_class (id),
    student_id uuid NOT NULL,
    joined_at  timestamptz NOT NULL,
    UNIQUE (class_id, student_id)
);
CREATE INDEX class_member_student ON class_member (student_id);

CREATE INDEX processed_event_age ON processed_event (processed_at);
