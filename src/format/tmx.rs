//! TMX 1.4b, the translation-memory exchange format: read (from any tool: header attributes,
//! `<prop>`, `<note>`, inline `<bpt>`/`<ept>`/`<ph>`/`<it>`/`<hi>`) and write.
//!
//! Inline codes map to placeholders: a `<bpt>`/`<ept>` pair (matched by `i`, correlated across
//! languages by `x` when present) is an open/close pair, `<ph>` and `<it>` are standalone.
//! Numbering follows the source variant, so source and target placeholders line up.
//!
//! Reading streams: [`TmxStream`] pulls one unit at a time from any `BufRead`, so a file of a
//! million units is never held in memory. Like `crate::xml`, it never processes a DTD, refuses
//! an internal subset, and resolves only the predefined entities and character references.

use crate::error::{Error, Result};
use crate::model::{Placeholder, PlaceholderKind, Text};
use crate::xml::{XmlEvent, XmlStream, attr, escape};
use std::collections::HashMap;
use std::io::BufRead;
use std::path::Path;

/// A translation unit: the same sentence in several languages.
#[derive(Debug, Clone, PartialEq)]
pub struct TranslationUnit {
    pub tuid: Option<String>,
    pub variants: Vec<Variant>,
    /// `<prop type=…>` values of the unit.
    pub props: Vec<(String, String)>,
    /// Line of the `<tu>` in the file, for messages.
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    pub lang: String,
    pub text: Text,
    pub props: Vec<(String, String)>,
    /// `changedate` and `creationdate` (`YYYYMMDDThhmmssZ`), of the variant or else its unit.
    pub changed: Option<String>,
    pub created: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tmx {
    /// The header's `srclang` (`*all*` means any).
    pub source_lang: Option<String>,
    pub units: Vec<TranslationUnit>,
}

/// Placeholder numbering shared by the variants of one unit.
#[derive(Default)]
struct Codes {
    ids: HashMap<String, u32>,
    next: u32,
}

impl Codes {
    fn id(&mut self, key: String) -> u32 {
        let next = &mut self.next;
        *self.ids.entry(key).or_insert_with(|| {
            *next += 1;
            *next
        })
    }
}

/// Reads a whole TMX document held in memory.
pub fn read(content: &str, path: &Path) -> Result<Tmx> {
    let mut stream = TmxStream::new(content.as_bytes(), path);
    let mut units = Vec::new();
    while let Some(unit) = stream.next_unit()? {
        units.push(unit);
    }
    Ok(Tmx {
        source_lang: stream.source_lang,
        units,
    })
}

/// A TMX document read one unit at a time.
pub struct TmxStream<R: BufRead> {
    events: XmlStream<R>,
    /// The header's `srclang`, known once the first unit (or the end) has been read.
    pub source_lang: Option<String>,
    saw_root: bool,
    done: bool,
}

impl<R: BufRead> TmxStream<R> {
    pub fn new(input: R, path: &Path) -> TmxStream<R> {
        TmxStream {
            events: XmlStream::new(input, path).allowing_external_doctype(),
            source_lang: None,
            saw_root: false,
            done: false,
        }
    }

    /// The next translation unit, or `None` at the end of the document.
    pub fn next_unit(&mut self) -> Result<Option<TranslationUnit>> {
        if self.done {
            return Ok(None);
        }
        loop {
            match self.events.next_event()? {
                XmlEvent::Start { name, attrs } | XmlEvent::Empty { name, attrs } if name == "header" => {
                    self.source_lang = attr(&attrs, "srclang").map(str::to_string);
                }
                XmlEvent::Start { name, .. } if name == "tmx" => self.saw_root = true,
                XmlEvent::Start { name, attrs } if name == "tu" => {
                    if !self.saw_root {
                        return Err(self.events.error("not a TMX file: no <tmx> element"));
                    }
                    let line = self.events.line();
                    return read_unit(&mut self.events, &attrs, line).map(Some);
                }
                XmlEvent::Eof => {
                    self.done = true;
                    if !self.saw_root {
                        return Err(self.events.error("not a TMX file: no <tmx> element"));
                    }
                    return Ok(None);
                }
                _ => {}
            }
        }
    }
}

fn read_unit<R: BufRead>(r: &mut XmlStream<R>, attrs: &[(String, String)], line: usize) -> Result<TranslationUnit> {
    let unit_changed = attr(attrs, "changedate").map(str::to_string);
    let unit_created = attr(attrs, "creationdate").map(str::to_string);
    let mut unit = TranslationUnit {
        tuid: attr(attrs, "tuid").map(str::to_string),
        variants: Vec::new(),
        props: Vec::new(),
        line,
    };
    let mut codes = Codes::default();
    loop {
        match r.next_event()? {
            XmlEvent::Start { name, attrs } if name == "prop" => {
                let kind = attr(&attrs, "type").unwrap_or("").to_string();
                unit.props.push((kind, r.text_until_end()?));
            }
            XmlEvent::Start { name, .. } if name == "note" => {
                r.text_until_end()?;
            }
            XmlEvent::Start { name, attrs } if name == "tuv" => {
                let lang = attr(&attrs, "xml:lang")
                    .or_else(|| attr(&attrs, "lang"))
                    .ok_or_else(|| r.error("<tuv> without xml:lang"))?
                    .to_string();
                let mut variant = read_variant(r, lang, &mut codes)?;
                variant.changed = attr(&attrs, "changedate").map(str::to_string).or(unit_changed.clone());
                variant.created = attr(&attrs, "creationdate")
                    .map(str::to_string)
                    .or(unit_created.clone());
                unit.variants.push(variant);
            }
            XmlEvent::End { name } if name == "tu" => return Ok(unit),
            XmlEvent::Eof => return Err(r.error("unexpected end of file inside <tu>")),
            _ => {}
        }
    }
}

fn read_variant<R: BufRead>(r: &mut XmlStream<R>, lang: String, codes: &mut Codes) -> Result<Variant> {
    let mut variant = Variant {
        lang,
        text: Text::default(),
        props: Vec::new(),
        changed: None,
        created: None,
    };
    loop {
        match r.next_event()? {
            XmlEvent::Start { name, attrs } if name == "prop" => {
                let kind = attr(&attrs, "type").unwrap_or("").to_string();
                variant.props.push((kind, r.text_until_end()?));
            }
            XmlEvent::Start { name, .. } if name == "seg" => variant.text = read_seg(r, codes)?,
            XmlEvent::End { name } if name == "tuv" => return Ok(variant),
            XmlEvent::Eof => return Err(r.error("unexpected end of file inside <tuv>")),
            _ => {}
        }
    }
}

fn read_seg<R: BufRead>(r: &mut XmlStream<R>, codes: &mut Codes) -> Result<Text> {
    let mut text = Text::default();
    // Open pairs by their `i`, so an `<ept>` finds the id its `<bpt>` got.
    let mut open: HashMap<String, u32> = HashMap::new();
    let mut standalone_count = 0;
    loop {
        match r.next_event()? {
            XmlEvent::Text(t) => text.push_str(&t),
            XmlEvent::End { name } if name == "seg" => break,
            XmlEvent::End { .. } => {} // the end of <hi>: its text was kept
            XmlEvent::Start { name, attrs } | XmlEvent::Empty { name, attrs } if name == "hi" || name == "sub" => {
                let _ = attrs;
            }
            XmlEvent::Start { name, attrs } => {
                let original = r.text_until_end()?;
                push_code(
                    r,
                    &mut text,
                    codes,
                    &mut open,
                    &mut standalone_count,
                    &name,
                    &attrs,
                    original,
                )?;
            }
            XmlEvent::Empty { name, attrs } => {
                push_code(
                    r,
                    &mut text,
                    codes,
                    &mut open,
                    &mut standalone_count,
                    &name,
                    &attrs,
                    String::new(),
                )?;
            }
            XmlEvent::Eof => return Err(r.error("unexpected end of file inside <seg>")),
        }
    }
    if let Some(i) = open.keys().next() {
        return Err(r.error(format!("<bpt i=\"{i}\"> has no matching <ept>")));
    }
    Ok(text)
}

#[allow(clippy::too_many_arguments)]
fn push_code<R: BufRead>(
    r: &XmlStream<R>,
    text: &mut Text,
    codes: &mut Codes,
    open: &mut HashMap<String, u32>,
    standalone_count: &mut u32,
    name: &str,
    attrs: &[(String, String)],
    original: String,
) -> Result<()> {
    let x = attr(attrs, "x").map(str::to_string);
    match name {
        "bpt" => {
            let i = attr(attrs, "i").ok_or_else(|| r.error("<bpt> without i"))?.to_string();
            let id = codes.id(format!("pair:{}", x.unwrap_or_else(|| i.clone())));
            open.insert(i, id);
            text.push_placeholder(Placeholder {
                id,
                kind: PlaceholderKind::Open,
                label: "g".into(),
                original,
            });
        }
        "ept" => {
            let i = attr(attrs, "i").ok_or_else(|| r.error("<ept> without i"))?;
            let id = open
                .remove(i)
                .ok_or_else(|| r.error(format!("<ept i=\"{i}\"> without a <bpt>")))?;
            text.push_placeholder(Placeholder {
                id,
                kind: PlaceholderKind::Close,
                label: "g".into(),
                original,
            });
        }
        "ph" | "it" | "ut" => {
            *standalone_count += 1;
            let id = codes.id(format!("ph:{}", x.unwrap_or_else(|| standalone_count.to_string())));
            text.push_placeholder(Placeholder {
                id,
                kind: PlaceholderKind::Standalone,
                label: "x".into(),
                original,
            });
        }
        other => return Err(r.error(format!("unexpected element <{other}> inside <seg>"))),
    }
    Ok(())
}

/// One unit to write.
pub struct WriteUnit<'a> {
    pub source: &'a Text,
    pub target: &'a Text,
    pub target_lang: &'a str,
    pub props: Vec<(&'static str, String)>,
    /// `changedate` and `creationdate` of the target variant (`YYYYMMDDThhmmssZ`).
    pub changed: Option<String>,
    pub created: Option<String>,
}

/// Writes a TMX 1.4b document.
pub fn write(source_lang: &str, units: &[WriteUnit<'_>]) -> String {
    let mut out = write_header(source_lang);
    for unit in units {
        write_unit(source_lang, unit, &mut out);
    }
    out.push_str(FOOTER);
    out
}

/// The end of a document begun with [`write_header`].
pub const FOOTER: &str = "  </body>\n</tmx>\n";

/// The start of a TMX 1.4b document, up to `<body>`: then [`write_unit`]s and [`FOOTER`].
pub fn write_header(source_lang: &str) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n");
    out.push_str(&format!(
        "  <header creationtool=\"l10n\" creationtoolversion=\"{}\" datatype=\"plaintext\" segtype=\"sentence\" adminlang=\"en-US\" srclang=\"{}\" o-tmf=\"l10n\"/>\n  <body>\n",
        env!("CARGO_PKG_VERSION"),
        escape(source_lang)
    ));
    out
}

/// Appends one `<tu>` to `out`.
pub fn write_unit(source_lang: &str, unit: &WriteUnit<'_>, out: &mut String) {
    out.push_str("    <tu>\n");
    for (kind, value) in &unit.props {
        out.push_str(&format!(
            "      <prop type=\"{}\">{}</prop>\n",
            escape(kind),
            escape(value)
        ));
    }
    out.push_str(&format!("      <tuv xml:lang=\"{}\"><seg>", escape(source_lang)));
    write_seg(unit.source, out);
    out.push_str("</seg></tuv>\n");
    out.push_str(&format!("      <tuv xml:lang=\"{}\"", escape(unit.target_lang)));
    for (name, value) in [("creationdate", &unit.created), ("changedate", &unit.changed)] {
        if let Some(date) = value {
            out.push_str(&format!(" {name}=\"{}\"", escape(date)));
        }
    }
    out.push_str("><seg>");
    write_seg(unit.target, out);
    out.push_str("</seg></tuv>\n    </tu>\n");
}

fn write_seg(text: &Text, out: &mut String) {
    for part in &text.0 {
        match part {
            crate::model::Part::Str(s) => out.push_str(&escape(s)),
            crate::model::Part::Placeholder(p) => {
                let (tag, attr) = match p.kind {
                    PlaceholderKind::Open => ("bpt", format!("i=\"{0}\" x=\"{0}\"", p.id)),
                    PlaceholderKind::Close => ("ept", format!("i=\"{}\"", p.id)),
                    PlaceholderKind::Standalone => ("ph", format!("x=\"{}\"", p.id)),
                };
                out.push_str(&format!("<{tag} {attr}>{}</{tag}>", escape(&p.original)));
            }
        }
    }
}

/// Opens a TMX file for streaming (a UTF-8 byte-order mark is skipped).
pub fn open_file(path: &Path) -> Result<TmxStream<std::io::BufReader<std::fs::File>>> {
    let read_error = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(read_error)?;
    let mut input = std::io::BufReader::with_capacity(1 << 16, file);
    if input.fill_buf().map_err(read_error)?.starts_with(b"\xEF\xBB\xBF") {
        input.consume(3);
    }
    Ok(TmxStream::new(input, path))
}

/// Reads a TMX file from disk.
pub fn read_file(path: &Path) -> Result<Tmx> {
    let content = std::fs::read_to_string(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    read(content.trim_start_matches('\u{feff}'), path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_foreign_tmx_with_inline_codes() {
        let src = r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4"><header creationtool="Okapi" srclang="en-US" datatype="html" segtype="sentence" adminlang="en" o-tmf="x"/>
<body><tu tuid="7"><prop type="x-project">p</prop><note>n</note>
<tuv xml:lang="en-US"><seg>Read <bpt i="1" x="1">&lt;b&gt;</bpt>this<ept i="1">&lt;/b&gt;</ept> at <ph x="2">[Site]</ph>.</seg></tuv>
<tuv xml:lang="ar"><seg>اقرأ <bpt i="3" x="1">&lt;b&gt;</bpt>هذا<ept i="3">&lt;/b&gt;</ept> في <ph x="2"/>.</seg></tuv>
</tu></body></tmx>"#;
        let tmx = read(src, Path::new("t.tmx")).unwrap();
        assert_eq!(tmx.source_lang.as_deref(), Some("en-US"));
        let tu = &tmx.units[0];
        assert_eq!(tu.tuid.as_deref(), Some("7"));
        assert_eq!(tu.variants[0].text.to_string(), "Read {1}this{/1} at {2/}.");
        assert_eq!(tu.variants[1].text.to_string(), "اقرأ {1}هذا{/1} في {2/}.");
    }

    #[test]
    fn written_tmx_reads_back_identically() {
        let tmx = read(
            r#"<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>A &amp; <bpt i="1">*</bpt>B<ept i="1">*</ept> <ph x="2">[S]</ph></seg></tuv><tuv xml:lang="hi"><seg>क <bpt i="1">*</bpt>ख<ept i="1">*</ept> <ph x="2">[S]</ph></seg></tuv></tu></body></tmx>"#,
            Path::new("a.tmx"),
        )
        .unwrap();
        let tu = &tmx.units[0];
        let written = write(
            "en",
            &[WriteUnit {
                source: &tu.variants[0].text,
                target: &tu.variants[1].text,
                target_lang: "hi",
                props: vec![],
                changed: None,
                created: None,
            }],
        );
        let again = read(&written, Path::new("b.tmx")).unwrap();
        assert_eq!(again.units[0].variants[0].text, tu.variants[0].text);
        assert_eq!(again.units[0].variants[1].text, tu.variants[1].text);
    }

    #[test]
    fn errors_have_positions() {
        let err = read(
            "<tmx>\n<body><tu><tuv><seg>x</seg></tuv></tu></body></tmx>",
            Path::new("x.tmx"),
        )
        .unwrap_err();
        assert!(err.to_string().starts_with("x.tmx:2:"), "{err}");
    }
}
