//! The first hour of a new user, run as they would: the binary, in a fresh folder, in their
//! language. Each test names the surprise it guards against (issue 18).

use crate::common::*;
use std::path::Path;
use std::process::{Command, Output};

/// Runs `l10n` in `dir` with the interface in `lang` (as `LANG` would choose it).
fn l10n_in(lang: &str, dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env("LC_ALL", lang)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn article() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Hello world. The mine reopened.\n").unwrap();
    dir
}

#[test]
fn target_tags_a_user_types_are_refused_with_a_way_forward() {
    let dir = article();
    // A language name for a tag: the tag is suggested.
    let o = l10n(dir.path(), &["translate", "a.txt", "--to", "arabic"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("did you mean “ar”?"), "{}", stderr(&o));
    // The source language itself: refused, nothing written.
    let o = l10n(dir.path(), &["translate", "a.txt", "--to", "en"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("“en” is the source language"), "{}", stderr(&o));
    assert!(!dir.path().join("out/en").exists());
    // Traditional Chinese: a clear refusal naming what is supported, in every spelling.
    for tag in ["zh-TW", "zh-Hant"] {
        let o = l10n(dir.path(), &["translate", "a.txt", "--to", tag]);
        assert_eq!(o.status.code(), Some(2), "{tag}");
        let err = stderr(&o);
        assert!(err.contains(&format!("“{tag}” is not supported")), "{err}");
        assert!(err.contains("ar, hi, zh (zh-Hans)"), "{err}");
    }
    let o = l10n(dir.path(), &["export", "a.txt", "--to", "zh-Hant"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    // A regional variant of the source is a real target.
    let o = l10n(dir.path(), &["translate", "a.txt", "--to", "en-GB"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn operating_system_errors_speak_the_users_language() {
    let dir = article();
    let o = l10n_in("ar_EG.UTF-8", dir.path(), &["check", "--locales", "nowhere"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("لا يوجد ملف أو مجلد بهذا الاسم"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("No such file"), "{}", stderr(&o));
    let o = l10n_in(
        "zh_CN.UTF-8",
        dir.path(),
        &["glossary", "convert", "missing.tbx", "x.csv"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("没有这个文件或文件夹"), "{}", stderr(&o));
}
