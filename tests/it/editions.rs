//! Editions as readers see them: golden editions of the example (text and standalone HTML
//! page) in ar, hi and zh-Hans, the site name, typography, and injection through the page.
//! `L10N_BLESS=1 cargo test` rewrites the golden files after a deliberate change.

use crate::common::*;
use std::path::{Path, PathBuf};

/// Compares `actual` with `tests/fixtures/editions/<name>`, or rewrites it when blessing.
fn golden(name: &str, actual: &str) {
    let path = repo().join("tests/fixtures/editions").join(name);
    if std::env::var_os("L10N_BLESS").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run with L10N_BLESS=1 to create it)", path.display()));
    assert!(
        expected == actual,
        "{} differs from the edition written; run with L10N_BLESS=1 if the change is deliberate",
        path.display()
    );
}

/// The example with a site name and a fixed date, translated with `--page`; returns the out folder.
pub fn example_with_pages(dir: &Path) -> PathBuf {
    let example = copy_example(dir);
    let mut toml = std::fs::read_to_string(example.join("l10n.toml")).unwrap();
    toml.push_str("\n[edition]\nsite_name = \"The <Ledger>\"\ndate = \"2025-05-02\"\n");
    std::fs::write(example.join("l10n.toml"), toml).unwrap();
    let o = l10n(
        dir,
        &[
            "translate",
            "examples/rare-earths/article.txt",
            "--to",
            "ar,hi,zh",
            "--page",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    example.join("out")
}

/// The same article as Markdown and as an HTML page (examples/rare-earths/article.{md,html}:
/// the same sentences, so the same reference translations serve them).
#[test]
fn golden_markdown_and_html_editions_of_the_example() {
    let dir = tempfile::tempdir().unwrap();
    let example = copy_example(dir.path());
    let o = l10n(
        dir.path(),
        &[
            "translate",
            "examples/rare-earths/article.md",
            "examples/rare-earths/article.html",
            "--to",
            "ar,hi,zh",
            "--out",
            "formats",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = dir.path().join("formats");
    let _ = example;
    for locale in ["ar", "hi", "zh-Hans"] {
        let md = std::fs::read_to_string(out.join(locale).join("article.md")).unwrap();
        let html = std::fs::read_to_string(out.join(locale).join("article.html")).unwrap();
        assert!(
            md.starts_with("# ") && md.contains("\n- "),
            "{locale}: the Markdown structure stays"
        );
        assert!(html.contains(&format!("<html lang=\"{locale}\"")), "{locale}");
        golden(&format!("{locale}.md"), &md);
        golden(&format!("{locale}.edition.html"), &html);
    }
    let ar = std::fs::read_to_string(out.join("ar/article.html")).unwrap();
    assert!(ar.contains("<html lang=\"ar\" dir=\"rtl\">"));
}

#[test]
fn golden_editions_of_the_example_in_every_locale_and_format() {
    let dir = tempfile::tempdir().unwrap();
    let out = example_with_pages(dir.path());
    for locale in ["ar", "hi", "zh-Hans"] {
        let text = std::fs::read_to_string(out.join(locale).join("article.txt")).unwrap();
        let page = std::fs::read_to_string(out.join(locale).join("article.html")).unwrap();
        // The site name replaces the placeholder, escaped for the format.
        assert!(
            !text.contains("[YourSiteName]") && text.contains("The <Ledger>"),
            "{locale}"
        );
        assert!(
            !page.contains("[YourSiteName]") && page.contains("The &lt;Ledger&gt;"),
            "{locale}"
        );
        assert!(!page.contains("<Ledger>"), "{locale}");
        golden(&format!("{locale}.txt"), &text);
        golden(&format!("{locale}.html"), &page);
    }
    let ar = std::fs::read_to_string(out.join("ar/article.html")).unwrap();
    assert!(ar.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(ar.contains("hreflang=\"x-default\" href=\"../../article.txt\""));
    assert!(ar.contains("hreflang=\"zh-Hans\" href=\"../zh-Hans/article.html\""));
    assert!(ar.contains("ترجمة بشرية"), "the notice says people translated it");
    assert!(ar.contains("2 مايو 2025"), "the date line, by ICU4X");
    let hi = std::fs::read_to_string(out.join("hi/article.html")).unwrap();
    assert!(hi.contains("2 मई, 2025") && hi.contains("<html lang=\"hi\" dir=\"ltr\">"));
    assert!(
        !hi.contains('\u{2068}'),
        "no Fluent isolation marks outside right-to-left pages"
    );
    let zh_text = std::fs::read_to_string(out.join("zh-Hans/article.txt")).unwrap();
    assert!(zh_text.contains("2025年5月2日") || zh_text.contains('。'));
}

#[test]
fn typography_applies_to_engine_output_and_never_to_placeholders() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.md"), "# News\n\nRead `a. b, c` now. Is it real?\n").unwrap();
    std::fs::write(
        dir.path().join("t.tmx"),
        r#"<tmx version="1.4"><header srclang="en"/><body>
<tu><tuv xml:lang="en"><seg>News</seg></tuv><tuv xml:lang="zh-Hans"><seg>新闻</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Read <ph x="1">`a. b, c`</ph> now.</seg></tuv><tuv xml:lang="zh-Hans"><seg>现在 阅读 <ph x="1">`a. b, c`</ph>.</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Is it real?</seg></tuv><tuv xml:lang="zh-Hans"><seg>这是真的吗?</seg></tuv></tu>
</body></tmx>"#,
    )
    .unwrap();
    let o = l10n(dir.path(), &["memory", "import", "t.tmx", "--memory", "m.sqlite"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = l10n(
        dir.path(),
        &[
            "translate",
            "a.md",
            "--to",
            "zh",
            "--backend",
            "memory",
            "--memory",
            "m.sqlite",
            "--out",
            "out",
            "--page",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let md = std::fs::read_to_string(dir.path().join("out/zh-Hans/a.md")).unwrap();
    assert_eq!(md, "# 新闻\n\n现在阅读 `a. b, c`。这是真的吗？\n");
    let html = std::fs::read_to_string(dir.path().join("out/zh-Hans/a.html")).unwrap();
    assert!(html.contains("现在阅读 <code>a. b, c</code>。这是真的吗？"), "{html}");
}

#[test]
fn injection_through_a_translation_stays_text_on_the_page() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.md"),
        "# Title\n\nRead the [report](https://example.org).\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("evil.tmx"),
        r#"<tmx version="1.4"><header srclang="en"/><body>
<tu><tuv xml:lang="en"><seg>Title</seg></tuv><tuv xml:lang="ar"><seg>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Read the <bpt i="1">[</bpt>report<ept i="1">](https://example.org)</ept>.</seg></tuv>
<tuv xml:lang="ar"><seg>&lt;img src=x onerror=alert(1)&gt; <bpt i="1">[</bpt>التقرير<ept i="1">]</ept> [x](javascript:alert(1))</seg></tuv></tu>
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
            "--page",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let html = std::fs::read_to_string(dir.path().join("out/ar/a.html")).unwrap();
    assert!(
        !html.contains("<script") && !html.contains("<img") && !html.contains("href=\"javascript"),
        "{html}"
    );
    // The page is the Markdown edition rendered: its isolation marks around Latin runs stay.
    let visible = html.replace(['\u{2068}', '\u{2069}'], "");
    assert!(visible.contains("&lt;/title&gt;&lt;script&gt;"), "{html}");
    assert!(html.contains("<a href=\"https://example.org\">التقرير</a>"), "{html}");
}

/// A real news page (tests/fixtures/editions/corpus-news/, from the corpus), translated with
/// the pseudo engine into ar, hi and zh-Hans with `--page`: the editions and pages are golden.
#[test]
fn golden_editions_and_pages_of_a_corpus_news_page() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = repo().join("tests/fixtures/editions/corpus-news");
    std::fs::copy(fixture.join("source.html"), dir.path().join("news.html")).unwrap();
    let o = l10n(
        dir.path(),
        &[
            "translate",
            "news.html",
            "--to",
            "ar,hi,zh",
            "--backend",
            "pseudo",
            "--memory",
            "m.sqlite",
            "--out",
            "out",
            "--page",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let source = std::fs::read_to_string(fixture.join("source.html")).unwrap();
    for locale in ["ar", "hi", "zh-Hans"] {
        let edition = std::fs::read_to_string(dir.path().join("out").join(locale).join("news.html")).unwrap();
        let page = std::fs::read_to_string(dir.path().join("out").join(locale).join("news.page.html")).unwrap();
        // The page is the edition with the chrome added: every byte of the edition's body is
        // there, in order, around the chrome.
        let body_at = |html: &str| html.find("<body").expect("a body");
        let edition_body = &edition[body_at(&edition)..];
        let (before_chrome, _) = edition_body.split_at(edition_body.find('>').unwrap() + 1);
        assert!(page.contains(before_chrome), "{locale}: the body tag stays");
        assert!(
            page.contains("rel=\"alternate\" hreflang=\"x-default\" href=\"../../news.html\""),
            "{locale}"
        );
        assert!(
            page.matches("<title>").count() == source.matches("<title>").count(),
            "{locale}: one title"
        );
        golden(&format!("corpus-news/{locale}.html"), &edition);
        golden(&format!("corpus-news/{locale}.page.html"), &page);
    }
}
