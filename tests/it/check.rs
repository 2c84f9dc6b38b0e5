//! `l10n check` on Fluent resources: the project's own locales pass, broken ones fail.

use crate::common::*;

#[test]
fn the_projects_own_locales_are_complete() {
    let o = l10n(&repo(), &["check", "--locales", "locales", "--deny-warnings"]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("no problems found"));
}

#[test]
fn a_missing_message_fails_with_its_position() {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in [
        ("en-US/app.ftl", "hello = Hello\nbye = Bye { $name }\n"),
        ("ar/app.ftl", "hello = مرحبا\n"),
        ("hi/app.ftl", "hello = नमस्ते\nbye = अलविदा { $nmae }\n"),
    ] {
        let p = dir.path().join("l").join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    let o = l10n(dir.path(), &["check", "--locales", "l"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let out = stdout(&o);
    assert!(
        out.contains("l/ar/app.ftl:1:1: error[missing-message] ar: message “bye” is missing"),
        "{out}"
    );
    assert!(out.contains("l/hi/app.ftl:2:1: error[unknown-variable] hi:"), "{out}");
    assert!(out.contains("l/hi/app.ftl:2:1: warning[unused-variable] hi:"), "{out}");
    let o = l10n(dir.path(), &["check", "--locales", "l", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["schema"], 1);
    assert_eq!(json["findings"].as_array().unwrap().len(), 3);
}

#[test]
fn the_interface_speaks_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    // Each language's own words for "cannot read the file" (locales/*/cli.ftl, error-read).
    for (lang, expected) in [
        ("ar", "تعذّرت قراءة الملف"),
        ("hi", "फ़ाइल पढ़ी नहीं जा सकी"),
        ("zh-Hans", "无法读取文件"),
    ] {
        let o = l10n(
            dir.path(),
            &["--ui-lang", lang, "translate", "nothing.txt", "--to", "ar"],
        );
        assert_eq!(o.status.code(), Some(2));
        let err = stderr(&o);
        assert!(err.contains("nothing.txt"), "{lang}: {err}");
        assert!(
            !err.contains("cannot read the file"),
            "{lang} should not be English: {err}"
        );
        assert!(err.contains(expected), "{lang} should say {expected}: {err}");
    }
}
