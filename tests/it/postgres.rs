//! The PostgreSQL memory through the binary: `memory copy` both ways against a real server
//! (`L10N_TEST_POSTGRES`, see `.ci/postgres`), and a password that never shows in a message.

use crate::common::{l10n, stderr};

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
    let Ok(url) = std::env::var("L10N_TEST_POSTGRES") else {
        eprintln!("skipped: L10N_TEST_POSTGRES is not set");
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
            format!("[memory]\nurl = \"{url}\"\npassword_env = \"TEAM_MEMORY_PASSWORD\"\n"),
        )
        .unwrap();
    };
    config("postgres://team@127.0.0.1:1/l10n");
    let o = l10n(d, &["memory", "stats"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("TEAM_MEMORY_PASSWORD"), "{}", stderr(&o));

    let Ok(url) = std::env::var("L10N_TEST_POSTGRES") else {
        eprintln!("skipped the server half: L10N_TEST_POSTGRES is not set");
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
            .env("TEAM_MEMORY_PASSWORD", password)
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
    let (Ok(url), Ok(ca)) = (
        std::env::var("L10N_TEST_POSTGRES"),
        std::env::var("L10N_TEST_POSTGRES_CA"),
    ) else {
        eprintln!("skipped: L10N_TEST_POSTGRES or L10N_TEST_POSTGRES_CA is not set");
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
