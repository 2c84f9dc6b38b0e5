//! Looking after the memory: what it holds (`memory stats`) and removing machine work that can
//! no longer be used (`memory gc`). Human work is never removed here.

use super::{SqliteMemory, StatRow, now, sql_error};
use crate::error::Result;
use rusqlite::params;

/// What `memory stats` reports.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Stats {
    pub path: String,
    pub entries: i64,
    /// Size of the database file and its write-ahead log, in bytes.
    pub bytes: u64,
    pub schema_version: i64,
    pub rows: Vec<StatRow>,
}

/// What `memory gc` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct GcOutcome {
    pub removed: usize,
}

impl SqliteMemory {
    pub fn summary(&self) -> Result<Stats> {
        let err = |e| sql_error(&self.path, e);
        let rows = self.stats()?;
        let entries = rows.iter().map(|r| r.entries).sum();
        let schema_version = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(err)?;
        let file_size = |suffix: &str| {
            let mut p = self.path.clone().into_os_string();
            p.push(suffix);
            std::fs::metadata(&p).map(|m| m.len()).unwrap_or(0)
        };
        let bytes = if self.path.as_os_str() == ":memory:" {
            let pages: i64 = self
                .conn
                .query_row(
                    "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()",
                    [],
                    |r| r.get(0),
                )
                .map_err(err)?;
            pages as u64
        } else {
            file_size("") + file_size("-wal")
        };
        Ok(Stats {
            path: self.path.display().to_string(),
            entries,
            bytes,
            schema_version,
            rows,
        })
    }

    /// Removes stale machine translations last changed more than `older_than_days` ago.
    ///
    /// Stale means the plan ([`crate::plan`]) would no longer use it without `--reuse stale`:
    /// a human translation of the same sentence exists (it always wins); or, when
    /// `current_fingerprint` is given (the configured engine's), it was made with another
    /// engine — glossary-guided work of that engine (`<engine>|terms:…`) is current and kept;
    /// or, without it, a newer machine translation by another engine exists.
    pub fn gc(&mut self, older_than_days: u64, current_fingerprint: Option<&str>) -> Result<GcOutcome> {
        let path = self.path.clone();
        let err = |e| sql_error(&path, e);
        let cutoff = super::cutoff_days_ago(older_than_days);
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(err)?;
        let removed = tx
            .execute(
                "DELETE FROM translation AS t
                 WHERE t.origin = 'machine' AND t.updated_at <= ?1
                   AND ((?2 IS NOT NULL AND t.fingerprint <> ?2
                         AND substr(t.fingerprint, 1, length(?2) + 7) <> ?2 || '|terms:')
                        OR EXISTS (SELECT 1 FROM translation AS o
                                   WHERE o.source_hash = t.source_hash AND o.target_locale = t.target_locale
                                     AND (o.origin = 'human'
                                          OR (?2 IS NULL AND o.fingerprint <> t.fingerprint
                                              AND o.updated_at > t.updated_at
                                              AND (CASE WHEN instr(o.fingerprint, '|terms:') > 0 THEN substr(o.fingerprint, 1, instr(o.fingerprint, '|terms:') - 1) ELSE o.fingerprint END) <> (CASE WHEN instr(t.fingerprint, '|terms:') > 0 THEN substr(t.fingerprint, 1, instr(t.fingerprint, '|terms:') - 1) ELSE t.fingerprint END)))))",
                params![cutoff, current_fingerprint],
            )
            .map_err(err)?;
        // Leases of workers that died and whose segments nobody needed since.
        tx.execute(
            "DELETE FROM lease WHERE expires_at < ?1",
            params![now().saturating_mul(1000)],
        )
        .map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(GcOutcome { removed })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::memory::{Memory, NewEntry, Reuse};
    use crate::model::{Origin, State, Text};

    fn machine(m: &mut Memory, source: &str, fingerprint: &str, changed_at: i64) {
        m.store(&[NewEntry {
            source_locale: "en",
            target_locale: "ar",
            source: &Text::plain(source),
            target: &Text::plain(format!("{source} ({fingerprint})")),
            origin: &Origin::Machine {
                engine: "deepl".into(),
                model: None,
            },
            state: State::Translated,
            fingerprint,
            document: None,
            previous: None,
            next: None,
            changed_at: Some(changed_at),
        }])
        .unwrap();
    }

    on_both_stores!(gc_removes_only_old_stale_machine_work);

    fn gc_removes_only_old_stale_machine_work(mut m: Memory) {
        let long_ago = now() - 40 * 86_400;
        machine(&mut m, "Old and superseded.", "a", long_ago);
        machine(&mut m, "Old and superseded.", "b", long_ago + 10);
        machine(&mut m, "Old but current.", "b", long_ago);
        machine(&mut m, "Recent other engine.", "a", now());
        assert_eq!(m.summary().unwrap().entries, 4);
        assert_eq!(m.gc(30, None).unwrap().removed, 1);
        let src = Text::plain("Old and superseded.");
        let kept = m.lookup("en", "ar", &src, &Reuse::AnyMachine).unwrap().unwrap();
        assert_eq!(kept.target, Text::plain("Old and superseded. (b)"));
        // With the current engine's fingerprint known, old work of others is stale too, but
        // recent work is kept whatever made it.
        assert_eq!(m.gc(30, Some("c")).unwrap().removed, 2);
        assert_eq!(m.summary().unwrap().entries, 1);
        assert_eq!(m.gc(0, Some("c")).unwrap().removed, 1);
    }
}
