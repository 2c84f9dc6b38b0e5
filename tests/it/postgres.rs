//! The PostgreSQL memory through the binary: `memory copy` both ways against a real server
//! (`L10N_TEST_POSTGRES`, see `.ci/postgres`), and a password that never shows in a message.

use crate::common::{l10n, stderr};

/// The test server's URL (`L10N_TEST_POSTGRES`), or `None` after saying the test skipped.
/// Under CI (`CI=true`) a missing server fails instead: a green CI means these tests ran.
pub fn server() -> Option<String> {
    match std::env::var("L10N_TEST_POSTGRES") {
        Ok(url) if !url.is_empty() => Some(url),
        _ if ci() => panic!("CI=true but L10N_TEST_POSTGRES is not set: the PostgreSQL tests must run in CI"),
        _ => {
            eprintln!("skipped: L10N_TEST_POSTGRES is not set");
            None
        }
    }
}

fn ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

pub fn fresh_schema_url(url: &str) -> String {
    let schema = format!(
        "it{}_{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    );
    let mut admin = postgres::Client::connect(url, postgres::NoTls).unwrap();
    let mut tx = admin.transaction().unwrap();
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&0x6C31_306E_i64])
        .unwrap();
    tx.batch_execute("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public")
        .unwrap();
    tx.batch_execute(&format!("CREATE SCHEMA {schema}")).unwrap();
    tx.commit().unwrap();
    let separator = if url.contains('?') { '&' } else { '?' };
    format!("{url}{separator}options=-c%20search_path%3D{schema}%2Cpublic")
}

#[test]
fn memory_copy_to_postgres_and_back_loses_nothing() {
    let Some(url) = server() else {
        return;
    };
    let pg = fresh_schema_url(&url);
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let fixture = crate::common::repo().join("tests/fixtures/tmx/foreign-tools.tmx");
    let ok = |args: &[&str]| {
        let o = l10n(d, args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        o
    };
    ok(&["memory", "import", fixture.to_str().unwrap(), "--memory", "a.sqlite"]);
    let copied = ok(&["memory", "copy", "--from", "a.sqlite", "--to", &pg]);
    assert!(!stderr(&copied).contains("l10n-test"), "{}", stderr(&copied));
    ok(&["memory", "copy", "--from", &pg, "--to", "b.sqlite"]);
    ok(&["memory", "export", "-o", "a.tmx", "--memory", "a.sqlite"]);
    ok(&["memory", "export", "-o", "p.tmx", "--memory", &pg]);
    ok(&["memory", "export", "-o", "b.tmx", "--memory", "b.sqlite"]);
    let read = |f: &str| std::fs::read_to_string(d.join(f)).unwrap();
    assert!(read("a.tmx").contains("<tu"), "{}", read("a.tmx"));
    assert_eq!(read("a.tmx"), read("p.tmx"));
    assert_eq!(read("a.tmx"), read("b.tmx"));
}

#[test]
fn an_unreachable_server_is_reported_without_the_password() {
    let dir = tempfile::tempdir().unwrap();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_l10n"))
        .args([
            "memory",
            "stats",
            "--memory",
            "postgres://team:s3cret-pw@127.0.0.1:1/l10n",
        ])
        .current_dir(dir.path())
        .env("L10N_PG_RETRY_SECS", "0.5")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let err = stderr(&o);
    assert_ne!(o.status.code(), Some(0));
    assert!(!err.contains("s3cret-pw"), "{err}");
    assert!(err.contains("postgres://team:***@127.0.0.1:1/l10n"), "{err}");
    assert!(err.contains("could not be reached"), "{err}");
}

#[test]
fn a_password_in_the_project_file_is_refused_and_never_shown() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("article.txt"), "Kyiv signed the agreement.\n").unwrap();
    std::fs::write(
        d.join("l10n.toml"),
        "targets = [\"ar\"]\n\n[memory]\nurl = \"postgres://team:s3cret-pw@127.0.0.1:1/l10n\"\n",
    )
    .unwrap();
    let o = l10n(d, &["translate", "article.txt"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("l10n.toml:4:"), "names the file and line: {err}");
    assert!(err.contains("password_env"), "{err}");
    assert!(!err.contains("s3cret-pw"), "{err}");
}

#[test]
fn the_password_comes_from_the_variable_password_env_names() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let config = |url: &str| {
        std::fs::write(
            d.join("l10n.toml"),
            format!("[memory]\nurl = \"{url}\"\npassword_env = \"L10N_TEAM_MEMORY_PASSWORD\"\n"),
        )
        .unwrap();
    };
    config("postgres://team@127.0.0.1:1/l10n");
    let o = l10n(d, &["memory", "stats"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("L10N_TEAM_MEMORY_PASSWORD"), "{}", stderr(&o));

    let Some(url) = server() else {
        return;
    };
    // The test server's URL without its password; the password only in the environment.
    let pg = fresh_schema_url(&url);
    let (without, password) = split_password(&pg);
    config(&without);
    let run = |password: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_l10n"))
            .args(["memory", "stats"])
            .current_dir(d)
            .env("L10N_TEAM_MEMORY_PASSWORD", password)
            .env("L10N_PG_RETRY_SECS", "0.5")
            .output()
            .unwrap()
    };
    let o = run(&password);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = run("wrong-password");
    assert_eq!(o.status.code(), Some(2), "a wrong password is refused: {}", stderr(&o));
    assert!(!stderr(&o).contains("wrong-password"), "{}", stderr(&o));
}

/// `postgres://user:password@rest` → (`postgres://user@rest`, `password`).
fn split_password(url: &str) -> (String, String) {
    let (scheme, rest) = url.split_once("://").unwrap();
    let (credentials, host) = rest.split_once('@').unwrap();
    let (user, password) = credentials.split_once(':').unwrap();
    (format!("{scheme}://{user}@{host}"), password.to_string())
}

#[test]
fn sslmode_require_speaks_tls_and_verifies_the_servers_certificate() {
    let Some(url) = server() else {
        return;
    };
    // The CA exists when openssl could make one (`.ci/postgres`); CI installs openssl.
    let Ok(ca) = std::env::var("L10N_TEST_POSTGRES_CA") else {
        assert!(
            !ci(),
            "CI=true but L10N_TEST_POSTGRES_CA is not set: the TLS test must run in CI"
        );
        eprintln!("skipped: L10N_TEST_POSTGRES_CA is not set");
        return;
    };
    // .ci/postgres: role and database l10n_tls accept TLS connections only.
    let host = url.split('@').nth(1).unwrap().split('/').next().unwrap();
    let tls_only = format!("postgres://l10n_tls:l10n-test@{host}/l10n_tls");
    let dir = tempfile::tempdir().unwrap();
    let stats = |url: &str, trusted: Option<&str>| {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_l10n"));
        c.args(["memory", "stats", "--memory", url])
            .current_dir(dir.path())
            .env("L10N_PG_RETRY_SECS", "0.5")
            .env_remove("SSL_CERT_DIR");
        match trusted {
            Some(file) => c.env("SSL_CERT_FILE", file),
            // A CA file that does not sign the server's certificate.
            None => c.env(
                "SSL_CERT_FILE",
                crate::common::repo().join("tests/fixtures/tls/other-ca.crt"),
            ),
        };
        c.output().unwrap()
    };
    let plain = stats(&tls_only, Some(&ca));
    assert_eq!(plain.status.code(), Some(2), "{}", stderr(&plain));
    assert!(stderr(&plain).contains("no encryption"), "{}", stderr(&plain));

    let required = format!("{tls_only}?sslmode=require");
    let o = stats(&required, Some(&ca));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));

    let untrusted = stats(&required, None);
    assert_eq!(untrusted.status.code(), Some(2), "{}", stderr(&untrusted));
    assert!(stderr(&untrusted).contains("UnknownIssuer"), "{}", stderr(&untrusted));
    assert!(!stderr(&untrusted).contains("l10n-test"), "{}", stderr(&untrusted));
}

/// A TCP forwarder to the PostgreSQL server that the test can cut, as a network that drops.
struct Cable {
    address: String,
    cut: std::sync::Arc<std::sync::atomic::AtomicBool>,
    open: std::sync::Arc<std::sync::Mutex<Vec<std::net::TcpStream>>>,
}

impl Cable {
    fn to(server: &str) -> Cable {
        use std::net::{TcpListener, TcpStream};
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let address = listener.local_addr().unwrap().to_string();
        let cable = Cable {
            address,
            cut: Default::default(),
            open: Default::default(),
        };
        let (cut, open, server) = (cable.cut.clone(), cable.open.clone(), server.to_string());
        std::thread::spawn(move || {
            for client in listener.incoming().flatten() {
                if cut.load(std::sync::atomic::Ordering::SeqCst) {
                    continue; // dropped: the server is gone
                }
                let Ok(upstream) = TcpStream::connect(&server) else {
                    continue;
                };
                let mut streams = open.lock().unwrap();
                for (mut from, mut to) in [
                    (client.try_clone().unwrap(), upstream.try_clone().unwrap()),
                    (upstream.try_clone().unwrap(), client.try_clone().unwrap()),
                ] {
                    std::thread::spawn(move || std::io::copy(&mut from, &mut to));
                }
                streams.extend([client, upstream]);
            }
        });
        cable
    }

    fn cut(&self) {
        self.cut.store(true, std::sync::atomic::Ordering::SeqCst);
        for s in self.open.lock().unwrap().drain(..) {
            let _ = s.shutdown(std::net::Shutdown::Both);
        }
    }
}

#[test]
fn a_server_lost_mid_run_is_reported_promptly_and_what_was_stored_stays() {
    let Some(url) = server() else {
        return;
    };
    let direct = fresh_schema_url(&url);
    let host = direct.split('@').nth(1).unwrap().split('/').next().unwrap().to_string();
    let cable = Cable::to(&host);
    let through_cable = direct.replace(&host, &cable.address);
    // A slow LibreTranslate: 85 segments go in four requests, two at a time.
    let engine = crate::http_server::TestServer::start(|r| {
        std::thread::sleep(std::time::Duration::from_millis(1500));
        let body = r.json();
        let texts: Vec<String> = body["q"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| format!("⟨ar⟩ {}", t.as_str().unwrap()))
            .collect();
        crate::http_server::Response::json(200, &serde_json::json!({ "translatedText": texts }))
    });
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(crate::common::seed_article(), dir.path().join("a.txt")).unwrap();
    let mut run = std::process::Command::new(env!("CARGO_BIN_EXE_l10n"))
        .args(["translate", "a.txt", "--to", "ar", "--backend", "libretranslate"])
        .args(["--backend-url", &engine.url, "--memory", &through_cable])
        .current_dir(dir.path())
        .env("L10N_PG_RETRY_SECS", "1")
        // Heartbeats every 0.2 s: they must not pile up behind the lost server.
        .env("L10N_LEASE_SECS", "0.6")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The third request leaves once the first answer is stored; then the network drops.
    let started = std::time::Instant::now();
    while engine.requests().len() < 3 {
        assert!(started.elapsed().as_secs() < 60, "the run never got going");
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    cable.cut();
    // A liveness check, not a performance figure: with a 1 s retry budget the run ends within
    // seconds; it once took 96 s, each of the heartbeats queued meanwhile retrying in turn.
    let ended = std::time::Instant::now();
    while run.try_wait().unwrap().is_none() {
        assert!(
            ended.elapsed().as_secs() < 30,
            "the run did not end after the server went away"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let o = run.wait_with_output().unwrap();
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("could not be reached"), "{err}");
    assert!(!err.contains("l10n-test"), "the password never shows: {err}");
    // The first batch was stored before the loss and is still there.
    let stats = l10n(
        dir.path(),
        &["memory", "stats", "--memory", &direct, "--format", "json"],
    );
    assert_eq!(stats.status.code(), Some(0), "{}", stderr(&stats));
    let v: serde_json::Value = serde_json::from_slice(&stats.stdout).unwrap();
    assert!(v["entries"].as_i64().unwrap() >= 25, "{v}");
}
