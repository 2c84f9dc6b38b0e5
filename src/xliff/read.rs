//! Reading XLIFF 2.0/2.1 and 1.2, as written by this tool or re-saved by translators' tools
//! (Trados, memoQ, OmegaT, Okapi): `<mrk>` segmentation and annotations are transparent,
//! `<pc>`/`<g>`, `<sc>`/`<ec>`, `<bx>`/`<ex>` and `<bpt>`/`<ept>` are pairs, `<ph>`, `<x>` and
//! `<it>` standalone codes; unknown elements and attributes from other namespaces are ignored,
//! as are `<alt-trans>`, `<mtc:matches>`, notes and other modules. A BOM and CRLF line ends
//! are accepted; any document type declaration is refused.
//!
//! [`XliffStream`] reads one unit at a time from any `BufRead`, so a file of hundreds of
//! megabytes is never held in memory; [`read`] collects a whole document for small inputs.

use crate::error::{Error, Result};
use crate::model::{Placeholder, PlaceholderKind, State, Text};
use crate::xml::{XmlEvent, XmlStream, attr};
use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

/// A unit as found in a file.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadUnit {
    pub id: String,
    /// Line of the unit in the file, for messages.
    pub line: usize,
    pub source: Text,
    pub target: Option<Text>,
    pub state: Option<State>,
    /// `xml:lang` of the `<target>`, if it says.
    pub target_lang: Option<String>,
}

/// A `<file>` of an XLIFF document.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReadSection {
    pub original: Option<String>,
    pub source_lang: Option<String>,
    pub target_lang: Option<String>,
    pub units: Vec<ReadUnit>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct XliffDocument {
    /// `2.0`, `2.1` or `1.2`.
    pub version: String,
    pub sections: Vec<ReadSection>,
}

impl XliffDocument {
    pub fn is_v2(&self) -> bool {
        self.version.starts_with('2')
    }
}

/// What [`XliffStream`] yields: a `<file>` (its `units` empty; they follow) or a unit of the
/// last file.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    File(ReadSection),
    Unit(ReadUnit),
}

/// An XLIFF document read one unit at a time from any `BufRead`: only the unit being read is
/// held in memory, whatever the file's size.
pub struct XliffStream<R: BufRead> {
    xml: XmlStream<R>,
    /// `2.0`, `2.1` or `1.2` once `<xliff>` was read.
    pub version: String,
    root_src: Option<String>,
    root_trg: Option<String>,
    saw_file: bool,
    done: bool,
}

impl<R: BufRead> XliffStream<R> {
    /// A stream over `input` (without a byte-order mark); `path` names the file in errors.
    pub fn new(input: R, path: &Path) -> XliffStream<R> {
        XliffStream {
            xml: XmlStream::new(input, path),
            version: String::new(),
            root_src: None,
            root_trg: None,
            saw_file: false,
            done: false,
        }
    }

    /// The next `<file>` or unit, or `None` at the end of the document.
    pub fn next_item(&mut self) -> Result<Option<Item>> {
        if self.done {
            return Ok(None);
        }
        let r = &mut self.xml;
        loop {
            match r.next_event()? {
                XmlEvent::Start { name, attrs } if name == "xliff" => {
                    let version = attr(&attrs, "version").unwrap_or("").to_string();
                    if !(version.starts_with("2.") || version == "1.2" || version == "1.1") {
                        return Err(r.error(format!(
                            "unsupported XLIFF version '{version}' (2.0, 2.1 and 1.2 are read)"
                        )));
                    }
                    self.version = version;
                    self.root_src = attr(&attrs, "srcLang").map(str::to_string);
                    self.root_trg = attr(&attrs, "trgLang").map(str::to_string);
                }
                XmlEvent::Start { name, attrs } if name == "file" => {
                    if self.version.is_empty() {
                        return Err(r.error("not an XLIFF file: <file> outside <xliff>"));
                    }
                    self.saw_file = true;
                    return Ok(Some(Item::File(ReadSection {
                        original: attr(&attrs, "original").map(str::to_string),
                        source_lang: attr(&attrs, "source-language")
                            .map(str::to_string)
                            .or(self.root_src.clone()),
                        target_lang: attr(&attrs, "target-language")
                            .map(str::to_string)
                            .or(self.root_trg.clone()),
                        units: Vec::new(),
                    })));
                }
                XmlEvent::Start { name, attrs } if name == "unit" || name == "trans-unit" => {
                    let line = r.line();
                    let id = attr(&attrs, "id")
                        .ok_or_else(|| r.error(format!("<{name}> without id")))?
                        .to_string();
                    if !self.saw_file {
                        return Err(r.error(format!("<{name}> outside <file>")));
                    }
                    let approved = attr(&attrs, "approved") == Some("yes");
                    let unit = if name == "unit" {
                        read_unit_v2(r, id, line)?
                    } else {
                        let mut u = read_unit_v12(r, id, line)?;
                        if approved {
                            u.state = Some(u.state.map_or(State::Reviewed, |s| s.max(State::Reviewed)));
                        }
                        u
                    };
                    return Ok(Some(Item::Unit(unit)));
                }
                XmlEvent::Eof => {
                    self.done = true;
                    if self.version.is_empty() {
                        return Err(r.error("not an XLIFF file: no <xliff> element"));
                    }
                    return Ok(None);
                }
                _ => {}
            }
        }
    }
}

/// Opens an XLIFF file for streaming (a UTF-8 byte-order mark is skipped).
pub fn open_file(path: &Path) -> Result<XliffStream<BufReader<File>>> {
    let read_error = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    if path.is_dir() {
        return Err(Error::IsDirectory {
            path: path.to_path_buf(),
        });
    }
    let file = File::open(path).map_err(read_error)?;
    let mut input = BufReader::with_capacity(1 << 16, file);
    if input.fill_buf().map_err(read_error)?.starts_with(b"\xEF\xBB\xBF") {
        input.consume(3);
    }
    Ok(XliffStream::new(input, path))
}

/// Reads a whole XLIFF document held in memory (BOM and CRLF allowed).
pub fn read(content: &str, path: &Path) -> Result<XliffDocument> {
    let content = content.strip_prefix('\u{feff}').unwrap_or(content);
    let mut stream = XliffStream::new(content.as_bytes(), path);
    let mut sections: Vec<ReadSection> = Vec::new();
    while let Some(item) = stream.next_item()? {
        match item {
            Item::File(section) => sections.push(section),
            Item::Unit(unit) => sections.last_mut().expect("units follow a file").units.push(unit),
        }
    }
    Ok(XliffDocument {
        version: stream.version,
        sections,
    })
}

fn state_v2(s: &str) -> Option<State> {
    Some(match s {
        "initial" => State::NeedsReview,
        "translated" => State::Translated,
        "reviewed" => State::Reviewed,
        "final" => State::Final,
        _ => return None,
    })
}

fn state_v12(s: &str) -> Option<State> {
    Some(match s {
        "translated" => State::Translated,
        "signed-off" => State::Reviewed,
        "final" => State::Final,
        "needs-translation" => return None,
        // new, needs-review-*, needs-adaptation, needs-l10n, x-…: a draft to be reviewed.
        _ => State::NeedsReview,
    })
}

fn read_unit_v2<R: BufRead>(r: &mut XmlStream<R>, id: String, line: usize) -> Result<ReadUnit> {
    let mut unit = ReadUnit {
        id,
        line,
        source: Text::default(),
        target: None,
        state: None,
        target_lang: None,
    };
    let mut codes = Codes::default();
    let mut states: Vec<Option<State>> = Vec::new();
    loop {
        match r.next_event()? {
            XmlEvent::Start { name, attrs } if name == "segment" || name == "ignorable" => {
                if name == "segment" {
                    // No state attribute means `initial`.
                    states.push(state_v2(attr(&attrs, "state").unwrap_or("initial")));
                }
                read_segment_v2(r, &name, &mut unit, &mut codes)?;
            }
            XmlEvent::Start { .. } => skip_element(r)?,
            XmlEvent::End { name } if name == "unit" => break,
            XmlEvent::Eof => return Err(r.error("unexpected end of file inside <unit>")),
            _ => {}
        }
    }
    unit.state = states.into_iter().flatten().min();
    Ok(unit)
}

fn read_segment_v2<R: BufRead>(r: &mut XmlStream<R>, end: &str, unit: &mut ReadUnit, codes: &mut Codes) -> Result<()> {
    loop {
        match r.next_event()? {
            // An ignorable's source is the whitespace between segments: it belongs to no
            // sentence, and a target never carries it (the document keeps its own).
            XmlEvent::Start { name, .. } if name == "source" => {
                let part = read_inline(r, "source", codes)?;
                if end == "segment" {
                    append(&mut unit.source, part);
                }
            }
            XmlEvent::Start { name, attrs } if name == "target" => {
                if let Some(lang) = attr(&attrs, "xml:lang") {
                    unit.target_lang = Some(lang.to_string());
                }
                let t = read_inline(r, "target", codes)?;
                if end == "segment" {
                    append(unit.target.get_or_insert_with(Text::default), t);
                }
            }
            XmlEvent::Start { .. } => skip_element(r)?,
            XmlEvent::End { name } if name == end => return Ok(()),
            XmlEvent::Eof => return Err(r.error(format!("unexpected end of file inside <{end}>"))),
            _ => {}
        }
    }
}

fn read_unit_v12<R: BufRead>(r: &mut XmlStream<R>, id: String, line: usize) -> Result<ReadUnit> {
    let mut unit = ReadUnit {
        id,
        line,
        source: Text::default(),
        target: None,
        state: None,
        target_lang: None,
    };
    let mut codes = Codes::default();
    loop {
        match r.next_event()? {
            XmlEvent::Start { name, .. } if name == "source" => unit.source = read_inline(r, "source", &mut codes)?,
            XmlEvent::Start { name, attrs } if name == "target" => {
                unit.target_lang = attr(&attrs, "xml:lang").map(str::to_string);
                unit.state = attr(&attrs, "state").map_or(Some(State::Translated), state_v12);
                unit.target = Some(read_inline(r, "target", &mut codes)?);
            }
            XmlEvent::Empty { name, attrs } if name == "target" => {
                unit.target_lang = attr(&attrs, "xml:lang").map(str::to_string);
            }
            // seg-source, alt-trans, note, context-group, and anything unknown.
            XmlEvent::Start { .. } => skip_element(r)?,
            XmlEvent::End { name } if name == "trans-unit" => return Ok(unit),
            XmlEvent::Eof => return Err(r.error("unexpected end of file inside <trans-unit>")),
            _ => {}
        }
    }
}

fn append(to: &mut Text, from: Text) {
    for part in from.0 {
        match part {
            crate::model::Part::Str(s) => to.push_str(&s),
            crate::model::Part::Placeholder(p) => to.push_placeholder(p),
        }
    }
}

/// Skips the rest of the element just started, whatever it contains.
fn skip_element<R: BufRead>(r: &mut XmlStream<R>) -> Result<()> {
    let mut depth = 1usize;
    loop {
        match r.next_event()? {
            XmlEvent::Start { .. } => depth += 1,
            XmlEvent::End { .. } => {
                depth -= 1;
                if depth == 0 {
                    return Ok(());
                }
            }
            XmlEvent::Eof => return Err(r.error("unexpected end of file")),
            _ => {}
        }
    }
}

/// Code ids as numbers: numeric ids keep their value (this tool writes them), others get one.
#[derive(Default)]
struct Codes {
    named: HashMap<String, u32>,
    /// 1.2 `rid` of an open `<bpt>`/`<bx>` → its number.
    rids: HashMap<String, u32>,
}

impl Codes {
    fn number(&mut self, id: &str) -> u32 {
        if let Ok(n) = id.trim().parse::<u32>() {
            return n;
        }
        let next = 1_000_000 + self.named.len() as u32;
        *self.named.entry(id.to_string()).or_insert(next)
    }
}

fn placeholder(id: u32, kind: PlaceholderKind) -> Placeholder {
    Placeholder {
        id,
        kind,
        label: String::new(),
        original: String::new(),
    }
}

/// The content of `<source>`/`<target>` up to the end of `end`, codes as placeholders
/// (without original markup: the project's document supplies it).
fn read_inline<R: BufRead>(r: &mut XmlStream<R>, end: &str, codes: &mut Codes) -> Result<Text> {
    let mut text = Text::default();
    // What each open element inside the content is: a paired code (its number) or transparent.
    let mut stack: Vec<Option<u32>> = Vec::new();
    loop {
        let event = r.next_event()?;
        match event {
            XmlEvent::Text(t) => text.push_str(&t),
            XmlEvent::End { name } if stack.is_empty() && name == end => return Ok(text),
            XmlEvent::End { .. } => {
                if let Some(Some(id)) = stack.pop() {
                    text.push_placeholder(placeholder(id, PlaceholderKind::Close));
                }
            }
            XmlEvent::Start { name, attrs } => {
                let id = || attr(&attrs, "id").unwrap_or("");
                match name.as_str() {
                    "pc" | "g" => {
                        let n = codes.number(id());
                        text.push_placeholder(placeholder(n, PlaceholderKind::Open));
                        stack.push(Some(n));
                    }
                    "bpt" => {
                        let n = codes.number(id());
                        if let Some(rid) = attr(&attrs, "rid") {
                            codes.rids.insert(rid.to_string(), n);
                        }
                        skip_element(r)?;
                        text.push_placeholder(placeholder(n, PlaceholderKind::Open));
                    }
                    "ept" => {
                        let n = close_number(codes, &attrs);
                        skip_element(r)?;
                        text.push_placeholder(placeholder(n, PlaceholderKind::Close));
                    }
                    "ph" | "it" | "x" => {
                        let n = codes.number(id());
                        skip_element(r)?;
                        text.push_placeholder(placeholder(n, PlaceholderKind::Standalone));
                    }
                    // mrk (segments, annotations), hi, sub and unknown elements: their text counts.
                    _ => stack.push(None),
                }
            }
            XmlEvent::Empty { name, attrs } => {
                let id = attr(&attrs, "id").unwrap_or("");
                // A character XML cannot carry, as the export wrote it (v2.rs, v12.rs).
                if let Some(c) = code_point(&name, &attrs) {
                    text.push_str(c.encode_utf8(&mut [0; 4]));
                    continue;
                }
                match name.as_str() {
                    "ph" | "x" | "it" => {
                        let n = codes.number(id);
                        text.push_placeholder(placeholder(n, PlaceholderKind::Standalone));
                    }
                    "sc" | "bx" => {
                        let n = codes.number(id);
                        if let Some(rid) = attr(&attrs, "rid") {
                            codes.rids.insert(rid.to_string(), n);
                        }
                        text.push_placeholder(placeholder(n, PlaceholderKind::Open));
                    }
                    "ec" | "ex" => {
                        let n = match attr(&attrs, "startRef") {
                            Some(s) => codes.number(s),
                            None => close_number(codes, &attrs),
                        };
                        text.push_placeholder(placeholder(n, PlaceholderKind::Close));
                    }
                    "pc" | "g" => {
                        let n = codes.number(id);
                        text.push_placeholder(placeholder(n, PlaceholderKind::Open));
                        text.push_placeholder(placeholder(n, PlaceholderKind::Close));
                    }
                    _ => {}
                }
            }
            XmlEvent::Eof => return Err(r.error(format!("unexpected end of file inside <{end}>"))),
        }
    }
}

/// The character a `<cp hex="1B"/>` (XLIFF 2) or our 1.2 `<x ctype="x-l10n-cp"
/// equiv-text="U+001B"/>` stands for.
fn code_point(name: &str, attrs: &[(String, String)]) -> Option<char> {
    let hex = match name {
        "cp" => attr(attrs, "hex")?,
        "x" if attr(attrs, "ctype") == Some(super::v12::CP_CTYPE) => attr(attrs, "equiv-text")?.strip_prefix("U+")?,
        _ => return None,
    };
    char::from_u32(u32::from_str_radix(hex, 16).ok()?)
}

fn close_number(codes: &mut Codes, attrs: &[(String, String)]) -> u32 {
    if let Some(n) = attr(attrs, "rid").and_then(|rid| codes.rids.get(rid).copied()) {
        return n;
    }
    codes.number(attr(attrs, "id").or_else(|| attr(attrs, "rid")).unwrap_or(""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trados_style_segmentation_and_codes_are_read() {
        let xlf = "\u{feff}<?xml version=\"1.0\"?>\r\n<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" xmlns:sdl=\"http://sdl.com/FileTypes/SdlXliff/1.0\">\r\n<file original=\"a.md\" source-language=\"en-US\" target-language=\"ar\" datatype=\"x-sdlfilterframework2\"><body>\r\n<trans-unit id=\"u1\" sdl:extra=\"x\"><source>Read <g id=\"1\">this</g> now<x id=\"2\"/></source>\r\n<seg-source><mrk mtype=\"seg\" mid=\"1\">Read <g id=\"1\">this</g> now<x id=\"2\"/></mrk></seg-source>\r\n<target state=\"signed-off\"><mrk mtype=\"seg\" mid=\"1\">اقرأ <bpt id=\"1\">&lt;b&gt;</bpt>هذا<ept id=\"1\">&lt;/b&gt;</ept> الآن<ph id=\"2\">{x}</ph></mrk></target>\r\n<alt-trans><source>x</source><target>y</target></alt-trans></trans-unit></body></file></xliff>";
        let doc = read(xlf, Path::new("t.xlf")).unwrap();
        let u = &doc.sections[0].units[0];
        assert_eq!(u.source.tagged(), r#"Read <g id="1">this</g> now<x id="2"/>"#);
        assert_eq!(
            u.target.as_ref().unwrap().tagged(),
            r#"اقرأ <g id="1">هذا</g> الآن<x id="2"/>"#
        );
        assert_eq!(u.state, Some(State::Reviewed));
        assert_eq!(doc.sections[0].original.as_deref(), Some("a.md"));
    }

    #[test]
    fn doctype_and_entities_are_refused() {
        for bad in [
            "<?xml version=\"1.0\"?><!DOCTYPE x SYSTEM \"file:///etc/passwd\"><xliff version=\"2.0\"/>",
            "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;\">]><xliff version=\"2.0\">&b;</xliff>",
            "<xliff version=\"2.0\"><file id=\"f\"><unit id=\"u\"><segment><source>&xxe;</source></segment></unit></file></xliff>",
        ] {
            assert!(read(bad, Path::new("b.xlf")).is_err(), "{bad}");
        }
    }
}
