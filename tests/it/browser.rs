//! Each HTML page of the example opened in real headless Chromium: the rendered DOM must be
//! right-to-left for Arabic and hold every sentence's translation, and the screenshot must
//! be a real rendering. Real corpus articles' pages keep their article: the same images,
//! links, code, tables, list items and headings as the source, counted in the DOM Chromium
//! builds. Skips, saying so, when `chromium` is not installed (`.ci/run` installs it) — except
//! with `CI=true`, where a missing Chromium fails. `L10N_SCREENSHOTS=docs` keeps the
//! screenshots in docs/.

use crate::common::*;
use crate::editions::example_with_pages;
use std::path::Path;
use std::process::Command;

/// The Chromium to run; `None` (the test says it skipped) only outside CI.
fn chromium(test: &str) -> Option<&'static str> {
    let found = ["chromium", "chromium-browser", "google-chrome"].into_iter().find(|b| {
        Command::new(b)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    });
    if found.is_none() {
        assert!(
            std::env::var("CI").map_or(true, |v| v != "true"),
            "{test}: chromium is not installed, and CI=true: browser tests must run in CI \
             (apt-get install -y chromium fonts-lohit-deva fonts-wqy-microhei)"
        );
        eprintln!("SKIPPED {test}: chromium is not installed (apt-get install chromium)");
    }
    found
}

fn run_chromium(bin: &str, profile: &Path, extra: &[&str], page: &Path) -> std::process::Output {
    Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs")
}

#[test]
fn every_page_renders_in_chromium_with_all_its_text() {
    let Some(bin) = chromium("every_page_renders_in_chromium_with_all_its_text") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let out = example_with_pages(dir.path());
    for locale in ["ar", "hi", "zh-Hans"] {
        let page = out.join(locale).join("article.html");
        let profile = tempfile::tempdir().unwrap();
        let dom = run_chromium(bin, profile.path(), &["--dump-dom"], &page);
        let dom = String::from_utf8_lossy(&dom.stdout).into_owned();
        let expected_dir = if locale == "ar" { "rtl" } else { "ltr" };
        assert!(
            dom.contains(&format!("<html lang=\"{locale}\" dir=\"{expected_dir}\">")),
            "{locale}: {}",
            &dom[..dom.len().min(300)]
        );
        // Every sentence of the edition is in the rendered DOM: the text edition's lines,
        // with the site name escaped as the DOM serializes it.
        let text = std::fs::read_to_string(out.join(locale).join("article.txt")).unwrap();
        let visible: String = dom
            .replace("<bdi>", "")
            .replace("</bdi>", "")
            .replace("&lt;", "<")
            .replace("&gt;", ">");
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let line = line
                .trim_start_matches(['•', '-', '*', ' '])
                .replace(['\u{2068}', '\u{2069}'], "");
            for sentence in line.split_inclusive(['.', '?', '!', '।', '。', '؟']).map(str::trim) {
                if sentence.chars().count() > 3 {
                    assert!(visible.contains(sentence), "{locale}: missing in the DOM: {sentence}");
                }
            }
        }
        let shot = profile.path().join("shot.png");
        let screenshot = format!("--screenshot={}", shot.display());
        run_chromium(bin, profile.path(), &[&screenshot, "--window-size=1000,1400"], &page);
        let png = std::fs::read(&shot).unwrap_or_else(|e| panic!("{locale}: no screenshot: {e}"));
        assert!(
            png.starts_with(b"\x89PNG") && png.len() > 10_000,
            "{locale}: the screenshot is empty"
        );
        if let Some(docs) = std::env::var_os("L10N_SCREENSHOTS") {
            std::fs::copy(&shot, repo().join(docs).join(format!("edition-{locale}.png"))).unwrap();
        }
    }
}

/// How many elements of each kind the DOM Chromium built holds, the page's own chrome
/// (`class="l10n-chrome"`) left out.
fn element_counts(dom: &str) -> Vec<(&'static str, usize)> {
    let mut article = dom.to_string();
    for (open, close) in [
        ("<header class=\"l10n-chrome\"", "</header>"),
        ("<footer class=\"l10n-chrome\"", "</footer>"),
    ] {
        if let Some(start) = article.find(open) {
            let end = article[start..]
                .find(close)
                .map_or(article.len(), |i| start + i + close.len());
            article.replace_range(start..end, "");
        }
    }
    [
        "img", "a", "code", "pre", "table", "li", "h1", "h2", "h3", "h4", "h5", "h6",
    ]
    .into_iter()
    .map(|tag| {
        let open = format!("<{tag}");
        let n = article
            .match_indices(&open)
            .filter(|(at, _)| {
                article[at + open.len()..]
                    .chars()
                    .next()
                    .is_some_and(|c| c == '>' || c.is_whitespace())
            })
            .count();
        (tag, n)
    })
    .collect()
}

#[test]
fn corpus_article_pages_keep_their_article_in_chromium() {
    let Some(bin) = chromium("corpus_article_pages_keep_their_article_in_chromium") else {
        return;
    };
    let corpus = repo().join("../shared/corpus/html");
    let dir = tempfile::tempdir().unwrap();
    let mut structural = 0;
    // A news page (with a date) and a blog post with code blocks and a table.
    for name in ["telegraph", "dropbox-blog"] {
        let source = dir.path().join(format!("{name}.html"));
        std::fs::copy(corpus.join(name).join("source.html"), &source).unwrap();
        let o = l10n(
            dir.path(),
            &[
                "translate",
                &format!("{name}.html"),
                "--to",
                "ar",
                "--backend",
                "pseudo",
                "--memory",
                "m.sqlite",
                "--out",
                "out",
                "--page",
                "-q",
            ],
        );
        assert_eq!(o.status.code(), Some(0), "{name}: {}", stderr(&o));
        let page = dir.path().join(format!("out/ar/{name}.page.html"));
        let dom_of = |path: &Path| {
            let profile = tempfile::tempdir().unwrap();
            let o = run_chromium(bin, profile.path(), &["--dump-dom"], path);
            String::from_utf8_lossy(&o.stdout).into_owned()
        };
        let (source_dom, page_dom) = (dom_of(&source), dom_of(&page));
        assert!(source_dom.len() > 10_000, "{name}: Chromium gave no DOM for the source");
        let root = page_dom
            .find("<html")
            .and_then(|at| page_dom[at..].find('>').map(|end| &page_dom[at..at + end]))
            .unwrap_or_default();
        assert!(
            root.contains(" lang=\"ar\"") && root.contains(" dir=\"rtl\""),
            "{name}: {root}"
        );
        assert!(
            page_dom.contains("class=\"l10n-chrome\""),
            "{name}: the chrome is on the page"
        );
        let (want, got) = (element_counts(&source_dom), element_counts(&page_dom));
        assert_eq!(want, got, "{name}: the page's article differs from the source's");
        structural += want
            .iter()
            .filter(|(t, _)| matches!(*t, "pre" | "code" | "table"))
            .map(|(_, n)| n)
            .sum::<usize>();
    }
    assert!(structural > 0, "the pages compared hold code and tables");
    // The news page's date line is the article's own (16 November 2017), not today's.
    let telegraph = std::fs::read_to_string(dir.path().join("out/ar/telegraph.page.html")).unwrap();
    assert!(telegraph.contains("16 نوفمبر 2017"), "the article's date");
}
