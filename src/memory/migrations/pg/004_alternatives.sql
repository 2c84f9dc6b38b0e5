-- Human work is never silently replaced: a human translation offered at a lower state than the
-- one stored is kept beside it as an alternative, marked apart from earlier versions.
ALTER TABLE translation_history ADD COLUMN kind TEXT NOT NULL DEFAULT 'earlier'
    CHECK (kind IN ('earlier', 'alternative'));
