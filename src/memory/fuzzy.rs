//! Fuzzy leverage: the stored sentences most like a new one, with a similarity score.
//!
//! Fuzzy matches are offered to translators and may guide an engine as examples; they are
//! never published as a translation (only [`super::Memory::lookup`] gives those).
//!
//! Finding candidates must stay fast as the memory grows, so nothing scans the table: the
//! FTS5 word index (`translation_fuzzy`, migration 002) gives, for each word, the rows
//! containing it. A lookup reads the posting list of each of the query's words up to a cap;
//! words found in more rows than that (the, of, and) say little and are left out unless no
//! word is rarer. It counts how many words each row shares and scores only the rows sharing
//! the most. The score is the normalized Levenshtein similarity over characters of the
//! sources' plain text with every placeholder replaced by one neutral character, so markup and
//! placeholder numbering never change a score.

use super::{SqliteMemory, origin_from, placeholder_skeleton, sql_error};
use crate::error::Result;
use crate::model::{Origin, Part, State, Text};
use rapidfuzz::distance::levenshtein;
use rusqlite::{OptionalExtension, Transaction, params};
use std::collections::HashMap;

/// What stands for any placeholder in the text fuzzy matching sees.
const NEUTRAL: char = '\u{FFFC}';
/// The default minimum similarity of a fuzzy match.
pub const DEFAULT_THRESHOLD: f64 = 0.75;
/// At most this many rows are read per query word; a word in more rows is too common to help.
const WORD_CAP: usize = 2_000;
/// At most this many candidate rows are scored per lookup.
const CANDIDATES: usize = 200;

/// A stored translation of a sentence like the one looked up.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct FuzzyMatch {
    /// Similarity between the looked-up source and this source, 0.0 to 1.0.
    pub score: f64,
    /// The stored source (placeholders without original bytes: the memory keeps no markup).
    pub source: Text,
    pub target: Text,
    pub origin: Origin,
    pub state: State,
}

/// The text fuzzy matching compares: plain text, each placeholder as one neutral character,
/// surrounding whitespace trimmed.
pub fn neutral_text(text: &Text) -> String {
    let mut out = String::new();
    for part in &text.0 {
        match part {
            Part::Str(s) => out.push_str(s),
            Part::Placeholder(_) => out.push(NEUTRAL),
        }
    }
    out.trim().to_string()
}

/// The similarity of two neutral texts (0.0 to 1.0).
pub fn similarity(a: &str, b: &str) -> f64 {
    levenshtein::normalized_similarity(a.chars(), b.chars())
}

/// The distinct words of a text, as FTS5 phrases (quoted, so no word is read as an operator).
fn words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{}\"", w.to_lowercase()))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Fills `source_text` of rows stored before migration 002 and indexes them.
pub(super) fn backfill(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    // Index every row first (with the empty text they have): the update trigger then removes
    // an indexed row before adding its new text (removing a row the index lacks is corruption).
    tx.execute_batch("INSERT INTO translation_fuzzy (translation_fuzzy) VALUES ('rebuild')")?;
    let mut select = tx.prepare("SELECT id, source_key FROM translation")?;
    let mut update = tx.prepare("UPDATE translation SET source_text = ?2 WHERE id = ?1")?;
    let rows: Vec<(i64, String)> = select
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (id, key) in rows {
        update.execute(params![id, neutral_text(&placeholder_skeleton(&key))])?;
    }
    Ok(())
}

impl SqliteMemory {
    /// Up to `limit` stored translations into `target_locale` whose source is at least
    /// `threshold` similar to `source`, best first (ties: human work, then the more trusted
    /// state). One match per distinct stored source.
    pub fn fuzzy(
        &self,
        source_locale: &str,
        target_locale: &str,
        source: &Text,
        limit: usize,
        threshold: f64,
    ) -> Result<Vec<FuzzyMatch>> {
        let err = |e| sql_error(&self.path, e);
        let query = neutral_text(source);
        if limit == 0 || query.chars().count() < 3 {
            return Ok(Vec::new());
        }
        // 1. Rows sharing the query's words, the common words left out.
        let mut shared: HashMap<i64, u32> = HashMap::new();
        let mut common: Vec<Vec<i64>> = Vec::new();
        {
            let mut postings = self
                .conn
                .prepare_cached("SELECT rowid FROM translation_fuzzy WHERE translation_fuzzy MATCH ?1 LIMIT ?2")
                .map_err(err)?;
            for word in words(&query) {
                let ids: Vec<i64> = postings
                    .query_map(params![word, WORD_CAP as i64 + 1], |r| r.get(0))
                    .map_err(err)?
                    .collect::<rusqlite::Result<_>>()
                    .map_err(err)?;
                if ids.len() > WORD_CAP {
                    common.push(ids);
                    continue;
                }
                for id in ids {
                    *shared.entry(id).or_default() += 1;
                }
            }
        }
        if shared.is_empty() {
            for id in common.into_iter().flatten() {
                *shared.entry(id).or_default() += 1;
            }
        }
        let mut ranked: Vec<(u32, i64)> = shared.into_iter().map(|(id, n)| (n, id)).collect();
        ranked.sort_unstable_by(|a, b| b.cmp(a));
        ranked.truncate(CANDIDATES);

        // 3. Score those candidates; keep the best row per stored source.
        let mut row = self
            .conn
            .prepare_cached(
                "SELECT source_key, source_text, target, origin, engine, model, file, state FROM translation
                 WHERE id = ?1 AND source_locale = ?2 AND target_locale = ?3",
            )
            .map_err(err)?;
        let mut ranker = Ranker::new(&query, threshold);
        for (_, id) in ranked {
            let found = row
                .query_row(params![id, source_locale, target_locale], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, Option<String>>(4)?,
                        r.get::<_, Option<String>>(5)?,
                        r.get::<_, Option<String>>(6)?,
                        r.get::<_, String>(7)?,
                    ))
                })
                .optional()
                .map_err(err)?;
            let Some((key, text, target, origin, engine, model, file, state)) = found else {
                continue;
            };
            ranker.offer(Candidate {
                key,
                text,
                target,
                origin,
                engine,
                model,
                file,
                state,
            });
        }
        Ok(ranker.best(limit))
    }
}

/// A stored row that may be a fuzzy match.
pub(super) struct Candidate {
    pub key: String,
    pub text: String,
    pub target: String,
    pub origin: String,
    pub engine: Option<String>,
    pub model: Option<String>,
    pub file: Option<String>,
    pub state: String,
}

/// Scores candidates the same way whatever store found them, keeping the best row per stored
/// source.
pub(super) struct Ranker<'q> {
    query: &'q str,
    threshold: f64,
    best: HashMap<String, (f64, u8, FuzzyMatch)>,
}

impl<'q> Ranker<'q> {
    pub fn new(query: &'q str, threshold: f64) -> Self {
        Ranker {
            query,
            threshold,
            best: HashMap::new(),
        }
    }

    pub fn offer(&mut self, c: Candidate) {
        let score = similarity(self.query, &c.text);
        if score < self.threshold {
            return;
        }
        let stored_source = placeholder_skeleton(&c.key);
        let Ok(target) = Text::parse_tagged(&c.target, &stored_source) else {
            return;
        };
        let origin = origin_from(&c.origin, c.engine, c.model, c.file);
        let state = State::parse(&c.state).unwrap_or(State::NeedsReview);
        let rank = u8::from(origin.is_human()) * 10 + state as u8;
        let candidate = FuzzyMatch {
            score,
            source: stored_source,
            target,
            origin,
            state,
        };
        match self.best.get(&c.key) {
            Some((_, r, _)) if *r >= rank => {}
            _ => {
                self.best.insert(c.key, (score, rank, candidate));
            }
        }
    }

    pub fn best(self, limit: usize) -> Vec<FuzzyMatch> {
        let mut out: Vec<(f64, u8, FuzzyMatch)> = self.best.into_values().collect();
        out.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.cmp(&a.1)));
        out.into_iter().take(limit).map(|(_, _, m)| m).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::memory::{Memory, NewEntry};
    use crate::model::{Placeholder, PlaceholderKind};

    fn store(m: &mut Memory, source: &Text, target: &str, origin: &Origin, state: State) {
        m.store(&[NewEntry {
            source_locale: "en",
            target_locale: "ar",
            source,
            target: &Text::plain(target),
            origin,
            state,
            fingerprint: "pseudo:1",
            document: None,
            previous: None,
            next: None,
            changed_at: None,
        }])
        .unwrap();
    }

    fn with_link(before: &str, inside: &str, id: u32) -> Text {
        let mut t = Text::plain(before);
        for kind in [PlaceholderKind::Open, PlaceholderKind::Close] {
            t.push_placeholder(Placeholder {
                id,
                kind,
                label: "link".into(),
                original: if kind == PlaceholderKind::Open {
                    "[".into()
                } else {
                    "](x)".into()
                },
            });
            if kind == PlaceholderKind::Open {
                t.push_str(inside);
            }
        }
        t
    }

    #[test]
    fn placeholders_are_neutral() {
        assert_eq!(
            neutral_text(&with_link(" Read ", "this", 7)),
            "Read \u{FFFC}this\u{FFFC}"
        );
        assert_eq!(
            similarity(
                &neutral_text(&with_link("Read ", "this", 1)),
                &neutral_text(&with_link("Read ", "this", 9))
            ),
            1.0
        );
    }

    on_both_stores!(finds_similar_sentences_above_the_threshold_only);

    fn finds_similar_sentences_above_the_threshold_only(mut m: Memory) {
        let human = Origin::Human { file: None };
        let machine = Origin::Machine {
            engine: "pseudo".into(),
            model: None,
        };
        let s1 = Text::plain("The agreement covers rare earth elements and critical minerals.");
        store(&mut m, &s1, "h1", &human, State::Reviewed);
        store(&mut m, &s1, "m1", &machine, State::Translated);
        store(
            &mut m,
            &Text::plain("The agreement covers rare earth magnets."),
            "h2",
            &human,
            State::Final,
        );
        store(
            &mut m,
            &Text::plain("Completely unrelated text about the weather today."),
            "x",
            &human,
            State::Final,
        );
        let query = Text::plain("The agreement covers rare earth elements and some critical minerals.");
        let found = m.fuzzy("en", "ar", &query, 5, DEFAULT_THRESHOLD).unwrap();
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].target, Text::plain("h1"), "human work wins a tie");
        assert!(found[0].score > 0.9 && found[0].score < 1.0);
        let loose = m.fuzzy("en", "ar", &query, 5, 0.5).unwrap();
        assert_eq!(loose.len(), 2);
        assert!(loose[0].score >= loose[1].score);
        assert!(m.fuzzy("en", "hi", &query, 5, 0.5).unwrap().is_empty());
        assert!(m.fuzzy("de", "ar", &query, 5, 0.5).unwrap().is_empty());
    }

    #[test]
    fn index_follows_deletes() {
        let mut m = Memory::in_memory().unwrap();
        let human = Origin::Human { file: None };
        store(
            &mut m,
            &Text::plain("Mining output doubled last year."),
            "t",
            &human,
            State::Final,
        );
        let q = Text::plain("Mining output doubled this year.");
        assert_eq!(m.fuzzy("en", "ar", &q, 5, 0.75).unwrap().len(), 1);
        let Memory::Sqlite(sqlite) = &m else { unreachable!() };
        sqlite.conn.execute("DELETE FROM translation", []).unwrap();
        assert!(m.fuzzy("en", "ar", &q, 5, 0.75).unwrap().is_empty());
        sqlite
            .conn
            .execute(
                "INSERT INTO translation_fuzzy (translation_fuzzy) VALUES ('integrity-check')",
                [],
            )
            .unwrap();
    }
}
