//! Project commands: init, status (text, JSON, HTML report), completions and the man page.

use crate::common::*;

#[test]
fn init_creates_a_project_and_never_overwrites_it() {
    let dir = tempfile::tempdir().unwrap();
    let o = l10n(dir.path(), &["init", "--yes", "--to", "ar,hi,zh"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let config = std::fs::read_to_string(dir.path().join("l10n.toml")).unwrap();
    assert!(config.contains("targets = [\"ar\", \"hi\", \"zh-Hans\"]"), "{config}");
    assert!(dir.path().join("glossary").is_dir() && dir.path().join("cache").is_dir());
    assert!(
        std::fs::read_to_string(dir.path().join(".gitignore"))
            .unwrap()
            .contains("cache/*.sqlite*")
    );
    // The new project works as it is.
    std::fs::copy(seed_article(), dir.path().join("article.txt")).unwrap();
    let o = l10n(dir.path(), &["translate", "article.txt"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(dir.path().join("out/zh-Hans/article.txt").exists());
    // A second init refuses, and leaves the file alone.
    std::fs::write(dir.path().join("l10n.toml"), "source = \"en\"\n").unwrap();
    let o = l10n(dir.path(), &["init", "--yes"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("never overwrites"), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("l10n.toml")).unwrap(),
        "source = \"en\"\n"
    );
    // Bad answers are refused by name.
    let other = tempfile::tempdir().unwrap();
    let o = l10n(other.path(), &["init", "--yes", "--to", "ar,qqq"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!other.path().join("l10n.toml").exists());
}

#[test]
fn status_counts_by_origin_and_writes_a_report() {
    let dir = tempfile::tempdir().unwrap();
    let example = copy_example(dir.path());
    // The project's seed TMX is part of the project: status counts what translate would
    // publish, so its human translations count before any run.
    let o = l10n(&example, &["status", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let before: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(before[0]["locales"][0]["missing"], 0);
    assert_eq!(before[0]["locales"][0]["human"], 86);
    // After the example run: all human, complete, no glossary problem.
    assert!(l10n(&example, &["translate"]).status.success());
    let o = l10n(&example, &["status", "--format", "json", "--html", "report.html"]);
    let full: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    for l in full[0]["locales"].as_array().unwrap() {
        assert_eq!(
            (l["segments"].as_u64(), l["human"].as_u64(), l["missing"].as_u64()),
            (Some(86), Some(86), Some(0)),
            "{l}"
        );
        assert_eq!(l["terms_failing"], 0);
        assert_eq!(l["complete"], 100.0);
    }
    let report = std::fs::read_to_string(example.join("report.html")).unwrap();
    assert!(report.starts_with("<!DOCTYPE html>"));
    assert!(
        report.contains("<td lang=\"ar\" dir=\"rtl\">واشنطن وكييف"),
        "side by side, right to left"
    );
    assert!(report.contains("华盛顿与基辅"));
    // The text output speaks the interface language.
    let o = l10n(&example, &["--ui-lang", "zh-Hans", "status"]);
    assert!(stdout(&o).contains("完成 100%"), "{}", stdout(&o));
}

#[test]
fn the_report_escapes_what_translators_wrote() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Hello there.\n").unwrap();
    std::fs::write(
        dir.path().join("x.tmx"),
        r#"<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>Hello there.</seg></tuv><tuv xml:lang="ar"><seg>&lt;script&gt;alert(1)&lt;/script&gt;</seg></tuv></tu></body></tmx>"#,
    )
    .unwrap();
    assert!(
        l10n(dir.path(), &["memory", "import", "x.tmx", "--memory", "m.sqlite"])
            .status
            .success()
    );
    let o = l10n(
        dir.path(),
        &[
            "status", "a.txt", "--to", "ar", "--memory", "m.sqlite", "--html", "r.html",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let report = std::fs::read_to_string(dir.path().join("r.html")).unwrap();
    assert!(report.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !report.contains("<script>"));
}

#[test]
fn completions_and_man_page() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish"] {
        let o = l10n(dir.path(), &["completions", shell]);
        assert!(o.status.success());
        assert!(stdout(&o).contains("translate"), "{shell}");
    }
    let o = l10n(dir.path(), &["man"]);
    assert!(stdout(&o).contains(".TH l10n 1"));
}

#[test]
fn the_report_renders_in_a_real_browser() {
    let Some(browser) = chromium() else {
        eprintln!("skipped: no chromium on this machine (.ci/run installs it)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let example = copy_example(dir.path());
    assert!(l10n(&example, &["translate"]).status.success());
    let o = l10n(&example, &["status", "--html", "report.html"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = example.join("report.html");
    let dom = stdout(&run_chromium(&browser, &page, &["--dump-dom"]));
    assert!(dom.contains("<td lang=\"ar\" dir=\"rtl\">"), "{dom}");
    assert!(dom.contains("基辅") && dom.contains("कीव") && dom.contains("كييف"));
    assert_eq!(dom.matches("class=\"bar\"").count(), 3);
    let shot = dir.path().join("report.png");
    run_chromium(
        &browser,
        &page,
        &[&format!("--screenshot={}", shot.display()), "--window-size=1200,900"],
    );
    assert!(
        std::fs::metadata(&shot).map(|m| m.len() > 10_000).unwrap_or(false),
        "no screenshot"
    );
}
