-- Human work is never silently replaced: a human translation offered at a lower state than the
-- one stored (a vendor TMX after a final XLIFF) is kept beside it as an alternative, in the
-- history table, marked apart from the earlier versions a better translation replaced.
ALTER TABLE translation_history ADD COLUMN kind TEXT NOT NULL DEFAULT 'earlier'
    CHECK (kind IN ('earlier', 'alternative'));
CREATE INDEX translation_history_row ON translation_history (translation_id);
