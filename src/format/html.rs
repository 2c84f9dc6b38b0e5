//! HTML articles, read with lol_html's streaming tokenizer, which reports the exact source
//! bytes of every tag, text run and attribute value: merging splices into the original
//! bytes, so an identity merge reproduces the document byte for byte.
//!
//! Block elements (h1–h6, p, li, td/th, blockquote, figcaption, caption, dt/dd, title) become
//! units; inline elements (a, em, strong, b, i, span, sup, sub, abbr, …) become placeholder
//! pairs holding their exact start and end tags; br, img, comments, inline code and anything
//! not to be translated become standalone placeholders. The content of a `<noscript>` between
//! blocks, which the tokenizer reads as raw text, is extracted as an HTML fragment of its own. Translatable attributes (alt, title,
//! aria-label, placeholder, `<meta name=description content>`) become units of their own,
//! also on inline elements inside a unit: such a unit lies inside the span of the sentence
//! holding its tag, and `Format::merge` writes it into that tag's bytes (escaped), wherever a
//! translation moves the tag. script, style, pre, code blocks, `translate="no"` and
//! `class="notranslate"` subtrees are never units.
//!
//! It never re-serializes the document: tags a translation does not touch keep their bytes.

#![deny(clippy::string_slice)]

use crate::lang::Locale;
use crate::model::{Finding, FindingKind, Part, Placeholder, PlaceholderKind, Unit, UnitKind};
use crate::segment::{Piece, Segmenter, segment_owned_pieces};
use lol_html::html_content::{Comment, Element, EndTag, TextChunk};
use lol_html::{DocumentContentHandlers, ElementContentHandlers, HtmlRewriter, Selector, Settings};
use std::borrow::Cow;
use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

/// Elements whose content is a unit.
const BLOCKS: &[&str] = &[
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "li",
    "td",
    "th",
    "blockquote",
    "figcaption",
    "caption",
    "dt",
    "dd",
    "title",
    // Its text is the field's visible default (read as text, references decoded).
    "textarea",
];
/// Elements whose content is never translated.
const SKIPPED: &[&str] = &[
    "script", "style", "pre", "code", "template", "svg", "math", "noscript", "kbd", "samp",
];
/// Elements that have no content and no end tag.
const VOID: &[&str] = &[
    "br", "img", "wbr", "hr", "input", "meta", "link", "source", "area", "col", "embed", "track", "base", "param",
];
/// Attributes whose values are text for readers.
const TEXT_ATTRIBUTES: &[&str] = &["alt", "title", "aria-label", "placeholder"];
/// Elements that sit inside a line of text: text around them is one sentence with them. Any
/// other element with content (div, section, ul, table, option, summary, custom elements…)
/// is a boundary: text before it and text after it are separate units.
const INLINE: &[&str] = &[
    "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "button", "cite", "data", "del", "dfn", "em", "font", "i", "ins",
    "label", "mark", "meter", "nobr", "output", "progress", "q", "rp", "rt", "ruby", "s", "small", "span", "strike",
    "strong", "sub", "sup", "time", "tt", "u", "var",
];
/// `<meta name|property=…>` whose `content` is text for readers.
const META_TEXT: &[&str] = &[
    "description",
    "og:title",
    "og:description",
    "og:image:alt",
    "twitter:title",
    "twitter:description",
    "twitter:image:alt",
];
/// The name of a unit of text found directly inside a container element (or between
/// blocks): it matches no tag, so only a boundary ends it.
const ANONYMOUS: &str = "#text";

/// A lower-case element name, borrowed from the source when it is written in lower case
/// there (allocating one per tag was a measurable share of extraction).
type Name<'a> = Cow<'a, str>;

/// Element names are read again from the tag's bytes when the events are used (the end-tag
/// handler must be `'static`, so the events cannot borrow the source).
enum Event {
    Start {
        tag: Range<usize>,
        /// The name as lol_html reports it, only when the tag has no source bytes.
        reported: Option<String>,
        /// Value ranges of the translatable attributes.
        attributes: Vec<Range<usize>>,
        untranslatable: bool,
        has_end: bool,
    },
    End {
        tag: Range<usize>,
        reported: Option<String>,
    },
    Text(Range<usize>),
    Comment(Range<usize>),
}

/// The element name of the tag at `tag` in `source`, after its `<` or `</` (`prefix` bytes).
fn tag_name<'a>(source: &'a str, tag: &Range<usize>, prefix: usize, reported: impl FnOnce() -> String) -> Name<'a> {
    let bytes = source.as_bytes();
    let from = tag.start + prefix;
    if from < tag.end && bytes[tag.start] == b'<' {
        let len = bytes[from..tag.end]
            .iter()
            .position(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>'))
            .unwrap_or(tag.end - from);
        // The delimiters are ASCII, so `from + len` is a character boundary; a name that is
        // not text (no boundary) is taken as lol_html reports it.
        let name = source.get(from..from + len).unwrap_or_default();
        if !name.is_empty() {
            return if name.bytes().any(|b| b.is_ascii_uppercase()) {
                Cow::Owned(name.to_ascii_lowercase())
            } else {
                Cow::Borrowed(name)
            };
        }
    }
    Cow::Owned(reported())
}

/// The tokens of the document in order, with their byte ranges.
fn events(source: &str) -> Vec<Event> {
    // About one event per 40 bytes of an article page: sized once instead of grown.
    let events = Rc::new(RefCell::new(Vec::with_capacity(source.len() / 40)));
    let (on_element, on_text, on_comment) = (events.clone(), events.clone(), events.clone());
    let element_handler = move |el: &mut Element<'_, '_>| {
        let tag = el.source_location().bytes();
        let name = tag_name(source, &tag, 1, || el.tag_name());
        // The first value of each attribute the extractor reads, in one pass comparing names
        // in the source bytes: `get_attribute` allocated twice per lookup, four times per tag.
        let (mut class, mut translate, mut name_attr, mut property, mut kind) = (None, None, None, None, None);
        for a in el.attributes() {
            let attribute = match a.name_source_location().and_then(|at| source.get(at.bytes())) {
                Some(n) => Cow::Borrowed(n),
                None => Cow::Owned(a.name()),
            };
            let slot = if attribute.eq_ignore_ascii_case("class") {
                &mut class
            } else if attribute.eq_ignore_ascii_case("translate") {
                &mut translate
            } else if attribute.eq_ignore_ascii_case("name") {
                &mut name_attr
            } else if attribute.eq_ignore_ascii_case("property") {
                &mut property
            } else if attribute.eq_ignore_ascii_case("type") {
                &mut kind
            } else {
                continue;
            };
            if slot.is_none() {
                *slot = Some(a.value());
            }
        }
        let class_no = class.is_some_and(|c| c.split_ascii_whitespace().any(|w| w == "notranslate"));
        let untranslatable = class_no || translate.is_some_and(|t| t.eq_ignore_ascii_case("no"));
        let meta_text = |v: Option<String>| v.is_some_and(|v| META_TEXT.iter().any(|m| v.eq_ignore_ascii_case(m)));
        let meta_content = name == "meta" && (meta_text(name_attr) || meta_text(property));
        // A button's label: `<input type=submit value="Send">`.
        let button_value = name == "input"
            && kind.is_some_and(|k| ["submit", "button", "reset"].iter().any(|b| k.eq_ignore_ascii_case(b)));
        let attributes = el
            .attributes()
            .iter()
            .filter_map(|a| {
                // Compared in the source bytes: allocating every attribute's name was slow.
                let wanted = match a.name_source_location().and_then(|at| source.get(at.bytes())) {
                    Some(n) => {
                        TEXT_ATTRIBUTES.iter().any(|t| n.eq_ignore_ascii_case(t))
                            || (meta_content && n.eq_ignore_ascii_case("content"))
                            || (button_value && n.eq_ignore_ascii_case("value"))
                    }
                    None => {
                        let n = a.name();
                        TEXT_ATTRIBUTES.contains(&n.as_str())
                            || (meta_content && n == "content")
                            || (button_value && n == "value")
                    }
                };
                let range = a.value_source_location()?.bytes();
                (wanted && !range.is_empty()).then_some(range)
            })
            .collect();
        let has_end = el.can_have_content() && !el.is_self_closing() && !VOID.contains(&&*name);
        let reported = match name {
            Cow::Owned(name) if tag.is_empty() => Some(name),
            _ => None,
        };
        on_element.borrow_mut().push(Event::Start {
            tag,
            reported,
            attributes,
            untranslatable,
            has_end,
        });
        if has_end {
            let on_end = on_element.clone();
            el.on_end_tag(Box::new(move |end: &mut EndTag<'_>| {
                let tag = end.source_location().bytes();
                let reported = tag.is_empty().then(|| end.name());
                on_end.borrow_mut().push(Event::End { tag, reported });
                Ok(())
            }))?;
        }
        Ok(())
    };
    let text_handler = move |t: &mut TextChunk<'_>| {
        let range = t.source_location().bytes();
        if !range.is_empty() {
            let mut list = on_text.borrow_mut();
            // lol_html may deliver one text node in several chunks: join them.
            if let Some(Event::Text(prev)) = list.last_mut()
                && prev.end == range.start
            {
                prev.end = range.end;
            } else {
                list.push(Event::Text(range));
            }
        }
        Ok(())
    };
    let comment_handler = move |c: &mut Comment<'_>| {
        on_comment
            .borrow_mut()
            .push(Event::Comment(c.source_location().bytes()));
        Ok(())
    };
    let selector: Selector = "*".parse().expect("valid selector");
    let settings = Settings::new()
        .with_strict(false)
        .append_element_content_handler((
            Cow::Owned(selector),
            ElementContentHandlers::default().element(element_handler),
        ))
        .append_document_content_handler(
            DocumentContentHandlers::default()
                .text(text_handler)
                .comments(comment_handler),
        );
    let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
    // Tokenizing a &str with no memory limit set cannot fail; should it, what was read stays.
    let _ = rewriter.write(source.as_bytes()).and_then(|_| rewriter.end());
    Rc::try_unwrap(events).map(RefCell::into_inner).unwrap_or_default()
}

struct OpenInline<'a> {
    piece: usize,
    name: Name<'a>,
    at: usize,
}

/// The unit being collected.
struct Collector<'a> {
    name: Name<'a>,
    kind: UnitKind,
    pieces: Vec<Piece>,
    open: Vec<OpenInline<'a>>,
    next_id: u32,
    /// Containers opened inside this block and not yet closed (`<li>…<div>`).
    containers: usize,
}

impl<'a> Collector<'a> {
    fn new(name: Name<'a>) -> Collector<'a> {
        let kind = match &*name {
            "title" => UnitKind::Title,
            "li" | "dt" | "dd" => UnitKind::ListItem,
            "td" | "th" | "caption" => UnitKind::TableCell,
            "blockquote" => UnitKind::Quote,
            n if n.len() == 2 && n.starts_with('h') => UnitKind::Heading,
            _ => UnitKind::Paragraph,
        };
        Collector {
            name,
            kind,
            pieces: Vec::new(),
            open: Vec::new(),
            next_id: 1,
            containers: 0,
        }
    }

    /// A fresh unit of the same block, after a boundary inside it.
    fn reopened(&self) -> Collector<'a> {
        let mut c = Collector::new(self.name.clone());
        c.containers = self.containers;
        c
    }

    // boundary: `range` is a tag or comment from lol_html (from its `<` to after its `>`, both
    // ASCII), an untranslatable element from its start tag's `<` to after its end tag's `>`,
    // or a stray tag's bytes from the end of the previous piece (a boundary) to a tag's `<`.
    #[allow(clippy::string_slice)]
    fn placeholder(&mut self, kind: PlaceholderKind, label: &str, source: &str, range: Range<usize>, id: Option<u32>) {
        let id = id.unwrap_or_else(|| {
            self.next_id += 1;
            self.next_id - 1
        });
        self.pieces.push(Piece {
            part: Part::Placeholder(Placeholder {
                id,
                kind,
                label: label.to_string(),
                original: source[range.clone()].to_string(),
            }),
            span: range,
        });
    }
}

struct Extractor<'a> {
    source: &'a str,
    segmenter: &'a Segmenter,
    units: Vec<Unit>,
    /// Markup repaired, at byte offsets of `source`.
    findings: Vec<Finding>,
    stack: Vec<Collector<'a>>,
    /// Names of the open elements whose content is not translated.
    skipping: Vec<Name<'a>>,
    /// Where the content of a `<noscript>` outside any unit starts: what it holds is shown
    /// without scripts, and is extracted as a fragment of its own when it ends.
    noscript: Option<usize>,
    /// An untranslatable element inside a unit: (name, start, depth of same-name nesting).
    capture: Option<(Name<'a>, usize, usize)>,
}

impl<'a> Extractor<'a> {
    fn repair(&mut self, at: usize, reason: String) {
        self.findings.push(Finding {
            at,
            kind: FindingKind::Repaired,
            detail: reason,
        });
    }

    /// The units of a `<noscript>`'s content: the parser reads it as raw text (as a browser
    /// with scripts does), a browser without scripts as HTML, so it is extracted as HTML.
    fn noscript_content(&mut self, range: Range<usize>) {
        let (units, findings) = extract_fragment(self.source, range, self.segmenter);
        self.units.extend(units);
        self.findings.extend(findings);
    }

    /// Ends the unit on top of the stack (its end tag, or an implied one).
    fn flush(&mut self, collector: Collector<'a>) {
        let mut c = collector;
        // Inline elements never closed: their tags stay as standalone placeholders.
        while let Some(open) = c.open.pop() {
            if let Part::Placeholder(p) = &mut c.pieces[open.piece].part {
                p.kind = PlaceholderKind::Standalone;
            }
            self.repair(open.at, format!("<{}> is never closed", open.name));
        }
        self.push_unit(c.kind, c.pieces);
    }

    fn push_unit(&mut self, kind: UnitKind, pieces: Vec<Piece>) {
        if pieces.is_empty() {
            return;
        }
        // Template variables such as [YourSiteName] are placeholders here too (looked for only
        // when a bracket or brace is there: most units have none).
        let may_have_variables = pieces
            .iter()
            .any(|p| matches!(&p.part, Part::Str(s) if s.bytes().any(|b| b == b'[' || b == b'{')));
        let pieces = if may_have_variables {
            super::plain::with_variables(pieces, self.source)
        } else {
            pieces
        };
        let segments = segment_owned_pieces(self.segmenter, pieces, self.source);
        // `has_words` without building each segment's plain text.
        let has_words = segments.iter().any(|s| {
            s.source
                .0
                .iter()
                .any(|p| matches!(p, Part::Str(t) if t.chars().any(char::is_alphabetic)))
        });
        if has_words {
            let span = segments[0].span.start..segments.last().expect("non-empty").span.end;
            self.units.push(Unit { kind, segments, span });
        }
    }

    fn attribute_units(&mut self, attributes: &[Range<usize>]) {
        for range in attributes {
            let mut pieces = Vec::new();
            text_pieces(self.source, range.clone(), &mut pieces);
            self.push_unit(UnitKind::Attribute, pieces);
        }
    }

    fn start(
        &mut self,
        name: Name<'a>,
        tag: Range<usize>,
        attributes: Vec<Range<usize>>,
        untranslatable: bool,
        has_end: bool,
    ) {
        if let Some((cname, _, depth)) = &mut self.capture {
            if *cname == name && has_end {
                *depth += 1;
            }
            return;
        }
        if !self.skipping.is_empty() {
            if has_end {
                self.skipping.push(name);
            }
            return;
        }
        let skipped = untranslatable || SKIPPED.contains(&&*name);
        let inline = INLINE.contains(&&*name);
        let phrase = inline || matches!(&*name, "code" | "kbd" | "samp");
        if self.stack.is_empty() && phrase && has_end {
            // An inline element outside any block opens a line of text of its own.
            self.stack.push(Collector::new(Cow::Borrowed(ANONYMOUS)));
        }
        let in_unit = !self.stack.is_empty();
        if skipped && in_unit && !BLOCKS.contains(&&*name) && name != "pre" {
            // Inline code or a `translate="no"` span: one placeholder, content untouched.
            if has_end {
                self.capture = Some((name, tag.start, 0));
                self.guard_gap(tag.start);
            } else {
                let source = self.source;
                self.top_at(tag.start)
                    .placeholder(PlaceholderKind::Standalone, &name, source, tag, None);
            }
            return;
        }
        if skipped {
            self.split_top();
            if has_end {
                if name == "noscript" {
                    self.noscript = Some(tag.end);
                }
                self.skipping.push(name);
            }
            return;
        }
        if BLOCKS.contains(&&*name) {
            if let Some(top) = self.stack.pop() {
                // `<p>` ends at the next block; `<li>`, `<td>`, `<dt>` at the next sibling.
                let implied = top.name == "p"
                    || top.name == name
                    || top.name == ANONYMOUS
                    || matches!(
                        (&*top.name, &*name),
                        ("td", "th") | ("th", "td") | ("dt", "dd") | ("dd", "dt")
                    );
                let outer = top.reopened();
                self.flush(top);
                if !implied {
                    self.stack.push(outer);
                }
            }
            self.attribute_units(&attributes);
            if has_end {
                self.stack.push(Collector::new(name));
            }
            return;
        }
        if has_end && !inline {
            // A container (div, ul, table, option…): text before it and inside it are apart.
            self.split_top();
            if let Some(c) = self.stack.last_mut() {
                c.containers += 1;
            }
            self.attribute_units(&attributes);
            return;
        }
        if in_unit {
            let source = self.source;
            let c = self.top_at(tag.start);
            if has_end {
                c.placeholder(PlaceholderKind::Open, &name, source, tag.clone(), None);
                c.open.push(OpenInline {
                    piece: c.pieces.len() - 1,
                    name,
                    at: tag.start,
                });
            } else {
                c.placeholder(PlaceholderKind::Standalone, &name, source, tag, None);
            }
        }
        // An inline element's attributes are units of their own, inside the span of the unit
        // whose placeholder holds the tag; `Format::merge` splices them into that tag's bytes.
        self.attribute_units(&attributes);
    }

    /// Ends the unit on top of the stack at a boundary inside it; a block goes on after it
    /// (`<li>text<div>…</div>more</li>`), a line of text between blocks does not.
    fn split_top(&mut self) {
        if let Some(c) = self.stack.pop() {
            let again = c.reopened();
            self.flush(c);
            if again.name != ANONYMOUS {
                self.stack.push(again);
            }
        }
    }

    /// The unit on top of the stack, about to take a piece starting at `at`. Source bytes the
    /// tokenizer reported as nothing (an end tag no element matches, `</b>` with no `<b>`) are
    /// kept as a placeholder and reported: translating the text around them must not drop them.
    fn top_at(&mut self, at: usize) -> &mut Collector<'a> {
        self.guard_gap(at);
        self.stack.last_mut().expect("in a unit")
    }

    fn guard_gap(&mut self, at: usize) {
        let Some(c) = self.stack.last_mut() else { return };
        let Some(from) = c.pieces.last().map(|p| p.span.end).filter(|&end| end < at) else {
            return;
        };
        c.placeholder(PlaceholderKind::Standalone, "tag", self.source, from..at, None);
        let what = self.source.get(from..at).unwrap_or_default().trim().to_string();
        self.repair(from, format!("{what} matches no open element; kept as it is"));
    }

    fn end(&mut self, name: Name<'a>, tag: Range<usize>) {
        if let Some((cname, start, depth)) = &mut self.capture {
            if *cname == name {
                if *depth == 0 {
                    let range = *start..tag.end;
                    let label = cname.clone();
                    self.capture = None;
                    let c = self.stack.last_mut().expect("capturing inside a unit");
                    c.placeholder(PlaceholderKind::Standalone, &label, self.source, range, None);
                } else {
                    *depth -= 1;
                }
            }
            return;
        }
        if !self.skipping.is_empty() {
            if self.skipping.last() == Some(&name) {
                self.skipping.pop();
            }
            if self.skipping.is_empty()
                && let Some(from) = self.noscript.take()
            {
                self.noscript_content(from..tag.start);
            }
            return;
        }
        let Some(c) = self.stack.last() else { return };
        if c.name == name {
            let c = self.stack.pop().expect("top exists");
            self.flush(c);
            // The enclosing block (an `<li>` around a `<p>`) goes on after it.
            return;
        }
        if c.open.iter().any(|o| o.name == name) {
            self.close_inline(name, tag);
        } else if BLOCKS.contains(&&*name) && self.stack.iter().any(|b| b.name == name) {
            // The end of an enclosing block: the inner ones end with it.
            while let Some(top) = self.stack.pop() {
                let done = top.name == name;
                self.flush(top);
                if done {
                    break;
                }
            }
        } else if !INLINE.contains(&&*name) {
            self.end_container();
        } else if !tag.is_empty() {
            // An inline end tag whose element is not open in this unit (opened before it):
            // kept in place as its bytes, and reported.
            let source = self.source;
            let c = self.top_at(tag.start);
            c.placeholder(PlaceholderKind::Standalone, &name, source, tag.clone(), None);
            self.repair(
                tag.start,
                format!("</{name}> closes an element opened outside its sentence; kept as it is"),
            );
        }
    }

    /// The end of a container: one opened inside the unit on top splits it (the unit goes on
    /// after it); one opened before the unit (`</ul>` after an `<li>` never closed, `</div>`
    /// around a line of text) ends it, and the units under it in turn.
    fn end_container(&mut self) {
        while let Some(top) = self.stack.last_mut() {
            if top.containers > 0 {
                top.containers -= 1;
                self.split_top();
                return;
            }
            let top = self.stack.pop().expect("top exists");
            self.flush(top);
        }
    }

    /// Closes an inline element open in the top unit; those opened after it and not closed
    /// (<b><i>x</b>) are repaired.
    fn close_inline(&mut self, name: Name<'a>, tag: Range<usize>) {
        self.guard_gap(tag.start);
        let Some(c) = self.stack.last_mut() else { return };
        let Some(pos) = c.open.iter().rposition(|o| o.name == name) else {
            return;
        };
        let mut repaired = Vec::new();
        while c.open.len() > pos + 1 {
            let open = c.open.pop().expect("longer than pos");
            if let Part::Placeholder(p) = &mut c.pieces[open.piece].part {
                p.kind = PlaceholderKind::Standalone;
            }
            repaired.push(open);
        }
        let open = c.open.pop().expect("found");
        let id = match &c.pieces[open.piece].part {
            Part::Placeholder(p) => p.id,
            Part::Str(_) => unreachable!("open pieces are placeholders"),
        };
        c.placeholder(PlaceholderKind::Close, &name, self.source, tag, Some(id));
        for open in repaired {
            self.repair(open.at, format!("<{}> is never closed", open.name));
        }
    }

    fn text(&mut self, range: Range<usize>) {
        if self.capture.is_some() || !self.skipping.is_empty() {
            return;
        }
        if self.stack.is_empty() {
            // Text directly inside a container or between blocks is a unit of its own.
            if self.source.get(range.clone()).is_none_or(|t| t.trim().is_empty()) {
                return;
            }
            self.stack.push(Collector::new(Cow::Borrowed(ANONYMOUS)));
        }
        let source = self.source;
        let c = self.top_at(range.start);
        text_pieces(source, range, &mut c.pieces);
    }

    fn comment(&mut self, range: Range<usize>) {
        if self.capture.is_some() || !self.skipping.is_empty() || self.stack.is_empty() {
            return;
        }
        let source = self.source;
        self.top_at(range.start)
            .placeholder(PlaceholderKind::Standalone, "comment", source, range, None);
    }
}

/// Pieces of a run of text: plain runs exactly as in the source, each character reference
/// decoded in a piece of its own, and whitespace with a line break as one space (a line
/// break in HTML source is not a paragraph break, as it would be to the sentence breaker).
/// They are appended to `pieces` (the unit's own list: no list of their own to allocate).
// boundary: `range` is a text run from lol_html, which starts and ends at markup (a `<` or
// after a `>`, ASCII) or at the ends of the source, all written in one chunk; inside it, each
// index is an ASCII byte found by the byte scan (`&`, whitespace), the byte after a
// reference's `;`, the first byte after a run of ASCII whitespace, or the end of the text.
#[allow(clippy::string_slice)]
fn text_pieces(source: &str, range: Range<usize>, pieces: &mut Vec<Piece>) {
    let text = &source[range.clone()];
    let mut plain_from = 0;
    let mut i = 0;
    let bytes = text.as_bytes();
    let push_plain = |pieces: &mut Vec<Piece>, from: usize, to: usize| {
        if from < to {
            pieces.push(Piece {
                part: Part::Str(text[from..to].to_string()),
                span: range.start + from..range.start + to,
            });
        }
    };
    while i < bytes.len() {
        match bytes[i] {
            b'&' => {
                if let Some((decoded, len)) = decode_reference(&text[i..]) {
                    push_plain(pieces, plain_from, i);
                    pieces.push(Piece {
                        part: Part::Str(decoded),
                        span: range.start + i..range.start + i + len,
                    });
                    i += len;
                    plain_from = i;
                    continue;
                }
                i += 1;
            }
            b'\n' | b'\r' | b'\t' | b' ' => {
                // A byte scan: matching character sets at every space was slow.
                let mut end = i;
                let mut breaks = false;
                while let Some(&b @ (b' ' | b'\n' | b'\r' | b'\t')) = bytes.get(end) {
                    breaks |= b != b' ';
                    end += 1;
                }
                if breaks {
                    push_plain(pieces, plain_from, i);
                    pieces.push(Piece {
                        part: Part::Str(" ".into()),
                        span: range.start + i..range.start + end,
                    });
                    plain_from = end;
                }
                i = end;
            }
            _ => i += 1,
        }
    }
    push_plain(pieces, plain_from, text.len());
}

/// Decodes a character reference at the start of `s`: the text and the bytes it took.
fn decode_reference(s: &str) -> Option<(String, usize)> {
    let (name, _) = s.strip_prefix('&')?.split_once(';')?;
    // The reference's `;`: the bytes up to it are `&` and the name.
    let end = name.len() + 1;
    if end > 32 {
        return None;
    }
    let c = if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        char::from_u32(code)?
    } else {
        match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => '\u{a0}',
            "mdash" => '—',
            "ndash" => '–',
            "hellip" => '…',
            "lsquo" => '‘',
            "rsquo" => '’',
            "ldquo" => '“',
            "rdquo" => '”',
            "laquo" => '«',
            "raquo" => '»',
            "copy" => '©',
            "reg" => '®',
            "deg" => '°',
            "euro" => '€',
            "pound" => '£',
            "shy" => '\u{ad}',
            _ => return None,
        }
    };
    Some((c.to_string(), end + 1))
}

/// The units and findings of the HTML fragment at `range` of `source`, at their place in
/// `source` (a `<noscript>`'s content; an HTML block of a Markdown page).
pub(super) fn extract_fragment(source: &str, range: Range<usize>, segmenter: &Segmenter) -> (Vec<Unit>, Vec<Finding>) {
    let Some(fragment) = source.get(range.clone()) else {
        return (Vec::new(), Vec::new());
    };
    let (mut units, mut findings) = extract(fragment, segmenter);
    let shift = |r: &mut Range<usize>| *r = r.start + range.start..r.end + range.start;
    for unit in &mut units {
        shift(&mut unit.span);
        unit.segments.iter_mut().for_each(|s| shift(&mut s.span));
    }
    findings.iter_mut().for_each(|f| f.at += range.start);
    (units, findings)
}

/// The units of `source`, and the markup repaired on the way (elements never closed, end tags
/// that match nothing), in source order.
pub(super) fn extract(source: &str, segmenter: &Segmenter) -> (Vec<Unit>, Vec<Finding>) {
    let mut ex = Extractor {
        source,
        segmenter,
        units: Vec::new(),
        findings: Vec::new(),
        stack: Vec::new(),
        skipping: Vec::new(),
        noscript: None,
        capture: None,
    };
    for event in events(source) {
        match event {
            Event::Start {
                tag,
                reported,
                attributes,
                untranslatable,
                has_end,
            } => {
                let name = tag_name(source, &tag, 1, || reported.unwrap_or_default());
                ex.start(name, tag, attributes, untranslatable, has_end)
            }
            Event::End { tag, reported } => {
                let name = tag_name(source, &tag, 2, || reported.unwrap_or_default());
                ex.end(name, tag)
            }
            Event::Text(range) => ex.text(range),
            Event::Comment(range) => ex.comment(range),
        }
    }
    if let Some((name, start, _)) = ex.capture.take() {
        ex.repair(start, format!("<{name}> is never closed"));
    }
    while let Some(c) = ex.stack.pop() {
        if c.name != ANONYMOUS
            && c.name != "p"
            && c.name != "li"
            && c.name != "td"
            && c.name != "th"
            && c.name != "dt"
            && c.name != "dd"
        {
            let at = c.pieces.first().map_or(source.len(), |p| p.span.start);
            ex.repair(at, format!("<{}> is never closed", c.name));
        }
        ex.flush(c);
    }
    ex.units.sort_by_key(|u| u.span.start);
    ex.findings.sort_by_key(|f| f.at);
    (ex.units, ex.findings)
}

/// The encodings `<meta charset>` (or an `http-equiv` content type) declares in `source`:
/// where the `<meta` tag starts, and the byte range of the encoding's name.
fn charset_declarations(source: &str) -> Vec<(usize, Range<usize>)> {
    // Read in place, without a lower-case copy: a copy of a 50 MB page is 50 MB more memory.
    let bytes = source.as_bytes();
    let starts_with = |at: usize, word: &[u8]| {
        bytes
            .get(at..at + word.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(word))
    };
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(lt) = bytes[at..].iter().position(|&b| b == b'<').map(|i| at + i) {
        at = lt + 1;
        if !starts_with(lt + 1, b"meta") {
            continue;
        }
        let end = bytes[lt..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(bytes.len(), |i| lt + i);
        let mut i = lt + 5;
        while i + 7 <= end {
            if !starts_with(i, b"charset") {
                i += 1;
                continue;
            }
            i += 7;
            while i < end && matches!(bytes[i], b' ' | b'=' | b'"' | b'\'') {
                i += 1;
            }
            // ASCII name characters: the range starts and ends on character boundaries.
            let len = bytes[i..end]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-' || **c == b'_')
                .count();
            if len > 0 {
                found.push((lt, i..i + len));
            }
            i += len;
        }
        at = end;
    }
    found
}

/// Whether the page declares its encoding (`<meta charset>` or an `http-equiv` content type).
pub fn declares_charset(source: &str) -> bool {
    !charset_declarations(source).is_empty()
}

fn is_utf8_name(name: &str) -> bool {
    name.eq_ignore_ascii_case("utf-8") || name.eq_ignore_ascii_case("utf8")
}

/// Refuses a document whose `<meta charset>` (or `http-equiv` content type) declares an
/// encoding other than UTF-8 while the bytes are UTF-8 with non-ASCII text: the declaration
/// and the bytes disagree, and a browser would show mojibake. Returns (line, column, reason).
pub fn check_charset(source: &str) -> Result<(), (usize, usize, String)> {
    if source.is_ascii() {
        return Ok(());
    }
    for (tag_start, name) in charset_declarations(source) {
        // boundary: a declaration's name is a run of ASCII bytes (see `charset_declarations`).
        #[allow(clippy::string_slice)]
        let name = source[name].to_ascii_lowercase();
        if !is_utf8_name(&name) {
            let (line, column) = line_col(source, tag_start);
            return Err((
                line,
                column,
                format!("<meta> declares the encoding {name}, but the bytes are UTF-8"),
            ));
        }
    }
    Ok(())
}

/// An edition is written in UTF-8: a declaration of another encoding (possible only in an
/// ASCII source, see [`check_charset`]) is changed to `utf-8` once the edition holds other
/// characters. An ASCII edition keeps its bytes.
// boundary: each declaration's name is a run of ASCII bytes (see `charset_declarations`), so
// its start and end, and the slices between the names, are on character boundaries.
#[allow(clippy::string_slice)]
fn declare_utf8(html: String) -> String {
    if html.is_ascii() {
        return html;
    }
    let wrong: Vec<Range<usize>> = charset_declarations(&html)
        .into_iter()
        .map(|(_, name)| name)
        .filter(|name| !is_utf8_name(&html[name.clone()]))
        .collect();
    if wrong.is_empty() {
        return html;
    }
    let mut out = String::with_capacity(html.len());
    let mut copied = 0;
    for name in wrong {
        out.push_str(&html[copied..name.start]);
        out.push_str("utf-8");
        copied = name.end;
    }
    out.push_str(&html[copied..]);
    out
}

/// Escapes translated text for HTML content and attribute values.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Sets the edition's language on the root `<html>` element (`lang`, and `dir` when it is
/// right to left or the source had one), touching nothing else of the document.
///
/// When the document has a single `<html` and its tag closes at the first `>` after it, only
/// the bytes up to that `>` go through the rewriter (the tokenizer streams, so it reads them
/// exactly as it would in the whole document) and the rest is copied: a second pass of the
/// tokenizer over the whole edition was a fifth of the time of an extract and merge.
pub(super) fn set_language(html: String, target: &Locale) -> String {
    declare_utf8(language_on_root(html, target))
}

fn language_on_root(html: String, target: &Locale) -> String {
    let bytes = html.as_bytes();
    let mut roots = html.match_indices('<').map(|(at, _)| at).filter(|&at| {
        bytes
            .get(at + 1..at + 5)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"html"))
    });
    let (Some(root), None) = (roots.next(), roots.next()) else {
        return rewrite_language(html, target).0;
    };
    // boundary: `root` is the index of a `<` found by `match_indices`.
    #[allow(clippy::string_slice)]
    let Some(gt) = html[root..].find('>').map(|i| root + i + 1) else {
        return rewrite_language(html, target).0;
    };
    // boundary: `gt` is just after a `>` found by `find` (ASCII).
    #[allow(clippy::string_slice)]
    let (head, matched) = rewrite_language(html[..gt].to_string(), target);
    if !matched {
        // The first `>` was inside the tag (an attribute value), or `<html` was not a tag.
        return rewrite_language(html, target).0;
    }
    if head.as_bytes() == &bytes[..gt] {
        return html;
    }
    let mut out = head;
    // boundary: `gt` is just after a `>` found by `find` (ASCII).
    #[allow(clippy::string_slice)]
    out.push_str(&html[gt..]);
    out
}

/// [`set_language`] through the rewriter: the document, and whether an `<html>` start tag was
/// seen.
fn rewrite_language(html: String, target: &Locale) -> (String, bool) {
    let tag = target.tag().to_string();
    let dir = target.direction();
    let mut changed = false;
    let mut matched = false;
    let mut out = Vec::with_capacity(html.len());
    let handler = |el: &mut Element<'_, '_>| {
        matched = true;
        if el.get_attribute("lang").as_deref() != Some(tag.as_str()) {
            el.set_attribute("lang", &tag)?;
            changed = true;
        }
        let has_dir = el.get_attribute("dir");
        if (target.is_rtl() || has_dir.is_some()) && has_dir.as_deref() != Some(dir) {
            el.set_attribute("dir", dir)?;
            changed = true;
        }
        Ok(())
    };
    let selector: Selector = "html".parse().expect("valid selector");
    let settings = Settings::new()
        .with_strict(false)
        .append_element_content_handler((Cow::Owned(selector), ElementContentHandlers::default().element(handler)));
    let mut rewriter = HtmlRewriter::new(settings, |chunk: &[u8]| out.extend_from_slice(chunk));
    let ok = rewriter.write(html.as_bytes()).and_then(|_| rewriter.end()).is_ok();
    match String::from_utf8(out) {
        Ok(s) if ok && changed => (s, matched),
        _ => (html, matched),
    }
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    // An offset inside a character counts as that character's position.
    let end = (0..=offset.min(text.len())).rev().find(|&i| text.is_char_boundary(i));
    let before = end.and_then(|end| text.get(..end)).unwrap_or_default();
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Text;

    fn units(src: &str) -> Vec<Unit> {
        extract(src, &Segmenter::new(&Locale::parse("en").unwrap(), &[])).0
    }

    fn texts(u: &[Unit]) -> Vec<String> {
        u.iter()
            .flat_map(|u| u.segments.iter().map(|s| s.source.to_string()))
            .collect()
    }

    #[test]
    fn blocks_inline_and_skipped() {
        let src = "<html><head><title>A page</title><style>p{}</style></head><body>\n<p>Read <b>the deal</b> now. It is\n  <a href=\"x\">here</a>.<br>Done.</p>\n<pre>Not. Translated.</pre><p translate=\"no\">No.</p><p>Use <code>a. b</code> then.</p></body></html>";
        let u = units(src);
        assert_eq!(
            texts(&u),
            vec![
                "A page",
                "Read {1}the deal{/1} now.",
                "It is {2}here{/2}.{3/}Done.",
                "Use {1/} then."
            ]
        );
        assert_eq!(u[0].kind, UnitKind::Title);
    }

    #[test]
    fn attributes_and_entities() {
        let src = "<meta name=\"description\" content=\"A deal &amp; more.\"><figure><img src=m.png alt=\"A map\"><figcaption>Fish &amp; chips.</figcaption></figure>";
        let u = units(src);
        assert_eq!(texts(&u), vec!["A deal & more.", "A map", "Fish & chips."]);
        assert_eq!(src.get(u[1].span.clone()), Some("A map"));
    }

    #[test]
    fn attribute_names_in_any_case_and_first_of_duplicates() {
        let src = "<META NAME=\"Description\" Content=\"Big news.\"><meta property=og:title content=\"Title.\"><P CLASS=\"a notranslate\">Skip.</P><p translate=yes translate=no>Kept.</p><img ALT=\"A map\">";
        assert_eq!(texts(&units(src)), vec!["Big news.", "Title.", "Kept.", "A map"]);
    }

    #[test]
    fn noscript_content_is_extracted_as_html() {
        let src = "<p>On.</p><noscript><a href=\"/i\">Chapter Index</a> Enable <b>it</b>.<img src=x alt=\"Pixel\"></noscript><p>Off.</p>";
        let u = units(src);
        assert_eq!(
            texts(&u),
            vec!["On.", "{1}Chapter Index{/1} Enable {2}it{/2}.{3/}", "Pixel", "Off."]
        );
        let first = &u[1].segments[0];
        assert_eq!(
            src.get(first.span.clone()).unwrap_or_default(),
            "<a href=\"/i\">Chapter Index</a> Enable <b>it</b>.<img src=x alt=\"Pixel\">"
        );
        // Inside a sentence it stays one placeholder, as before.
        assert_eq!(texts(&units("<p>A <noscript>b</noscript> c.</p>")), vec!["A {1/} c."]);
    }

    #[test]
    fn unclosed_inline_is_repaired_with_position() {
        let seg = Segmenter::new(&Locale::parse("en").unwrap(), &[]);
        let src = "<p>One <b>two.</p>\n<p>Three.</p>";
        let (units, r) = extract(src, &seg);
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!((r[0].at, r[0].kind), (7, FindingKind::Repaired));
        assert_eq!(texts(&units), vec!["One {1/}two.", "Three."]);
    }

    fn merged(src: &str, translate: impl Fn(&Text) -> Text) -> String {
        let en = Locale::parse("en").unwrap();
        let doc = super::super::Format::Html.extract(src.to_string(), &Segmenter::new(&en, &[]));
        let translations: Vec<Text> = doc.segments().map(|s| translate(&s.source)).collect();
        let outputs: Vec<_> = translations
            .iter()
            .map(super::super::SegmentOutput::Translated)
            .collect();
        super::super::Format::Html.merge(&doc, &outputs, &en)
    }

    #[test]
    fn attributes_of_inline_elements_are_units() {
        let src = "<ul><li>See <a href=\"/m\" title=\"Ministry page\">the ministry</a> and <img src=x.png alt='A map'>.</li></ul><p><span aria-label=\"Note\">n</span> Done.</p>";
        assert_eq!(
            texts(&units(src)),
            vec![
                "See {1}the ministry{/1} and {2/}.",
                "Ministry page",
                "A map",
                "{1}n{/1} Done.",
                "Note"
            ]
        );
        assert_eq!(merged(src, Text::clone), src);
    }

    #[test]
    fn unquoted_attribute_values_get_quotes_when_translated() {
        let src = "<p><img src=x.png alt=Map> Kyiv <abbr title=Ukraine>UA</abbr>.</p><img alt = Lake>";
        // Untouched, the source stays byte for byte.
        assert_eq!(merged(src, Text::clone), src);
        let translate = |t: &Text| -> Text {
            match t.to_string().as_str() {
                "Map" => Text::plain("خريطة \"البلد\""),
                "Ukraine" => Text::plain("युक्रेन देश"),
                "Lake" => Text::plain("湖 泊"),
                _ => t.clone(),
            }
        };
        assert_eq!(
            merged(src, translate),
            "<p><img src=x.png alt=\"خريطة &quot;البلد&quot;\"> Kyiv <abbr title=\"युक्रेन देश\">UA</abbr>.</p><img alt = \"湖 泊\">"
        );
    }

    #[test]
    fn attributes_of_inline_elements_are_merged_into_their_tag_and_escaped() {
        let src = "<li>See <a href=\"/m\" title=\"Ministry page\">the ministry</a>. Then <b title='Bold'>go</b>.</li>";
        let translate = |t: &Text| -> Text {
            match t.to_string().as_str() {
                // The link moves to the front of the sentence; the attribute goes with it.
                "See {1}the ministry{/1}." => Text(vec![
                    t.0[1].clone(),
                    t.0[2].clone(),
                    t.0[3].clone(),
                    Part::Str(" sehen.".into()),
                ]),
                "Ministry page" => Text::plain("Seite \"des\" <Ministeriums> & mehr"),
                "Bold" => Text::plain("Fett"),
                _ => t.clone(),
            }
        };
        assert_eq!(
            merged(src, translate),
            "<li><a href=\"/m\" title=\"Seite &quot;des&quot; &lt;Ministeriums&gt; &amp; mehr\">the ministry</a> sehen. Then <b title='Fett'>go</b>.</li>"
        );
    }

    #[test]
    fn text_directly_inside_any_element_is_a_unit() {
        let src = "<body><div class=\"lede\">Text in a div. Second one.</div>\n<nav><a href=/>Home</a> | <a href=/a>About us</a></nav>\
<section>Before the list<ul><li>Item <div>inner block</div> tail</li></ul>After the list</section>\
<table><tr><td>Cell</td></tr></table><select><option>First option</option></select>\
<button>Press here</button> <label>Your name</label><details><summary>More details</summary>Hidden text</details>\
<figure><img src=a.png><figcaption>A caption</figcaption></figure><dl><dt>Term</dt><dd>Meaning</dd></dl></body>";
        assert_eq!(
            texts(&units(src)),
            vec![
                "Text in a div.",
                "Second one.",
                "{1}Home{/1} | {2}About us{/2}",
                "Before the list",
                "Item",
                "inner block",
                "tail",
                "After the list",
                "Cell",
                "First option",
                "{1}Press here{/1} {2}Your name{/2}",
                "More details",
                "Hidden text",
                "A caption",
                "Term",
                "Meaning",
            ]
        );
        assert_eq!(merged(src, Text::clone), src);
    }

    #[test]
    fn code_and_untranslatable_subtrees_stay_out() {
        let src = "<div>Call <code>run()</code> now.</div><pre>Not. Translated.</pre>\
<div translate=\"no\">Brand Name Inc</div><div class=\"x notranslate\"><p>Keep me</p></div><div>Visible <span translate=no>Kept Words</span> text.</div>";
        assert_eq!(texts(&units(src)), vec!["Call {1/} now.", "Visible {1/} text."]);
        assert_eq!(merged(src, Text::clone), src);
    }

    #[test]
    fn form_texts_are_units() {
        let src = "<form><input type=submit value=\"Send it\"><input type=text value=\"user data\"><textarea placeholder=\"Your words\">Write here &amp; now</textarea></form>";
        assert_eq!(texts(&units(src)), vec!["Send it", "Your words", "Write here & now"]);
        assert_eq!(merged(src, Text::clone), src);
    }

    #[test]
    fn social_meta_texts_are_units_and_other_meta_are_not() {
        let src = "<meta property=\"og:description\" content=\"A deal.\"><meta name=\"twitter:title\" content=\"Deal signed\">\
<meta name=\"twitter:card\" content=\"summary large\"><meta name=keywords content=\"deal words\"><meta property=\"og:image:alt\" content=\"A map\">";
        assert_eq!(texts(&units(src)), vec!["A deal.", "Deal signed", "A map"]);
    }

    #[test]
    fn a_stray_end_tag_inside_a_sentence_is_kept_and_reported() {
        let seg = Segmenter::new(&Locale::parse("en").unwrap(), &[]);
        let src = "<p>One </b>two <i>three</i> four.</p>";
        let (units, r) = extract(src, &seg);
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!((r[0].at, r[0].kind), (7, FindingKind::Repaired));
        assert_eq!(texts(&units), vec!["One {1/}two {2}three{/2} four."]);
        let upper = |t: &Text| -> Text {
            Text(
                t.0.iter()
                    .map(|p| match p {
                        Part::Str(s) => Part::Str(s.to_uppercase()),
                        p => p.clone(),
                    })
                    .collect(),
            )
        };
        assert_eq!(merged(src, upper), "<p>ONE </b>TWO <i>THREE</i> FOUR.</p>");
    }

    #[test]
    fn a_list_never_closed_ends_at_its_container() {
        let src = "<div><ul><li>One<li>Two</ul>After</div>";
        let u = units(src);
        assert_eq!(texts(&u), vec!["One", "Two", "After"]);
        assert_eq!(u[2].kind, UnitKind::Paragraph);
    }

    #[test]
    fn charset_disagreement_is_refused() {
        assert!(check_charset("<meta charset=\"utf-8\"><p>é</p>").is_ok());
        assert!(check_charset("<meta charset=\"iso-8859-1\"><p>plain</p>").is_ok());
        let err = check_charset("<html>\n<meta charset=\"windows-1252\"><p>é</p>").unwrap_err();
        assert_eq!((err.0, err.1), (2, 1));
    }

    #[test]
    fn the_edition_declares_utf8() {
        let hi = Locale::parse("hi").unwrap();
        let src = "<html lang=\"en\"><head><META CHARSET=\"iso-8859-1\"><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head><p>Deal.</p></html>";
        assert_eq!(merged(src, Text::clone), src, "an ASCII edition keeps its bytes");
        let hindi = merged(src, |_| Text::plain("सौदा।"));
        assert!(
            hindi.contains("<META CHARSET=\"utf-8\">") && hindi.contains("charset=utf-8\">"),
            "{hindi}"
        );
        assert!(check_charset(&hindi).is_ok());
        assert_eq!(set_language(src.to_string(), &hi).matches("utf-8").count(), 0);
    }

    #[test]
    fn language_is_set_on_the_root() {
        let ar = Locale::parse("ar").unwrap();
        assert_eq!(
            set_language("<!doctype html><html lang=\"en\"><p>x</p></html>".into(), &ar),
            "<!doctype html><html lang=\"ar\" dir=\"rtl\"><p>x</p></html>"
        );
        let en = Locale::parse("en").unwrap();
        let same = "<html lang='en'><p>x</p></html>".to_string();
        assert_eq!(set_language(same.clone(), &en), same);
    }

    #[test]
    fn language_on_a_prefix_agrees_with_the_whole_document() {
        let ar = Locale::parse("ar").unwrap();
        let en = Locale::parse("en").unwrap();
        for doc in [
            "<!doctype html><HTML lang=en><p>x</p></HTML>",
            "<html data-x=\"a>b\" lang=\"fr\"><p>x</p></html>",
            "<!-- <html lang=de> --><html><p>x</p></html>",
            "<html lang=\"en\"><p>x</p><html lang=\"de\"></html>",
            "<script>var s = '<html>';</script><p>x</p>",
            "<p>no root</p>",
            "<html",
        ] {
            for target in [&ar, &en] {
                let whole = rewrite_language(doc.to_string(), target).0;
                assert_eq!(set_language(doc.to_string(), target), whole, "{doc}");
            }
        }
    }
}
