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

/// Runs `l10n` without any engine key in the environment.
fn l10n_without_keys(dir: &Path, args: &[&str]) -> Output {
    let mut command = Command::new(BIN);
    command
        .args(args)
        .current_dir(dir)
        .env("LC_ALL", "en_US.UTF-8")
        .env("NO_COLOR", "1");
    for var in ["DEEPL_AUTH_KEY", "GOOGLE_API_KEY", "AZURE_TRANSLATOR_KEY"] {
        command.env_remove(var);
    }
    command.output().expect("the binary runs")
}

#[test]
fn translate_help_names_every_engine_its_default_and_its_key() {
    let dir = article();
    // clap wraps the help to the terminal: compare it as one line.
    let help = stdout(&l10n(dir.path(), &["translate", "--help"]));
    let help = help.split_whitespace().collect::<Vec<_>>().join(" ");
    for engine in l10n::backend::KNOWN_BACKENDS.iter().chain(&["human"]) {
        assert!(help.contains(&format!("{engine} (")), "{engine} missing from:\n{help}");
    }
    assert!(help.contains("default: pseudo"), "{help}");
    assert!(help.contains("not a translation"), "{help}");
    // The variable each engine really reads (its own error says it) is the one the help names.
    for engine in ["deepl", "google", "azure"] {
        let o = l10n_without_keys(dir.path(), &["translate", "a.txt", "--to", "ar", "--backend", engine]);
        let err = stderr(&o);
        let var = err
            .split("environment variable ")
            .nth(1)
            .and_then(|rest| rest.split_whitespace().next())
            .unwrap_or_else(|| panic!("{engine}: {err}"));
        assert!(
            help.contains(&format!("{engine} (key from {var})")) || help.contains(&format!("{engine} ({var}")),
            "{engine}: {var} not in:\n{help}"
        );
        let o = l10n(dir.path(), &["init", "-y", "--dir", engine]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let toml = std::fs::read_to_string(dir.path().join(engine).join("l10n.toml")).unwrap();
        assert!(toml.contains(var), "{toml}");
    }
    // The page's real name.
    assert!(help.contains("out/<locale>/<stem>.html"), "{help}");
    assert!(help.contains("<stem>.page.html"), "{help}");
}

#[test]
fn init_lists_the_term_bases_in_glossary_and_translate_uses_them() {
    let dir = article();
    std::fs::create_dir_all(dir.path().join("glossary")).unwrap();
    std::fs::copy(
        repo().join("glossary/rare-earths.tbx"),
        dir.path().join("glossary/rare-earths.tbx"),
    )
    .unwrap();
    std::fs::write(dir.path().join("glossary/broken.csv"), "not,a\n\"glossary\n").unwrap();
    let o = l10n(dir.path(), &["init", "-y"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("used only when listed"), "{}", stderr(&o));
    let toml = std::fs::read_to_string(dir.path().join("l10n.toml")).unwrap();
    assert!(
        toml.contains("glossary = [\"glossary/broken.csv\", \"glossary/rare-earths.tbx\"]"),
        "{toml}"
    );
    for engine in l10n::backend::KNOWN_BACKENDS {
        assert!(toml.contains(&format!("#   {engine} ")), "{engine}: {toml}");
    }
    // The project reads what init listed: the broken term base stops the run, by name.
    let o = l10n(dir.path(), &["translate", "a.txt", "--to", "ar"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("broken.csv"), "{}", stderr(&o));
    std::fs::remove_file(dir.path().join("glossary/broken.csv")).unwrap();
    let toml = toml.replace("\"glossary/broken.csv\", ", "");
    std::fs::write(dir.path().join("l10n.toml"), toml).unwrap();
    let o = l10n(dir.path(), &["translate", "a.txt", "--to", "ar"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn the_chinese_page_writes_its_own_colon() {
    let dir = article();
    let o = l10n(dir.path(), &["translate", "a.txt", "--to", "zh,ar", "--page"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let zh = std::fs::read_to_string(dir.path().join("out/zh-Hans/a.html")).unwrap();
    assert!(zh.contains("<p>阅读本文的其他语言版本：</p>"), "{zh}");
    assert!(!zh.contains("版本:"), "{zh}");
    let ar = std::fs::read_to_string(dir.path().join("out/ar/a.html")).unwrap();
    assert!(ar.contains("<p>اقرأ هذا المقال باللغة:</p>"), "{ar}");
}

#[test]
fn clap_speaks_the_users_language_too() {
    let dir = article();
    let o = l10n_in("zh_CN.UTF-8", dir.path(), &["check", "--help"]);
    let help = stdout(&o);
    for (english, chinese) in [
        ("Usage:", "用法：l10n check"),
        ("Options:", "选项"),
        ("Print help", "显示帮助"),
    ] {
        assert!(!help.contains(english), "{english} in:\n{help}");
        assert!(help.contains(chinese), "{chinese} not in:\n{help}");
    }
    let o = l10n_in("zh_CN.UTF-8", dir.path(), &["--help"]);
    assert!(stdout(&o).contains("命令"), "{}", stdout(&o));
    assert!(!stdout(&o).contains("Commands:"), "{}", stdout(&o));
    // An unknown argument: refused in Arabic, exit 2, with the way to the help.
    let o = l10n_in("ar_EG.UTF-8", dir.path(), &["check", "--bogus"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("وسيط غير متوقع «--bogus»"), "{err}");
    assert!(!err.contains("unexpected argument"), "{err}");
    let o = l10n_in("hi_IN.UTF-8", dir.path(), &["translte"]);
    assert!(stderr(&o).contains("क्या आपका मतलब “translate” था?"), "{}", stderr(&o));
    // English stays clap's own.
    let o = l10n(dir.path(), &["check", "--bogus"]);
    assert!(stderr(&o).contains("unexpected argument '--bogus'"), "{}", stderr(&o));
}

#[test]
fn verbose_is_offered_only_where_engines_are_called() {
    let dir = article();
    let o = l10n(dir.path(), &["check", "-v"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let o = l10n(dir.path(), &["status", "--verbose"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stdout(&l10n(dir.path(), &["translate", "--help"])).contains("--verbose"));
    assert!(!stdout(&l10n(dir.path(), &["memory", "--help"])).contains("--verbose"));
    let o = l10n(dir.path(), &["translate", "a.txt", "--to", "ar", "-v"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

/// A folder with the article and the XLIFF files re-saved by the npm `xliff` library.
fn resaved() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.md", "resaved.xlf", "resaved-no-bold.xlf"] {
        std::fs::copy(
            repo().join("tests/fixtures/first-hour").join(name),
            dir.path().join(name),
        )
        .unwrap();
    }
    dir
}

#[test]
fn import_finds_the_document_itself_and_survives_a_resave_without_original() {
    let dir = resaved();
    let resaved = std::fs::read_to_string(dir.path().join("resaved.xlf")).unwrap();
    assert!(!resaved.contains("original="), "the fixture is what js2xliff writes");
    // No --document, no l10n.toml: units matched by id and source in the folder's documents.
    let o = l10n(dir.path(), &["import", "resaved.xlf", "--memory", "m.sqlite"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("4 imported"), "{}", stderr(&o));
    // --document applies to a file that does not name its document.
    let o = l10n(
        dir.path(),
        &["import", "resaved.xlf", "--document", "a.md", "--memory", "n.sqlite"],
    );
    assert!(stderr(&o).contains("4 imported"), "{}", stderr(&o));
    // A file that names its document (as `l10n export` writes it) needs nothing else, even run
    // from elsewhere: the document is found beside the XLIFF file.
    let named = resaved.replace("<file id=\"f1\">", "<file id=\"f1\" original=\"a.md\">");
    std::fs::write(dir.path().join("named.xlf"), &named).unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let xlf = dir.path().join("named.xlf");
    let o = l10n(
        elsewhere.path(),
        &["import", xlf.to_str().unwrap(), "--memory", "m.sqlite"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("4 imported"), "{}", stderr(&o));
    // A file-level rejection is one line for the file, not one per unit.
    std::fs::write(
        dir.path().join("gone.xlf"),
        named.replace("original=\"a.md\"", "original=\"gone.md\""),
    )
    .unwrap();
    let o = l10n(dir.path(), &["import", "gone.xlf", "--memory", "g.sqlite"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert_eq!(err.matches("gone.md").count(), 1, "{err}");
    assert!(err.contains("all 4 units of the file rejected"), "{err}");
    assert!(err.contains("4 rejected"), "{err}");
}

#[test]
fn a_rejected_unit_names_the_markup_that_differs() {
    let dir = resaved();
    let o = l10n(dir.path(), &["import", "resaved-no-bold.xlf", "--memory", "m.sqlite"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("(**signed**)"), "{err}");
    assert!(!err.contains("code(s)"), "{err}");
    assert!(err.contains("3 imported"), "{err}");
}
