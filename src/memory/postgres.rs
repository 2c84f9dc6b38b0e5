//! The PostgreSQL store of the translation memory: one memory shared by a team's machines.
//!
//! It keeps exactly the rules of the SQLite store (same ranking, same UNIQUE key, same
//! history); only the SQL dialect and the fuzzy candidate search (pg_trgm) differ.
//!
//! The `postgres` client drives its own small runtime and may not be called from inside the
//! pipeline's async tasks, so one thread owns the connection and runs every operation sent to
//! it. Each operation is one transaction and is re-run whole after a lost connection
//! (reconnecting with backoff), so a run keeps what it has stored and nothing is half-written;
//! if the server stays away the operation fails with [`Error::MemoryUnreachable`].
//!
//! The URL's password is never shown: [`redact`] replaces it everywhere the URL appears. A URL
//! without a password takes it from `PGPASSWORD` (or the variable `[memory] password_env`
//! names). `sslmode=require` in the URL connects over TLS with the server's certificate
//! verified ([`tls`]); otherwise the connection is plain, for a trusted network or a tunnel.

mod lease;
mod store;
#[cfg(test)]
pub(crate) mod testing;
mod tls;

use crate::error::{Error, Result};
use postgres::{Client, NoTls};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Migrations in order; `l10n_schema.version` is the number applied.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/pg/001_init.sql"),
    include_str!("migrations/pg/002_lease.sql"),
    include_str!("migrations/pg/003_lease_worker.sql"),
    include_str!("migrations/pg/004_alternatives.sql"),
];
/// The advisory lock key migrations run under ("l10n" in ASCII).
const MIGRATION_LOCK: i64 = 0x6C31_306E;

/// Whether a memory location is a PostgreSQL URL.
pub fn is_url(location: &str) -> bool {
    location.starts_with("postgres://") || location.starts_with("postgresql://")
}

/// Whether a URL carries a password, in its user information (`user:password@`, any
/// characters up to the first `@`, as the client reads it) or as a `password=` parameter.
pub fn has_password(url: &str) -> bool {
    redacted(url).1
}

/// The URL with every password in it (user information, `password=` parameters) replaced by
/// `***`. It splits the URL exactly as the client does (credentials end at the first `@`,
/// parameter names are percent-decoded), so whatever the client would send as a password is
/// what is hidden, whatever characters (`/`, `?`, `#`, `&`) it holds.
pub fn redact(url: &str) -> String {
    redacted(url).0
}

fn redacted(url: &str) -> (String, bool) {
    let Some((scheme, rest)) = url.split_once("://") else {
        return (url.to_string(), false);
    };
    let mut out = format!("{scheme}://");
    let mut found = false;
    let rest = match rest.split_once('@') {
        Some((credentials, after)) => {
            // An `@` left in the host part (`u:p@ss@host`) is a malformed URL whose password
            // may run on to it: hide up to the last one too.
            let host_end = after.find(['/', '?']).unwrap_or(after.len());
            let after = match after.get(..host_end).and_then(|host| host.rfind('@')) {
                Some(at) => after.get(at + 1..).unwrap_or(""),
                None => after,
            };
            match credentials.split_once(':') {
                Some((user, _)) => {
                    out.push_str(user);
                    out.push_str(":***@");
                    found = true;
                }
                None => {
                    out.push_str(credentials);
                    out.push('@');
                }
            }
            after
        }
        None => rest,
    };
    let Some((location, query)) = rest.split_once('?') else {
        out.push_str(rest);
        return (out, found);
    };
    out.push_str(location);
    out.push('?');
    for (i, param) in query.split('&').enumerate() {
        if i > 0 {
            out.push('&');
        }
        match param.split_once('=') {
            Some((key, _)) if is_password_key(key) => {
                out.push_str(key);
                out.push_str("=***");
                found = true;
            }
            _ => out.push_str(param),
        }
    }
    (out, found)
}

/// Whether a URL parameter's name (percent-encoded or not) names a password.
fn is_password_key(key: &str) -> bool {
    let decoded = percent_decode(key).to_ascii_lowercase();
    decoded.contains("password") || decoded.contains("passfile")
}

/// `%XX` sequences decoded (as the client decodes parameter names); invalid ones kept.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// How long an operation keeps trying to reach the server; `L10N_PG_RETRY_SECS` overrides it.
fn retry_budget() -> Duration {
    std::env::var("L10N_PG_RETRY_SECS")
        .ok()
        .and_then(|v| v.parse().ok())
        .map(Duration::from_secs_f64)
        .unwrap_or(Duration::from_secs(30))
}

type Job = Box<dyn FnOnce(&mut Connection) + Send>;

/// The translation memory in a PostgreSQL database.
pub struct PgMemory {
    jobs: Option<mpsc::Sender<Job>>,
    thread: Option<std::thread::JoinHandle<()>>,
    /// The URL without its password.
    display: PathBuf,
    /// This worker's side of the leases (see `postgres/lease.rs`).
    leases: crate::memory::lease::Leases,
    /// Human translations not stored over better ones, until `Memory::take_conflicts`.
    pub(super) conflicts: Vec<crate::memory::Conflict>,
}

/// The connection, owned by the store's thread, reopened after a loss.
struct Connection {
    config: postgres::Config,
    /// TLS, when the URL says `sslmode=require` (see [`tls`]).
    tls: Option<tokio_postgres_rustls::MakeRustlsConnect>,
    client: Option<Client>,
    display: String,
    /// Statements [`Connection::read`] prepared on this connection, by their SQL.
    statements: Statements,
}

/// Prepared statements by their SQL.
type Statements = std::collections::HashMap<String, postgres::Statement>;

type PgResult<R> = Result<R, postgres::Error>;

impl Connection {
    /// Runs `op` in a transaction, reconnecting and running it again after a lost connection.
    fn run<R>(&mut self, op: &mut dyn FnMut(&mut postgres::Transaction<'_>) -> PgResult<R>) -> Result<R> {
        self.retrying(&mut |client, _| in_transaction(client, op))
    }

    /// Runs `op` in a transaction once, without waiting for a server that went away: for
    /// housekeeping (renewing or giving up leases) that must never hold up a run or its exit.
    fn run_once<R>(&mut self, op: &mut dyn FnMut(&mut postgres::Transaction<'_>) -> PgResult<R>) -> PgResult<R> {
        let outcome = self.try_once(&mut |client, _| in_transaction(client, op));
        if outcome.as_ref().is_err_and(is_connection_error) {
            self.client = None;
        }
        outcome
    }

    /// Runs one read-only statement, prepared once per connection, outside a transaction (a
    /// single statement sees one snapshot anyway): one round trip instead of four, for the
    /// lookups every run makes per segment.
    fn read<R>(
        &mut self,
        sql: &str,
        op: &mut dyn FnMut(&mut Client, &postgres::Statement) -> PgResult<R>,
    ) -> Result<R> {
        self.retrying(&mut |client, statements| {
            let statement = match statements.get(sql) {
                Some(s) => s.clone(),
                None => {
                    let s = client.prepare(sql)?;
                    statements.insert(sql.to_string(), s.clone());
                    s
                }
            };
            op(client, &statement)
        })
    }

    /// Runs `op`, reconnecting with backoff after a lost connection, until the retry budget
    /// is spent.
    fn retrying<R>(&mut self, op: &mut dyn FnMut(&mut Client, &mut Statements) -> PgResult<R>) -> Result<R> {
        let started = Instant::now();
        let budget = retry_budget();
        let mut delay = Duration::from_millis(100);
        let mut attempts = 0u32;
        loop {
            attempts += 1;
            let outcome = self.try_once(op);
            match outcome {
                Ok(r) => return Ok(r),
                // Two transactions waited on each other: the server cancelled this one, which
                // is safe to run again.
                Err(e) if is_deadlock(&e) && attempts < 20 => {}
                Err(e) if is_connection_error(&e) => {
                    self.client = None;
                    if started.elapsed() + delay > budget {
                        return Err(Error::MemoryUnreachable {
                            url: self.display.clone(),
                            attempts,
                            reason: describe(&e),
                        });
                    }
                    std::thread::sleep(delay);
                    delay = (delay * 2).min(Duration::from_secs(5));
                }
                Err(e) => {
                    return Err(Error::Memory {
                        path: PathBuf::from(&self.display),
                        reason: describe(&e),
                    });
                }
            }
        }
    }

    fn try_once<R>(&mut self, op: &mut dyn FnMut(&mut Client, &mut Statements) -> PgResult<R>) -> PgResult<R> {
        if self.client.as_ref().is_none_or(|c| c.is_closed()) {
            self.statements.clear();
            self.client = Some(match &self.tls {
                Some(tls) => self.config.connect(tls.clone())?,
                None => self.config.connect(NoTls)?,
            });
        }
        let client = self.client.as_mut().expect("connected above");
        op(client, &mut self.statements)
    }
}

fn in_transaction<R>(
    client: &mut Client,
    op: &mut dyn FnMut(&mut postgres::Transaction<'_>) -> PgResult<R>,
) -> PgResult<R> {
    let mut tx = client.transaction()?;
    let r = op(&mut tx)?;
    tx.commit()?;
    Ok(r)
}

/// Whether an error means the server went away (worth reconnecting), not a refused statement.
fn is_connection_error(e: &postgres::Error) -> bool {
    if tls::is_handshake_failure(e) {
        return false;
    }
    if e.is_closed() {
        return true;
    }
    if let Some(db) = e.as_db_error() {
        // admin_shutdown, crash_shutdown, cannot_connect_now: the server is restarting.
        return matches!(db.code().code(), "57P01" | "57P02" | "57P03");
    }
    // No server answer at all: connecting failed or the socket broke.
    e.code().is_none()
}

fn is_deadlock(e: &postgres::Error) -> bool {
    e.as_db_error()
        .is_some_and(|db| matches!(db.code().code(), "40P01" | "40001"))
}

/// The server's message (the `postgres` crate's Display says only "db error").
fn describe(e: &postgres::Error) -> String {
    if let Some(db) = e.as_db_error() {
        return format!("{}: {}", db.severity(), db.message());
    }
    // The client's own errors keep their cause apart ("error performing TLS handshake" says
    // nothing without "invalid peer certificate: UnknownIssuer").
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        let part = s.to_string();
        if !text.contains(&part) {
            text = format!("{text}: {part}");
        }
        source = s.source();
    }
    text
}

impl PgMemory {
    /// Connects to the database at `url`, creating or upgrading the schema. A URL without a
    /// password takes it from the environment variable `password_env` (default `PGPASSWORD`).
    pub fn connect(url: &str, password_env: Option<&str>) -> Result<PgMemory> {
        let display = redact(url);
        let bad_url = |reason: String| Error::Memory {
            path: PathBuf::from(&display),
            reason,
        };
        let mut config: postgres::Config = url
            .parse()
            .map_err(|e: postgres::Error| bad_url(redact(&e.to_string())))?;
        if config.get_password().is_none() {
            match (password_env, std::env::var(password_env.unwrap_or("PGPASSWORD"))) {
                (_, Ok(password)) => {
                    config.password(password);
                }
                (Some(var), Err(_)) => return Err(Error::PasswordEnvUnset { var: var.to_string() }),
                (None, Err(_)) => {}
            }
        }
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(Duration::from_secs(10));
        }
        let (jobs, receive) = mpsc::channel::<Job>();
        let tls = tls::connector(&config, &display)?;
        let mut connection = Connection {
            tls,
            config,
            client: None,
            display: display.clone(),
            statements: Default::default(),
        };
        let thread = std::thread::Builder::new()
            .name("l10n-postgres".into())
            .spawn(move || {
                for job in receive {
                    job(&mut connection);
                }
            })
            .map_err(|e| bad_url(e.to_string()))?;
        let memory = PgMemory {
            jobs: Some(jobs),
            thread: Some(thread),
            display: PathBuf::from(display),
            leases: crate::memory::lease::Leases::new(),
            conflicts: Vec::new(),
        };
        memory
            .call(migrate)?
            .map_err(|(found, supported)| Error::MemoryTooNew {
                path: memory.display.clone(),
                found,
                supported,
            })?;
        Ok(memory)
    }

    pub fn path(&self) -> &Path {
        &self.display
    }

    /// Runs `op` in one transaction on the store's thread (again after a lost connection).
    pub(super) fn call<R: Send + 'static>(
        &self,
        mut op: impl FnMut(&mut postgres::Transaction<'_>) -> Result<R, postgres::Error> + Send + 'static,
    ) -> Result<R> {
        self.submit(move |c| c.run(&mut op))
    }

    /// Runs `work` on the store's thread and waits for its answer.
    fn submit<R: Send + 'static>(&self, work: impl FnOnce(&mut Connection) -> Result<R> + Send + 'static) -> Result<R> {
        let (answer, reply) = mpsc::sync_channel(1);
        let job: Job = Box::new(move |c: &mut Connection| {
            let _ = answer.send(work(c));
        });
        let gone = || Error::Memory {
            path: self.display.clone(),
            reason: "the connection thread stopped".into(),
        };
        self.jobs.as_ref().ok_or_else(gone)?.send(job).map_err(|_| gone())?;
        reply.recv().map_err(|_| gone())?
    }

    /// Runs one read-only statement on the store's thread (see [`Connection::read`]).
    pub(super) fn call_read<R: Send + 'static>(
        &self,
        sql: String,
        mut op: impl FnMut(&mut Client, &postgres::Statement) -> PgResult<R> + Send + 'static,
    ) -> Result<R> {
        self.submit(move |c| c.read(&sql, &mut op))
    }
}

impl Drop for PgMemory {
    fn drop(&mut self) {
        self.release_all();
        self.jobs.take();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Applies the missing migrations; two processes starting at once take turns on the advisory
/// lock, and the second finds nothing left to do.
fn migrate(tx: &mut postgres::Transaction<'_>) -> Result<Result<(), (i64, i64)>, postgres::Error> {
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])?;
    tx.batch_execute("CREATE TABLE IF NOT EXISTS l10n_schema (version BIGINT NOT NULL)")?;
    let version: i64 = match tx.query_opt("SELECT version FROM l10n_schema", &[])? {
        Some(row) => row.get(0),
        None => {
            tx.execute("INSERT INTO l10n_schema (version) VALUES (0)", &[])?;
            0
        }
    };
    let supported = MIGRATIONS.len() as i64;
    if version > supported {
        return Ok(Err((version, supported)));
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        tx.batch_execute(sql)?;
        tx.execute("UPDATE l10n_schema SET version = $1", &[&(i as i64 + 1)])?;
    }
    Ok(Ok(()))
}

/// The schema version a memory is at.
fn schema_version(tx: &mut postgres::Transaction<'_>) -> Result<i64, postgres::Error> {
    Ok(tx.query_one("SELECT version FROM l10n_schema", &[])?.get(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_show() {
        assert_eq!(redact("postgres://u:s3cret@h:5432/db"), "postgres://u:***@h:5432/db");
        assert_eq!(redact("postgresql://u@h/db"), "postgresql://u@h/db");
        assert_eq!(redact("postgres://h/db?x=a@b"), "postgres://h/db?x=a@b");
        assert_eq!(redact("postgres://u:p@ss@h/db"), "postgres://u:***@h/db");
    }

    #[test]
    fn postgres_passwords_with_slash_query_or_parameter_are_redacted() {
        // #6: the client reads credentials up to the first `@`, whatever they hold.
        for (url, shown) in [
            ("postgres://u:pa/ss@h:5432/db", "postgres://u:***@h:5432/db"),
            ("postgres://u:pa?ss@h/db", "postgres://u:***@h/db"),
            (
                "postgres://u:a/b?c#d&e=f@h/db?sslmode=require",
                "postgres://u:***@h/db?sslmode=require",
            ),
            ("postgres://u@h/db?password=s3cret", "postgres://u@h/db?password=***"),
            (
                "postgres://h/db?sslmode=require&password=s3cret&user=u",
                "postgres://h/db?sslmode=require&password=***&user=u",
            ),
            ("postgres://h/db?pass%77ord=s3cret", "postgres://h/db?pass%77ord=***"),
        ] {
            assert_eq!(redact(url), shown, "{url}");
            assert!(has_password(url), "{url}");
            // The client agrees on what the password is, so hiding it hides what is sent.
            let config: postgres::Config = url.parse().unwrap();
            let sent = String::from_utf8_lossy(config.get_password().unwrap()).into_owned();
            assert!(!redact(url).contains(&sent), "{url}");
        }
        for url in [
            "postgres://u@h/db",
            "postgres://h:5/db?sslmode=require&user=x",
            "postgres://u:***@h",
        ] {
            assert_eq!(has_password(url), url.contains(':') && url.contains("***"), "{url}");
        }
    }

    #[test]
    fn an_absent_server_is_reported_without_the_password() {
        // SAFETY: tests that read this variable tolerate any value.
        unsafe { std::env::set_var("L10N_PG_RETRY_SECS", "0.3") };
        // Port 1 on localhost: nothing listens there.
        let err = PgMemory::connect("postgres://u:s3cret@127.0.0.1:1/db", None)
            .err()
            .unwrap();
        let text = format!("{err} {err:?} {:?}", err.message_args());
        assert!(matches!(err, Error::MemoryUnreachable { .. }), "{text}");
        assert!(!text.contains("s3cret"), "{text}");
        assert!(text.contains("postgres://u:***@127.0.0.1:1/db"), "{text}");
    }
}
