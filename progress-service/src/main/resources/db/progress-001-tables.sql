--liquibase formatted sql

--changeset learnflow:progress-001
CREATE TABLE student_progress (
    id                  uuid PRIMARY KEY,
    student_id          uuid NOT NULL,
    module              varchar(32) NOT NULL,
    attempts            integer NOT NULL CHECK (attempts >= 0),
    successes           integer NOT NULL CHECK (successes >= 0),
    completed_exercises integer NOT NULL CHECK (completed_exercises >= 0),
    mastery             integer NOT NULL CHECK (mastery BETWEEN 0 AND 100),
    streak_days         integer NOT NULL CHECK (streak_days >= 0),
    last_practiced_on   date NOT NULL,
    last_practiced_at   timestamptz NOT NULL,
    UNIQUE (student_id, module),
    CHECK (successes <= attempts)
);

CREATE TABLE processed_event (
    event_id     uuid PRIMARY KEY,
    processed_at timestamptz NOT NULL
);
