//! Whole-pipeline benchmarks on the seed article (divan): `cargo bench --bench pipeline`.
//!
//! - `pseudo_three_targets`: every sentence through the `pseudo` engine into ar, hi and
//!   zh-Hans, with a fresh in-memory memory each time (extraction, segmentation, lookups,
//!   engine, integrity checks, stores, merge, atomic writes).
//! - `cached_three_targets`: the same with every sentence already in the memory.
//! - `process_cached_rerun`: the release binary, process start to exit, re-running the
//!   example project (everything from the memory), as a newcomer runs it.

use divan::counter::ItemsCount;
use divan::{Bencher, black_box};
use l10n::backend::Backend;
use l10n::lang::{Locale, parse_list};
use l10n::memory::Memory;
use l10n::pipeline::run;
use l10n::project::Project;
use std::path::PathBuf;

fn main() {
    divan::main();
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn job(out: &std::path::Path) -> Project {
    Project::new(
        vec![repo().join("examples/rare-earths/article.txt")],
        Locale::parse("en").unwrap(),
        parse_list("ar,hi,zh").unwrap(),
        Backend::from_name("pseudo", &toml::Table::new()).unwrap(),
        out.to_path_buf(),
    )
}

/// Sentences translated per iteration: 86 segments into 3 languages.
const SEGMENTS: usize = 86 * 3;

#[divan::bench(sample_count = 50)]
fn pseudo_three_targets(bencher: Bencher) {
    let out = tempfile::tempdir().unwrap();
    let job = job(out.path());
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    bencher
        .counter(ItemsCount::new(SEGMENTS))
        .with_inputs(|| Memory::in_memory().unwrap())
        .bench_local_values(|mut memory| black_box(rt.block_on(run(&job, &mut memory, |_| {})).unwrap()));
}

#[divan::bench(sample_count = 50)]
fn cached_three_targets(bencher: Bencher) {
    let out = tempfile::tempdir().unwrap();
    let job = job(out.path());
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let mut memory = Memory::in_memory().unwrap();
    rt.block_on(run(&job, &mut memory, |_| {})).unwrap();
    bencher
        .counter(ItemsCount::new(SEGMENTS))
        .bench_local(|| black_box(rt.block_on(run(&job, &mut memory, |_| {})).unwrap()));
}

#[divan::bench(sample_count = 30)]
fn process_cached_rerun(bencher: Bencher) {
    let dir = tempfile::tempdir().unwrap();
    // The example laid out as in the repository, so its relative paths hold.
    let example = dir.path().join("examples/rare-earths");
    std::fs::create_dir_all(example.join("reference")).unwrap();
    std::fs::create_dir_all(dir.path().join("glossary")).unwrap();
    for file in [
        "article.txt",
        "l10n.toml",
        "reference/ar.tmx",
        "reference/hi.tmx",
        "reference/zh-Hans.tmx",
    ] {
        std::fs::copy(repo().join("examples/rare-earths").join(file), example.join(file)).unwrap();
    }
    std::fs::copy(
        repo().join("glossary/rare-earths.tbx"),
        dir.path().join("glossary/rare-earths.tbx"),
    )
    .unwrap();
    let command = || {
        let status = std::process::Command::new(env!("CARGO_BIN_EXE_l10n"))
            .args([
                "--quiet",
                "translate",
                "examples/rare-earths/article.txt",
                "--to",
                "ar,hi,zh",
            ])
            .current_dir(dir.path())
            .status()
            .unwrap();
        assert!(status.success());
    };
    command(); // imports the reference translations once
    bencher.bench_local(command);
}
