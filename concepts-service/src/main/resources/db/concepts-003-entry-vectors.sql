--liquibase formatted sql

--changeset learnflow:concepts-003
-- MiniLM's vectors of the curriculum's texts (an entry's title with its keywords, with its explanation, each of its
-- asks), by a digest of the encoder, the tokens read and the text: a start-up encodes only what no earlier one did.
-- A vector no current entry has used for 30 days is deleted at start-up.
CREATE TABLE entry_vector (
    text_digest varchar(64) PRIMARY KEY,
    vector      bytea       NOT NULL,
    used_at     timestamptz NOT NULL
);
