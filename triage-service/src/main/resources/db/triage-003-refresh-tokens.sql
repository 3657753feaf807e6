--liquibase formatted sql

--changeset learnflow:triage-003
CREATE TABLE refresh_token (
    id         uuid PRIMARY KEY,
    student_id uuid        NOT NULL REFERENCES student_profile (id),
    family_id  uuid        NOT NULL,
    token_hash char(64)    NOT NULL UNIQUE,
    issued_at  timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX refresh_token_family ON refresh_token (family_id);
