--liquibase formatted sql

--changeset learnflow:specialist-003-tokens
ALTER TABLE learning_response ADD COLUMN tokens_used integer CHECK (tokens_used >= 0);
