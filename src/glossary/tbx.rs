//! TBX (ISO 30042:2019, TBX v3) in the TBX-Basic dialect: `conceptEntry` / `langSec` /
//! `termSec`, administrative status preferred / admitted / deprecated (= forbidden), notes.
//!
//! Project conventions on top of TBX-Basic, which has no data category for them: the
//! concept's `descrip type="subjectField"` (element, term, place, organization, person) picks
//! the default policy; a concept `<note>` starting with `l10n-policy:` overrides it; a concept
//! `<note>` starting with `DO-NOT-TRANSLATE` keeps the source form in every language.

use super::{Concept, Glossary, Origin, Policy, Status, Subject, Term, validate};
use crate::error::Result;
use crate::xml::{XmlEvent, XmlReader, attr, escape};
use std::collections::BTreeMap;
use std::path::Path;

pub fn read(text: &str, path: &Path) -> Result<Glossary> {
    let mut r = XmlReader::new(text, path);
    let mut glossary = Glossary::default();
    let mut saw_root = false;
    loop {
        match r.next_event()? {
            XmlEvent::Start { name, .. } if name == "tbx" || name == "martif" => saw_root = true,
            XmlEvent::Start { name, attrs } if name == "conceptEntry" || name == "termEntry" => {
                let line = r.line();
                let id = attr(&attrs, "id").unwrap_or("").to_string();
                let concept = read_concept(&mut r, id, line)?;
                glossary.concepts.push(validate(concept, &Origin { path, line })?);
            }
            XmlEvent::Eof => break,
            _ => {}
        }
    }
    if !saw_root {
        return Err(r.error("not a TBX file: no <tbx> element"));
    }
    Ok(glossary)
}

fn read_concept(r: &mut XmlReader<'_>, id: String, line: usize) -> Result<Concept> {
    let mut concept = Concept {
        id: if id.is_empty() { format!("line-{line}") } else { id },
        subject: Subject::Other,
        policy: Policy::Guide,
        note: None,
        do_not_translate: false,
        terms: BTreeMap::new(),
    };
    let mut policy: Option<Policy> = None;
    loop {
        match r.next_event()? {
            XmlEvent::Start { name, attrs } if name == "descrip" => {
                let kind = attr(&attrs, "type").unwrap_or("").to_string();
                let value = r.text_until_end()?;
                if kind == "subjectField" {
                    concept.subject = Subject::parse(&value);
                }
            }
            XmlEvent::Start { name, .. } if name == "note" => {
                let value = r.text_until_end()?;
                let trimmed = value.trim();
                if let Some(p) = trimmed.strip_prefix("l10n-policy:") {
                    policy =
                        Some(Policy::parse(p).ok_or_else(|| {
                            r.error(format!("unknown policy '{}' (protect, guide, check)", p.trim()))
                        })?);
                } else {
                    if trimmed.starts_with("DO-NOT-TRANSLATE") {
                        concept.do_not_translate = true;
                    }
                    concept.note = Some(trimmed.to_string());
                }
            }
            XmlEvent::Start { name, attrs } if name == "langSec" || name == "langSet" => {
                let lang = attr(&attrs, "xml:lang")
                    .ok_or_else(|| r.error("<langSec> without xml:lang"))?
                    .to_string();
                let terms = read_lang(r)?;
                concept.terms.entry(lang).or_default().extend(terms);
            }
            XmlEvent::End { name } if name == "conceptEntry" || name == "termEntry" => break,
            XmlEvent::Eof => return Err(r.error("unexpected end of file inside <conceptEntry>")),
            _ => {}
        }
    }
    concept.policy = policy.unwrap_or(if concept.do_not_translate {
        Policy::Protect
    } else {
        concept.subject.default_policy()
    });
    Ok(concept)
}

fn read_lang(r: &mut XmlReader<'_>) -> Result<Vec<Term>> {
    let mut terms = Vec::new();
    loop {
        match r.next_event()? {
            XmlEvent::Start { name, .. } if name == "termSec" || name == "tig" || name == "ntig" => {
                terms.push(read_term(r)?);
            }
            XmlEvent::End { name } if name == "langSec" || name == "langSet" => return Ok(terms),
            XmlEvent::Eof => return Err(r.error("unexpected end of file inside <langSec>")),
            _ => {}
        }
    }
}

fn read_term(r: &mut XmlReader<'_>) -> Result<Term> {
    let mut term = Term {
        text: String::new(),
        status: Status::Admitted,
        note: None,
    };
    let mut saw_term = false;
    loop {
        match r.next_event()? {
            XmlEvent::Start { name, .. } if name == "term" => {
                term.text = r.text_until_end()?;
                saw_term = true;
            }
            XmlEvent::Start { name, attrs } if name == "termNote" => {
                let kind = attr(&attrs, "type").unwrap_or("").to_string();
                let value = r.text_until_end()?;
                if kind == "administrativeStatus" {
                    term.status = match value.trim() {
                        "preferredTerm-admn-sts" => Status::Preferred,
                        "admittedTerm-admn-sts" => Status::Admitted,
                        "deprecatedTerm-admn-sts" | "supersededTerm-admn-sts" | "forbidden" | "obsolete" => {
                            Status::Deprecated
                        }
                        other => return Err(r.error(format!("unknown administrative status '{other}'"))),
                    };
                }
            }
            XmlEvent::Start { name, .. } if name == "note" => term.note = Some(r.text_until_end()?.trim().to_string()),
            XmlEvent::End { name } if name == "termSec" || name == "tig" || name == "ntig" => {
                if !saw_term {
                    return Err(r.error("<termSec> without <term>"));
                }
                return Ok(term);
            }
            XmlEvent::Eof => return Err(r.error("unexpected end of file inside <termSec>")),
            _ => {}
        }
    }
}

/// Writes TBX-Basic (DCA style), element order as the core schema requires.
pub fn write(glossary: &Glossary) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\">\n  <tbxHeader>\n    <fileDesc>\n      <sourceDesc><p>Written by l10n</p></sourceDesc>\n    </fileDesc>\n  </tbxHeader>\n  <text>\n    <body>\n",
    );
    for c in &glossary.concepts {
        out.push_str(&format!("      <conceptEntry id=\"{}\">\n", escape(&c.id)));
        out.push_str(&format!(
            "        <descrip type=\"subjectField\">{}</descrip>\n",
            c.subject.as_str()
        ));
        if c.policy != c.subject.default_policy() && !(c.do_not_translate && c.policy == Policy::Protect) {
            out.push_str(&format!("        <note>l10n-policy: {}</note>\n", c.policy.as_str()));
        }
        if let Some(note) = &c.note {
            out.push_str(&format!("        <note>{}</note>\n", escape(note)));
        }
        for (lang, terms) in &c.terms {
            out.push_str(&format!("        <langSec xml:lang=\"{}\">\n", escape(lang)));
            for t in terms {
                let status = match t.status {
                    Status::Preferred => "preferredTerm-admn-sts",
                    Status::Admitted => "admittedTerm-admn-sts",
                    Status::Deprecated => "deprecatedTerm-admn-sts",
                };
                out.push_str(&format!(
                    "          <termSec><term>{}</term><termNote type=\"administrativeStatus\">{status}</termNote>",
                    escape(&t.text)
                ));
                if let Some(note) = &t.note {
                    out.push_str(&format!("<note>{}</note>", escape(note)));
                }
                out.push_str("</termSec>\n");
            }
            out.push_str("        </langSec>\n");
        }
        out.push_str("      </conceptEntry>\n");
    }
    out.push_str("    </body>\n  </text>\n</tbx>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Locale;

    /// The TBX-Basic sample from the reference notes, as another tool writes it.
    const SAMPLE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>Rare-earth glossary</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
      <conceptEntry id="c-kyiv">
        <descrip type="subjectField">geography</descrip>
        <langSec xml:lang="en">
          <termSec><term>Kyiv</term><termNote type="partOfSpeech">noun</termNote>
            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
          <termSec><term>Kiev</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>
            <note>Forbidden spelling; use "Kyiv".</note></termSec>
        </langSec>
        <langSec xml:lang="zh-Hans">
          <termSec><term>基辅</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
          <termSec><term>基輔</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
        </langSec>
      </conceptEntry>
      <conceptEntry id="c-tesla">
        <admin type="customerSubset">article-2023-rare-earths</admin>
        <note>DO-NOT-TRANSLATE: keep the Latin-script brand name "Tesla" in every target language.</note>
        <langSec xml:lang="en"><termSec><term>Tesla</term><termNote type="termType">fullForm</termNote></termSec></langSec>
      </conceptEntry>
  </body></text>
</tbx>"#;

    #[test]
    fn reads_the_tbx_basic_sample() {
        let g = read(SAMPLE, Path::new("sample.tbx")).unwrap();
        let (en, zh, ar) = (
            Locale::parse("en").unwrap(),
            Locale::parse("zh").unwrap(),
            Locale::parse("ar").unwrap(),
        );
        let kyiv = &g.concepts[0];
        assert_eq!(kyiv.subject, Subject::Place);
        assert_eq!(kyiv.policy, Policy::Protect);
        assert_eq!(kyiv.preferred(&en, &zh).unwrap().text, "基辅");
        assert_eq!(
            kyiv.forbidden(&zh).map(|t| t.text.as_str()).collect::<Vec<_>>(),
            vec!["基輔"]
        );
        let tesla = &g.concepts[1];
        assert!(tesla.do_not_translate);
        assert_eq!(tesla.preferred(&en, &ar).unwrap().text, "Tesla");
    }

    #[test]
    fn written_tbx_reads_back_the_same() {
        let g = read(SAMPLE, Path::new("sample.tbx")).unwrap();
        let again = read(&write(&g), Path::new("again.tbx")).unwrap();
        assert_eq!(again, g);
    }

    #[test]
    fn bad_term_bases_are_refused_with_positions() {
        let two_preferred = SAMPLE.replace(
            "<term>基輔</term><termNote type=\"administrativeStatus\">deprecatedTerm-admn-sts",
            "<term>基輔</term><termNote type=\"administrativeStatus\">preferredTerm-admn-sts",
        );
        let err = read(&two_preferred, Path::new("g.tbx")).unwrap_err().to_string();
        assert!(
            err.contains("g.tbx:5:") && err.contains("two preferred terms in zh-Hans"),
            "{err}"
        );
        let empty = SAMPLE.replace("<term>Kiev</term>", "<term>  </term>");
        assert!(
            read(&empty, Path::new("g.tbx"))
                .unwrap_err()
                .to_string()
                .contains("an empty term in en")
        );
        let unknown = SAMPLE.replace("xml:lang=\"zh-Hans\"", "xml:lang=\"qqq\"");
        assert!(
            read(&unknown, Path::new("g.tbx"))
                .unwrap_err()
                .to_string()
                .contains("'qqq' is not a known language")
        );
        let broken = SAMPLE.replace(
            "</langSec>\n        <langSec xml:lang=\"zh-Hans\">",
            "<langSec xml:lang=\"zh-Hans\">",
        );
        assert!(
            read(&broken, Path::new("g.tbx"))
                .unwrap_err()
                .to_string()
                .starts_with("g.tbx:")
        );
    }
}
