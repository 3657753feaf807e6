--liquibase formatted sql

--changeset learnflow:progress-003
-- append-only: what students did, as the topics announced it, for the teacher's analytics
CREATE TABLE learning_event (
    event_id    uuid PRIMARY KEY,
    kind        varchar(32) NOT NULL CHECK (kind IN ('QUERY_ASKED', 'QUERY_ANSWERED', 'FEEDBACK_GIVEN',
                                                     'SUBMISSION_GRADED')),
    student_id  uuid NOT NULL,
    query_id    uuid NOT NULL,
    query_type  varchar(32),
    rating      integer CHECK (rating BETWEEN 1 AND 5),
    occurred_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX learning_event_once_per_query ON learning_event (kind, query_id) WHERE kind <> 'SUBMISSION_GRADED';
CREATE INDEX learning_event_student_time ON learning_event (student_id, occurred_at);
