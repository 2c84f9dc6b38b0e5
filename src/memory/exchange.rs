//! Moving translations in and out of the memory through files (TMX now).
//!
//! An import is all or nothing (one transaction) and idempotent: a file whose content was
//! imported before changes nothing. Imported work is human work, attributed to the file.

use super::{Memory, NewEntry, StoredEntry};
use crate::error::{Error, Result};
use crate::format::tmx;
use crate::lang::Locale;
use crate::model::{Origin, State};
use std::path::Path;

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportOutcome {
    /// This content was imported before.
    Unchanged,
    /// Translations stored or changed.
    Imported(usize),
}

/// Imports a TMX file; `source` is the source language when the header does not say.
pub fn import_tmx(memory: &mut Memory, path: &Path, source: &Locale) -> Result<ImportOutcome> {
    let bytes = std::fs::read(path).map_err(|e| Error::Read {
        path: path.to_path_buf(),
        source: e,
    })?;
    if memory.was_imported(&bytes)? {
        return Ok(ImportOutcome::Unchanged);
    }
    let tmx = tmx::read_file(path)?;
    let source_locale = match tmx.source_lang.as_deref() {
        Some(tag) if tag != "*all*" => Locale::parse(tag)?,
        _ => source.clone(),
    };
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let origin = Origin::Human { file: file_name };
    let source_tag = source_locale.tag().to_string();
    let mut staged = Vec::new();
    for unit in &tmx.units {
        let Some(src) = unit.variants.iter().find(|v| same_language(&v.lang, &source_locale)) else {
            continue;
        };
        for variant in unit.variants.iter().filter(|v| !same_language(&v.lang, &source_locale)) {
            if variant.text.is_blank() {
                continue;
            }
            let target = Locale::parse(&variant.lang).map_err(|e| Error::Parse {
                path: path.to_path_buf(),
                line: unit.line,
                column: 1,
                message: e.to_string(),
            })?;
            let state = prop(&variant.props, &unit.props, "x-l10n-state")
                .and_then(State::parse)
                .unwrap_or(State::Translated);
            staged.push((src.text.clone(), target.tag().to_string(), variant.text.clone(), state));
        }
    }
    let entries: Vec<NewEntry<'_>> = staged
        .iter()
        .map(|(src, target, text, state)| NewEntry {
            source_locale: &source_tag,
            target_locale: target,
            source: src,
            target: text,
            origin: &origin,
            state: *state,
            fingerprint: "",
            document: None,
        })
        .collect();
    let changed = memory.store(&entries)?;
    memory.mark_imported(&bytes, path)?;
    Ok(ImportOutcome::Imported(changed))
}

fn prop<'a>(variant: &'a [(String, String)], unit: &'a [(String, String)], key: &str) -> Option<&'a str> {
    variant
        .iter()
        .chain(unit)
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

fn same_language(tag: &str, locale: &Locale) -> bool {
    Locale::parse(tag)
        .is_ok_and(|l| l == *locale || (l.language() == locale.language() && l.script() == locale.script()))
}

/// Writes the memory's best entries as TMX.
pub fn export_tmx(entries: &[StoredEntry]) -> String {
    let source_lang = entries.first().map(|e| e.source_locale.as_str()).unwrap_or("en");
    let units: Vec<tmx::WriteUnit<'_>> = entries
        .iter()
        .map(|e| {
            let mut props = vec![("x-l10n-state", e.state.as_str().to_string())];
            match &e.origin {
                Origin::Machine { engine, model } => {
                    props.push(("x-l10n-origin", "machine".into()));
                    props.push(("x-l10n-engine", engine.clone()));
                    if let Some(m) = model {
                        props.push(("x-l10n-model", m.clone()));
                    }
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
            }
        })
        .collect();
    tmx::write(source_lang, &units)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(tmx_date(0), "19700101T000000Z");
        assert_eq!(tmx_date(1_746_144_000), "20250502T000000Z");
    }
}
