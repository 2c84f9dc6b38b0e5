//! Safe XML reading for the exchange formats: [`XmlReader`] over a text in memory (TBX), and
//! [`XmlStream`] over any `BufRead`, one event at a time (XLIFF import, files of any size).
//!
//! quick-xml never processes a DTD, so external entities and entity bombs cannot be expanded;
//! on top of that a document type declaration with an internal subset is refused outright, and
//! only the five predefined entities and character references are resolved. Every error names
//! the line and column.

use crate::error::Error;
use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;
use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

/// A pull reader over an XML document held in memory, with positions for errors.
pub struct XmlReader<'a> {
    reader: Reader<&'a [u8]>,
    text: &'a str,
    path: PathBuf,
    /// Refuse any document type declaration, not only one with an internal subset.
    refuse_doctype: bool,
}

/// What the callers need of an event, already resolved and owned.
#[derive(Debug, Clone, PartialEq)]
pub enum XmlEvent {
    Start {
        name: String,
        attrs: Vec<(String, String)>,
    },
    /// A self-closing element: `Start` and `End` at once.
    Empty {
        name: String,
        attrs: Vec<(String, String)>,
    },
    End {
        name: String,
    },
    /// Character data with entities and character references resolved.
    Text(String),
    Eof,
}

impl<'a> XmlReader<'a> {
    pub fn new(text: &'a str, path: &Path) -> XmlReader<'a> {
        let mut reader = Reader::from_reader(text.as_bytes());
        reader.config_mut().trim_text(false);
        XmlReader {
            reader,
            text,
            path: path.to_path_buf(),
            refuse_doctype: false,
        }
    }

    /// A reader that refuses every document type declaration (XLIFF never needs one).
    pub fn without_doctype(text: &'a str, path: &Path) -> XmlReader<'a> {
        let mut r = XmlReader::new(text, path);
        r.refuse_doctype = true;
        r
    }

    /// An error at the reader's current position.
    pub fn error(&self, message: impl Into<String>) -> Error {
        self.error_at(self.reader.buffer_position() as usize, message)
    }

    fn error_at(&self, offset: usize, message: impl Into<String>) -> Error {
        let offset = offset.min(self.text.len());
        let before = &self.text.as_bytes()[..offset];
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
        let column = 1 + String::from_utf8_lossy(&before[line_start..]).chars().count();
        Error::Parse {
            path: self.path.clone(),
            line,
            column,
            message: message.into(),
        }
    }

    /// The 1-based line of the reader's position.
    pub fn line(&self) -> usize {
        let offset = (self.reader.buffer_position() as usize).min(self.text.len());
        1 + self.text.as_bytes()[..offset].iter().filter(|&&b| b == b'\n').count()
    }

    pub fn next_event(&mut self) -> Result<XmlEvent, Error> {
        loop {
            let event = match self.reader.read_event() {
                Ok(e) => e,
                Err(e) => {
                    return Err(self.error_at(self.reader.error_position() as usize, e.to_string()));
                }
            };
            if let Some(event) = resolve(event, self.refuse_doctype, &|m| self.error(m))? {
                return Ok(event);
            }
        }
    }

    /// Reads the text content up to the end of the current element, refusing child elements.
    pub fn text_until_end(&mut self) -> Result<String, Error> {
        let mut out = String::new();
        loop {
            match self.next_event()? {
                XmlEvent::Text(t) => out.push_str(&t),
                XmlEvent::End { .. } => return Ok(out),
                XmlEvent::Eof => return Err(self.error("unexpected end of file")),
                XmlEvent::Start { name, .. } | XmlEvent::Empty { name, .. } => {
                    return Err(self.error(format!("unexpected element <{name}> inside text")));
                }
            }
        }
    }
}

fn name_of(e: &BytesStart<'_>) -> String {
    e.local_name().as_ref().to_string()
}

/// Turns a quick-xml event into an owned [`XmlEvent`]: entities resolved (only the predefined
/// five and character references), document type declarations checked. `None`: skip it.
fn resolve(event: Event<'_>, refuse_doctype: bool, error: &dyn Fn(String) -> Error) -> Result<Option<XmlEvent>, Error> {
    Ok(Some(match event {
        Event::Start(e) => XmlEvent::Start {
            name: name_of(&e),
            attrs: attrs(&e, error)?,
        },
        Event::Empty(e) => XmlEvent::Empty {
            name: name_of(&e),
            attrs: attrs(&e, error)?,
        },
        Event::End(e) => XmlEvent::End {
            name: e.local_name().as_ref().to_string(),
        },
        Event::Text(t) => XmlEvent::Text(t.xml10_content().into_owned()),
        Event::CData(t) => XmlEvent::Text(t.into_inner().into_owned()),
        Event::GeneralRef(r) => {
            if r.is_char_ref() {
                match r.resolve_char_ref() {
                    Ok(Some(c)) => XmlEvent::Text(c.to_string()),
                    _ => return Err(error("invalid character reference".into())),
                }
            } else {
                let name = r.xml10_content();
                let resolved = match name.as_ref() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    other => return Err(error(format!("undefined entity &{other};"))),
                };
                XmlEvent::Text(resolved.to_string())
            }
        }
        Event::DocType(d) => {
            if refuse_doctype {
                return Err(error(
                    "a document type declaration is refused (XML is read without DTDs)".into(),
                ));
            }
            if d.xml10_content().contains('[') {
                return Err(error(
                    "a document type declaration with an internal subset (entity definitions) is refused".into(),
                ));
            }
            return Ok(None);
        }
        Event::Decl(_) | Event::PI(_) | Event::Comment(_) => return Ok(None),
        Event::Eof => XmlEvent::Eof,
    }))
}

fn attrs(e: &BytesStart<'_>, error: &dyn Fn(String) -> Error) -> Result<Vec<(String, String)>, Error> {
    let mut out = Vec::new();
    for attr in e.attributes() {
        let attr = attr.map_err(|err| error(err.to_string()))?;
        let key = attr.key.as_ref().to_string();
        let value = attr
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|err| error(err.to_string()))?
            .into_owned();
        out.push((key, value));
    }
    Ok(out)
}

/// Counts lines and columns as a reader's bytes are consumed, so a stream can name positions
/// without keeping the text.
struct Counted<R> {
    inner: R,
    line: usize,
    column: usize,
    /// A NUL byte was read (XML cannot carry one).
    saw_nul: bool,
}

impl<R: BufRead> Read for Counted<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let n = {
            let buf = self.fill_buf()?;
            let n = buf.len().min(out.len());
            out[..n].copy_from_slice(&buf[..n]);
            n
        };
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counted<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        if amt > 0
            && let Ok(buf) = self.inner.fill_buf()
        {
            for &b in &buf[..amt.min(buf.len())] {
                if b == 0 {
                    self.saw_nul = true;
                } else if b == b'\n' {
                    self.line += 1;
                    self.column = 0;
                } else if b & 0xC0 != 0x80 {
                    // Columns count characters: UTF-8 continuation bytes add none.
                    self.column += 1;
                }
            }
        }
        self.inner.consume(amt);
    }
}

/// A pull reader over any `BufRead` (a file of any size), holding one event at a time, with
/// the same safety and events as [`XmlReader`]. Every document type declaration is refused.
pub struct XmlStream<R: BufRead> {
    reader: Reader<Counted<R>>,
    buf: Vec<u8>,
    path: PathBuf,
    refuse_doctype: bool,
}

impl<R: BufRead> XmlStream<R> {
    pub fn new(input: R, path: &Path) -> XmlStream<R> {
        let mut reader = Reader::from_reader(Counted {
            inner: input,
            line: 1,
            column: 0,
            saw_nul: false,
        });
        reader.config_mut().trim_text(false);
        XmlStream {
            reader,
            buf: Vec::new(),
            path: path.to_path_buf(),
            refuse_doctype: true,
        }
    }

    /// Lets a document type declaration without an internal subset through (TMX files from
    /// other tools name `tmx14.dtd`); one that defines entities is still refused.
    pub fn allowing_external_doctype(mut self) -> XmlStream<R> {
        self.refuse_doctype = false;
        self
    }

    /// Reads the text content up to the end of the current element, refusing child elements.
    pub fn text_until_end(&mut self) -> Result<String, Error> {
        let mut out = String::new();
        loop {
            match self.next_event()? {
                XmlEvent::Text(t) => out.push_str(&t),
                XmlEvent::End { .. } => return Ok(out),
                XmlEvent::Eof => return Err(self.error("unexpected end of file")),
                XmlEvent::Start { name, .. } | XmlEvent::Empty { name, .. } => {
                    return Err(self.error(format!("unexpected element <{name}> inside text")));
                }
            }
        }
    }

    /// An error at the position read so far.
    pub fn error(&self, message: impl Into<String>) -> Error {
        let counted = self.reader.get_ref();
        Error::Parse {
            path: self.path.clone(),
            line: counted.line,
            column: counted.column.max(1),
            message: message.into(),
        }
    }

    /// The 1-based line of the position read so far.
    pub fn line(&self) -> usize {
        self.reader.get_ref().line
    }

    pub fn next_event(&mut self) -> Result<XmlEvent, Error> {
        loop {
            self.buf.clear();
            let event = match self.reader.read_event_into(&mut self.buf) {
                Ok(e) => e,
                Err(e) => {
                    let message = e.to_string();
                    return Err(self.error(message));
                }
            };
            // XML cannot carry NUL: a binary file read by mistake stops here.
            if self.reader.get_ref().saw_nul {
                return Err(self.error("a NUL byte: not an XML text file"));
            }
            let (reader, path) = (&self.reader, &self.path);
            let error = |message: String| {
                let counted = reader.get_ref();
                Error::Parse {
                    path: path.clone(),
                    line: counted.line,
                    column: counted.column.max(1),
                    message,
                }
            };
            if let Some(event) = resolve(event, self.refuse_doctype, &error)? {
                // A long text or attribute must not keep its buffer for the rest of the file.
                if self.buf.capacity() > 1 << 20 {
                    self.buf = Vec::new();
                }
                return Ok(event);
            }
        }
    }
}

/// The value of attribute `key` (`xml:lang` is matched as written).
pub fn attr<'a>(attrs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    attrs.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
}

/// Escapes text for element content or a double-quoted attribute.
/// Whether XML 1.0 can carry `c` at all (its `Char` production): not the C0 controls other
/// than tab, line feed and carriage return, nor U+FFFE and U+FFFF.
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            // A reader would turn a raw carriage return into a line feed (end-of-line
            // handling); a reference keeps it.
            '\r' => out.push_str("&#13;"),
            // Characters XML 1.0 cannot carry at all are dropped rather than written invalid;
            // writers that can say them otherwise (XLIFF's `<cp>`) do so before calling this.
            c if !is_xml_char(c) => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_definitions_are_refused() {
        let bomb =
            r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><tmx>&lol2;</tmx>"#;
        let mut r = XmlReader::new(bomb, Path::new("bomb.tmx"));
        let err = loop {
            match r.next_event() {
                Err(e) => break e,
                Ok(XmlEvent::Eof) => panic!("accepted"),
                Ok(_) => {}
            }
        };
        assert!(err.to_string().contains("internal subset"), "{err}");
    }

    #[test]
    fn predefined_and_char_refs_resolve() {
        let mut r = XmlReader::new("<a>x &amp; &#x41;&lt;</a>", Path::new("a.xml"));
        assert!(matches!(r.next_event().unwrap(), XmlEvent::Start { .. }));
        assert_eq!(r.text_until_end().unwrap(), "x & A<");
    }

    #[test]
    fn streams_refuse_every_doctype_and_name_positions() {
        let doc = "<?xml version=\"1.0\"?>\r\n<!DOCTYPE x SYSTEM \"file:///etc/passwd\">\n<x/>";
        let mut r = XmlStream::new(doc.as_bytes(), Path::new("d.xlf"));
        let err = (0..4).find_map(|_| r.next_event().err()).expect("refused").to_string();
        assert!(
            err.contains("d.xlf") && err.contains(":2:") && err.contains("document type"),
            "{err}"
        );
        let mut r = XmlStream::new("<a>\n  <b>x &bogus;</b></a>".as_bytes(), Path::new("e.xml"));
        let err = loop {
            match r.next_event() {
                Err(e) => break e.to_string(),
                Ok(XmlEvent::Eof) => panic!("accepted"),
                Ok(_) => {}
            }
        };
        assert!(err.contains("e.xml:2:") && err.contains("&bogus;"), "{err}");
    }

    #[test]
    fn streams_resolve_like_the_in_memory_reader_across_small_buffers() {
        let doc = "<a k=\"1 &amp; 2\">x &amp; &#x41;&lt;\r\ny<![CDATA[<z>]]></a>";
        let input = std::io::BufReader::with_capacity(3, doc.as_bytes());
        let mut r = XmlStream::new(input, Path::new("a.xml"));
        assert_eq!(
            r.next_event().unwrap(),
            XmlEvent::Start {
                name: "a".into(),
                attrs: vec![("k".into(), "1 & 2".into())]
            }
        );
        let mut text = String::new();
        while let XmlEvent::Text(t) = r.next_event().unwrap() {
            text.push_str(&t);
        }
        assert_eq!(text, "x & A<\ny<z>");
        assert_eq!(r.line(), 2);
    }

    #[test]
    fn streams_refuse_invalid_utf8_and_nul() {
        let mut r = XmlStream::new(&b"<a>\xff\xfe</a>"[..], Path::new("b.xml"));
        let result = (0..4).map(|_| r.next_event()).find(|e| e.is_err());
        assert!(result.is_some(), "invalid UTF-8 accepted");
        let mut r = XmlStream::new(&b"<a>\n\x00</a>"[..], Path::new("n.xml"));
        let err = (0..4)
            .find_map(|_| r.next_event().err())
            .expect("NUL accepted")
            .to_string();
        assert!(err.contains("n.xml:2:") && err.contains("NUL"), "{err}");
    }
}
