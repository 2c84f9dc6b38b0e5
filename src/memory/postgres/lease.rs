//! Leases in PostgreSQL (see `crate::memory::lease` for the mechanism): expiries come from the
//! server's clock, so workers on machines whose clocks disagree still agree on them.

use super::{Job, PgMemory};
use crate::error::Result;
use crate::memory::lease::{Heartbeat, millis, ttl};

/// The server's clock in Unix milliseconds.
const NOW: &str = "(extract(epoch from clock_timestamp()) * 1000)::bigint";

impl PgMemory {
    /// Claims what is free or expired among `hashes` for `target_locale`; returns, per hash,
    /// whether this worker holds it now.
    pub fn claim(&mut self, target_locale: &str, hashes: &[[u8; 16]]) -> Result<Vec<bool>> {
        // Rows are taken in one order by every worker, so two overlapping claims never wait
        // on each other in a cycle.
        let mut sorted: Vec<Vec<u8>> = hashes.iter().map(|h| h.to_vec()).collect();
        sorted.sort();
        sorted.dedup();
        let (target, worker, ttl_ms) = (target_locale.to_string(), self.leases.worker.clone(), millis(ttl()));
        self.leases.claimed = true;
        let held: Vec<Vec<u8>> = self.call(move |tx| {
            let sql = format!(
                "INSERT INTO lease (source_hash, target_locale, worker, expires_at)
                 SELECT h, $2, $3, {NOW} + $4 FROM unnest($1::bytea[]) AS h
                 ON CONFLICT (source_hash, target_locale) DO UPDATE
                    SET worker = EXCLUDED.worker, expires_at = EXCLUDED.expires_at
                    WHERE lease.expires_at < {NOW} OR lease.worker = EXCLUDED.worker
                 RETURNING source_hash"
            );
            let rows = tx.query(&sql, &[&sorted, &target, &worker, &ttl_ms])?;
            Ok(rows.iter().map(|r| r.get(0)).collect())
        })?;
        if self.leases.heartbeat.is_none() && !held.is_empty() {
            self.leases.heartbeat = self
                .jobs
                .clone()
                .map(|jobs| heartbeat(jobs, self.leases.worker.clone()));
        }
        Ok(hashes.iter().map(|h| held.iter().any(|x| x[..] == h[..])).collect())
    }

    /// Gives back leases this worker holds.
    pub fn release(&mut self, target_locale: &str, hashes: &[[u8; 16]]) -> Result<()> {
        let hashes: Vec<Vec<u8>> = hashes.iter().map(|h| h.to_vec()).collect();
        let (target, worker) = (target_locale.to_string(), self.leases.worker.clone());
        self.call(move |tx| {
            tx.execute(
                "DELETE FROM lease WHERE worker = $1 AND target_locale = $2 AND source_hash = ANY($3)",
                &[&worker, &target, &hashes],
            )?;
            Ok(())
        })
    }

    /// Gives up every lease this worker holds (a clean end; a crash leaves them to expire).
    /// One attempt: a server that went away must not hold up the exit, and the leases expire.
    pub(super) fn release_all(&mut self) {
        self.leases.heartbeat.take();
        if self.leases.claimed {
            let worker = self.leases.worker.clone();
            let _ = self.submit(move |c| {
                let _ = c.run_once(&mut |tx| tx.execute("DELETE FROM lease WHERE worker = $1", &[&worker]));
                Ok(())
            });
        }
    }
}

/// Renews the worker's leases every third of their lifetime, through the store's connection
/// thread (which is idle while the worker waits for an engine). One attempt per beat: a missed
/// beat costs nothing (two more come before the leases expire), while retrying would queue
/// beats behind a lost server and hold up everything after them.
fn heartbeat(jobs: std::sync::mpsc::Sender<Job>, worker: String) -> Heartbeat {
    let ttl = ttl();
    Heartbeat::start(ttl / 3, move || {
        let worker = worker.clone();
        let ttl_ms = millis(ttl);
        let renew: Job = Box::new(move |connection| {
            let _ = connection.run_once(&mut |tx| {
                tx.execute(
                    &format!("UPDATE lease SET expires_at = {NOW} + $2 WHERE worker = $1"),
                    &[&worker, &ttl_ms],
                )
            });
        });
        let _ = jobs.send(renew);
    })
}
