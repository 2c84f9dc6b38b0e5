//! `l10n check` side by side with Mozilla's compare-locales on a real Fluent tree no one here
//! wrote: Firefox Send's 85 localizations (`tests/fixtures/compare-locales/send/`, MPL-2.0).
//!
//! compare-locales' expectations are stored beside the tree, not computed here (CI has no
//! compare-locales): `compare-locales.json` is the output of compare-locales 9.0.5
//! (`pip install compare-locales`), run in that folder as
//! `compare-locales --json compare-locales.json l10n.toml .` (the README there says how it was
//! reformatted). The test asserts both ways:
//! - every missing and obsolete message, plural warning and dropped reference compare-locales
//!   reports, `l10n check` reports too, at the same line for those that have one;
//! - everything `l10n check` reports beyond that is listed, one by one, in `l10n-only.json`,
//!   each group with the reason compare-locales does not see it.
//!
//! A compare-locales message this test cannot map to a kind of ours fails the test.

use crate::common::*;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::PathBuf;

/// (kind, locale, id, detail, line): `detail` is the dropped reference or the plural
/// categories (sorted), `line` 0 where compare-locales gives none.
type Key = (String, String, String, String, u64);

fn tree() -> PathBuf {
    repo().join("tests/fixtures/compare-locales/send")
}

fn sorted_list(s: &str) -> String {
    let mut v: Vec<&str> = s.split(',').map(str::trim).collect();
    v.sort();
    v.join(", ")
}

/// compare-locales' JSON (`details` → `locales` → `ab/send.ftl` → items) as keys.
fn expected() -> BTreeSet<Key> {
    let v: Value =
        serde_json::from_str(&std::fs::read_to_string(tree().join("compare-locales.json")).unwrap()).unwrap();
    let files = v[0]["details"]["locales"].as_object().unwrap();
    let plural = regex::Regex::new(r"^Plural categories missing: (.+) at line (\d+), column \d+ for (\S+)$").unwrap();
    let reference =
        regex::Regex::new(r"^Missing (term|message) reference: (\S+) at line (\d+), column \d+ for (\S+)$").unwrap();
    let mut out = BTreeSet::new();
    for (file, items) in files {
        let locale = file.split('/').next().unwrap().to_string();
        for item in items.as_array().unwrap() {
            let (what, value) = item.as_object().unwrap().iter().next().unwrap();
            let value = value.as_str().unwrap();
            let key = |kind: &str, id: &str, detail: &str, line: u64| {
                (
                    kind.to_string(),
                    locale.clone(),
                    id.to_string(),
                    detail.to_string(),
                    line,
                )
            };
            let k = match what.as_str() {
                "missingEntity" => key("missing", value, "", 0),
                "obsoleteEntity" => key("obsolete-message", value, "", 0),
                "missingFile" => key("missing-file", "", "", 0),
                "obsoleteFile" => key("obsolete-file", "", "", 0),
                _ => {
                    if let Some(c) = plural.captures(value) {
                        key("missing-plural", &c[3], &sorted_list(&c[1]), c[2].parse().unwrap())
                    } else if let Some(c) = reference.captures(value) {
                        key(
                            &format!("missing-{}-reference", &c[1]),
                            &c[4],
                            &c[2],
                            c[3].parse().unwrap(),
                        )
                    } else {
                        panic!("compare-locales reports what l10n has no kind for: {file}: {what}: {value}")
                    }
                }
            };
            out.insert(k);
        }
    }
    out
}

/// `l10n check`'s findings as the same keys (every kind, so nothing goes unseen).
fn found() -> BTreeSet<Key> {
    let o = l10n(&tree(), &["check", "--locales", "locales", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let arg = |name: &str| {
                f["args"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|p| p[0] == name)
                    .map_or(String::new(), |p| p[1].as_str().unwrap().to_string())
            };
            let kind = f["kind"].as_str().unwrap();
            let line = f["line"].as_u64().unwrap();
            let (kind, detail, line) = match kind {
                "missing-message" | "missing-term" => ("missing", String::new(), 0),
                "obsolete-message" | "missing-file" | "obsolete-file" => (kind, String::new(), 0),
                "missing-plural" => (kind, sorted_list(&arg("categories")), line),
                "missing-term-reference" | "missing-message-reference" => (kind, arg("target"), line),
                "unknown-variable" | "unused-variable" => (kind, arg("variable"), line),
                _ => (kind, arg("categories"), line),
            };
            (
                kind.to_string(),
                f["locale"].as_str().unwrap().to_string(),
                arg("id"),
                detail,
                line,
            )
        })
        .collect()
}

/// The stored list of what `l10n check` finds beyond compare-locales, with the reasons.
fn l10n_only() -> BTreeSet<Key> {
    let v: Value = serde_json::from_str(&std::fs::read_to_string(tree().join("l10n-only.json")).unwrap()).unwrap();
    let mut out = BTreeSet::new();
    for group in v["groups"].as_array().unwrap() {
        assert!(!group["reason"].as_str().unwrap().is_empty());
        for f in group["findings"].as_array().unwrap() {
            let s = |i: usize| f[i].as_str().unwrap().to_string();
            out.insert((s(0), s(1), s(2), s(3), f[4].as_u64().unwrap()));
        }
    }
    out
}

#[test]
fn at_least_what_compare_locales_reports_on_a_real_tree() {
    let (want, got) = (expected(), found());
    // The tree as the issue describes it: 1,430 missing and obsolete, 17 plural, 8 references.
    let count = |kinds: &[&str]| want.iter().filter(|k| kinds.contains(&k.0.as_str())).count();
    assert_eq!(count(&["missing", "obsolete-message"]), 1430);
    assert_eq!(count(&["missing-plural"]), 17);
    assert_eq!(count(&["missing-term-reference"]), 8);
    let not_reported: Vec<&Key> = want.difference(&got).collect();
    assert!(
        not_reported.is_empty(),
        "compare-locales reports, l10n does not: {not_reported:#?}"
    );
    let extra: BTreeSet<Key> = got.difference(&want).cloned().collect();
    let listed = l10n_only();
    assert_eq!(
        extra.difference(&listed).collect::<Vec<_>>(),
        Vec::<&Key>::new(),
        "reported by l10n only, and not listed in l10n-only.json"
    );
    assert_eq!(
        listed.difference(&extra).collect::<Vec<_>>(),
        Vec::<&Key>::new(),
        "listed in l10n-only.json, but no longer reported"
    );
}

#[test]
fn plural_and_reference_warnings_fail_only_when_denied() {
    // Russian alone: missing messages aside, its findings are the plural warnings.
    let o = l10n(&tree(), &["check", "--locales", "locales", "--locale", "ru"]);
    let out = stdout(&o);
    assert!(
        out.contains("locales/ru/send.ftl:82:10: warning[missing-plural] ru: “fileCount” has no variant for the plural categories many of ru"),
        "{out}"
    );
    let o = l10n(
        &tree(),
        &["check", "--locales", "locales", "--locale", "zh-TW", "--deny-warnings"],
    );
    assert_eq!(o.status.code(), Some(0), "zh-TW is complete: {}", stdout(&o));
    let o = l10n(
        &tree(),
        &["check", "--locales", "locales", "--locale", "ig", "--format", "json"],
    );
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let kinds: BTreeSet<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains("missing-term-reference"), "{kinds:?}");
}
