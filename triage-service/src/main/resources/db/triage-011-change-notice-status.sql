--liquibase formatted sql

--changeset learnflow:triage-011 splitStatements:false
-- The notice names the new status after the query's id, so that an instance can tell a final answer from a specialist
-- starting on the query without reading the row.
CREATE OR REPLACE FUNCTION notify_query_changed() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('learnflow_query_changed', NEW.id::text || ' ' || NEW.status);
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
