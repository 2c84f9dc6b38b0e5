//! The memory's operations in PostgreSQL's dialect: each mirrors the SQLite store's method of
//! the same name (see `super::super::sqlite`), so both stores behave the same.

use super::{PgMemory, schema_version};
use crate::error::Result;
use crate::memory::fuzzy::{Candidate, Ranker, neutral_text};
use crate::memory::{ALTERNATIVE, Conflict, EARLIER, HumanMerge, VersionRow, merge_human};
use crate::memory::{
    FuzzyMatch, GcOutcome, NewEntry, Reuse, StatRow, Stats, StoredEntry, now, origin_from, placeholder_skeleton,
    source_hash,
};
use crate::model::{Origin, State, Text, Translation};
use std::path::Path;

/// The best entry for a source: human work first, then by state, then the newest.
const RANK: &str = "(origin = 'human') DESC,
    CASE state WHEN 'final' THEN 3 WHEN 'reviewed' THEN 2 WHEN 'translated' THEN 1 ELSE 0 END DESC,
    updated_at DESC, id DESC";

/// At most this many fuzzy candidates are scored per lookup (as in SQLite).
const CANDIDATES: i64 = 200;

/// A translation to store, owned so it can travel to the connection's thread.
#[derive(Clone)]
struct Row {
    source_locale: String,
    target_locale: String,
    key: String,
    hash: Vec<u8>,
    target: String,
    origin: &'static str,
    engine: Option<String>,
    model: Option<String>,
    file: Option<String>,
    fingerprint: String,
    state: &'static str,
    document: Option<String>,
    source_text: String,
    previous: Option<Vec<u8>>,
    next: Option<Vec<u8>>,
    changed_at: i64,
}

impl Row {
    fn new(e: &NewEntry<'_>, now: i64) -> Row {
        let (keyed_source, map) = e.source.renumbered();
        let key = keyed_source.tagged().trim().to_string();
        let context = |t: Option<&Text>| t.map(|t| source_hash(e.source_locale, &t.memory_key()).to_vec());
        let (origin, engine, model, file, fingerprint) = match e.origin {
            Origin::Machine { engine, model } => ("machine", Some(engine.clone()), model.clone(), None, e.fingerprint),
            Origin::Human { file } => ("human", None, None, file.clone(), ""),
        };
        Row {
            source_locale: e.source_locale.to_string(),
            target_locale: e.target_locale.to_string(),
            hash: source_hash(e.source_locale, &key).to_vec(),
            key,
            target: e.target.map_ids(&map).tagged(),
            origin,
            engine,
            model,
            file,
            fingerprint: fingerprint.to_string(),
            state: e.state.as_str(),
            document: e.document.map(str::to_string),
            source_text: neutral_text(e.source),
            previous: context(e.previous),
            next: context(e.next),
            changed_at: e.changed_at.unwrap_or(now),
        }
    }
}

impl PgMemory {
    pub fn lookup(
        &self,
        source_locale: &str,
        target_locale: &str,
        source: &Text,
        reuse: &Reuse,
    ) -> Result<Option<Translation>> {
        let (keyed, map) = source.renumbered();
        let hash = source_hash(source_locale, keyed.tagged().trim()).to_vec();
        let target_locale = target_locale.to_string();
        let fingerprint = match reuse {
            Reuse::Fingerprint(f) => Some(f.clone()),
            Reuse::AnyMachine => None,
        };
        let sql = format!(
            "SELECT target, origin, engine, model, file, state, updated_at FROM translation
             WHERE source_hash = $1 AND target_locale = $2 AND (origin = 'human' OR
                 CASE WHEN $3::text IS NULL THEN engine IS DISTINCT FROM 'pseudo' ELSE fingerprint = $3 END)
             ORDER BY {RANK} LIMIT 1"
        );
        let row = self.call_read(sql, move |client, statement| {
            let row = client.query_opt(statement, &[&hash, &target_locale, &fingerprint])?;
            Ok(row.map(|r| {
                (
                    r.get::<_, String>(0),
                    r.get::<_, String>(1),
                    r.get::<_, Option<String>>(2),
                    r.get::<_, Option<String>>(3),
                    r.get::<_, Option<String>>(4),
                    r.get::<_, String>(5),
                    r.get::<_, i64>(6),
                )
            }))
        })?;
        let Some((target, origin, engine, model, file, state, updated_at)) = row else {
            return Ok(None);
        };
        // A stored target that no longer fits the source's placeholders is not used.
        let Ok(parsed) = Text::parse_tagged(&target, &keyed) else {
            return Ok(None);
        };
        let back: std::collections::HashMap<u32, u32> = map.into_iter().map(|(old, new)| (new, old)).collect();
        Ok(Some(Translation {
            target: parsed.map_ids(&back),
            origin: origin_from(&origin, engine, model, file),
            state: State::parse(&state).unwrap_or(State::NeedsReview),
            updated_at,
        }))
    }

    pub fn store(&mut self, entries: &[NewEntry<'_>]) -> Result<usize> {
        let now = now();
        let rows: Vec<Row> = entries.iter().map(|e| Row::new(e, now)).collect();
        let (changed, conflicts) = self.call(move |tx| {
            let insert = tx.prepare(
                "INSERT INTO translation (source_locale, target_locale, source_key, source_hash, target, origin, engine, model, file, fingerprint, state, document,
                    source_text, prev_hash, next_hash, created_at, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16)
                 ON CONFLICT (source_hash, target_locale, origin, fingerprint) DO NOTHING",
            )?;
            let existing = tx.prepare(
                "SELECT id, target, state, file FROM translation
                 WHERE source_hash = $1 AND target_locale = $2 AND origin = $3 AND fingerprint = $4 FOR UPDATE",
            )?;
            let mut changed = 0;
            // Run again whole after a lost connection: start the list afresh each time.
            let mut conflicts = Vec::new();
            for r in &rows {
                let added = tx.execute(
                    &insert,
                    &[
                        &r.source_locale,
                        &r.target_locale,
                        &r.key,
                        &r.hash,
                        &r.target,
                        &r.origin,
                        &r.engine,
                        &r.model,
                        &r.file,
                        &r.fingerprint,
                        &r.state,
                        &r.document,
                        &r.source_text,
                        &r.previous,
                        &r.next,
                        &r.changed_at,
                    ],
                )?;
                if added == 1 {
                    changed += 1;
                    continue;
                }
                let Some(old) = tx.query_opt(&existing, &[&r.hash, &r.target_locale, &r.origin, &r.fingerprint])? else {
                    continue;
                };
                let (id, old_target, old_state, old_file): (i64, String, String, Option<String>) =
                    (old.get(0), old.get(1), old.get(2), old.get(3));
                if old_target == r.target && old_state == r.state {
                    continue;
                }
                if r.origin == "human" {
                    let old = State::parse(&old_state).unwrap_or(State::NeedsReview);
                    let new = State::parse(r.state).unwrap_or(State::NeedsReview);
                    let kind = match merge_human(&old_target, old, &r.target, new) {
                        HumanMerge::Keep => continue,
                        HumanMerge::Replace => EARLIER,
                        HumanMerge::KeepBetter => ALTERNATIVE,
                    };
                    // The version set aside: the old one when replaced, else the one offered.
                    let (aside, aside_state, aside_file) = if kind == EARLIER {
                        (&old_target, old_state.as_str(), &old_file)
                    } else {
                        (&r.target, r.state, &r.file)
                    };
                    let set_aside = tx.execute(
                        "INSERT INTO translation_history (translation_id, target, state, file, replaced_at, kind)
                         SELECT $1, $2, $3, $4, $5, $6 WHERE NOT EXISTS (SELECT 1 FROM translation_history
                            WHERE translation_id = $1 AND target = $2 AND state = $3 AND kind = $6)",
                        &[&id, aside, &aside_state, aside_file, &now, &kind],
                    )?;
                    if kind == ALTERNATIVE {
                        // Offered before: nothing new to report.
                        if set_aside == 0 {
                            continue;
                        }
                        conflicts.push(Conflict {
                            target_locale: r.target_locale.clone(),
                            source: r.key.clone(),
                            kept: old_target,
                            kept_state: old,
                            offered: r.target.clone(),
                            offered_state: new,
                            offered_file: r.file.clone(),
                        });
                        continue;
                    }
                }
                tx.execute(
                    "UPDATE translation SET target = $2, state = $3, engine = $4, model = $5, file = $6, document = coalesce($7, document),
                        prev_hash = coalesce($8, prev_hash), next_hash = coalesce($9, next_hash), updated_at = $10 WHERE id = $1",
                    &[&id, &r.target, &r.state, &r.engine, &r.model, &r.file, &r.document, &r.previous, &r.next, &r.changed_at],
                )?;
                changed += 1;
            }
            Ok((changed, conflicts))
        })?;
        self.conflicts.extend(conflicts);
        Ok(changed)
    }

    /// The history rows of the human translation with this source hash: (kind, target, state,
    /// file, at), newest first.
    pub(in crate::memory) fn versions(&self, hash: &[u8; 16], target_locale: &str) -> Result<Vec<VersionRow>> {
        let hash = hash.to_vec();
        let target_locale = target_locale.to_string();
        self.call(move |tx| {
            let rows = tx.query(
                "SELECT h.kind, h.target, h.state, h.file, h.replaced_at FROM translation_history AS h
                 JOIN translation AS t ON t.id = h.translation_id
                 WHERE t.source_hash = $1 AND t.target_locale = $2 AND t.origin = 'human'
                 ORDER BY h.replaced_at DESC, h.id DESC",
                &[&hash, &target_locale],
            )?;
            Ok(rows
                .iter()
                .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3), r.get(4)))
                .collect())
        })
    }

    pub fn was_imported_hash(&self, hash: &[u8; 32]) -> Result<bool> {
        let hash = hash.to_vec();
        self.call(move |tx| {
            Ok(tx
                .query_opt("SELECT 1 FROM import WHERE content_hash = $1", &[&hash])?
                .is_some())
        })
    }

    pub fn mark_imported_hash(&mut self, hash: &[u8; 32], path: &Path) -> Result<()> {
        let hash = hash.to_vec();
        let path = path.display().to_string();
        let now = now();
        self.call(move |tx| {
            tx.execute(
                "INSERT INTO import (content_hash, path, imported_at) VALUES ($1, $2, $3)
                 ON CONFLICT (content_hash) DO UPDATE SET path = excluded.path, imported_at = excluded.imported_at",
                &[&hash, &path, &now],
            )?;
            Ok(())
        })
    }

    pub fn stats(&self) -> Result<Vec<StatRow>> {
        self.call(|tx| {
            let rows = tx.query(
                "SELECT target_locale, origin, state, count(*) FROM translation GROUP BY 1, 2, 3 ORDER BY 1, 2, 3",
                &[],
            )?;
            Ok(rows
                .iter()
                .map(|r| StatRow {
                    target_locale: r.get(0),
                    origin: r.get(1),
                    state: r.get(2),
                    entries: r.get(3),
                })
                .collect())
        })
    }

    pub fn summary(&self) -> Result<Stats> {
        let rows = self.stats()?;
        let (schema_version, bytes) = self.call(|tx| {
            let version = schema_version(tx)?;
            let bytes: i64 = tx
                .query_one(
                    "SELECT coalesce(sum(pg_total_relation_size(c)), 0)::bigint
                     FROM unnest(ARRAY['translation', 'translation_history', 'import', 'lease']::regclass[]) AS c",
                    &[],
                )?
                .get(0);
            Ok((version, bytes))
        })?;
        Ok(Stats {
            path: self.display.display().to_string(),
            entries: rows.iter().map(|r| r.entries).sum(),
            bytes: bytes as u64,
            schema_version,
            rows,
        })
    }

    pub fn gc(&mut self, older_than_days: u64, current_fingerprint: Option<&str>) -> Result<GcOutcome> {
        let cutoff = crate::memory::cutoff_days_ago(older_than_days);
        let current = current_fingerprint.map(str::to_string);
        let removed = self.call(move |tx| {
            // Leases of workers that died and whose segments nobody needed since.
            tx.execute(
                "DELETE FROM lease WHERE expires_at < (extract(epoch from clock_timestamp()) * 1000)::bigint",
                &[],
            )?;
            tx.execute(
                "DELETE FROM translation AS t
                 WHERE t.origin = 'machine' AND t.updated_at <= $1
                   AND (($2::text IS NOT NULL AND t.fingerprint <> $2 AND split_part(t.fingerprint, '|terms:', 1) <> $2)
                        OR EXISTS (SELECT 1 FROM translation AS o
                                   WHERE o.source_hash = t.source_hash AND o.target_locale = t.target_locale
                                     AND (o.origin = 'human'
                                          OR ($2::text IS NULL AND o.fingerprint <> t.fingerprint
                                              AND o.updated_at > t.updated_at
                                              AND split_part(o.fingerprint, '|terms:', 1) <> split_part(t.fingerprint, '|terms:', 1)))))",
                &[&cutoff, &current],
            )
        })?;
        Ok(GcOutcome {
            removed: removed as usize,
        })
    }

    /// Fuzzy matches: pg_trgm's trigram index finds candidates, scored like SQLite's.
    pub fn fuzzy(
        &self,
        source_locale: &str,
        target_locale: &str,
        source: &Text,
        limit: usize,
        threshold: f64,
    ) -> Result<Vec<FuzzyMatch>> {
        let query = neutral_text(source);
        if limit == 0 || query.chars().count() < 3 {
            return Ok(Vec::new());
        }
        // Trigram similarity runs lower than edit-distance similarity for the same pair, so
        // candidates are taken well below the threshold and the exact score decides.
        let trigram_floor = (threshold * 0.5).clamp(0.1, 0.9) as f32;
        let (source_locale, target_locale, q) = (source_locale.to_string(), target_locale.to_string(), query.clone());
        let rows = self.call(move |tx| {
            tx.execute("SELECT set_limit($1)", &[&trigram_floor])?;
            let rows = tx.query(
                "SELECT source_key, source_text, target, origin, engine, model, file, state FROM translation
                 WHERE source_text % $3 AND source_locale = $1 AND target_locale = $2
                 ORDER BY similarity(source_text, $3) DESC LIMIT $4",
                &[&source_locale, &target_locale, &q, &CANDIDATES],
            )?;
            Ok(rows
                .iter()
                .map(|r| Candidate {
                    key: r.get(0),
                    text: r.get(1),
                    target: r.get(2),
                    origin: r.get(3),
                    engine: r.get(4),
                    model: r.get(5),
                    file: r.get(6),
                    state: r.get(7),
                })
                .collect::<Vec<_>>())
        })?;
        let mut ranker = Ranker::new(&query, threshold);
        for c in rows {
            ranker.offer(c);
        }
        Ok(ranker.best(limit))
    }

    pub fn each_entry(
        &self,
        target_locale: Option<&str>,
        min_state: State,
        mut each: impl FnMut(StoredEntry) -> Result<()>,
    ) -> Result<()> {
        let target_locale = target_locale.map(str::to_string);
        let rows = self.call(move |tx| {
            let sql = format!(
                "SELECT DISTINCT ON (target_locale, source_hash)
                    source_locale, target_locale, source_key, target, origin, engine, model, file, state, fingerprint, created_at, updated_at
                 FROM translation WHERE ($1::text IS NULL OR target_locale = $1)
                 ORDER BY target_locale, source_hash, {RANK}"
            );
            tx.query(&sql, &[&target_locale])
        })?;
        for r in rows {
            let state = State::parse(r.get(8)).unwrap_or(State::NeedsReview);
            if state < min_state {
                continue;
            }
            let source = placeholder_skeleton(r.get(2));
            let Ok(target) = Text::parse_tagged(r.get(3), &source) else {
                continue;
            };
            each(StoredEntry {
                source_locale: r.get(0),
                target_locale: r.get(1),
                source,
                target,
                origin: origin_from(r.get(4), r.get(5), r.get(6), r.get(7)),
                state,
                fingerprint: r.get(9),
                created_at: r.get(10),
                updated_at: r.get(11),
            })?;
        }
        Ok(())
    }
}
