--liquibase formatted sql

--changeset learnflow:triage-010
-- users.json of the seed format: a user's owner_key names them as the owner of units; the fields of their entry that
-- LearnFlow does not read are kept in their order for ./learnflow db export. A user without a password hash (the
-- shipped curriculum's owner) exists to own units and cannot sign in.
ALTER TABLE student_profile ADD COLUMN owner_key varchar(100) UNIQUE;
ALTER TABLE student_profile ADD COLUMN seed_json json;
ALTER TABLE student_profile ALTER COLUMN password_hash DROP NOT NULL;
