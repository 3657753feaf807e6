--liquibase formatted sql

--changeset learnflow:triage-005 splitStatements:false
CREATE FUNCTION notify_query_changed() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('learnflow_query_changed', NEW.id::text);
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER student_query_changed
    AFTER UPDATE OF status ON student_query
    FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION notify_query_changed();
