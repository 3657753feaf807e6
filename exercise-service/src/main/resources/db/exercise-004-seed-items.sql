--liquibase formatted sql

--changeset learnflow:exercise-004
-- An item of a seed unit's exercise_bank as its file wrote it (compact JSON, fields in their order), so that
-- ./learnflow db export gives back what db import or the shipped units put in, fields LearnFlow does not read included.
ALTER TABLE exercise ADD COLUMN seed_json text;
-- shipped: loaded at start-up from the bank; imported: written by ./learnflow db import, which start-up never reverts;
-- NULL: a teacher's exercise
ALTER TABLE exercise ADD COLUMN source varchar(16);
ALTER TABLE exercise ADD CONSTRAINT exercise_source CHECK (source IS NULL OR source IN ('shipped', 'imported'));
UPDATE exercise SET source = 'shipped' WHERE created_by IS NULL;
