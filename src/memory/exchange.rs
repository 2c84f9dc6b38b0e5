//! Moving translations in and out of the memory through files (TMX now).
//!
//! An import is validated whole before anything is stored (a malformed file changes nothing),
//! then stored in transactions of a few thousand units, streaming, so a file of a million
//! units never sits in memory and other processes can use the memory meanwhile. It is
//! idempotent: a file whose content was imported before changes nothing.
//!
//! Provenance travels through TMX as `<prop type="x-l10n-…">` (origin, engine, model,
//! fingerprint, file, state) and the variants' `creationdate`/`changedate`, so an exported
//! file re-imports identically. Units without those props (files from other tools) are human
//! work, attributed to the file, in state `translated`.

use super::{Memory, NewEntry, StoredEntry};
use crate::error::{Error, Result};
use crate::format::tmx::{self, TranslationUnit};
use crate::lang::{Locale, LocaleError};
use crate::model::{Origin, State, Text};
use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

/// Units stored per transaction during an import.
const CHUNK: usize = 4096;

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportOutcome {
    /// This content was imported before.
    Unchanged,
    /// Translations stored or changed.
    Imported(usize),
}

/// One translation read from a unit, owning what a [`NewEntry`] borrows.
struct Staged {
    source: Text,
    target_locale: String,
    target: Text,
    origin: Origin,
    fingerprint: String,
    state: State,
    changed_at: Option<i64>,
}

/// Imports a TMX file; `source` is the source language when the header does not say.
pub fn import_tmx(memory: &mut Memory, path: &Path, source: &Locale) -> Result<ImportOutcome> {
    let hash = content_hash(path)?;
    if memory.was_imported_hash(&hash)? {
        return Ok(ImportOutcome::Unchanged);
    }
    if memory.has_bulk() {
        // One pass in one transaction: a malformed unit anywhere rolls everything back, so
        // the file is read once (the import of a million units was twice as slow in two passes).
        return memory.bulk(|memory| read_units(path, source, Some(memory), &hash));
    }
    // Elsewhere the whole file must read cleanly before anything is stored, then it is stored
    // a chunk per transaction.
    read_units(path, source, None, &hash)?;
    read_units(path, source, Some(memory), &hash)
}

/// Reads every unit of the file, checking it, and stores them in chunks when given a memory
/// (then records the import).
fn read_units(path: &Path, source: &Locale, mut memory: Option<&mut Memory>, hash: &[u8; 32]) -> Result<ImportOutcome> {
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let mut locales = Locales::default();
    let mut stream = tmx::open_file(path)?;
    let mut staged: Vec<Staged> = Vec::with_capacity(CHUNK);
    let (mut changed, mut source_tag) = (0, String::new());
    while let Some(unit) = stream.next_unit()? {
        let context = Context {
            header_lang: stream.source_lang.as_deref(),
            fallback: source,
            file_name: file_name.as_deref(),
            path,
        };
        let Some(memory) = memory.as_deref_mut() else {
            stage(&unit, &context, &mut locales, None)?;
            continue;
        };
        let locale = stage(&unit, &context, &mut locales, Some(&mut staged))?;
        source_tag = locale.tag().to_string();
        if staged.len() >= CHUNK {
            changed += store(memory, &source_tag, &mut staged)?;
        }
    }
    if let Some(memory) = memory {
        changed += store(memory, &source_tag, &mut staged)?;
        memory.mark_imported_hash(hash, path)?;
    }
    Ok(ImportOutcome::Imported(changed))
}

fn store(memory: &mut Memory, source_tag: &str, staged: &mut Vec<Staged>) -> Result<usize> {
    if staged.is_empty() {
        return Ok(0);
    }
    let entries: Vec<NewEntry<'_>> = staged
        .iter()
        .map(|s| NewEntry {
            source_locale: source_tag,
            target_locale: &s.target_locale,
            source: &s.source,
            target: &s.target,
            origin: &s.origin,
            state: s.state,
            fingerprint: &s.fingerprint,
            document: None,
            previous: None,
            next: None,
            changed_at: s.changed_at,
        })
        .collect();
    let changed = memory.store(&entries)?;
    drop(entries);
    staged.clear();
    Ok(changed)
}

/// What every unit of one file shares.
struct Context<'a> {
    header_lang: Option<&'a str>,
    fallback: &'a Locale,
    file_name: Option<&'a str>,
    path: &'a Path,
}

/// Language tags parsed once per file, not once per variant (a large file repeats a few).
#[derive(Default)]
struct Locales(HashMap<String, Result<Locale, LocaleError>>);

impl Locales {
    fn parse(&mut self, tag: &str) -> Result<Locale, LocaleError> {
        if let Some(parsed) = self.0.get(tag) {
            return parsed.clone();
        }
        let parsed = Locale::parse(tag);
        self.0.insert(tag.to_string(), parsed.clone());
        parsed
    }

    fn same_language(&mut self, tag: &str, locale: &Locale) -> bool {
        self.parse(tag)
            .is_ok_and(|l| l == *locale || (l.language() == locale.language() && l.script() == locale.script()))
    }
}

/// Checks one unit and, with `staged`, adds its translations; returns its source locale.
fn stage(
    unit: &TranslationUnit,
    context: &Context<'_>,
    locales: &mut Locales,
    mut staged: Option<&mut Vec<Staged>>,
) -> Result<Locale> {
    let bad_tag = |e: LocaleError| Error::Parse {
        path: context.path.to_path_buf(),
        line: unit.line,
        column: 1,
        message: e.to_string(),
    };
    // A regional tag of the project's source language (en-US for en) is the project's own:
    // the same source text, so the same memory key. Targets keep their region (pt-BR ≠ pt-PT).
    let source_locale = match context.header_lang {
        Some(tag) if tag != "*all*" && !locales.same_language(tag, context.fallback) => {
            locales.parse(tag).map_err(bad_tag)?
        }
        _ => context.fallback.clone(),
    };
    let Some(src) = unit
        .variants
        .iter()
        .find(|v| locales.same_language(&v.lang, &source_locale))
    else {
        return Ok(source_locale);
    };
    for variant in &unit.variants {
        if locales.same_language(&variant.lang, &source_locale) || variant.text.is_blank() {
            continue;
        }
        let target = locales.parse(&variant.lang).map_err(bad_tag)?;
        let Some(staged) = staged.as_deref_mut() else {
            continue;
        };
        let prop = |key| prop(&variant.props, &unit.props, key);
        let state = prop("x-l10n-state").and_then(State::parse).unwrap_or(State::Translated);
        let (origin, fingerprint) = match prop("x-l10n-origin") {
            Some("machine") => (
                Origin::Machine {
                    engine: prop("x-l10n-engine").unwrap_or("unknown").to_string(),
                    model: prop("x-l10n-model").map(str::to_string),
                },
                prop("x-l10n-fingerprint").unwrap_or("").to_string(),
            ),
            _ => (
                Origin::Human {
                    file: prop("x-l10n-file").or(context.file_name).map(str::to_string),
                },
                String::new(),
            ),
        };
        staged.push(Staged {
            source: src.text.clone(),
            target_locale: target.tag().to_string(),
            target: variant.text.clone(),
            origin,
            fingerprint,
            state,
            changed_at: variant.changed.as_deref().and_then(parse_tmx_date),
        });
    }
    Ok(source_locale)
}

fn content_hash(path: &Path) -> Result<[u8; 32]> {
    let read_error = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(read_error)?;
    let mut hasher = blake3::Hasher::new();
    hasher.update_reader(file).map_err(read_error)?;
    Ok(*hasher.finalize().as_bytes())
}

fn prop<'a>(variant: &'a [(String, String)], unit: &'a [(String, String)], key: &str) -> Option<&'a str> {
    variant
        .iter()
        .chain(unit)
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// Writes the memory's best entries as TMX, one unit at a time.
pub fn write_tmx(
    memory: &Memory,
    target_locale: Option<&str>,
    min_state: State,
    out: &mut impl Write,
) -> Result<usize> {
    let mut started: Option<String> = None;
    let mut count = 0;
    let mut buf = String::new();
    let write_error = |source| Error::Write {
        path: "-".into(),
        source,
    };
    memory.each_entry(target_locale, min_state, |e| {
        let source_lang = started.get_or_insert_with(|| {
            buf.push_str(&tmx::write_header(&e.source_locale));
            e.source_locale.clone()
        });
        tmx::write_unit(source_lang, &write_unit(&e), &mut buf);
        count += 1;
        if buf.len() > 1 << 16 {
            out.write_all(buf.as_bytes()).map_err(write_error)?;
            buf.clear();
        }
        Ok(())
    })?;
    if started.is_none() {
        buf.push_str(&tmx::write_header("en"));
    }
    buf.push_str(tmx::FOOTER);
    out.write_all(buf.as_bytes()).map_err(write_error)?;
    out.flush().map_err(write_error)?;
    Ok(count)
}

/// Writes entries as TMX.
pub fn export_tmx(entries: &[StoredEntry]) -> String {
    let source_lang = entries.first().map(|e| e.source_locale.as_str()).unwrap_or("en");
    let units: Vec<tmx::WriteUnit<'_>> = entries.iter().map(write_unit).collect();
    tmx::write(source_lang, &units)
}

fn write_unit(e: &StoredEntry) -> tmx::WriteUnit<'_> {
    let mut props = vec![("x-l10n-state", e.state.as_str().to_string())];
    match &e.origin {
        Origin::Machine { engine, model } => {
            props.push(("x-l10n-origin", "machine".into()));
            props.push(("x-l10n-engine", engine.clone()));
            if let Some(m) = model {
                props.push(("x-l10n-model", m.clone()));
            }
            props.push(("x-l10n-fingerprint", e.fingerprint.clone()));
        }
        Origin::Human { file } => {
            props.push(("x-l10n-origin", "human".into()));
            if let Some(f) = file {
                props.push(("x-l10n-file", f.clone()));
            }
        }
    }
    tmx::WriteUnit {
        source: &e.source,
        target: &e.target,
        target_lang: &e.target_locale,
        props,
        changed: Some(tmx_date(e.updated_at)),
        created: Some(tmx_date(e.created_at)),
    }
}

/// A TMX date (`YYYYMMDDThhmmssZ`) from Unix seconds.
fn tmx_date(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    // Civil-from-days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}{month:02}{day:02}T{:02}{:02}{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Unix seconds from a TMX date (`YYYYMMDDThhmmssZ`); `None` if it is not one.
fn parse_tmx_date(date: &str) -> Option<i64> {
    let b = date.as_bytes();
    if b.len() != 16 || b[8] != b'T' || b[15] != b'Z' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| date.get(r)?.parse::<i64>().ok();
    let (year, month, day) = (num(0..4)?, num(4..6)?, num(6..8)?);
    let (hour, minute, second) = (num(9..11)?, num(11..13)?, num(13..15)?);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    // Days-from-civil (Howard Hinnant's algorithm).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(days * 86_400 + hour * 3600 + minute * 60 + second)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A TMX file of `units` good units, then `tail` (a malformed one, or nothing).
    fn tmx_file(dir: &Path, units: usize, tail: &str) -> std::path::PathBuf {
        let mut body = tmx::write_header("en");
        for i in 0..units {
            body.push_str(&format!(
                "<tu><tuv xml:lang=\"en\"><seg>Sentence {i}.</seg></tuv><tuv xml:lang=\"ar\"><seg>جملة {i}.</seg></tuv></tu>\n"
            ));
        }
        body.push_str(tail);
        body.push_str(tmx::FOOTER);
        let path = dir.join(format!("{units}-{}.tmx", tail.len()));
        std::fs::write(&path, body).unwrap();
        path
    }

    fn rows(memory: &Memory) -> (i64, i64, i64) {
        let Memory::Sqlite(m) = memory else { panic!("SQLite") };
        let count = |sql: &str| m.conn.query_row(sql, [], |r| r.get(0)).unwrap();
        (
            count("SELECT count(*) FROM translation"),
            count("SELECT count(*) FROM translation_fuzzy WHERE translation_fuzzy MATCH 'sentence'"),
            count("SELECT count(*) FROM import"),
        )
    }

    #[test]
    fn an_error_after_many_stored_units_changes_nothing_and_a_reimport_is_a_no_op() {
        let dir = tempfile::tempdir().unwrap();
        let mut memory = Memory::open(&dir.path().join("m.sqlite")).unwrap();
        let en = Locale::parse("en").unwrap();
        // More units than one staging chunk, so some were stored before the error.
        let units = CHUNK * 2 + 10;
        let bad = tmx_file(
            dir.path(),
            units,
            "<tu><tuv xml:lang=\"en\"><seg>Broken <bpt i=\"1\"/></seg></tuv></tu>\n",
        );
        let err = import_tmx(&mut memory, &bad, &en).unwrap_err();
        match &err {
            Error::Parse { line, .. } => assert_eq!(*line, units + 5, "{err}"),
            other => panic!("expected a parse error, got {other:?}"),
        }
        assert_eq!(rows(&memory), (0, 0, 0));
        let good = tmx_file(dir.path(), units, "");
        assert_eq!(
            import_tmx(&mut memory, &good, &en).unwrap(),
            ImportOutcome::Imported(units)
        );
        assert_eq!(rows(&memory), (units as i64, units as i64, 1));
        assert_eq!(import_tmx(&mut memory, &good, &en).unwrap(), ImportOutcome::Unchanged);
        // The same content under another name is stored already: nothing changes.
        let copy = dir.path().join("copy.tmx");
        std::fs::copy(&good, &copy).unwrap();
        std::fs::OpenOptions::new()
            .append(true)
            .open(&copy)
            .unwrap()
            .write_all(b"\n")
            .unwrap();
        assert_eq!(import_tmx(&mut memory, &copy, &en).unwrap(), ImportOutcome::Imported(0));
        assert_eq!(rows(&memory), (units as i64, units as i64, 2));
    }

    #[test]
    fn dates() {
        assert_eq!(tmx_date(0), "19700101T000000Z");
        assert_eq!(tmx_date(1_746_144_000), "20250502T000000Z");
        for secs in [0, 1_746_144_000, 951_782_400 + 3_723, 4_102_444_799] {
            assert_eq!(parse_tmx_date(&tmx_date(secs)), Some(secs));
        }
        assert_eq!(parse_tmx_date("2025-05-02"), None);
        assert_eq!(parse_tmx_date("20251302T000000Z"), None);
    }
}
