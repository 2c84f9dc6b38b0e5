//! The spreadsheet form of a term base, CSV or TSV: one row per concept, one column per
//! language, for people who edit terminology in a spreadsheet.
//!
//! ```text
//! id,subject,policy,en,ar,hi,zh-Hans,note
//! c-kyiv,place,protect,Kyiv | ~Kiev,كييف,कीव | कीएव,基辅 | ~基輔,Capital of Ukraine
//! ```
//!
//! In a language cell, terms are separated by ` | `: the first is preferred, the others are
//! admitted, and a leading `~` marks a forbidden (deprecated) form. `subject` and `policy` may
//! be empty (policy then follows the subject).

use super::{Concept, Glossary, Origin, Policy, Status, Subject, Term, validate};
use crate::error::{Error, Result};
use std::collections::BTreeMap;
use std::path::Path;

const FIXED: &[&str] = &["id", "subject", "policy", "note"];

pub fn read(text: &str, path: &Path, delimiter: u8) -> Result<Glossary> {
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(false)
        .from_reader(text.as_bytes());
    let error = |line: usize, column: usize, message: String| Error::Parse {
        path: path.to_path_buf(),
        line,
        column,
        message,
    };
    let headers = reader.headers().map_err(|e| csv_error(path, e))?.clone();
    let column = |name: &str| headers.iter().position(|h| h.trim().eq_ignore_ascii_case(name));
    let id_col = column("id").ok_or_else(|| error(1, 1, "no 'id' column".into()))?;
    let languages: Vec<(usize, String)> = headers
        .iter()
        .enumerate()
        .filter(|(_, h)| !FIXED.contains(&h.trim().to_ascii_lowercase().as_str()))
        .map(|(i, h)| (i, h.trim().to_string()))
        .collect();
    if languages.is_empty() {
        return Err(error(1, 1, "no language columns (such as en, ar, hi, zh-Hans)".into()));
    }
    let mut glossary = Glossary::default();
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(path, e))?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        let field = |i: Option<usize>| i.and_then(|i| record.get(i)).map(str::trim).unwrap_or("");
        let id = field(Some(id_col));
        if id.is_empty() && record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let subject = Subject::parse(field(column("subject")));
        let policy = match field(column("policy")) {
            "" => subject.default_policy(),
            p => Policy::parse(p).ok_or_else(|| {
                error(
                    line,
                    column("policy").unwrap_or(0) + 1,
                    format!("unknown policy '{p}' (protect, guide, check)"),
                )
            })?,
        };
        let mut terms: BTreeMap<String, Vec<Term>> = BTreeMap::new();
        for (i, lang) in &languages {
            let cell = field(Some(*i));
            if cell.is_empty() {
                continue;
            }
            for (n, raw) in cell.split('|').enumerate() {
                let raw = raw.trim();
                let (text, status) = match raw.strip_prefix('~') {
                    Some(rest) => (rest.trim(), Status::Deprecated),
                    None if n == 0 => (raw, Status::Preferred),
                    None => (raw, Status::Admitted),
                };
                if text.is_empty() {
                    return Err(error(line, i + 1, format!("concept {id}: an empty term in {lang}")));
                }
                terms.entry(lang.clone()).or_default().push(Term {
                    text: text.to_string(),
                    status,
                    note: None,
                });
            }
        }
        let note = Some(field(column("note")).to_string()).filter(|n| !n.is_empty());
        let concept = Concept {
            id: if id.is_empty() {
                format!("line-{line}")
            } else {
                id.to_string()
            },
            subject,
            policy,
            do_not_translate: note.as_deref().is_some_and(|n| n.starts_with("DO-NOT-TRANSLATE")),
            note,
            terms,
        };
        glossary.concepts.push(validate(concept, &Origin { path, line })?);
    }
    Ok(glossary)
}

fn csv_error(path: &Path, e: ::csv::Error) -> Error {
    let (line, column) = e.position().map_or((1, 1), |p| (p.line() as usize, 1));
    Error::Parse {
        path: path.to_path_buf(),
        line,
        column,
        message: e.to_string(),
    }
}

pub fn write(glossary: &Glossary, delimiter: u8) -> String {
    let languages = glossary.languages();
    let mut writer = ::csv::WriterBuilder::new().delimiter(delimiter).from_writer(Vec::new());
    let mut header = vec!["id".to_string(), "subject".into(), "policy".into()];
    header.extend(languages.iter().cloned());
    header.push("note".into());
    writer.write_record(&header).expect("writing to memory");
    for c in &glossary.concepts {
        let mut row = vec![c.id.clone(), c.subject.as_str().into(), c.policy.as_str().into()];
        for lang in &languages {
            let cell: Vec<String> = c
                .terms
                .get(lang)
                .map(|terms| {
                    terms
                        .iter()
                        .map(|t| {
                            if t.status == Status::Deprecated {
                                format!("~{}", t.text)
                            } else {
                                t.text.clone()
                            }
                        })
                        .collect()
                })
                .unwrap_or_default();
            row.push(cell.join(" | "));
        }
        row.push(c.note.clone().unwrap_or_default());
        writer.write_record(&row).expect("writing to memory");
    }
    String::from_utf8(writer.into_inner().expect("flushing to memory")).expect("UTF-8 in, UTF-8 out")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Locale;

    const SHEET: &str = "id,subject,policy,en,ar,zh-Hans,note\nc-kyiv,place,,Kyiv | ~Kiev,كييف,基辅 | ~基輔,Capital\nc-nd,element,check,neodymium,نيوديميوم,钕,\n";

    #[test]
    fn reads_a_spreadsheet() {
        let g = read(SHEET, Path::new("g.csv"), b',').unwrap();
        assert_eq!(g.concepts.len(), 2);
        let (en, zh) = (Locale::parse("en").unwrap(), Locale::parse("zh").unwrap());
        assert_eq!(g.concepts[0].policy, Policy::Protect);
        assert_eq!(g.concepts[0].preferred(&en, &zh).unwrap().text, "基辅");
        assert_eq!(g.concepts[0].forbidden(&en).next().unwrap().text, "Kiev");
        assert_eq!(g.concepts[1].policy, Policy::Check);
    }

    #[test]
    fn tsv_and_csv_round_trip_through_each_other() {
        let g = read(SHEET, Path::new("g.csv"), b',').unwrap();
        let tsv = write(&g, b'\t');
        assert_eq!(read(&tsv, Path::new("g.tsv"), b'\t').unwrap(), g);
    }

    #[test]
    fn errors_name_line_and_column() {
        let bad = "id,policy,en,ar\nc1,protect,Kyiv,كييف\nc2,sometimes,Kiev,كييف\n";
        let err = read(bad, Path::new("g.csv"), b',').unwrap_err().to_string();
        assert!(err.starts_with("g.csv:3:2:"), "{err}");
        let empty = "id,en,ar\nc1,Kyiv | ,كييف\n";
        assert!(
            read(empty, Path::new("g.csv"), b',')
                .unwrap_err()
                .to_string()
                .contains("g.csv:2:2: concept c1: an empty term in en")
        );
        let ragged = "id,en,ar\nc1,Kyiv\n";
        assert!(
            read(ragged, Path::new("g.csv"), b',')
                .unwrap_err()
                .to_string()
                .starts_with("g.csv:2:")
        );
    }
}
