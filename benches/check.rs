//! `l10n check` speed: 10,000 Fluent messages in 5 locales, and the example article with its
//! three editions (lookups, numbers, terms, typography), one core.

use l10n::check::{documents, fluent};
use l10n::glossary::Glossary;
use l10n::lang::{self, Locale};
use l10n::memory::Memory;
use l10n::memory::exchange::import_tmx;
use l10n::model::State;
use l10n::project::Project;
use std::path::{Path, PathBuf};

fn main() {
    divan::main();
}

fn fluent_tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for locale in ["en-US", "ar", "hi", "zh-Hans", "fr"] {
        let d = dir.path().join(locale);
        std::fs::create_dir_all(&d).unwrap();
        let mut text = String::new();
        for i in 0..10_000 {
            text.push_str(&format!(
                "message-{i} = Text {{ $name }} number {i}\n    .title = Title {i}\n"
            ));
        }
        std::fs::write(d.join("app.ftl"), text).unwrap();
    }
    dir
}

#[divan::bench(sample_count = 10)]
fn fluent_10k_messages_5_locales(bencher: divan::Bencher) {
    let dir = fluent_tree();
    bencher.bench(|| fluent::check_dir(dir.path(), "en-US", &[]).unwrap());
}

#[divan::bench(sample_count = 20)]
fn example_article_three_editions(bencher: divan::Bencher) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let example = root.join("examples/rare-earths");
    let source = Locale::parse("en").unwrap();
    let mut memory = Memory::in_memory().unwrap();
    for tmx in ["ar", "hi", "zh-Hans"] {
        import_tmx(&mut memory, &example.join(format!("reference/{tmx}.tmx")), &source).unwrap();
    }
    let backend = l10n::backend::Backend::MemoryOnly;
    let targets = lang::parse_list("ar,hi,zh").unwrap();
    let mut project = Project::new(
        vec![example.join("article.txt")],
        source,
        targets,
        backend,
        PathBuf::from("out"),
    );
    project.glossary = Glossary::load(&[root.join("glossary/rare-earths.tbx")]).unwrap();
    bencher.bench_local(|| documents::check(&project, State::Translated, &memory).unwrap());
}
