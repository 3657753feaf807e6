--liquibase formatted sql

--changeset learnflow:concepts-002
-- The curriculum the tutor answers from: the seed units, one per module. Start-up adds the shipped units and lessons
-- that are missing and never overwrites a row ./learnflow db import wrote. The JSON columns keep what the unit's file
-- wrote, fields in their order (json, not jsonb), so that db export gives the same file back.
CREATE TABLE curriculum_unit (
    id         varchar(100) PRIMARY KEY,
    module     varchar(32)  NOT NULL UNIQUE CHECK (module IN ('variables', 'conditionals', 'loops', 'functions',
                                                   'lists', 'dictionaries', 'strings', 'classes')),
    owner_key  varchar(100),
    -- the unit, with lessons as the list of their ids
    unit_json  json         NOT NULL,
    source     varchar(16)  NOT NULL CHECK (source IN ('shipped', 'imported')),
    updated_at timestamptz  NOT NULL
);

CREATE TABLE lesson (
    id          varchar(100) PRIMARY KEY,
    unit_id     varchar(100) NOT NULL REFERENCES curriculum_unit (id) ON DELETE CASCADE,
    position    integer      NOT NULL,
    -- the concept entry's fields and its package, the package's exercise_bank items as their ids (exercise keeps them)
    lesson_json json         NOT NULL,
    source      varchar(16)  NOT NULL CHECK (source IN ('shipped', 'imported')),
    updated_at  timestamptz  NOT NULL,
    UNIQUE (unit_id, position) DEFERRABLE INITIALLY DEFERRED
);
