--liquibase formatted sql

--changeset learnflow:triage-009-class-members
CREATE TABLE class_member (
    class_id   uuid NOT NULL,
    student_id uuid NOT NULL,
    teacher_id uuid NOT NULL,
    joined_at  timestamptz NOT NULL,
    PRIMARY KEY (class_id, student_id)
);
CREATE INDEX class_member_teacher ON class_member (teacher_id, student_id);
