--liquibase formatted sql

--changeset learnflow:triage-002
ALTER TABLE student_query ADD COLUMN clarifying_question varchar(1000);
ALTER TABLE student_query ADD COLUMN follows_query_id uuid REFERENCES student_query (id);
ALTER TABLE student_query ADD COLUMN context_text varchar(10000);
ALTER TABLE student_query ALTER COLUMN classifier TYPE varchar(120);
CREATE INDEX student_query_session ON student_query (session_id, created_at DESC);
