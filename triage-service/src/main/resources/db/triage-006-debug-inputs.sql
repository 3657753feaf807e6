--liquibase formatted sql

--changeset learnflow:triage-006
ALTER TABLE student_query ADD COLUMN stdin text;
ALTER TABLE student_query ADD COLUMN tests text;
ALTER TABLE student_query ADD COLUMN exercise_id varchar(64);
