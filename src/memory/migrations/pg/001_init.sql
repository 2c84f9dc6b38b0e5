-- The PostgreSQL memory: the same tables and rules as the SQLite one (see ../001_init.sql and
-- ../002_fuzzy_context.sql), one row per (source sentence, target locale, origin, fingerprint).
CREATE TABLE translation (
    id            BIGSERIAL PRIMARY KEY,
    source_locale TEXT   NOT NULL,
    target_locale TEXT   NOT NULL,
    source_key    TEXT   NOT NULL,
    source_hash   BYTEA  NOT NULL,
    target        TEXT   NOT NULL,
    origin        TEXT   NOT NULL CHECK (origin IN ('machine', 'human')),
    engine        TEXT,
    model         TEXT,
    file          TEXT,
    fingerprint   TEXT   NOT NULL DEFAULT '',
    state         TEXT   NOT NULL CHECK (state IN ('needs-review', 'translated', 'reviewed', 'final')),
    document      TEXT,
    -- The source as plain text, each placeholder one U+FFFC: what fuzzy matching compares.
    source_text   TEXT   NOT NULL DEFAULT '',
    prev_hash     BYTEA,
    next_hash     BYTEA,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL,
    UNIQUE (source_hash, target_locale, origin, fingerprint)
);

CREATE TABLE translation_history (
    id             BIGSERIAL PRIMARY KEY,
    translation_id BIGINT NOT NULL REFERENCES translation(id) ON DELETE CASCADE,
    target         TEXT   NOT NULL,
    state          TEXT   NOT NULL,
    file           TEXT,
    replaced_at    BIGINT NOT NULL
);
CREATE INDEX translation_history_translation ON translation_history (translation_id);

CREATE TABLE import (
    content_hash BYTEA  PRIMARY KEY,
    path         TEXT   NOT NULL,
    imported_at  BIGINT NOT NULL
);

-- Fuzzy candidates: trigram similarity on the neutral source text (pg_trgm is a trusted
-- extension: the database owner may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX translation_fuzzy ON translation USING gin (source_text gin_trgm_ops);

CREATE INDEX translation_origin_updated ON translation (origin, updated_at);
