//! Each HTML page of the example opened in real headless Chromium: the rendered DOM must be
//! right-to-left for Arabic and hold every sentence's translation, and the screenshot must
//! be a real rendering. Skips, saying so, when `chromium` is not installed (`.ci/run`
//! installs it). `L10N_SCREENSHOTS=docs` keeps the screenshots in docs/.

use crate::common::*;
use crate::editions::example_with_pages;
use std::path::Path;
use std::process::Command;

fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"].into_iter().find(|b| {
        Command::new(b)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
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
    let Some(bin) = chromium() else {
        eprintln!(
            "SKIPPED every_page_renders_in_chromium_with_all_its_text: chromium is not installed (apt-get install chromium)"
        );
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
