//! Fuzz target: the readers of exchange files (XLIFF 1.2 and 2.0, TMX, TBX, CSV) fed random
//! and mutated files; and random memory content exported to TMX, imported into a fresh
//! memory and exported again, byte for byte the same. Nothing may panic: a file is read or
//! refused with an error naming where.

use super::{PIECES, for_budget, rng, text};
use l10n::lang::Locale;
use l10n::memory::exchange::{import_tmx, write_tmx};
use l10n::memory::{Memory, NewEntry};
use l10n::model::{Origin, Placeholder, PlaceholderKind, State, Text};
use std::path::Path;

/// Valid files to mutate: the project's own fixtures, from other tools.
fn seeds() -> Vec<(&'static str, String)> {
    let repo = crate::common::repo();
    let read = |p: &str| std::fs::read_to_string(repo.join(p)).unwrap();
    vec![
        ("xlf", read("tests/fixtures/xliff/okapi.xlf")),
        ("xlf", read("tests/fixtures/xliff/omegat.xlf")),
        ("xlf", read("tests/fixtures/xliff/trados.xlf")),
        ("tmx", read("tests/fixtures/tmx/foreign-tools.tmx")),
        ("tmx", read("tests/fixtures/check/documents/memory.tmx")),
        ("tbx", read("glossary/rare-earths.tbx")),
        (
            "csv",
            "en,ar,hi,zh-Hans\nrare earth,عناصر أرضية نادرة,दुर्लभ मृदा,稀土\n\"a, b\",\"c\"\"d\",,\n".into(),
        ),
    ]
}

/// `s` changed a few times: a piece inserted, a range removed or repeated (char boundaries
/// only, as outside text must be handled).
fn mutate(s: &str, rng: &mut fastrand::Rng) -> String {
    let mut s = s.to_string();
    for _ in 0..rng.usize(1..6) {
        let bounds: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
        let a = bounds[rng.usize(..bounds.len())];
        let b = bounds[rng.usize(..bounds.len())];
        let (a, b) = (a.min(b), a.max(b));
        let (Some(head), Some(middle), Some(tail)) = (s.get(..a), s.get(a..b), s.get(b..)) else {
            continue;
        };
        s = match rng.u8(..4) {
            0 => format!("{head}{}{tail}", PIECES[rng.usize(..PIECES.len())]),
            1 => format!("{head}{tail}"),
            2 => format!("{head}{middle}{middle}{tail}"),
            _ => format!(
                "{head}{}{tail}",
                ["<", "</", "/>", "&", "\"", "<x id=\"9\"/>", "<g>", "]]>"][rng.usize(..8)]
            ),
        };
    }
    s
}

fn read_as(kind: &str, content: &str) {
    let path = Path::new("fuzz.in");
    let _ = match kind {
        "xlf" => l10n::xliff::read::read(content, path).map(|_| ()),
        "tmx" => l10n::format::tmx::read(content, path).map(|_| ()),
        "tbx" => l10n::glossary::tbx::read(content, path).map(|_| ()),
        _ => l10n::glossary::csv::read(content, path, b',')
            .and_then(|_| l10n::glossary::csv::read(content, path, b'\t'))
            .map(|_| ()),
    };
}

#[test]
fn random_and_mutated_exchange_files_never_panic() {
    let seeds = seeds();
    let mut rng = rng("readers");
    let rounds = for_budget(500, |i| {
        let (kind, seed) = &seeds[i % seeds.len()];
        let content = if rng.u8(..8) == 0 {
            text(&mut rng, 60)
        } else {
            mutate(seed, &mut rng)
        };
        read_as(kind, &content);
    });
    eprintln!("readers: {rounds} rounds");
}

/// A random text for the memory, sometimes with placeholders. Surrounding whitespace is
/// trimmed as the segmenter does: the memory documents that it ignores it (a TMX import
/// trims it), so it is not part of what a round trip must keep. Characters XML 1.0 cannot hold
/// are left out: TMX has no way to write them (XLIFF export does, with `<cp>`; see the closing
/// of docs/security.md).
fn random_text(rng: &mut fastrand::Rng) -> Text {
    let xml_char = |c: &char| matches!(c, '\t' | '\n') || (*c >= ' ' && !matches!(c, '\u{fffe}' | '\u{ffff}'));
    let body: String = text(rng, 6).chars().filter(xml_char).collect();
    let mut t = Text::plain(format!("s{}", body.trim_end()));
    if rng.bool() {
        let ph = |id, kind| Placeholder {
            id,
            kind,
            label: "x".into(),
            original: String::new(),
        };
        t.push_placeholder(ph(1, PlaceholderKind::Open));
        t.push_str(&text(rng, 3).chars().filter(xml_char).collect::<String>());
        t.push_placeholder(ph(1, PlaceholderKind::Close));
        t.push_placeholder(ph(2, PlaceholderKind::Standalone));
    }
    t
}

/// The `<tu>` blocks of a TMX file, sorted.
fn units(tmx: &str) -> Vec<String> {
    let mut units: Vec<String> = tmx
        .split("<tu>")
        .skip(1)
        .map(|u| u.split("</tu>").next().unwrap_or(u).to_string())
        .collect();
    units.sort();
    units
}

fn export(memory: &Memory) -> String {
    let mut out = Vec::new();
    write_tmx(memory, None, State::NeedsReview, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn memory_export_import_export_is_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let mut rng = rng("readers-roundtrip");
    let en = Locale::parse("en").unwrap();
    let rounds = for_budget(20, |i| {
        let mut memory = Memory::in_memory().unwrap();
        let sources: Vec<Text> = (0..rng.usize(1..8)).map(|_| random_text(&mut rng)).collect();
        let targets: Vec<Text> = (0..sources.len()).map(|_| random_text(&mut rng)).collect();
        // Human work without a file is attributed to the file that brings it on import (by
        // design), so every human row here names its file.
        let origins = [
            Origin::Human {
                file: Some("a.xlf".into()),
            },
            Origin::Human {
                file: Some("b.tmx".into()),
            },
            Origin::Machine {
                engine: "deepl".into(),
                model: None,
            },
        ];
        let states = [State::NeedsReview, State::Translated, State::Reviewed, State::Final];
        let picks: Vec<(usize, usize, &str)> = (0..sources.len())
            .map(|_| (rng.usize(..3), rng.usize(..4), ["ar", "hi", "zh-Hans"][rng.usize(..3)]))
            .collect();
        let entries: Vec<NewEntry<'_>> = sources
            .iter()
            .zip(&targets)
            .zip(&picks)
            .map(|((source, target), &(o, s, locale))| NewEntry {
                source_locale: "en",
                target_locale: locale,
                source,
                target,
                origin: &origins[o],
                state: states[s],
                fingerprint: "fp",
                document: None,
                previous: None,
                next: None,
                changed_at: Some(1_700_000_000),
            })
            .collect();
        memory.store(&entries).unwrap();
        let first = export(&memory);
        let file = dir.path().join(format!("round-{i}.tmx"));
        std::fs::write(&file, &first).unwrap();
        let mut again = Memory::in_memory().unwrap();
        import_tmx(&mut again, &file, &en).unwrap_or_else(|e| panic!("{e}\n{first}"));
        let second = export(&again);
        // Every unit comes back byte for byte (compared unit by unit first, for a readable
        // failure), and in the same order: an export is ordered by language, the source's
        // key hash, precedence and date, all of which the TMX carries.
        assert_eq!(units(&first), units(&second), "export → import → export changed a unit");
        assert_eq!(first, second, "export → import → export changed the order");
    });
    eprintln!("memory round trips: {rounds}");
}
