//! `l10n check` against the fixtures whose expected findings were written before the checks:
//! every finding by kind, severity, locale, file, line and column (and Fluent message id), and
//! nothing more; then the machine formats and the exit statuses.

use crate::common::*;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

type Key = (String, String, String, String, u64, u64, String);

fn key(f: &Value, path: &str) -> Key {
    let s = |k: &str| f[k].as_str().unwrap_or_default().to_string();
    (
        s("kind"),
        s("severity"),
        s("locale"),
        path.to_string(),
        f["line"].as_u64().unwrap(),
        f["column"].as_u64().unwrap(),
        s("id"),
    )
}

fn expected(fixture: &Path) -> BTreeSet<Key> {
    let v: Value = serde_json::from_str(&std::fs::read_to_string(fixture.join("expected.json")).unwrap()).unwrap();
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| key(f, f["path"].as_str().unwrap()))
        .collect()
}

/// The findings of a JSON report, paths relative to `base`, with the Fluent `id` argument.
fn found(o: &std::process::Output, base: &str) -> BTreeSet<Key> {
    let v: Value = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(o)));
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let path = f["path"].as_str().unwrap();
            let rel = path.strip_prefix(base).unwrap_or(path).trim_start_matches('/');
            let mut k = key(f, rel);
            // args serialize as [name, value] pairs; only Fluent findings are keyed by id.
            if base == "fluent"
                && let Some(id) = f["args"].as_array().and_then(|a| a.iter().find(|p| p[0] == "id"))
            {
                k.6 = id[1].as_str().unwrap().to_string();
            }
            k
        })
        .collect()
}

fn fixture(name: &str) -> std::path::PathBuf {
    repo().join("tests/fixtures/check").join(name)
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

#[test]
fn fluent_fixture_reports_exactly_the_expected_findings() {
    let o = l10n(&fixture(""), &["check", "--locales", "fluent", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let (want, got) = (expected(&fixture("fluent")), found(&o, "fluent"));
    assert_eq!(
        want.difference(&got).collect::<Vec<_>>(),
        Vec::<&Key>::new(),
        "not reported"
    );
    assert_eq!(
        got.difference(&want).collect::<Vec<_>>(),
        Vec::<&Key>::new(),
        "not expected"
    );
}

#[test]
fn document_fixture_reports_exactly_the_expected_findings() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("documents"), dir.path());
    let o = l10n(dir.path(), &["check", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let (want, got) = (expected(&fixture("documents")), found(&o, ""));
    assert_eq!(
        want.difference(&got).collect::<Vec<_>>(),
        Vec::<&Key>::new(),
        "not reported"
    );
    assert_eq!(
        got.difference(&want).collect::<Vec<_>>(),
        Vec::<&Key>::new(),
        "not expected"
    );
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let ar = v["summaries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["locale"] == "ar")
        .unwrap();
    // A stored translation whose placeholders do not match is not published (issue 16): missing.
    assert_eq!((ar["messages"].as_u64(), ar["missing"].as_u64()), (Some(11), Some(3)));

    // --locale narrows; the text output names file, line, column and the offending text.
    let o = l10n(dir.path(), &["check", "--locale", "hi"]);
    let out = stdout(&o);
    assert!(out.contains("article.txt:7:1: error[number-mismatch] hi:"), "{out}");
    assert!(out.contains("3,500"), "{out}");
    assert!(!out.contains(" ar:"), "{out}");
}

#[test]
fn github_and_sarif_formats() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("documents"), dir.path());
    let o = l10n(dir.path(), &["check", "--format", "github", "--locale", "zh"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.contains("::error file=article.txt,line=17,col=1,title=untranslated-segment (zh-Hans)::"),
        "{out}"
    );
    // Typography is checked on the edition, where the locale's punctuation is already applied.
    assert!(!out.contains("::warning file=article.txt,line=19,col=1,"), "{out}");
    let o = l10n(dir.path(), &["check", "--format", "sarif"]);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["version"], "2.1.0");
    // 26 written with the fixture, and 3 for Arabic-Indic digits, less the 5
    // typography warnings the editions' own typography fixes (checked on the edition since issue 15).
    assert_eq!(v["runs"][0]["results"].as_array().unwrap().len(), 24);
}

#[test]
fn the_example_checks_clean_and_warnings_can_be_denied() {
    let dir = tempfile::tempdir().unwrap();
    let config = copy_example(dir.path()).join("l10n.toml");
    let o = l10n(
        dir.path(),
        &["check", "--config", config.to_str().unwrap(), "--deny-warnings"],
    );
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));

    let fx = tempfile::tempdir().unwrap();
    copy_dir(&fixture("documents"), fx.path());
    // Only the typography and length warnings remain on lines 19 and 21 for ar: narrowing by
    // path keeps the run; --deny-warnings turns warnings into a failure.
    let o = l10n(
        fx.path(),
        &["check", "article.txt", "--locale", "ar", "--deny-warnings"],
    );
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn a_check_that_cannot_run_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("l10n.toml"),
        "documents = [\"nope.txt\"]\ntargets = [\"ar\"]\n",
    )
    .unwrap();
    let o = l10n(dir.path(), &["check"]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    assert!(stderr(&o).contains("nope.txt"), "{}", stderr(&o));
    std::fs::write(
        dir.path().join("l10n.toml"),
        "documents = [\"a.txt\"]\ntargets = [\"ar\"]\n[check]\nrequire = \"perfect\"\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("a.txt"), "Hello there.\n").unwrap();
    let o = l10n(dir.path(), &["check"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("perfect"), "{}", stderr(&o));
}
