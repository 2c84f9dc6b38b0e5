//! Terminology end to end: protection and repair with an engine, verification of human work,
//! stale entries exactly where the glossary changed, conversion and bad term bases.

use crate::common::*;

fn tbx() -> String {
    repo().join("glossary/rare-earths.tbx").display().to_string()
}

fn pseudo(dir: &std::path::Path, glossary: &str) -> serde_json::Value {
    let o = l10n(
        dir,
        &[
            "translate",
            "article.txt",
            "--to",
            "ar,hi,zh",
            "--backend",
            "pseudo",
            "--memory",
            "m.sqlite",
            "--out",
            "out",
            "--glossary",
            glossary,
            "--format",
            "json",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    report(&o)
}

#[test]
fn an_engine_cannot_break_the_glossary() {
    let dir = project_with_seed();
    let report = pseudo(dir.path(), &tbx());
    for r in report["reports"].as_array().unwrap() {
        let terms = &r["terms"];
        assert!(terms["expected"].as_u64().unwrap() > 50, "{terms}");
        assert_eq!(terms["expected"], terms["found"], "{terms}");
        assert_eq!(terms["failing"].as_array().unwrap().len(), 0, "{terms}");
        // The pseudo engine knows no Arabic, Hindi or Chinese words: every vocabulary term it
        // was guided to use failed, was sent again protected, and passed.
        assert!(terms["repaired"].as_u64().unwrap() > 0, "{terms}");
    }
    let ar = std::fs::read_to_string(dir.path().join("out/ar/article.txt")).unwrap();
    let hi = std::fs::read_to_string(dir.path().join("out/hi/article.txt")).unwrap();
    let zh = std::fs::read_to_string(dir.path().join("out/zh-Hans/article.txt")).unwrap();
    for (edition, names) in [
        (&ar, ["كييف", "واشنطن", "نيوديميوم"]),
        (&hi, ["कीव", "वाशिंगटन", "नियोडिमियम"]),
        (&zh, ["基辅", "华盛顿", "钕"]),
    ] {
        for name in names {
            assert!(edition.contains(name), "{name} missing");
        }
    }
}

#[test]
fn a_glossary_change_makes_exactly_the_affected_sentences_stale() {
    let dir = project_with_seed();
    pseudo(dir.path(), &tbx());
    // Change the Arabic form of Poltava: only the one sentence that names it is re-sent.
    let changed = std::fs::read_to_string(tbx())
        .unwrap()
        .replace("<term>بولتافا</term>", "<term>پولتاوا</term>");
    std::fs::write(dir.path().join("changed.tbx"), changed).unwrap();
    let report = pseudo(dir.path(), "changed.tbx");
    let by_locale = |l: &str| {
        report["reports"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["locale"] == l)
            .unwrap()
            .clone()
    };
    assert_eq!(by_locale("ar")["from_engine"], 1, "{}", by_locale("ar"));
    assert_eq!(by_locale("hi")["from_engine"], 0);
    assert_eq!(by_locale("zh-Hans")["from_engine"], 0);
    let ar = std::fs::read_to_string(dir.path().join("out/ar/article.txt")).unwrap();
    assert!(ar.contains("پولتاوا") && !ar.contains("بولتافا"));
}

#[test]
fn human_work_is_verified_and_forbidden_terms_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Talks were held in Kyiv. Taiwan was not mentioned.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("zh.tmx"),
        r#"<tmx version="1.4"><header srclang="en"/><body>
<tu><tuv xml:lang="en"><seg>Talks were held in Kyiv.</seg></tuv><tuv xml:lang="zh-Hans"><seg>会谈在基輔举行。</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Taiwan was not mentioned.</seg></tuv><tuv xml:lang="zh-Hans"><seg>未提及台湾。</seg></tuv></tu>
</body></tmx>"#,
    )
    .unwrap();
    assert!(
        l10n(dir.path(), &["memory", "import", "zh.tmx", "--memory", "m.sqlite"])
            .status
            .success()
    );
    let o = l10n(
        dir.path(),
        &[
            "translate",
            "a.txt",
            "--to",
            "zh",
            "--backend",
            "memory",
            "--memory",
            "m.sqlite",
            "--glossary",
            &tbx(),
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("a.txt:1: zh-Hans: glossary term c-kyiv is not honoured (expected “基辅”)"),
        "{err}"
    );
    assert!(
        err.contains("a.txt:1: zh-Hans: forbidden term “基輔” (c-kyiv)"),
        "{err}"
    );
    assert!(
        err.contains("zh-Hans: glossary: 2 terms expected, 1 found, 0 repaired, 2 failing"),
        "{err}"
    );
}

#[test]
fn term_bases_convert_and_bad_ones_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for (from, to) in [(tbx().as_str(), "g.csv"), ("g.csv", "g.tsv"), ("g.tsv", "g.tbx")] {
        let o = l10n(d, &["glossary", "convert", from, to]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    }
    let shown = |file: &str| stdout(&l10n(d, &["glossary", "show", file]));
    assert_eq!(shown("g.tbx"), shown(&tbx()));
    assert!(shown("g.csv").contains("c-kyiv\tplace\tprotect\tكييف\tKyiv\tकीव\t基辅"));

    std::fs::write(d.join("bad.csv"), "id,en,ar\nc1,Kyiv,كييف\nc2,Kiev\n").unwrap();
    let o = l10n(d, &["glossary", "show", "bad.csv"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("bad.csv:3:"), "{}", stderr(&o));
    std::fs::write(d.join("bad.tbx"), "<tbx><text><body><conceptEntry id=\"x\"><langSec xml:lang=\"en\"><termSec><term>A</term></termSec></langSec></body></text></tbx>").unwrap();
    let o = l10n(d, &["glossary", "show", "bad.tbx"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("bad.tbx:1:"), "{}", stderr(&o));
    // A bad term base stops a translation before anything is sent or written.
    std::fs::write(d.join("a.txt"), "Kyiv.\n").unwrap();
    let o = l10n(
        d,
        &[
            "translate",
            "a.txt",
            "--to",
            "ar",
            "--memory",
            "m.sqlite",
            "--glossary",
            "bad.tbx",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(!d.join("out").exists());
}
