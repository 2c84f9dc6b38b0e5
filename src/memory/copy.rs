//! `memory copy`: moving a memory between stores (SQLite ⇄ PostgreSQL) without loss — every
//! row of every origin and fingerprint, with its provenance, dates, context, history of human
//! edits, and the record of imported files. Copying again changes nothing: a row the
//! destination already has (same source, locale, origin and fingerprint) is left as it is,
//! except human work, which follows the memory's one rule ([`super::merge_human`]): a better
//! or equal translation from the source replaces the destination's (kept as an earlier
//! version), a lower one is kept beside it as an alternative and reported as a conflict.

use super::{ALTERNATIVE, Conflict, EARLIER, HumanMerge, Memory, PgMemory, SqliteMemory, merge_human, sql_error};
use crate::error::Result;
use crate::model::State;
use rusqlite::params;

/// One stored row, exactly as a store keeps it.
#[derive(Debug, Clone, PartialEq)]
pub struct RawEntry {
    pub source_locale: String,
    pub target_locale: String,
    pub source_key: String,
    pub source_hash: Vec<u8>,
    pub target: String,
    pub origin: String,
    pub engine: Option<String>,
    pub model: Option<String>,
    pub file: Option<String>,
    pub fingerprint: String,
    pub state: String,
    pub document: Option<String>,
    pub source_text: String,
    pub prev_hash: Option<Vec<u8>>,
    pub next_hash: Option<Vec<u8>>,
    pub created_at: i64,
    pub updated_at: i64,
    /// Earlier versions, oldest first.
    pub history: Vec<RawHistory>,
}

/// Another version of a human translation: (target, state, file, replaced at, kind: earlier
/// or alternative).
pub type RawHistory = (String, String, Option<String>, i64, String);

/// A file imported before: (content hash, path, imported at).
pub type RawImport = (Vec<u8>, String, i64);

const SELECT_ROWS: &str = "SELECT id, source_locale, target_locale, source_key, source_hash, target, origin, engine, model, file, fingerprint,
    state, document, source_text, prev_hash, next_hash, created_at, updated_at FROM translation ORDER BY id";
const SELECT_HISTORY: &str = "SELECT translation_id, target, state, file, replaced_at, kind FROM translation_history ORDER BY translation_id, id";
const INSERT_HISTORY_SQLITE: &str =
    "INSERT INTO translation_history (translation_id, target, state, file, replaced_at, kind)
    SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE NOT EXISTS (SELECT 1 FROM translation_history
        WHERE translation_id = ?1 AND target = ?2 AND state = ?3 AND kind = ?6)";
const INSERT_HISTORY_PG: &str =
    "INSERT INTO translation_history (translation_id, target, state, file, replaced_at, kind)
    SELECT $1, $2, $3, $4, $5, $6 WHERE NOT EXISTS (SELECT 1 FROM translation_history
        WHERE translation_id = $1 AND target = $2 AND state = $3 AND kind = $6)";
const SELECT_HUMAN_SQLITE: &str = "SELECT id, target, state, file FROM translation
    WHERE source_hash = ?1 AND target_locale = ?2 AND origin = 'human'";
const SELECT_HUMAN_PG: &str = "SELECT id, target, state, file FROM translation
    WHERE source_hash = $1 AND target_locale = $2 AND origin = 'human' FOR UPDATE";

/// What copying a human row onto the destination's human row of the same sentence does.
struct HumanCopy {
    /// Whether the destination row takes the source's target, state and file.
    replace: bool,
    /// History rows to add (the source's, and the version set aside); duplicates are skipped.
    history: Vec<RawHistory>,
    conflict: Option<Conflict>,
}

impl HumanCopy {
    /// A row the destination did not have: it comes with its history.
    fn new_row(e: &RawEntry) -> HumanCopy {
        HumanCopy {
            replace: true,
            history: e.history.clone(),
            conflict: None,
        }
    }

    /// Whether the row counts as copied: it is new or replaced, or it brought a new
    /// alternative (`last`: rows the last history insert added).
    fn counts(&self, last: u64) -> usize {
        usize::from(self.replace || (self.conflict.is_some() && last > 0))
    }
}

/// The destination holds (`target`, `state`, `file`) for the sentence of human row `e`.
fn human_copy(target: &str, state: &str, file: Option<&str>, e: &RawEntry) -> HumanCopy {
    let old = State::parse(state).unwrap_or(State::NeedsReview);
    let new = State::parse(&e.state).unwrap_or(State::NeedsReview);
    let mut copy = HumanCopy {
        replace: false,
        history: e.history.clone(),
        conflict: None,
    };
    match merge_human(target, old, &e.target, new) {
        HumanMerge::Keep => {}
        HumanMerge::Replace => {
            copy.replace = true;
            let aside = (target.to_string(), state.to_string(), file.map(str::to_string));
            copy.history
                .push((aside.0, aside.1, aside.2, e.updated_at, EARLIER.into()));
        }
        HumanMerge::KeepBetter => {
            let aside = (e.target.clone(), e.state.clone(), e.file.clone());
            copy.history
                .push((aside.0, aside.1, aside.2, e.updated_at, ALTERNATIVE.into()));
            copy.conflict = Some(Conflict {
                target_locale: e.target_locale.clone(),
                source: e.source_key.clone(),
                kept: target.to_string(),
                kept_state: old,
                offered: e.target.clone(),
                offered_state: new,
                offered_file: e.file.clone(),
            });
        }
    }
    copy
}

/// Copies everything in `from` into `to`; returns how many rows `to` did not have.
pub fn copy(from: &Memory, to: &mut Memory) -> Result<usize> {
    let (entries, imports) = match from {
        Memory::Sqlite(m) => m.raw()?,
        Memory::Postgres(m) => m.raw()?,
    };
    match to {
        Memory::Sqlite(m) => m.insert_raw(entries, imports),
        Memory::Postgres(m) => m.insert_raw(entries, imports),
    }
}

/// Pairs rows with their history (both read ordered by row id).
fn attach_history(rows: Vec<(i64, RawEntry)>, history: Vec<(i64, RawHistory)>) -> Vec<RawEntry> {
    let mut by_id: std::collections::HashMap<i64, Vec<_>> = std::collections::HashMap::new();
    for (id, h) in history {
        by_id.entry(id).or_default().push(h);
    }
    rows.into_iter()
        .map(|(id, mut e)| {
            e.history = by_id.remove(&id).unwrap_or_default();
            e
        })
        .collect()
}

macro_rules! raw_entry {
    ($r:expr) => {
        RawEntry {
            source_locale: $r.get(1)?,
            target_locale: $r.get(2)?,
            source_key: $r.get(3)?,
            source_hash: $r.get(4)?,
            target: $r.get(5)?,
            origin: $r.get(6)?,
            engine: $r.get(7)?,
            model: $r.get(8)?,
            file: $r.get(9)?,
            fingerprint: $r.get(10)?,
            state: $r.get(11)?,
            document: $r.get(12)?,
            source_text: $r.get(13)?,
            prev_hash: $r.get(14)?,
            next_hash: $r.get(15)?,
            created_at: $r.get(16)?,
            updated_at: $r.get(17)?,
            history: Vec::new(),
        }
    };
}

impl SqliteMemory {
    fn raw(&self) -> Result<(Vec<RawEntry>, Vec<RawImport>)> {
        let err = |e| sql_error(&self.path, e);
        let read = || -> rusqlite::Result<_> {
            let rows = self
                .conn
                .prepare(SELECT_ROWS)?
                .query_map([], |r| Ok((r.get::<_, i64>(0)?, raw_entry!(r))))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let history = self
                .conn
                .prepare(SELECT_HISTORY)?
                .query_map([], |r| {
                    Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let imports = self
                .conn
                .prepare("SELECT content_hash, path, imported_at FROM import ORDER BY content_hash")?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok((attach_history(rows, history), imports))
        };
        read().map_err(err)
    }

    fn insert_raw(&mut self, entries: Vec<RawEntry>, imports: Vec<RawImport>) -> Result<usize> {
        let path = self.path.clone();
        let err = |e| sql_error(&path, e);
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(err)?;
        let last_id: i64 = tx
            .query_row("SELECT coalesce(max(id), 0) FROM translation", [], |r| r.get(0))
            .map_err(err)?;
        let mut added = 0;
        let mut conflicts = Vec::new();
        for e in &entries {
            let n = tx
                .prepare_cached(
                    "INSERT INTO translation (source_locale, target_locale, source_key, source_hash, target, origin, engine, model, file, fingerprint,
                        state, document, source_text, prev_hash, next_hash, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)
                     ON CONFLICT (source_hash, target_locale, origin, fingerprint) DO NOTHING",
                )
                .map_err(err)?
                .execute(params![
                    e.source_locale,
                    e.target_locale,
                    e.source_key,
                    e.source_hash,
                    e.target,
                    e.origin,
                    e.engine,
                    e.model,
                    e.file,
                    e.fingerprint,
                    e.state,
                    e.document,
                    e.source_text,
                    e.prev_hash,
                    e.next_hash,
                    e.created_at,
                    e.updated_at
                ])
                .map_err(err)?;
            let (id, copy) = if n == 1 {
                (tx.last_insert_rowid(), HumanCopy::new_row(e))
            } else if e.origin == "human" {
                let existing: (i64, String, String, Option<String>) = tx
                    .query_row(SELECT_HUMAN_SQLITE, params![e.source_hash, e.target_locale], |r| {
                        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
                    })
                    .map_err(err)?;
                let copy = human_copy(&existing.1, &existing.2, existing.3.as_deref(), e);
                if copy.replace {
                    tx.execute(
                        "UPDATE translation SET target = ?2, state = ?3, file = ?4, updated_at = ?5 WHERE id = ?1",
                        params![existing.0, e.target, e.state, e.file, e.updated_at],
                    )
                    .map_err(err)?;
                }
                (existing.0, copy)
            } else {
                continue;
            };
            // The version set aside, if any, comes last: whether it was new decides the report.
            let mut last = 0;
            for (target, state, file, at, kind) in &copy.history {
                last = tx
                    .execute(INSERT_HISTORY_SQLITE, params![id, target, state, file, at, kind])
                    .map_err(err)? as u64;
            }
            added += copy.counts(last);
            conflicts.extend(copy.conflict.filter(|_| last > 0));
        }
        tx.execute(
            "INSERT INTO translation_fuzzy (rowid, source_text) SELECT id, source_text FROM translation WHERE id > ?1",
            [last_id],
        )
        .map_err(err)?;
        for (hash, path, at) in &imports {
            tx.execute(
                "INSERT OR IGNORE INTO import (content_hash, path, imported_at) VALUES (?1, ?2, ?3)",
                params![hash, path, at],
            )
            .map_err(err)?;
        }
        tx.commit().map_err(err)?;
        self.conflicts.extend(conflicts);
        Ok(added)
    }
}

impl PgMemory {
    fn raw(&self) -> Result<(Vec<RawEntry>, Vec<RawImport>)> {
        let (rows, history, imports) = self.call(|tx| {
            let rows = tx.query(SELECT_ROWS, &[])?;
            let rows = rows
                .iter()
                .map(|r| -> Result<_, postgres::Error> { Ok((r.try_get::<_, i64>(0)?, pg_entry(r)?)) })
                .collect::<Result<Vec<_>, _>>()?;
            let history = tx
                .query(SELECT_HISTORY, &[])?
                .iter()
                .map(|r| (r.get(0), (r.get(1), r.get(2), r.get(3), r.get(4), r.get(5))))
                .collect::<Vec<_>>();
            let imports = tx
                .query(
                    "SELECT content_hash, path, imported_at FROM import ORDER BY content_hash",
                    &[],
                )?
                .iter()
                .map(|r| (r.get(0), r.get(1), r.get(2)))
                .collect::<Vec<RawImport>>();
            Ok((rows, history, imports))
        })?;
        Ok((attach_history(rows, history), imports))
    }

    fn insert_raw(&mut self, entries: Vec<RawEntry>, imports: Vec<RawImport>) -> Result<usize> {
        let (added, conflicts) = self.call(move |tx| {
            let insert = tx.prepare(
                "INSERT INTO translation (source_locale, target_locale, source_key, source_hash, target, origin, engine, model, file, fingerprint,
                    state, document, source_text, prev_hash, next_hash, created_at, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
                 ON CONFLICT (source_hash, target_locale, origin, fingerprint) DO NOTHING RETURNING id",
            )?;
            let mut added = 0;
            let mut conflicts = Vec::new();
            for e in &entries {
                let row = tx.query_opt(
                    &insert,
                    &[
                        &e.source_locale,
                        &e.target_locale,
                        &e.source_key,
                        &e.source_hash,
                        &e.target,
                        &e.origin,
                        &e.engine,
                        &e.model,
                        &e.file,
                        &e.fingerprint,
                        &e.state,
                        &e.document,
                        &e.source_text,
                        &e.prev_hash,
                        &e.next_hash,
                        &e.created_at,
                        &e.updated_at,
                    ],
                )?;
                let (id, copy) = match row {
                    Some(row) => (row.get::<_, i64>(0), HumanCopy::new_row(e)),
                    None if e.origin == "human" => {
                        let old = tx.query_one(SELECT_HUMAN_PG, &[&e.source_hash, &e.target_locale])?;
                        let (id, target, state, file): (i64, String, String, Option<String>) =
                            (old.get(0), old.get(1), old.get(2), old.get(3));
                        let copy = human_copy(&target, &state, file.as_deref(), e);
                        if copy.replace {
                            tx.execute(
                                "UPDATE translation SET target = $2, state = $3, file = $4, updated_at = $5 WHERE id = $1",
                                &[&id, &e.target, &e.state, &e.file, &e.updated_at],
                            )?;
                        }
                        (id, copy)
                    }
                    None => continue,
                };
                // The version set aside, if any, comes last: whether it was new decides the report.
                let mut last = 0;
                for (target, state, file, at, kind) in &copy.history {
                    last = tx.execute(INSERT_HISTORY_PG, &[&id, target, state, file, at, kind])?;
                }
                added += copy.counts(last);
                conflicts.extend(copy.conflict.filter(|_| last > 0));
            }
            for (hash, path, at) in &imports {
                tx.execute(
                    "INSERT INTO import (content_hash, path, imported_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                    &[&hash, &path, &at],
                )?;
            }
            Ok((added, conflicts))
        })?;
        self.conflicts.extend(conflicts);
        Ok(added)
    }
}

fn pg_entry(r: &postgres::Row) -> Result<RawEntry, postgres::Error> {
    let r = PgRow(r);
    Ok(raw_entry!(r))
}

/// Lets the shared row-reading macro call `get(i)?` on a PostgreSQL row.
struct PgRow<'a>(&'a postgres::Row);

impl PgRow<'_> {
    fn get<'b, T: postgres::types::FromSql<'b>>(&'b self, i: usize) -> Result<T, postgres::Error> {
        self.0.try_get(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::memory::{NewEntry, Reuse};
    use crate::model::{Origin, State, Text};

    /// SQLite → PostgreSQL → SQLite keeps every row, its history and the import record, and a
    /// second copy adds nothing.
    #[test]
    fn a_round_trip_through_postgres_loses_nothing() {
        let Some(mut pg) = crate::memory::postgres::testing::fresh_memory() else {
            return;
        };
        let mut first = Memory::in_memory().unwrap();
        let src = Text::plain("Exports fell.");
        let human = Origin::Human {
            file: Some("r.xlf".into()),
        };
        let machine = Origin::Machine {
            engine: "deepl".into(),
            model: Some("m".into()),
        };
        let entry = |target: &'static str, origin, state, fingerprint| NewEntry {
            source_locale: "en",
            target_locale: "ar",
            source: &src,
            target: Box::leak(Box::new(Text::plain(target))),
            origin,
            state,
            fingerprint,
            document: Some("a.md"),
            previous: None,
            next: None,
            changed_at: Some(1_000),
        };
        first.store(&[entry("آلة", &machine, State::Translated, "f1")]).unwrap();
        first
            .store(&[entry("آلة 2", &machine, State::Translated, "f2")])
            .unwrap();
        first.store(&[entry("بشر", &human, State::Translated, "")]).unwrap();
        first.store(&[entry("بشر 2", &human, State::Reviewed, "")]).unwrap();
        first.mark_imported(b"tmx", std::path::Path::new("a.tmx")).unwrap();

        assert_eq!(copy(&first, &mut pg).unwrap(), 3);
        assert_eq!(copy(&first, &mut pg).unwrap(), 0, "copying again changes nothing");
        let mut back = Memory::in_memory().unwrap();
        assert_eq!(copy(&pg, &mut back).unwrap(), 3);
        let raw = |m: &Memory| match m {
            Memory::Sqlite(s) => s.raw().unwrap(),
            Memory::Postgres(p) => p.raw().unwrap(),
        };
        assert_eq!(raw(&first), raw(&back));
        assert_eq!(raw(&first), raw(&pg));
        assert_eq!(raw(&back).0.iter().map(|e| e.history.len()).sum::<usize>(), 1);
        assert!(back.was_imported(b"tmx").unwrap());
        let got = back
            .lookup("en", "ar", &src, &Reuse::Fingerprint("f2".into()))
            .unwrap()
            .unwrap();
        assert_eq!(got.target, Text::plain("بشر 2"));
        assert_eq!(
            back.fuzzy("en", "ar", &Text::plain("Exports fell!"), 3, 0.7)
                .unwrap()
                .len(),
            1
        );
    }
}
