//! Test support: a fresh, empty PostgreSQL memory per test, each in its own schema of the
//! database named by `L10N_TEST_POSTGRES`, so tests running in parallel never see each other.

use crate::memory::Memory;
use std::sync::atomic::{AtomicU32, Ordering};

/// The test database's URL, or `None` (after saying so) when none is configured. Under CI
/// (`CI=true`) a missing server fails the test instead: a green CI means these tests ran.
pub(crate) fn server_url() -> Option<String> {
    match std::env::var("L10N_TEST_POSTGRES") {
        Ok(url) if !url.is_empty() => Some(url),
        _ if std::env::var("CI").is_ok_and(|v| v == "true" || v == "1") => {
            panic!("CI=true but L10N_TEST_POSTGRES is not set: the PostgreSQL tests must run in CI")
        }
        _ => {
            eprintln!("skipped: L10N_TEST_POSTGRES is not set (no PostgreSQL server to test against)");
            None
        }
    }
}

/// A URL for `url`'s database whose tables live in a new, empty schema.
pub(crate) fn fresh_schema_url(url: &str) -> String {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let schema = format!(
        "t{}_{}_{}",
        std::process::id(),
        crate::memory::now(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    );
    let mut admin = postgres::Client::connect(url, postgres::NoTls).expect("test server reachable");
    // The extension is database-wide; it lives in public, which every test schema searches too.
    // Under the migrations' lock: a migration may be creating it this very moment.
    let mut tx = admin.transaction().unwrap();
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&super::MIGRATION_LOCK])
        .unwrap();
    tx.batch_execute("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public")
        .unwrap();
    tx.commit().unwrap();
    admin.batch_execute(&format!("CREATE SCHEMA {schema}")).unwrap();
    let separator = if url.contains('?') { '&' } else { '?' };
    format!("{url}{separator}options=-c%20search_path%3D{schema}%2Cpublic")
}

/// A new empty memory on the test server, or `None` when there is none.
pub(crate) fn fresh_memory() -> Option<Memory> {
    let url = server_url()?;
    Some(Memory::open(std::path::Path::new(&fresh_schema_url(&url))).expect("open the test memory"))
}
