//! Shared helpers: running the binary, temporary projects, reading reports.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const BIN: &str = env!("CARGO_BIN_EXE_l10n");

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn seed_article() -> PathBuf {
    repo().join("examples/rare-earths/article.txt")
}

/// Runs `l10n` with `args` in `dir`, in English, without colours.
pub fn l10n(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env("LC_ALL", "en_US.UTF-8")
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A temporary folder holding a copy of the seed article as `article.txt`.
pub fn project_with_seed() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(seed_article(), dir.path().join("article.txt")).unwrap();
    dir
}

/// The JSON report of a `translate --format json` run.
pub fn report(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("no JSON report ({e}): {}\n{}", stdout(o), stderr(o)))
}

/// The segments `l10n segment` finds in a file.
pub fn segments(dir: &Path, file: &str) -> Vec<String> {
    let o = l10n(dir, &["segment", file]);
    assert!(o.status.success(), "{}", stderr(&o));
    stdout(&o).lines().map(str::to_string).collect()
}

/// A copy of the example project in `dir`, laid out as in the repository
/// (`examples/rare-earths/` and the term base in `glossary/`), so its relative paths hold.
pub fn copy_example(dir: &Path) -> PathBuf {
    let example = dir.join("examples/rare-earths");
    std::fs::create_dir_all(example.join("reference")).unwrap();
    std::fs::create_dir_all(dir.join("glossary")).unwrap();
    for file in [
        "article.txt",
        "article.md",
        "article.html",
        "l10n.toml",
        "reference/ar.tmx",
        "reference/hi.tmx",
        "reference/zh-Hans.tmx",
    ] {
        std::fs::copy(repo().join("examples/rare-earths").join(file), example.join(file)).unwrap();
    }
    std::fs::copy(
        repo().join("glossary/rare-earths.tbx"),
        dir.join("glossary/rare-earths.tbx"),
    )
    .unwrap();
    example
}

/// Headless Chromium, if this machine has it (`.ci/run` installs it; elsewhere browser tests
/// say they were skipped).
pub fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| {
            std::env::var_os("PATH")?
                .to_str()?
                .split(':')
                .map(|dir| Path::new(dir).join(name))
                .find(|p| p.is_file())
        })
}

/// Runs headless Chromium on a local file with `extra` flags (`--dump-dom`,
/// `--screenshot=…`), with the network-quiet options this machine needs.
pub fn run_chromium(browser: &Path, page: &Path, extra: &[&str]) -> Output {
    let profile = tempfile::tempdir().unwrap();
    Command::new(browser)
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
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs")
}

/// Every file below `dir`, in path order.
pub fn walk_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk_files(&path));
        } else {
            files.push(path);
        }
    }
    files.sort();
    files
}
