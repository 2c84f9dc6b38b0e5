//! What an extractor notices, through the real binary: text it could not place (a front-matter
//! value it cannot read) is reported with file and line and counted as missing by `translate`,
//! `status` and `check` alike; markup it repaired (an HTML element never closed) is a warning
//! printed once per document, from the one extraction every command makes.

use crate::common::{l10n, stderr, stdout};
use std::path::Path;

/// A project with a Markdown page whose `summary` is a quoted string over two lines (a form
/// the front-matter reader does not place; its folded `description` block is read) and an
/// HTML page with an unclosed `<b>`.
fn project(dir: &Path) {
    std::fs::write(
        dir.join("l10n.toml"),
        "source = \"en\"\ntargets = [\"ar\", \"hi\"]\ndocuments = [\"page.md\", \"page.html\"]\nbackend = \"pseudo\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("page.md"),
        "---\ntitle: The launch\ndescription: >-\n  How the rocket\n  left.\nsummary: \"one\n  two\"\n---\n\nThe rocket left on time.\n",
    )
    .unwrap();
    std::fs::write(dir.join("page.html"), "<p>One <b>two.</p>\n<p>Three.</p>\n").unwrap();
}

#[test]
fn a_value_that_cannot_be_read_is_missing_for_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    project(p);
    let o = l10n(p, &["translate"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    for locale in ["ar", "hi"] {
        assert!(
            err.contains(&format!(
                "page.md:6: not extracted, left in the source language in {locale}"
            )),
            "{err}"
        );
    }
    assert!(err.contains("1 missing"), "{err}");
    assert!(
        !p.join("out/ar/page.md").exists(),
        "an edition with English in it was written"
    );

    let o = l10n(p, &["status", "--format", "json"]);
    let status: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("status JSON");
    let page = status
        .as_array()
        .and_then(|docs| {
            docs.iter()
                .find(|d| d["path"].as_str().is_some_and(|s| s.ends_with("page.md")))
        })
        .unwrap_or_else(|| panic!("no page.md in {status}"));
    // Pseudo output is not a translation: the title and the sentence are missing too.
    for locale in page["locales"].as_array().unwrap() {
        assert_eq!(
            (&locale["segments"], &locale["missing"]),
            (&4.into(), &4.into()),
            "{locale}"
        );
    }

    let o = l10n(p, &["check", "page.md", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let check: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("check JSON");
    let not_extracted: Vec<_> = check["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "not-extracted")
        .collect();
    assert_eq!(not_extracted.len(), 2, "one per language: {check}");
    assert!(not_extracted.iter().all(|f| f["line"] == 6), "{check}");
    for summary in check["summaries"].as_array().unwrap() {
        assert_eq!(summary["missing"], 4, "check counts as status does: {summary}");
    }

    let o = l10n(p, &["translate", "--allow-partial"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let edition = std::fs::read_to_string(p.join("out/ar/page.md")).unwrap();
    assert!(edition.contains("summary: \"one\n  two\""), "{edition}");
    assert!(
        edition.contains("description: >-\n  ⟦") && !edition.contains("How the rocket"),
        "{edition}"
    );
}

#[test]
fn repaired_markup_is_a_warning_once_per_document() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    project(p);
    let o = l10n(p, &["translate", "page.html"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    let warning = "page.html:1:8: warning: <b> is never closed";
    assert_eq!(err.matches(warning).count(), 1, "two languages, one warning: {err}");
    assert!(p.join("out/hi/page.html").is_file());

    let o = l10n(p, &["segment", "page.html"]);
    assert_eq!(stderr(&o).matches(warning).count(), 1, "{}", stderr(&o));

    let o = l10n(p, &["translate", "page.html", "-q"]);
    assert!(!stderr(&o).contains("warning"), "-q hides warnings: {}", stderr(&o));

    let o = l10n(p, &["check", "page.html", "--format", "json"]);
    let check: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("check JSON");
    let repaired: Vec<_> = check["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "markup-repaired")
        .collect();
    assert_eq!(repaired.len(), 1, "{check}");
    assert_eq!((&repaired[0]["line"], &repaired[0]["column"]), (&1.into(), &8.into()));
}
