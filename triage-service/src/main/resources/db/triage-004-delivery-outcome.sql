--liquibase formatted sql

--changeset learnflow:triage-004
ALTER TABLE service_routing ADD COLUMN delivery varchar(16) CHECK (delivery IN ('SENT', 'NOT_SENT'));
ALTER TABLE service_routing ADD COLUMN delivery_detail text;
ALTER TABLE service_routing ADD COLUMN delivered_at timestamptz;
