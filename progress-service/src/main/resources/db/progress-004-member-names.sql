--liquibase formatted sql

--changeset learnflow:progress-004
-- who a member is, from their token when they joined (triage owns accounts): null for those who joined before
ALTER TABLE class_member ADD COLUMN email text;
ALTER TABLE class_member ADD COLUMN name text;
