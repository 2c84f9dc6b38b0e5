//! Leases: how workers that share one memory avoid sending the same segment to an engine at
//! the same time.
//!
//! A worker about to send segments claims them first: one `lease` row per (source sentence,
//! target language), naming the worker and an expiry. A claim takes a row that is free, expired
//! or already the worker's own, atomically (an upsert whose update only applies to an expired
//! row: the equivalent of `SELECT … FOR UPDATE SKIP LOCKED` without a second round trip); rows
//! another live worker holds are left to it, and the pipeline waits for their translations to
//! appear in the memory. While a worker holds leases a heartbeat thread pushes their expiry
//! forward; a worker that dies stops beating, its leases expire after [`ttl`], and the others
//! take them over. A worker releases its leases when it is done with their segments (stored,
//! or given up after an engine failure), and all of them when its memory is closed.
//!
//! The same mechanism serves `translate --workers N` (N workers in one process, each with its
//! own connection) and the same command run on several machines against one PostgreSQL memory.
//! This module holds what both stores share and the SQLite side; the PostgreSQL statements are
//! in `postgres/lease.rs`.

use crate::error::Result;
use rusqlite::{Connection, params};
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

/// How long a lease lives without a heartbeat: `L10N_LEASE_SECS` (default 60).
pub fn ttl() -> Duration {
    std::env::var("L10N_LEASE_SECS")
        .ok()
        .and_then(|v| v.parse::<f64>().ok())
        .filter(|s| *s > 0.0)
        .map(Duration::from_secs_f64)
        .unwrap_or(Duration::from_secs(60))
}

/// Milliseconds, as lease rows store their expiry.
pub(crate) fn millis(d: Duration) -> i64 {
    d.as_millis().min(i64::MAX as u128) as i64
}

/// A name for this worker that no other process on any machine uses: host, process, a counter
/// (several workers in one process) and the start time.
pub(crate) fn worker_id() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .or_else(|| std::env::var("HOSTNAME").ok())
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "host".into());
    let started = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    format!(
        "{host}:{}:{}:{started:x}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    )
}

/// A thread that calls `beat` every `every` until dropped.
pub(crate) struct Heartbeat {
    stop: Option<mpsc::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Heartbeat {
    pub(crate) fn start(every: Duration, mut beat: impl FnMut() + Send + 'static) -> Heartbeat {
        let (stop, stopped) = mpsc::channel::<()>();
        let thread = std::thread::Builder::new()
            .name("l10n-lease-heartbeat".into())
            .spawn(move || {
                while let Err(mpsc::RecvTimeoutError::Timeout) = stopped.recv_timeout(every) {
                    beat();
                }
            })
            .ok();
        Heartbeat {
            stop: Some(stop),
            thread,
        }
    }
}

impl Drop for Heartbeat {
    fn drop(&mut self) {
        self.stop.take();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// One worker's side of the leases, in either store: its name in lease rows, whether it ever
/// claimed (only then is there anything to release), and the heartbeat that keeps its leases
/// alive once it holds some. The SQLite statements are the methods below; the PostgreSQL ones
/// are in `postgres/lease.rs`.
pub(crate) struct Leases {
    pub(crate) worker: String,
    pub(crate) heartbeat: Option<Heartbeat>,
    pub(crate) claimed: bool,
}

impl Leases {
    pub(crate) fn new() -> Leases {
        Leases {
            worker: worker_id(),
            heartbeat: None,
            claimed: false,
        }
    }

    /// In SQLite: claims what is free or expired among `hashes` for `target_locale`; returns,
    /// per hash, whether this worker holds it now. One IMMEDIATE transaction: SQLite has one
    /// writer, so two workers never both take the same row.
    pub(crate) fn claim(
        &mut self,
        conn: &mut Connection,
        path: &Path,
        target_locale: &str,
        hashes: &[[u8; 16]],
    ) -> Result<Vec<bool>> {
        let err = |e| super::sql_error(path, e);
        let ttl = ttl();
        self.claimed = true;
        let tx = conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(err)?;
        let now = now_millis();
        let mut held = Vec::with_capacity(hashes.len());
        {
            let mut claim = tx
                .prepare_cached(
                    "INSERT INTO lease (source_hash, target_locale, worker, expires_at) VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT (source_hash, target_locale) DO UPDATE
                        SET worker = excluded.worker, expires_at = excluded.expires_at
                        WHERE lease.expires_at < ?5 OR lease.worker = excluded.worker",
                )
                .map_err(err)?;
            for hash in hashes {
                let changed = claim
                    .execute(params![&hash[..], target_locale, self.worker, now + millis(ttl), now])
                    .map_err(err)?;
                held.push(changed == 1);
            }
        }
        tx.commit().map_err(err)?;
        if self.heartbeat.is_none() && held.contains(&true) && path != Path::new(":memory:") {
            self.heartbeat = Some(sqlite_heartbeat(path, &self.worker, ttl));
        }
        Ok(held)
    }

    /// In SQLite: gives back leases this worker holds.
    pub(crate) fn release(
        &mut self,
        conn: &Connection,
        path: &Path,
        target_locale: &str,
        hashes: &[[u8; 16]],
    ) -> Result<()> {
        let err = |e| super::sql_error(path, e);
        let tx = conn.unchecked_transaction().map_err(err)?;
        {
            let mut release = tx
                .prepare_cached("DELETE FROM lease WHERE source_hash = ?1 AND target_locale = ?2 AND worker = ?3")
                .map_err(err)?;
            for hash in hashes {
                release
                    .execute(params![&hash[..], target_locale, self.worker])
                    .map_err(err)?;
            }
        }
        tx.commit().map_err(err)
    }

    /// In SQLite: gives up every lease this worker holds (a clean end of run; a crash leaves
    /// them to expire).
    pub(crate) fn release_all(&mut self, conn: &Connection) {
        self.heartbeat.take();
        if !self.claimed {
            return;
        }
        let _ = conn.execute("DELETE FROM lease WHERE worker = ?1", params![self.worker]);
    }
}

/// Renews this worker's leases every third of their lifetime, on a connection of its own.
fn sqlite_heartbeat(path: &Path, worker: &str, ttl: Duration) -> Heartbeat {
    let path = path.to_path_buf();
    let worker = worker.to_string();
    let mut conn: Option<Connection> = None;
    Heartbeat::start(ttl / 3, move || {
        if conn.is_none() {
            conn = Connection::open(&path).ok();
            if let Some(c) = &conn {
                let _ = c.busy_timeout(ttl / 3);
            }
        }
        if let Some(c) = &conn {
            let _ = c.execute(
                "UPDATE lease SET expires_at = ?1 WHERE worker = ?2",
                params![now_millis() + millis(ttl), worker],
            );
        }
    })
}

fn now_millis() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(millis)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use crate::memory::Memory;

    /// Runs `sqlite` or `postgres` (the same statement in each dialect) on the memory, as
    /// another worker would, and returns the rows changed or counted.
    fn raw(memory: &mut Memory, sqlite: &str, postgres: &str) -> i64 {
        match memory {
            Memory::Sqlite(m) if sqlite.starts_with("SELECT") => m.conn.query_row(sqlite, [], |r| r.get(0)).unwrap(),
            Memory::Sqlite(m) => m.conn.execute(sqlite, []).unwrap() as i64,
            Memory::Postgres(m) => {
                let sql = postgres.to_string();
                m.call(move |tx| {
                    if sql.starts_with("SELECT") {
                        Ok(tx.query_one(&sql, &[])?.get::<_, i64>(0))
                    } else {
                        Ok(tx.execute(&sql, &[])? as i64)
                    }
                })
                .unwrap()
            }
        }
    }

    /// Puts a lease of `worker` on hash `[n; 16]` for ar, expiring at `expires_at` ms.
    fn foreign_lease(memory: &mut Memory, n: u8, worker: &str, expires_at: i64) {
        let hex = format!("{n:02x}").repeat(16);
        raw(
            memory,
            &format!("INSERT INTO lease VALUES (X'{hex}', 'ar', '{worker}', {expires_at})"),
            &format!("INSERT INTO lease VALUES ('\\x{hex}'::bytea, 'ar', '{worker}', {expires_at})"),
        );
    }

    fn count(memory: &mut Memory, worker: &str) -> i64 {
        let sql = format!("SELECT count(*) FROM lease WHERE worker = '{worker}'");
        raw(memory, &sql, &sql)
    }

    fn claims_take_only_free_expired_or_own_rows(mut m: Memory) {
        let far = i64::MAX / 2;
        assert_eq!(m.claim("ar", &[[1; 16], [2; 16]]).unwrap(), [true, true]);
        // Held by a live worker: left to it; its expired lease: taken over.
        foreign_lease(&mut m, 3, "alive", far);
        foreign_lease(&mut m, 4, "dead", 1);
        assert_eq!(
            m.claim("ar", &[[3; 16], [4; 16], [1; 16]]).unwrap(),
            [false, true, true]
        );
        assert_eq!(count(&mut m, "alive"), 1);
        assert_eq!(count(&mut m, "dead"), 0);
        // The same sentence into another language is another lease.
        let other_language = m.claim("hi", &[[3; 16]]).unwrap();
        assert_eq!(other_language, [true]);
        // Released rows are free for anyone; the live worker's stays.
        m.release("ar", &[[1; 16], [3; 16]]).unwrap();
        let sql = "SELECT count(*) FROM lease WHERE target_locale = 'ar'";
        assert_eq!(raw(&mut m, sql, sql), 3, "[2], [4] ours, [3] alive's");
        // gc removes what dead workers left behind, nothing alive.
        foreign_lease(&mut m, 5, "dead", 1);
        m.gc(30, None).unwrap();
        assert_eq!(count(&mut m, "dead"), 0);
        assert_eq!(count(&mut m, "alive"), 1);
    }

    on_both_stores!(claims_take_only_free_expired_or_own_rows);
}
