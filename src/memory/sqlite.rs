//! The SQLite store of the translation memory (the embedded default): one file, WAL mode,
//! migrations under an IMMEDIATE transaction so two processes starting at once are safe.

use super::lease::Leases;
use super::{NewEntry, Reuse, StatRow, StoredEntry, fuzzy, now, origin_from, placeholder_skeleton, source_hash};
use crate::error::{Error, Result};
use crate::model::{Origin, State, Text, Translation};
use rusqlite::{Connection, OpenFlags, OptionalExtension, params};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// `PRAGMA application_id` of an l10n memory ("l10n" in ASCII).
const APPLICATION_ID: i64 = 0x6C31_306E;
/// Migrations in order; `PRAGMA user_version` is the number applied.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_init.sql"),
    include_str!("migrations/002_fuzzy_context.sql"),
    include_str!("migrations/003_lease.sql"),
    include_str!("migrations/004_alternatives.sql"),
];
/// How long to wait for another process's write before giving up; `L10N_BUSY_TIMEOUT_MS`
/// overrides it (tests use a short one to see the "locked" error quickly).
fn busy_timeout() -> Duration {
    std::env::var("L10N_BUSY_TIMEOUT_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .map(Duration::from_millis)
        .unwrap_or(Duration::from_secs(30))
}

/// The best entry for a source: human work first, then by state, then the newest.
macro_rules! lookup_sql {
    ($filter:literal) => {
        concat!(
            "SELECT target, origin, engine, model, file, state, updated_at FROM translation
             WHERE source_hash = ?1 AND target_locale = ?2 ",
            $filter,
            " ORDER BY origin = 'human' DESC,
                CASE state WHEN 'final' THEN 3 WHEN 'reviewed' THEN 2 WHEN 'translated' THEN 1 ELSE 0 END DESC,
                updated_at DESC, id DESC
             LIMIT 1"
        )
    };
}
const LOOKUP_FINGERPRINT: &str = lookup_sql!("AND (origin = 'human' OR fingerprint = ?3)");
// Pseudo-localized text is not machine work: it never hides a real translation behind it.
const LOOKUP_ANY: &str = lookup_sql!("AND (origin = 'human' OR engine IS NOT 'pseudo')");

/// A batch's transaction: its own, or a savepoint inside a bulk import's.
enum Scope<'c> {
    Transaction(rusqlite::Transaction<'c>),
    Savepoint(rusqlite::Savepoint<'c>),
}

impl std::ops::Deref for Scope<'_> {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        match self {
            Scope::Transaction(t) => t,
            Scope::Savepoint(s) => s,
        }
    }
}

impl Scope<'_> {
    fn commit(self) -> rusqlite::Result<()> {
        match self {
            Scope::Transaction(t) => t.commit(),
            Scope::Savepoint(s) => s.commit(),
        }
    }
}

pub struct SqliteMemory {
    pub(crate) conn: Connection,
    pub(super) path: PathBuf,
    leases: Leases,
    /// Human translations not stored over better ones, until [`Memory::take_conflicts`].
    pub(super) conflicts: Vec<super::Conflict>,
}

impl SqliteMemory {
    /// Opens (creating if needed) the memory at `path`, upgrading its schema.
    pub fn open(path: &Path) -> Result<SqliteMemory> {
        if path.is_dir() {
            return Err(Error::IsDirectory {
                path: path.to_path_buf(),
            });
        }
        // Another process may be creating the file this very moment: a file shorter than a
        // header is not judged, SQLite itself refuses it if it is not a database.
        let length = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        let existed = length > 0;
        if length >= 16 {
            // Refuse a foreign file before SQLite touches it (it would not change it, but a
            // clear message beats "file is not a database").
            let mut header = [0u8; 16];
            use std::io::Read;
            let ok = std::fs::File::open(path)
                .and_then(|mut f| f.read_exact(&mut header))
                .is_ok();
            if !ok || &header != b"SQLite format 3\0" {
                return Err(Error::MemoryForeign {
                    path: path.to_path_buf(),
                });
            }
        } else if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| Error::Write {
                path: parent.to_path_buf(),
                source,
            })?;
        }
        // Two processes creating the same memory at once: switching a new file to WAL and
        // migrating it can report "busy" without waiting, so the loser opens again.
        let started = std::time::Instant::now();
        loop {
            let flags =
                OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
            let conn = Connection::open_with_flags(path, flags).map_err(|e| sql_error(path, e))?;
            let mut memory = SqliteMemory {
                conn,
                path: path.to_path_buf(),
                leases: Leases::new(),
                conflicts: Vec::new(),
            };
            match memory.prepare(existed) {
                Ok(()) => return Ok(memory),
                Err(Error::MemoryLocked { .. }) if started.elapsed() < busy_timeout() => {
                    drop(memory);
                    std::thread::sleep(Duration::from_millis(25));
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// A memory that lives only as long as the process (benchmarks, dry runs).
    pub fn in_memory() -> Result<SqliteMemory> {
        let conn = Connection::open_in_memory().map_err(|e| sql_error(Path::new(":memory:"), e))?;
        let mut memory = SqliteMemory {
            conn,
            path: PathBuf::from(":memory:"),
            leases: Leases::new(),
            conflicts: Vec::new(),
        };
        memory.prepare(false)?;
        Ok(memory)
    }

    /// Claims segments for this worker (see [`super::lease`]); per hash, whether it is ours.
    pub fn claim(&mut self, target_locale: &str, hashes: &[[u8; 16]]) -> Result<Vec<bool>> {
        self.leases.claim(&mut self.conn, &self.path, target_locale, hashes)
    }

    /// Gives back leases this worker holds.
    pub fn release(&mut self, target_locale: &str, hashes: &[[u8; 16]]) -> Result<()> {
        self.leases.release(&self.conn, &self.path, target_locale, hashes)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn prepare(&mut self, existed: bool) -> Result<()> {
        let path = self.path.clone();
        let err = |e| sql_error(&path, e);
        self.conn.busy_timeout(busy_timeout()).map_err(err)?;
        // One plan per statement whatever the bound values: without this, SQLite (built with
        // STAT4) re-plans the lookup for every new hash, which was half the cost of a re-run.
        self.conn
            .set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)
            .map_err(err)?;
        let app_id: i64 = self
            .conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .map_err(err)?;
        let version: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(err)?;
        if existed && app_id != APPLICATION_ID {
            let tables: i64 = self
                .conn
                .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
                .map_err(err)?;
            if tables > 0 {
                return Err(Error::MemoryForeign { path });
            }
        }
        let supported = MIGRATIONS.len() as i64;
        if version > supported {
            return Err(Error::MemoryTooNew {
                path,
                found: version,
                supported,
            });
        }
        self.conn
            .query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))
            .map_err(err)?;
        self.conn
            .execute_batch("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")
            .map_err(err)?;
        if version < supported {
            // IMMEDIATE: two processes starting at once migrate one after the other.
            let tx = self
                .conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
                .map_err(err)?;
            let current: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(err)?;
            for (i, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
                tx.execute_batch(sql).map_err(err)?;
                if i + 1 == 2 && current >= 1 {
                    fuzzy::backfill(&tx).map_err(err)?;
                }
                tx.execute_batch(&format!("PRAGMA user_version = {}", i + 1))
                    .map_err(err)?;
            }
            tx.execute_batch(&format!("PRAGMA application_id = {APPLICATION_ID}"))
                .map_err(err)?;
            tx.commit().map_err(err)?;
        }
        Ok(())
    }

    /// The best translation of `source`, with placeholders taken from `source` itself.
    pub fn lookup(
        &self,
        source_locale: &str,
        target_locale: &str,
        source: &Text,
        reuse: &Reuse,
    ) -> Result<Option<Translation>> {
        let (keyed, map) = source.renumbered();
        let key = keyed.tagged();
        let hash = source_hash(source_locale, key.trim());
        // Two statements rather than one with a flag: SQLite re-plans a statement whose
        // bound values could change its plan, and a flag in an OR is such a value.
        let (sql, fingerprint) = match reuse {
            Reuse::Fingerprint(f) => (LOOKUP_FINGERPRINT, Some(f.as_str())),
            Reuse::AnyMachine => (LOOKUP_ANY, None),
        };
        let mut stmt = self.conn.prepare_cached(sql).map_err(|e| sql_error(&self.path, e))?;
        let read = |r: &rusqlite::Row<'_>| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, i64>(6)?,
            ))
        };
        let row = match fingerprint {
            Some(f) => stmt.query_row(params![&hash[..], target_locale, f], read),
            None => stmt.query_row(params![&hash[..], target_locale], read),
        }
        .optional()
        .map_err(|e| sql_error(&self.path, e))?;
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

    /// Stores translations in one transaction. Machine rows are replaced by newer machine rows
    /// of the same fingerprint; a changed human row keeps its previous version in the history.
    pub fn store(&mut self, entries: &[NewEntry<'_>]) -> Result<usize> {
        let path = self.path.clone();
        let err = |e| sql_error(&path, e);
        let now = now();
        let context_hash =
            |e: &NewEntry<'_>, t: Option<&Text>| t.map(|t| source_hash(e.source_locale, &t.memory_key()));
        // Inside a bulk import (see `bulk`) the batch is a savepoint of the import's one
        // transaction; otherwise a transaction of its own.
        let tx = if self.conn.is_autocommit() {
            Scope::Transaction(
                self.conn
                    .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
                    .map_err(err)?,
            )
        } else {
            Scope::Savepoint(self.conn.savepoint().map_err(err)?)
        };
        let mut changed = 0;
        // Rows with a greater id are new in this transaction: they are indexed for fuzzy
        // matches in one statement at the end (see migration 002 for why not by a trigger).
        let last_id: i64 = tx
            .query_row("SELECT coalesce(max(id), 0) FROM translation", [], |r| r.get(0))
            .map_err(err)?;
        let mut inserted = false;
        let mut conflicts = Vec::new();
        for e in entries {
            let (keyed_source, map) = e.source.renumbered();
            let key = keyed_source.tagged();
            let key = key.trim();
            let hash = source_hash(e.source_locale, key);
            let target = e.target.map_ids(&map).tagged();
            let changed_at = e.changed_at.unwrap_or(now);
            let previous = context_hash(e, e.previous);
            let next = context_hash(e, e.next);
            let (origin, engine, model, file, fingerprint) = match e.origin {
                Origin::Machine { engine, model } => {
                    ("machine", Some(engine.as_str()), model.as_deref(), None, e.fingerprint)
                }
                Origin::Human { file } => ("human", None, None, file.as_deref(), ""),
            };
            // New rows (the common case in a large import) cost one statement; an existing
            // row is then read and changed only if it differs.
            let added = tx
                .prepare_cached(
                    "INSERT INTO translation (source_locale, target_locale, source_key, source_hash, target, origin, engine, model, file, fingerprint, state, document,
                        source_text, prev_hash, next_hash, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?16)
                     ON CONFLICT (source_hash, target_locale, origin, fingerprint) DO NOTHING",
                )
                .map_err(err)?
                .execute(params![
                    e.source_locale,
                    e.target_locale,
                    key,
                    &hash[..],
                    target,
                    origin,
                    engine,
                    model,
                    file,
                    fingerprint,
                    e.state.as_str(),
                    e.document,
                    fuzzy::neutral_text(e.source),
                    previous.as_ref().map(|h| &h[..]),
                    next.as_ref().map(|h| &h[..]),
                    changed_at
                ])
                .map_err(err)?;
            if added == 1 {
                inserted = true;
                changed += 1;
                continue;
            }
            let existing: Option<(i64, String, String, Option<String>)> = tx
                .prepare_cached(
                    "SELECT id, target, state, file FROM translation
                     WHERE source_hash = ?1 AND target_locale = ?2 AND origin = ?3 AND fingerprint = ?4",
                )
                .map_err(err)?
                .query_row(params![&hash[..], e.target_locale, origin, fingerprint], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
                })
                .optional()
                .map_err(err)?;
            let Some((id, old_target, old_state, old_file)) = existing else {
                continue;
            };
            if old_target == target && old_state == e.state.as_str() {
                continue;
            }
            if origin == "human" {
                let old = State::parse(&old_state).unwrap_or(State::NeedsReview);
                let kind = match super::merge_human(&old_target, old, &target, e.state) {
                    super::HumanMerge::Keep => continue,
                    super::HumanMerge::Replace => super::EARLIER,
                    super::HumanMerge::KeepBetter => super::ALTERNATIVE,
                };
                // The version set aside: the old one when replaced, else the one offered.
                let (aside, aside_state, aside_file) = if kind == super::EARLIER {
                    (old_target.as_str(), old_state.as_str(), old_file.as_deref())
                } else {
                    (target.as_str(), e.state.as_str(), file)
                };
                let set_aside = tx
                    .prepare_cached(
                        "INSERT INTO translation_history (translation_id, target, state, file, replaced_at, kind)
                     SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE NOT EXISTS (SELECT 1 FROM translation_history
                        WHERE translation_id = ?1 AND target = ?2 AND state = ?3 AND kind = ?6)",
                    )
                    .map_err(err)?
                    .execute(params![id, aside, aside_state, aside_file, now, kind])
                    .map_err(err)?;
                if kind == super::ALTERNATIVE {
                    // Offered before: nothing new to report.
                    if set_aside == 0 {
                        continue;
                    }
                    conflicts.push(super::Conflict {
                        target_locale: e.target_locale.to_string(),
                        source: key.to_string(),
                        kept: old_target,
                        kept_state: old,
                        offered: target,
                        offered_state: e.state,
                        offered_file: file.map(str::to_string),
                    });
                    continue;
                }
            }
            tx.prepare_cached(
                        "UPDATE translation SET target = ?2, state = ?3, engine = ?4, model = ?5, file = ?6, document = coalesce(?7, document),
                            prev_hash = coalesce(?8, prev_hash), next_hash = coalesce(?9, next_hash), updated_at = ?10 WHERE id = ?1",
                    )
                    .map_err(err)?
                    .execute(params![
                        id,
                        target,
                        e.state.as_str(),
                        engine,
                        model,
                        file,
                        e.document,
                        previous.as_ref().map(|h| &h[..]),
                        next.as_ref().map(|h| &h[..]),
                        changed_at
                    ])
                    .map_err(err)?;
            changed += 1;
        }
        if inserted {
            tx.prepare_cached(
                "INSERT INTO translation_fuzzy (rowid, source_text) SELECT id, source_text FROM translation WHERE id > ?1",
            )
            .map_err(err)?
            .execute([last_id])
            .map_err(err)?;
        }
        tx.commit().map_err(err)?;
        self.conflicts.extend(conflicts);
        Ok(changed)
    }

    /// The history rows of the human translation with this source hash: (kind, target, state,
    /// file, at), newest first.
    pub(super) fn versions(&self, hash: &[u8; 16], target_locale: &str) -> Result<Vec<super::VersionRow>> {
        let read = || -> rusqlite::Result<Vec<super::VersionRow>> {
            self.conn
                .prepare_cached(
                    "SELECT h.kind, h.target, h.state, h.file, h.replaced_at FROM translation_history AS h
                     JOIN translation AS t ON t.id = h.translation_id
                     WHERE t.source_hash = ?1 AND t.target_locale = ?2 AND t.origin = 'human'
                     ORDER BY h.replaced_at DESC, h.id DESC",
                )?
                .query_map(params![&hash[..], target_locale], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
                })?
                .collect()
        };
        read().map_err(|e| sql_error(&self.path, e))
    }

    /// Starts a large import's one transaction, with a larger page cache: 64 MB, because new
    /// rows enter the duplicate-check index in random order and with the default 2 MB nearly
    /// every insert reads and writes a page. Other writers wait until it ends.
    pub fn begin_bulk(&mut self) -> Result<()> {
        self.conn
            .execute_batch("PRAGMA cache_size = -65536; BEGIN IMMEDIATE")
            .map_err(|e| sql_error(&self.path, e))
    }

    /// Ends it: everything kept (`commit`) or nothing.
    pub fn end_bulk(&mut self, commit: bool) -> Result<()> {
        let ended = self
            .conn
            .execute_batch(if commit { "COMMIT" } else { "ROLLBACK" })
            .map_err(|e| sql_error(&self.path, e));
        let _ = self.conn.execute_batch("PRAGMA cache_size = -2000");
        ended
    }

    /// Whether a file whose content has this blake3 hash was imported before.
    pub fn was_imported_hash(&self, hash: &[u8; 32]) -> Result<bool> {
        self.conn
            .query_row(
                "SELECT 1 FROM import WHERE content_hash = ?1",
                params![&hash[..]],
                |_| Ok(()),
            )
            .optional()
            .map(|r| r.is_some())
            .map_err(|e| sql_error(&self.path, e))
    }

    pub fn mark_imported_hash(&mut self, hash: &[u8; 32], path: &Path) -> Result<()> {
        self.conn
            .execute(
                "INSERT OR REPLACE INTO import (content_hash, path, imported_at) VALUES (?1, ?2, ?3)",
                params![&hash[..], path.display().to_string(), now()],
            )
            .map(|_| ())
            .map_err(|e| sql_error(&self.path, e))
    }

    pub fn stats(&self) -> Result<Vec<StatRow>> {
        let mut stmt = self
            .conn
            .prepare("SELECT target_locale, origin, state, count(*) FROM translation GROUP BY 1, 2, 3 ORDER BY 1, 2, 3")
            .map_err(|e| sql_error(&self.path, e))?;
        let rows = stmt
            .query_map([], |r| {
                Ok(StatRow {
                    target_locale: r.get(0)?,
                    origin: r.get(1)?,
                    state: r.get(2)?,
                    entries: r.get(3)?,
                })
            })
            .map_err(|e| sql_error(&self.path, e))?;
        rows.collect::<Result<Vec<_>, _>>()
            .map_err(|e| sql_error(&self.path, e))
    }

    /// The best entry per (source, target locale), one at a time (see [`super::Memory::entries`]).
    pub fn each_entry(
        &self,
        target_locale: Option<&str>,
        min_state: State,
        mut each: impl FnMut(StoredEntry) -> Result<()>,
    ) -> Result<()> {
        let err = |e| sql_error(&self.path, e);
        let mut stmt = self
            .conn
            .prepare(
                "SELECT source_locale, target_locale, source_key, target, origin, engine, model, file, state, fingerprint, created_at, updated_at
                 FROM translation
                 WHERE (?1 IS NULL OR target_locale = ?1)
                 ORDER BY target_locale, source_hash, origin = 'human' DESC,
                          CASE state WHEN 'final' THEN 3 WHEN 'reviewed' THEN 2 WHEN 'translated' THEN 1 ELSE 0 END DESC, updated_at DESC, id DESC",
            )
            .map_err(err)?;
        let mut rows = stmt.query(params![target_locale]).map_err(err)?;
        let mut last: Option<(String, String)> = None;
        while let Some(r) = rows.next().map_err(err)? {
            let get = |i| r.get::<_, Option<String>>(i).map_err(err);
            let target_locale = get(1)?.unwrap_or_default();
            let key = get(2)?.unwrap_or_default();
            if last.as_ref().is_some_and(|(l, k)| *l == target_locale && *k == key) {
                continue;
            }
            last = Some((target_locale.clone(), key.clone()));
            let state = State::parse(&get(8)?.unwrap_or_default()).unwrap_or(State::NeedsReview);
            if state < min_state {
                continue;
            }
            let source = placeholder_skeleton(&key);
            let Ok(target) = Text::parse_tagged(&get(3)?.unwrap_or_default(), &source) else {
                continue;
            };
            each(StoredEntry {
                source_locale: get(0)?.unwrap_or_default(),
                target_locale,
                source,
                target,
                origin: origin_from(&get(4)?.unwrap_or_default(), get(5)?, get(6)?, get(7)?),
                state,
                fingerprint: get(9)?.unwrap_or_default(),
                created_at: r.get(10).map_err(err)?,
                updated_at: r.get(11).map_err(err)?,
            })?;
        }
        Ok(())
    }
}

pub(crate) fn sql_error(path: &Path, e: rusqlite::Error) -> Error {
    use rusqlite::ErrorCode;
    if let rusqlite::Error::SqliteFailure(f, _) = &e {
        match f.code {
            ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => {
                return Error::MemoryLocked {
                    path: path.to_path_buf(),
                };
            }
            ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt => {
                return Error::MemoryForeign {
                    path: path.to_path_buf(),
                };
            }
            ErrorCode::CannotOpen | ErrorCode::ReadOnly | ErrorCode::PermissionDenied => {
                return Error::Memory {
                    path: path.to_path_buf(),
                    reason: e.to_string(),
                };
            }
            _ => {}
        }
    }
    Error::Memory {
        path: path.to_path_buf(),
        reason: e.to_string(),
    }
}

impl Drop for SqliteMemory {
    fn drop(&mut self) {
        self.leases.release_all(&self.conn);
    }
}
