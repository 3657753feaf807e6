--liquibase formatted sql

--changeset learnflow:specialist-002
ALTER TABLE learning_response ADD COLUMN ai_provider varchar(32);
ALTER TABLE learning_response ADD COLUMN ai_model varchar(120);
ALTER TABLE learning_response ADD COLUMN response_format varchar(16);
ALTER TABLE learning_response ADD COLUMN confidence_score double precision
    CHECK (confidence_score IS NULL OR (confidence_score >= 0 AND confidence_score <= 1));
ALTER TABLE interaction_history ADD COLUMN error_category varchar(64);
ALTER TABLE interaction_history ADD COLUMN code_passes boolean;
