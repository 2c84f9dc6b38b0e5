//! An interrupted run keeps what it had translated: kill the process mid-way with a slow
//! engine, and the memory still holds every batch that came back.

use crate::common::*;
use std::time::{Duration, Instant};

#[test]
fn a_killed_run_keeps_what_it_received() {
    let dir = project_with_seed();
    let d = dir.path();
    // A slow engine: 150 ms per request, one request at a time (per language) of at most 10
    // segments, so the run takes many rounds (the languages' requests overlap).
    std::fs::write(
        d.join("l10n.toml"),
        "[backends.pseudo]\ndelay_ms = 150\nmax_texts = 10\nconcurrency = 1\n",
    )
    .unwrap();
    let mut child = std::process::Command::new(BIN)
        .args([
            "translate",
            "article.txt",
            "--to",
            "ar,hi,zh",
            "--backend",
            "pseudo",
            "--memory",
            "m.sqlite",
            "--out",
            "out",
        ])
        .current_dir(d)
        // Short leases: the killed process's expire in 2 s, not the default 60 s, before the
        // run that continues can take its sentences.
        .env("L10N_LEASE_SECS", "2")
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let db = d.join("m.sqlite");
    let deadline = Instant::now() + Duration::from_secs(20);
    let rows = loop {
        assert!(Instant::now() < deadline, "nothing was stored in time");
        std::thread::sleep(Duration::from_millis(20));
        if !db.exists() {
            continue;
        }
        let Ok(conn) = rusqlite::Connection::open_with_flags(&db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY) else {
            continue;
        };
        let n: i64 = conn
            .query_row("SELECT count(*) FROM translation", [], |r| r.get(0))
            .unwrap_or(0);
        if n > 0 {
            break n;
        }
    };
    child.kill().unwrap(); // SIGKILL: no chance to clean up
    child.wait().unwrap();
    assert!(rows < 85 * 3, "the run finished before it could be interrupted");

    let conn = rusqlite::Connection::open(&db).unwrap();
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok");
    let kept: i64 = conn
        .query_row("SELECT count(*) FROM translation", [], |r| r.get(0))
        .unwrap();
    assert!(kept >= rows);
    drop(conn);

    // Continuing sends only what is left.
    std::fs::write(d.join("l10n.toml"), "").unwrap();
    let o = std::process::Command::new(BIN)
        .args([
            "translate",
            "article.txt",
            "--to",
            "ar,hi,zh",
            "--backend",
            "pseudo",
            "--memory",
            "m.sqlite",
            "--out",
            "out",
            "--format",
            "json",
        ])
        .current_dir(d)
        .env("L10N_LEASE_SECS", "2")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let report = report(&o);
    let from_memory: u64 = report["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["from_memory"].as_u64().unwrap())
        .sum();
    assert!(from_memory >= kept as u64, "kept {kept}, reused {from_memory}");
}
