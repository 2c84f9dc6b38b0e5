-- The translation memory: one row per (source sentence, target locale, origin, fingerprint).
-- Human work and machine work live in separate rows, so a machine result can never overwrite
-- a human one; lookups rank human work first.
CREATE TABLE translation (
    id            INTEGER PRIMARY KEY,
    source_locale TEXT    NOT NULL,
    target_locale TEXT    NOT NULL,
    -- The source in canonical tagged form with placeholders renumbered (Text::memory_key).
    source_key    TEXT    NOT NULL,
    -- blake3 of source_locale, NUL, source_key: the lookup key (16 bytes).
    source_hash   BLOB    NOT NULL,
    -- The target in tagged form, numbered like source_key.
    target        TEXT    NOT NULL,
    origin        TEXT    NOT NULL CHECK (origin IN ('machine', 'human')),
    engine        TEXT,
    model         TEXT,
    -- For human work: the file it came from (XLIFF, TMX), if any.
    file          TEXT,
    -- For machine work: what shaped the translation (engine, model, prompt, glossary entries).
    -- Empty for human work.
    fingerprint   TEXT    NOT NULL DEFAULT '',
    state         TEXT    NOT NULL CHECK (state IN ('needs-review', 'translated', 'reviewed', 'final')),
    document      TEXT,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    UNIQUE (source_hash, target_locale, origin, fingerprint)
);

-- Earlier versions of human translations: an import never loses what a reviewer wrote before.
CREATE TABLE translation_history (
    id             INTEGER PRIMARY KEY,
    translation_id INTEGER NOT NULL REFERENCES translation(id) ON DELETE CASCADE,
    target         TEXT    NOT NULL,
    state          TEXT    NOT NULL,
    file           TEXT,
    replaced_at    INTEGER NOT NULL
);

-- Files imported into the memory, by content: importing the same file again is a no-op.
CREATE TABLE import (
    content_hash BLOB    PRIMARY KEY,
    path         TEXT    NOT NULL,
    imported_at  INTEGER NOT NULL
);
