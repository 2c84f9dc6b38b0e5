//! The main job with the pseudo engine: editions, completeness, placeholders, the memory.

use crate::common::*;

fn run_pseudo(dir: &std::path::Path) -> std::process::Output {
    l10n(
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
            "--format",
            "json",
        ],
    )
}

#[test]
fn seed_article_gets_three_complete_editions() {
    let dir = project_with_seed();
    let o = run_pseudo(dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let report = report(&o);
    assert!(report["requests"].as_u64().unwrap() > 0);
    let source = std::fs::read_to_string(dir.path().join("article.txt")).unwrap();
    let segments = segments(dir.path(), "article.txt");
    assert_eq!(segments.len(), 86, "the seed article has 86 sentences (85 distinct)");
    for (locale, probe) in [("ar", 'ك'), ("hi", 'क'), ("zh-Hans", 'Ｋ')] {
        let edition = std::fs::read_to_string(dir.path().join("out").join(locale).join("article.txt")).unwrap();
        // Every segment is there: one pseudo-translation bracket pair per sentence.
        assert_eq!(edition.matches('⟦').count(), 86, "{locale}");
        assert_eq!(edition.matches('⟧').count(), 86, "{locale}");
        // The structure is the source's: same blank lines and bullets.
        assert_eq!(edition.lines().count(), source.lines().count(), "{locale}");
        assert_eq!(
            edition.matches("  • ").count(),
            source.matches("  • ").count(),
            "{locale}"
        );
        // Placeholders survive verbatim; no English sentence is left.
        assert!(edition.contains("[YourSiteName]"), "{locale}");
        assert!(!edition.contains("Washington"), "{locale}");
        assert!(edition.contains(probe), "{locale} is not in its script");
    }
    // Chinese sentences are joined without a space.
    let zh = std::fs::read_to_string(dir.path().join("out/zh-Hans/article.txt")).unwrap();
    assert!(zh.contains("⟧⟦"), "zh-Hans sentences should touch");
}

#[test]
fn a_second_run_makes_no_backend_call() {
    let dir = project_with_seed();
    let first = run_pseudo(dir.path());
    assert!(first.status.success(), "{}", stderr(&first));
    let before: Vec<String> = ["ar", "hi", "zh-Hans"]
        .iter()
        .map(|l| std::fs::read_to_string(dir.path().join("out").join(l).join("article.txt")).unwrap())
        .collect();
    let second = run_pseudo(dir.path());
    assert!(second.status.success(), "{}", stderr(&second));
    let report = report(&second);
    assert_eq!(report["requests"], 0, "a cached re-run must not call the engine");
    for r in report["reports"].as_array().unwrap() {
        assert_eq!(
            r["from_memory"],
            r["segments"].as_u64().unwrap() - r["copied"].as_u64().unwrap()
        );
        assert_eq!(r["from_engine"], 0);
    }
    let after: Vec<String> = ["ar", "hi", "zh-Hans"]
        .iter()
        .map(|l| std::fs::read_to_string(dir.path().join("out").join(l).join("article.txt")).unwrap())
        .collect();
    assert_eq!(before, after);
}

#[test]
fn markdown_keeps_its_markup_and_leaves_code_alone() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        repo().join("tests/fixtures/markdown/article.md"),
        dir.path().join("article.md"),
    )
    .unwrap();
    let o = l10n(
        dir.path(),
        &[
            "translate",
            "article.md",
            "--to",
            "ar",
            "--backend",
            "pseudo",
            "--memory",
            "m.sqlite",
            "--out",
            "out",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let edition = std::fs::read_to_string(dir.path().join("out/ar/article.md")).unwrap();
    for kept in [
        "](https://en.wikipedia.org/wiki/Scandium \"Scandium\")",
        "`solvent extraction`",
        "// Code is never translated. Not even this sentence.",
        "    Indented code. Also untranslated.",
        "[YourSiteName]",
        "|:--------|:------:|----:|",
        "\ndate: 2025-05-02\n---\n",
        "[annex]: https://example.org/annex.pdf \"Annex\"",
        "**",
        "~~",
        "<sup>",
        "- [x] ",
    ] {
        assert!(edition.contains(kept), "{kept:?} is missing from\n{edition}");
    }
    assert!(!edition.contains("Joint exploration"));
    // The front matter's title is translated (issue 17), its other keys kept.
    assert!(edition.starts_with("---\ntitle: ") && !edition.contains("Rare earths, explained"));
}

#[test]
fn missing_segments_are_listed_and_withhold_the_edition_unless_partial_is_allowed() {
    let dir = project_with_seed();
    let o = l10n(
        dir.path(),
        &[
            "translate",
            "article.txt",
            "--to",
            "hi",
            "--backend",
            "memory",
            "--memory",
            "m.sqlite",
            "--out",
            "out",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("article.txt:1: untranslated in hi: Washington and Kyiv Sign"),
        "{err}"
    );
    assert!(err.contains("edition not written"), "{err}");
    assert!(!dir.path().join("out/hi/article.txt").exists());

    let o = l10n(
        dir.path(),
        &[
            "translate",
            "article.txt",
            "--to",
            "hi",
            "--backend",
            "memory",
            "--memory",
            "m.sqlite",
            "--out",
            "out",
            "--allow-partial",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "still incomplete: {}", stderr(&o));
    let edition = std::fs::read_to_string(dir.path().join("out/hi/article.txt")).unwrap();
    assert_eq!(edition.matches("⟦untranslated: ").count(), 86);
}

#[test]
fn human_translations_are_escaped_for_the_output_format() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.md"),
        "Read the [report](https://example.org).\n\nSecond paragraph here.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("evil.tmx"),
        r#"<tmx version="1.4"><header srclang="en"/><body>
<tu><tuv xml:lang="en"><seg>Read the <bpt i="1">[</bpt>report<ept i="1">](https://example.org)</ept>.</seg></tuv>
<tuv xml:lang="ar"><seg>&lt;script&gt;alert(1)&lt;/script&gt; <bpt i="1">[</bpt>التقرير<ept i="1">]</ept> [x](javascript:alert(1))</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Second paragraph here.</seg></tuv><tuv xml:lang="ar"><seg>&lt;img src=x onerror=alert(1)&gt; *فقرة*</seg></tuv></tu>
</body></tmx>"#,
    )
    .unwrap();
    let o = l10n(dir.path(), &["memory", "import", "evil.tmx", "--memory", "m.sqlite"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = l10n(
        dir.path(),
        &[
            "translate",
            "a.md",
            "--to",
            "ar",
            "--backend",
            "memory",
            "--memory",
            "m.sqlite",
            "--out",
            "out",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let edition = std::fs::read_to_string(dir.path().join("out/ar/a.md")).unwrap();
    // Latin runs that open an Arabic paragraph are bidi-isolated (FSI…PDI); escaping is what
    // this test is about, so it reads the edition without them.
    let edition = edition.replace(['\u{2068}', '\u{2069}'], "");
    // The link markup is the source's own; everything else from the file is text.
    assert!(edition.contains("[التقرير](https://example.org)"), "{edition}");
    assert!(edition.contains("\\<script\\>"), "{edition}");
    assert!(edition.contains("\\[x\\](javascript:alert(1))"), "{edition}");
    assert!(edition.contains("\\<img src=x onerror=alert(1)\\>"), "{edition}");
    assert!(edition.contains("\\*فقرة\\*"), "{edition}");
}

/// Issue 16: a translation from the memory or a TMX gets the same placeholder check as an
/// engine's answer. A link written twice is not published: the segment is missing and needs
/// review, reported with its file and line.
#[test]
fn a_tmx_translation_with_a_doubled_link_is_not_published() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("l.md"),
        "# Notes\n\nSee [the report](https://a.example/1) today.\n",
    )
    .unwrap();
    std::fs::write(
        d.join("l10n.toml"),
        "targets = [\"ar\"]\ndocuments = [\"l.md\"]\nbackend = \"memory\"\n[memory]\npath = \"m.sqlite\"\n",
    )
    .unwrap();
    let tu = |en: &str, ar: &str| {
        format!("<tu><tuv xml:lang=\"en\"><seg>{en}</seg></tuv><tuv xml:lang=\"ar\"><seg>{ar}</seg></tuv></tu>\n")
    };
    let link = |text: &str| format!("<bpt i=\"1\">[</bpt>{text}<ept i=\"1\">](https://a.example/1)</ept>");
    let tmx = format!(
        "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header creationtool=\"t\" creationtoolversion=\"1\" \
         segtype=\"sentence\" o-tmf=\"none\" adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\"/><body>\n{}{}</body></tmx>\n",
        tu("Notes", "ملاحظات"),
        tu(
            &format!("See {} today.", link("the report")),
            &format!("انظر {} {} اليوم.", link("التقرير"), link("التقرير"))
        ),
    );
    std::fs::write(d.join("t.tmx"), tmx).unwrap();
    let o = l10n(d, &["memory", "import", "t.tmx"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = l10n(d, &["translate"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("l.md:3: needs review in ar"), "{err}");
    assert!(err.contains("l.md:3: untranslated in ar"), "{err}");
    assert!(!d.join("out/ar/l.md").exists(), "not published");
    let o = l10n(d, &["status", "--format", "json"]);
    let status: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(status[0]["locales"][0]["missing"], 1);
    assert_eq!(status[0]["locales"][0]["needs_review"], 1);
}
