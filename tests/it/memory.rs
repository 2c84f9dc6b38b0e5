//! The translation memory from the command line: TMX from other tools, export and re-import,
//! lookups with fuzzy scores, stale machine work, gc, two processes at once, a newer schema.

use crate::common::*;
use std::path::Path;

fn fixture() -> std::path::PathBuf {
    repo().join("tests/fixtures/tmx/foreign-tools.tmx")
}

fn ok(o: &std::process::Output) {
    assert!(
        o.status.success(),
        "exit {:?}\n{}\n{}",
        o.status.code(),
        stdout(o),
        stderr(o)
    );
}

fn sql_count(db: &Path, sql: &str) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

fn translate(dir: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "translate",
        "article.txt",
        "--to",
        "ar,hi",
        "--backend",
        "pseudo",
        "--memory",
        "m.sqlite",
        "--out",
        "out",
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    l10n(dir, &args)
}

fn from_memory(o: &std::process::Output) -> u64 {
    report(o)["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["from_memory"].as_u64().unwrap())
        .sum()
}

#[test]
fn tmx_from_other_tools_imports_with_codes_and_dates() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let f = fixture();
    let f = f.to_str().unwrap();
    ok(&l10n(d, &["memory", "import", f, "--memory", "m.sqlite"]));
    let db = d.join("m.sqlite");
    // Unit 1 into ar and hi, 2 into zh-Hans, 3 into ar; unit 4 has no English source.
    assert_eq!(sql_count(&db, "SELECT count(*) FROM translation"), 4);
    assert_eq!(
        sql_count(
            &db,
            "SELECT count(*) FROM translation WHERE origin = 'human' AND file = 'foreign-tools.tmx'"
        ),
        4
    );
    assert_eq!(
        sql_count(&db, "SELECT count(*) FROM translation WHERE target_locale = 'zh-Hans'"),
        1
    );
    // The change date is kept (the variant's, else the unit's): 2024-03-12 08:00:00 UTC.
    assert_eq!(
        sql_count(&db, "SELECT count(*) FROM translation WHERE updated_at = 1710230400"),
        2
    );
    assert_eq!(
        sql_count(&db, "SELECT count(*) FROM translation WHERE target_locale = 'ar-SA'"),
        2
    );
    let o = l10n(
        d,
        &[
            "memory",
            "lookup",
            "Visit [YourSiteName] for details.",
            "--to",
            "zh",
            "--threshold",
            "50",
            "--memory",
            "m.sqlite",
        ],
    );
    ok(&o);
    // Typed as plain text the variable is not a placeholder: a fuzzy match, not an exact one.
    assert!(stdout(&o).contains("详情请访问"), "{}", stdout(&o));
    let again = l10n(d, &["memory", "import", f, "--memory", "m.sqlite"]);
    ok(&again);
    assert!(stderr(&again).contains("already imported"), "{}", stderr(&again));
}

#[test]
fn lookup_gives_exact_and_fuzzy_matches_with_scores() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(&l10n(
        d,
        &["memory", "import", fixture().to_str().unwrap(), "--memory", "m.sqlite"],
    ));
    let o = l10n(
        d,
        &[
            "memory",
            "lookup",
            "Mining output doubled this year.",
            "--to",
            "ar-SA",
            "--memory",
            "m.sqlite",
        ],
    );
    ok(&o);
    let out = stdout(&o);
    assert!(out.contains("%: Mining output {1/}doubled last year."), "{out}");
    assert!(out.contains("human: foreign-tools.tmx"), "{out}");
    let json = l10n(
        d,
        &[
            "memory",
            "lookup",
            "Mining output doubled this year.",
            "--to",
            "ar-SA",
            "--memory",
            "m.sqlite",
            "--format",
            "json",
        ],
    );
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let score = v["fuzzy"][0]["score"].as_f64().unwrap();
    assert!((75.0..100.0).contains(&score), "{v}");
    assert!(v["exact"].is_null());
    // Above the threshold only.
    let strict = l10n(
        d,
        &[
            "memory",
            "lookup",
            "Mining output doubled this year.",
            "--to",
            "ar-SA",
            "--threshold",
            "99",
            "--memory",
            "m.sqlite",
        ],
    );
    assert_eq!(strict.status.code(), Some(1));
    assert!(stdout(&strict).contains("nothing in the memory"), "{}", stdout(&strict));
    // Another target language has nothing.
    let other = l10n(
        d,
        &[
            "memory",
            "lookup",
            "Mining output doubled this year.",
            "--to",
            "hi",
            "--memory",
            "m.sqlite",
        ],
    );
    assert_eq!(other.status.code(), Some(1));
}

#[test]
fn an_exported_tmx_reimports_identically() {
    let dir = project_with_seed();
    let d = dir.path();
    ok(&translate(d, &[]));
    ok(&l10n(
        d,
        &["memory", "import", fixture().to_str().unwrap(), "--memory", "m.sqlite"],
    ));
    ok(&l10n(
        d,
        &[
            "memory", "export", "--format", "tmx", "-o", "a.tmx", "--memory", "m.sqlite",
        ],
    ));
    ok(&l10n(d, &["memory", "import", "a.tmx", "--memory", "m2.sqlite"]));
    ok(&l10n(d, &["memory", "export", "-o", "b.tmx", "--memory", "m2.sqlite"]));
    let a = std::fs::read_to_string(d.join("a.tmx")).unwrap();
    let b = std::fs::read_to_string(d.join("b.tmx")).unwrap();
    assert!(a.contains("x-l10n-fingerprint") && a.contains("<bpt i=\"1\""), "{a}");
    if a != b {
        let diff: Vec<(&str, &str)> = a.lines().zip(b.lines()).filter(|(x, y)| x != y).take(3).collect();
        panic!("export differs after re-import: {diff:?}");
    }
    // Machine work stays machine work, human work stays human, on the way through.
    let q = "SELECT count(*) FROM translation WHERE origin = 'machine'";
    assert_eq!(sql_count(&d.join("m.sqlite"), q), sql_count(&d.join("m2.sqlite"), q));
    // Standard output by default, only the asked language and state.
    let o = l10n(
        d,
        &[
            "memory", "export", "--to", "ar", "--state", "reviewed", "--memory", "m.sqlite",
        ],
    );
    ok(&o);
    assert!(
        stdout(&o).starts_with("<?xml") && !stdout(&o).contains("<tu>"),
        "pseudo work is only translated, the fixture's too"
    );
}

#[test]
fn stale_machine_work_is_used_only_when_asked_and_gc_removes_it() {
    let dir = project_with_seed();
    let d = dir.path();
    ok(&translate(d, &[]));
    let db = d.join("m.sqlite");
    let total = sql_count(&db, "SELECT count(*) FROM translation");
    // Pretend another engine made all of it.
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute(
            "UPDATE translation SET fingerprint = 'other-engine:1', engine = 'other-engine'",
            [],
        )
        .unwrap();
    let stale = translate(d, &["--reuse-stale"]);
    ok(&stale);
    assert_eq!(report(&stale)["requests"], 0);
    // `--reuse stale` says the same.
    let again = translate(d, &["--reuse", "stale"]);
    ok(&again);
    assert_eq!(report(&again)["requests"], 0);
    assert!(from_memory(&stale) as i64 >= total);
    assert_eq!(report(&stale)["reports"][0]["missing"].as_array().unwrap().len(), 0);
    let fresh = translate(d, &[]);
    ok(&fresh);
    assert!(report(&fresh)["requests"].as_u64().unwrap() > 0);
    assert_eq!(from_memory(&fresh), 0);
    assert_eq!(
        sql_count(&db, "SELECT count(*) FROM translation"),
        2 * total,
        "old and new side by side"
    );
    // Recent stale work is kept; with no age limit it goes, and the fresh work stays.
    let o = l10n(
        d,
        &[
            "memory",
            "gc",
            "--older-than",
            "30",
            "--backend",
            "pseudo",
            "--memory",
            "m.sqlite",
        ],
    );
    ok(&o);
    assert_eq!(sql_count(&db, "SELECT count(*) FROM translation"), 2 * total);
    let o = l10n(
        d,
        &[
            "memory",
            "gc",
            "--older-than",
            "0",
            "--backend",
            "pseudo",
            "--memory",
            "m.sqlite",
            "--format",
            "json",
        ],
    );
    ok(&o);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["removed"].as_i64().unwrap(), total);
    assert_eq!(
        sql_count(
            &db,
            "SELECT count(*) FROM translation WHERE fingerprint = 'other-engine:1'"
        ),
        0
    );
    let again = translate(d, &[]);
    assert_eq!(report(&again)["requests"], 0);
}

#[test]
fn stats_report_counts_and_size() {
    let dir = project_with_seed();
    let d = dir.path();
    ok(&translate(d, &[]));
    let o = l10n(d, &["memory", "stats", "--memory", "m.sqlite", "--format", "json"]);
    ok(&o);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let rows = v["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 2, "{v}");
    assert_eq!(
        v["entries"].as_i64().unwrap(),
        rows.iter().map(|r| r["entries"].as_i64().unwrap()).sum::<i64>()
    );
    assert!(v["bytes"].as_u64().unwrap() > 4096);
    assert_eq!(v["schema_version"], 4);
    let text = l10n(d, &["memory", "stats", "--memory", "m.sqlite"]);
    ok(&text);
    assert!(
        stdout(&text).contains("entries,") && stdout(&text).contains("ar\tmachine\ttranslated\t"),
        "{}",
        stdout(&text)
    );
}

#[test]
fn two_processes_on_one_memory_both_finish_without_duplicates() {
    let dir = project_with_seed();
    let d = dir.path();
    std::fs::write(d.join("l10n.toml"), "[backends.pseudo]\ndelay_ms = 5\n").unwrap();
    let spawn = |to: &str, out: &str| {
        std::process::Command::new(BIN)
            .args([
                "translate",
                "article.txt",
                "--to",
                to,
                "--memory",
                "m.sqlite",
                "--out",
                out,
                "--quiet",
            ])
            .current_dir(d)
            .env("LC_ALL", "en_US.UTF-8")
            .spawn()
            .unwrap()
    };
    // The same targets in both (racing on the same rows) and an extra one in the second.
    let mut a = spawn("ar,hi", "out-a");
    let mut b = spawn("hi,ar,zh", "out-b");
    assert!(a.wait().unwrap().success());
    assert!(b.wait().unwrap().success());
    let db = d.join("m.sqlite");
    let duplicates = sql_count(
        &db,
        "SELECT count(*) FROM (SELECT 1 FROM translation GROUP BY source_hash, target_locale, origin, fingerprint HAVING count(*) > 1)",
    );
    assert_eq!(duplicates, 0);
    let per_locale = |l: &str| {
        sql_count(
            &db,
            &format!("SELECT count(*) FROM translation WHERE target_locale = '{l}'"),
        )
    };
    assert_eq!(per_locale("ar"), per_locale("hi"));
    assert_eq!(per_locale("ar"), per_locale("zh-Hans"));
    let conn = rusqlite::Connection::open(&db).unwrap();
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok");
    assert_eq!(
        std::fs::read(d.join("out-a/ar/article.txt")).unwrap(),
        std::fs::read(d.join("out-b/ar/article.txt")).unwrap()
    );
}

#[test]
fn a_memory_from_a_newer_schema_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(&l10n(
        d,
        &["memory", "import", fixture().to_str().unwrap(), "--memory", "m.sqlite"],
    ));
    let db = d.join("m.sqlite");
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch("PRAGMA user_version = 99; PRAGMA wal_checkpoint(TRUNCATE);")
            .unwrap();
    }
    let before = std::fs::read(&db).unwrap();
    let o = l10n(d, &["memory", "stats", "--memory", "m.sqlite"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("schema version 99"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&db).unwrap(), before);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(v, 99, "never downgraded");
}

#[test]
fn a_version_1_memory_is_upgraded_with_its_rows_indexed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let db = d.join("v1.sqlite");
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(include_str!("../../src/memory/migrations/001_init.sql"))
            .unwrap();
        conn.execute_batch(
            "PRAGMA user_version = 1; PRAGMA application_id = 1815162990;
             INSERT INTO translation (source_locale, target_locale, source_key, source_hash, target, origin, state, created_at, updated_at)
             VALUES ('en', 'ar', 'Mining output <g id=\"1\">doubled</g> last year.', x'00', 'تضاعف <g id=\"1\">إنتاج</g>.', 'human', 'final', 0, 0);",
        )
        .unwrap();
    }
    let o = l10n(
        d,
        &[
            "memory",
            "lookup",
            "Mining output doubled this year.",
            "--to",
            "ar",
            "--memory",
            "v1.sqlite",
        ],
    );
    ok(&o);
    assert!(stdout(&o).contains("{1}doubled{/1}"), "{}", stdout(&o));
    assert_eq!(sql_count(&db, "PRAGMA user_version"), 4);
}
