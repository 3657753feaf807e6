--liquibase formatted sql

--changeset learnflow:triage-008-hand-back
ALTER TABLE student_query ADD COLUMN handed_back_by varchar(16)
    CHECK (handed_back_by IN ('CONCEPTS', 'DEBUG', 'EXERCISE'));
