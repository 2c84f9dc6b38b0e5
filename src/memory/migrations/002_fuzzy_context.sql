-- Fuzzy leverage and segment context.
--
-- source_text: the source as plain text with every placeholder replaced by one neutral
-- character (U+FFFC), so fuzzy scores never depend on markup or placeholder numbering.
-- It is filled by the program on insert (and for older rows right after this migration).
ALTER TABLE translation ADD COLUMN source_text TEXT NOT NULL DEFAULT '';
-- Context: the memory hashes (like source_hash) of the segments before and after this one in
-- the document it was translated in, when known.
ALTER TABLE translation ADD COLUMN prev_hash BLOB;
ALTER TABLE translation ADD COLUMN next_hash BLOB;

-- The candidate index for fuzzy matches: the words of source_text (case-folded, diacritics
-- removed), kept in sync with the table by the triggers below. Lookups read the short posting
-- lists of a query's rarer words only and score the best candidates, so they stay fast as the
-- memory grows. New rows are indexed by Memory::store with one statement per batch rather than by
-- an AFTER INSERT trigger: a trigger makes every insert a statement transaction, and FTS5 flushes
-- its pending index to disk at each, which made an insert ten times slower. (Trigrams were tried first: at a million rows nearly every trigram is in
-- thousands of rows, so no set of them narrows the candidates cheaply.)
CREATE VIRTUAL TABLE translation_fuzzy USING fts5(
    source_text,
    content = 'translation',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    detail = 'none'
);

CREATE TRIGGER translation_fuzzy_delete AFTER DELETE ON translation BEGIN
    INSERT INTO translation_fuzzy (translation_fuzzy, rowid, source_text) VALUES ('delete', old.id, old.source_text);
END;
CREATE TRIGGER translation_fuzzy_update AFTER UPDATE OF source_text ON translation BEGIN
    INSERT INTO translation_fuzzy (translation_fuzzy, rowid, source_text) VALUES ('delete', old.id, old.source_text);
    INSERT INTO translation_fuzzy (rowid, source_text) VALUES (new.id, new.source_text);
END;

-- gc finds old machine work by age.
CREATE INDEX translation_origin_updated ON translation (origin, updated_at);
