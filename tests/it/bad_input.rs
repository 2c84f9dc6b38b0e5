//! Bad input: one clear line naming the file and the reason, exit status 2, no edition.

use crate::common::*;
use std::path::Path;

/// Runs a translation expected to fail with status 2, and returns its error line.
fn fails(dir: &Path, args: &[&str]) -> String {
    let o = l10n(dir, args);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "args {args:?}: {err}");
    assert_eq!(err.lines().count(), 1, "one line, got: {err}");
    assert!(err.starts_with("l10n: error: "), "{err}");
    assert!(!dir.join("out").exists(), "no edition may be written: {err}");
    err
}

/// `translate FILE --to ar` with the pseudo backend, memory `m.sqlite` and output `out`,
/// each of which `extra` may override (`--to`, `--backend`, `--memory`, `--out`).
fn translate<'a>(file: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["translate", file];
    for (flag, default) in [
        ("--to", "ar"),
        ("--backend", "pseudo"),
        ("--memory", "m.sqlite"),
        ("--out", "out"),
    ] {
        if !extra.contains(&flag) {
            args.extend([flag, default]);
        }
    }
    args.extend_from_slice(extra);
    args
}

#[test]
fn unreadable_documents() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("folder.txt")).unwrap();
    std::fs::write(d.join("binary.txt"), b"line one\nPNG\x00\x01\x02").unwrap();
    std::fs::write(d.join("latin1.txt"), b"First line.\nCaf\xe9 au lait.\n").unwrap();
    std::fs::write(d.join("empty.txt"), b"  \n\n").unwrap();
    std::fs::write(d.join("report.pdf"), b"%PDF-1.4").unwrap();

    let err = fails(d, &translate("missing.txt", &[]));
    assert!(err.contains("missing.txt: cannot read the file"), "{err}");
    let err = fails(d, &translate("folder.txt", &[]));
    // A folder is taken whole (its documents, recursively): this one has none.
    assert!(err.contains("folder.txt: a folder with no documents"), "{err}");
    let err = fails(d, &translate("binary.txt", &[]));
    assert!(err.contains("binary.txt:2: this is a binary file"), "{err}");
    let err = fails(d, &translate("latin1.txt", &[]));
    assert!(err.contains("latin1.txt:2: the file is not UTF-8"), "{err}");
    let err = fails(d, &translate("empty.txt", &[]));
    assert!(err.contains("empty.txt: the file is empty"), "{err}");
    let err = fails(d, &translate("report.pdf", &[]));
    assert!(err.contains("report.pdf: unknown document format"), "{err}");
}

#[test]
fn bad_options() {
    let dir = project_with_seed();
    let d = dir.path();
    let err = fails(d, &translate("article.txt", &["--backend", "babelfish"]));
    assert!(err.contains("unknown backend “babelfish”"), "{err}");
    let err = fails(
        d,
        &[
            "translate",
            "article.txt",
            "--to",
            "ar,x$y",
            "--memory",
            "m.sqlite",
            "--out",
            "out",
        ],
    );
    assert!(err.contains("“x$y” is not a valid language tag"), "{err}");
    let err = fails(
        d,
        &[
            "translate",
            "article.txt",
            "--to",
            "ar,qqq",
            "--memory",
            "m.sqlite",
            "--out",
            "out",
        ],
    );
    assert!(err.contains("“qqq” is not a language"), "{err}");
    std::fs::write(d.join("l10n.toml"), "source = \"en\"\ntarget = [\"ar\"]\n").unwrap();
    let err = fails(d, &translate("article.txt", &[]));
    assert!(err.contains("l10n.toml:2:1: unknown field `target`"), "{err}");
}

#[test]
fn unwritable_output_folder() {
    let dir = project_with_seed();
    let d = dir.path();
    std::fs::write(d.join("out"), "a file where the folder should be").unwrap();
    let o = l10n(d, &translate("article.txt", &[]));
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("out/ar: cannot write"), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(d.join("out")).unwrap(),
        "a file where the folder should be"
    );
}

#[test]
fn one_language_that_cannot_be_written_loses_nothing() {
    let dir = project_with_seed();
    let d = dir.path();
    std::fs::create_dir(d.join("out")).unwrap();
    std::fs::write(d.join("out/hi"), "a file where the folder should be").unwrap();
    let o = l10n(d, &translate("article.txt", &["--to", "ar,hi"]));
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("out/hi: cannot write"), "{}", stderr(&o));
    // The other language's edition is whole, the blocker untouched, and every translation
    // received is in the memory: the next run sends nothing.
    let ar = std::fs::read_to_string(d.join("out/ar/article.txt")).unwrap();
    assert!(!ar.contains("⟦untranslated"), "{ar}");
    assert_eq!(
        std::fs::read_to_string(d.join("out/hi")).unwrap(),
        "a file where the folder should be"
    );
    std::fs::remove_file(d.join("out/hi")).unwrap();
    let o = l10n(d, &translate("article.txt", &["--to", "ar,hi", "--format", "json"]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let report = report(&o);
    for r in report["reports"].as_array().unwrap() {
        assert_eq!(r["from_engine"], 0, "sent again after a failed write: {r}");
    }
    assert!(d.join("out/hi/article.txt").is_file());
}

#[test]
fn foreign_corrupt_and_locked_memories() {
    let dir = project_with_seed();
    let d = dir.path();
    std::fs::write(d.join("m.sqlite"), "my notes, not a database").unwrap();
    let err = fails(d, &translate("article.txt", &[]));
    assert!(
        err.contains("m.sqlite: this file is not an l10n translation memory"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(d.join("m.sqlite")).unwrap(),
        "my notes, not a database"
    );

    // A real database with a damaged body.
    std::fs::remove_file(d.join("m.sqlite")).unwrap();
    assert!(l10n(d, &translate("article.txt", &["--out", "first"])).status.success());
    let mut bytes = std::fs::read(d.join("m.sqlite")).unwrap();
    for b in bytes.iter_mut().skip(100).take(4000) {
        *b = 0xAB;
    }
    std::fs::write(d.join("m.sqlite"), &bytes).unwrap();
    let _ = std::fs::remove_file(d.join("m.sqlite-wal"));
    let err = fails(d, &translate("article.txt", &[]));
    assert!(err.contains("m.sqlite"), "{err}");

    // Locked by another writer.
    let locked = d.join("locked.sqlite");
    assert!(
        l10n(
            d,
            &translate("article.txt", &["--memory", "locked.sqlite", "--out", "first"])
        )
        .status
        .success()
    );
    let conn = rusqlite::Connection::open(&locked).unwrap();
    conn.execute_batch("BEGIN EXCLUSIVE; INSERT INTO import VALUES (x'00', 'x', 0);")
        .unwrap();
    let o = std::process::Command::new(BIN)
        .args([
            "translate",
            "article.txt",
            "--to",
            "hi",
            "--backend",
            "pseudo",
            "--memory",
            "locked.sqlite",
            "--out",
            "out",
        ])
        .current_dir(d)
        .env("LC_ALL", "en_US.UTF-8")
        .env("L10N_BUSY_TIMEOUT_MS", "200")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("locked.sqlite: the translation memory is locked by another process"),
        "{}",
        stderr(&o)
    );
    conn.execute_batch("ROLLBACK").unwrap();
}
