--liquibase formatted sql

--changeset learnflow:llm-002
--comment: an answer the caller's output guardrail refused is logged as REFUSED (its tokens count against the budgets)
ALTER TABLE llm_request DROP CONSTRAINT llm_request_status_check;
ALTER TABLE llm_request ADD CONSTRAINT llm_request_status_check
    CHECK (status IN ('SUCCESS', 'ERROR', 'CACHED', 'REFUSED'));
