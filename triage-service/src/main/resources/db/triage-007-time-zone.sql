--liquibase formatted sql

--changeset learnflow:triage-007-time-zone
ALTER TABLE student_profile ADD COLUMN time_zone varchar(64) NOT NULL DEFAULT 'UTC';
ALTER TABLE student_query ADD COLUMN time_zone varchar(64);
