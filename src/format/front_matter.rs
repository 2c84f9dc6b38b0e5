//! Front matter of Markdown pages as site generators write it: YAML between `---` lines
//! (Hugo, Jekyll, Docusaurus) or TOML between `+++` lines (Hugo, Zola).
//!
//! This is not a YAML or TOML parser. It finds the block and, among its top-level keys, the
//! single-line string values (plain, `'…'` or `"…"` in YAML; `"…"` or `'…'` in TOML) with the
//! exact bytes each occupies, so that a translation replaces those bytes and nothing else:
//! every other byte of the block (comments, key order, nested tables, lists) stays identical.
//! YAML block scalars (`description: >-` and indented lines) are read too: their content
//! lines are the value's bytes and a translation is written back as one indented line under
//! the same header. Values the reader cannot place (a multi-line quoted string, a TOML
//! `"""` string, a block less indented than its first line) are listed with their line by
//! [`unreadable`], never silently dropped.
//!
//! [`metadata`] gives the page's title, description and date to whoever builds a page.

#![deny(clippy::string_slice)]

use std::ops::Range;

/// The front matter's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// `---` … `---`
    Yaml,
    /// `+++` … `+++`
    Toml,
}

/// Where the front matter is in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatter {
    pub syntax: Syntax,
    /// The whole block, both delimiter lines and the closing line's end included.
    pub block: Range<usize>,
    /// The lines between the delimiters.
    pub body: Range<usize>,
}

/// How a string value is written, so that a translation is written the same way when it can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quoting {
    /// YAML plain scalar: `title: Hello`
    Plain,
    /// `'…'` (YAML: `''` is a quote; TOML literal string: no escapes)
    Single,
    /// `"…"` with backslash escapes (YAML and TOML basic strings)
    Double,
    /// YAML block scalar (`>`, `|`…): the content lines, each indented this many spaces; the
    /// header line stays as written.
    Block { indent: usize },
}

/// One top-level string value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub key: String,
    /// The value as the site generator reads it (quotes removed, escapes decoded).
    pub value: String,
    /// The value's bytes in the document, quotes included.
    pub span: Range<usize>,
    pub quoting: Quoting,
    /// 1-based line of the value in the document.
    pub line: usize,
}

/// A value of a key to translate that the reader cannot place, with its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub key: String,
    pub line: usize,
    /// Byte offset of the line in the page.
    pub at: usize,
    pub reason: &'static str,
}

/// The keys translated when `l10n.toml` does not say.
pub const DEFAULT_KEYS: &[&str] = &["title", "description", "summary", "subtitle", "linkTitle", "excerpt"];

/// Finds the front matter at the very start of `source`: a first line `---` or `+++` and a
/// closing line with the same delimiter.
// boundary: every range comes from `line_ranges`.
#[allow(clippy::string_slice)]
pub fn find(source: &str) -> Option<FrontMatter> {
    let (syntax, delimiter) = if source.starts_with("---") {
        (Syntax::Yaml, "---")
    } else if source.starts_with("+++") {
        (Syntax::Toml, "+++")
    } else {
        return None;
    };
    let mut lines = line_ranges(source);
    let first = lines.next()?;
    if source[first.clone()].trim_end() != delimiter {
        return None;
    }
    let body_start = first.end;
    for line in lines {
        let text = source[line.clone()].trim_end_matches(['\n', '\r']);
        if text.trim_end() == delimiter {
            return Some(FrontMatter {
                syntax,
                block: 0..line.end,
                body: body_start..line.start,
            });
        }
    }
    None
}

/// The byte ranges of the lines of `source`, each with its line ending.
fn line_ranges(source: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        if at >= source.len() {
            return None;
        }
        // boundary: '\n' is ASCII: `at + i + 1` is a character boundary, and so is `at`.
        #[allow(clippy::string_slice)]
        let end = source[at..].find('\n').map_or(source.len(), |i| at + i + 1);
        let range = at..end;
        at = end;
        Some(range)
    })
}

/// The top-level single-line string values of the front matter, in order.
pub fn fields(source: &str, fm: &FrontMatter) -> Vec<Field> {
    scan(source, fm).0
}

/// The values of `keys` the reader cannot place (block scalars, multi-line strings).
pub fn unreadable(source: &str, fm: &FrontMatter, keys: &[String]) -> Vec<Unreadable> {
    scan(source, fm)
        .1
        .into_iter()
        .filter(|u| keys.contains(&u.key))
        .collect()
}

// boundary: `fm.body` and the lines come from `line_ranges`; `value_at` is where a suffix of
// the line starts (`key_of`).
#[allow(clippy::string_slice)]
fn scan(source: &str, fm: &FrontMatter) -> (Vec<Field>, Vec<Unreadable>) {
    let mut fields = Vec::new();
    let mut unreadable = Vec::new();
    let first_line = 1 + source[..fm.body.start].matches('\n').count();
    let body = &source[fm.body.clone()];
    let lines: Vec<Range<usize>> = line_ranges(body).collect();
    for (n, line) in lines.iter().enumerate() {
        let text = body[line.clone()].trim_end_matches(['\n', '\r']);
        if fm.syntax == Syntax::Toml && text.trim_start().starts_with('[') {
            // A [table] starts: what follows is no longer top level.
            break;
        }
        let Some((key, value_at)) = key_of(text, fm.syntax) else {
            continue;
        };
        let line_no = first_line + n;
        let start = fm.body.start + line.start + value_at;
        let value = match value_of(&text[value_at..], fm.syntax) {
            Err("block scalar") => block_scalar(body, &text[value_at..], &lines[n + 1..])
                .map(|(value, span, indent)| {
                    let span = fm.body.start + span.start..fm.body.start + span.end;
                    Some((value, span, Quoting::Block { indent }))
                })
                .ok_or("block scalar"),
            other => other.map(|v| v.map(|(value, len, quoting)| (value, start..start + len, quoting))),
        };
        match value {
            Ok(Some((value, span, quoting))) => fields.push(Field {
                key: key.to_string(),
                value,
                span,
                quoting,
                line: line_no,
            }),
            Ok(None) => {}
            Err(reason) => unreadable.push(Unreadable {
                key: key.to_string(),
                line: line_no,
                at: fm.body.start + line.start,
                reason,
            }),
        }
    }
    (fields, unreadable)
}

/// A YAML block scalar (`>`, `>-`, `|`, `|+`…, with an optional indentation digit and
/// comment) whose content is the indented `lines` that follow its header: the value as YAML
/// reads it (folded: lines joined by spaces, a blank line a line break; literal: lines kept),
/// the byte range in `body` from the first content line's start to the last one's end, and
/// the indentation. `None` when there is no content to place.
// boundary: the ranges come from `line_ranges` over `body`; `indent` counts ASCII spaces.
#[allow(clippy::string_slice)]
fn block_scalar(body: &str, header: &str, lines: &[Range<usize>]) -> Option<(String, Range<usize>, usize)> {
    let header = header.split(" #").next().unwrap_or_default().trim_end();
    let folded = header.starts_with('>');
    if !header.chars().skip(1).all(|c| matches!(c, '-' | '+' | '1'..='9')) {
        return None;
    }
    let text = |r: &Range<usize>| body[r.clone()].trim_end_matches(['\n', '\r']);
    let blank = |r: &Range<usize>| text(r).trim().is_empty();
    let content: Vec<&Range<usize>> = lines
        .iter()
        .take_while(|r| blank(r) || text(r).starts_with(' '))
        .collect();
    let last = content.iter().rposition(|r| !blank(r))?;
    let content = &content[..=last];
    let first = content.iter().find(|r| !blank(r))?;
    let indent = text(first).len() - text(first).trim_start_matches(' ').len();
    let mut value = String::new();
    let mut after_blank = false;
    for r in content {
        let line = text(r);
        if line.trim().is_empty() {
            value.push('\n');
            after_blank = true;
            continue;
        }
        let Some(own) = line.get(indent..).filter(|_| line.starts_with(&" ".repeat(indent))) else {
            return None; // less indented than the first line: not a form this reader places
        };
        if !value.is_empty() && !after_blank {
            value.push(if folded && !own.starts_with(' ') { ' ' } else { '\n' });
        }
        value.push_str(own);
        after_blank = false;
    }
    Some((
        value,
        content[0].start..content[last].start + text(content[last]).len(),
        indent,
    ))
}

/// A top-level `key:` (YAML) or `key =` (TOML) at the start of `line`: the key and the byte
/// offset of its value.
fn key_of(line: &str, syntax: Syntax) -> Option<(&str, usize)> {
    if line.starts_with([' ', '\t', '#', '-']) {
        return None;
    }
    let key_len = line
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(line.len());
    if key_len == 0 {
        return None;
    }
    let (key, rest) = line.split_at_checked(key_len)?;
    let after = rest.trim_start_matches([' ', '\t']);
    let sep = match syntax {
        Syntax::Yaml => ':',
        Syntax::Toml => '=',
    };
    let after_sep = after.strip_prefix(sep)?;
    if syntax == Syntax::Yaml && !(after_sep.is_empty() || after_sep.starts_with([' ', '\t'])) {
        return None;
    }
    let value = after_sep.trim_start_matches([' ', '\t']);
    Some((key, line.len() - value.len()))
}

type Value = (String, usize, Quoting);

/// Reads the string value at the start of `text` (the rest of the line after the separator).
/// `Ok(None)`: not a string (a number, a list, a table, a date, nothing).
fn value_of(text: &str, syntax: Syntax) -> Result<Option<Value>, &'static str> {
    let trimmed = text.trim_end();
    if trimmed.is_empty() {
        // YAML: the value is on the following lines (a list, a map, or a string).
        return Ok(None);
    }
    if trimmed.starts_with("\"\"\"") || trimmed.starts_with("'''") {
        return Err("multi-line string");
    }
    if let Some(inner) = trimmed.strip_prefix('"') {
        return double_quoted(inner).map(|(v, len)| Some((v, len + 1, Quoting::Double)));
    }
    if let Some(inner) = trimmed.strip_prefix('\'') {
        return single_quoted(inner, syntax).map(|(v, len)| Some((v, len + 1, Quoting::Single)));
    }
    if syntax == Syntax::Toml {
        return Ok(None);
    }
    if trimmed.starts_with(['|', '>']) {
        return Err("block scalar");
    }
    if trimmed.starts_with(['[', '{', '&', '*', '!', '%', '@', '`']) {
        return Ok(None);
    }
    // A plain scalar ends before ` #` (a comment).
    // boundary: `i` comes from `find`.
    #[allow(clippy::string_slice)]
    let value = trimmed.find(" #").map_or(trimmed, |i| trimmed[..i].trim_end());
    let is_string = value.chars().any(char::is_alphabetic)
        && !matches!(
            value,
            "true" | "false" | "yes" | "no" | "null" | "True" | "False" | "on" | "off" | "~"
        );
    Ok(is_string.then(|| (value.to_string(), value.len(), Quoting::Plain)))
}

/// `inner` follows an opening `"`: the decoded value and the byte length up to and including
/// the closing quote.
fn double_quoted(inner: &str) -> Result<(String, usize), &'static str> {
    let mut value = String::new();
    let mut chars = inner.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Ok((value, i + 1)),
            '\\' => match chars.next() {
                Some((_, 'n')) => value.push('\n'),
                Some((_, 't')) => value.push('\t'),
                Some((_, 'r')) => value.push('\r'),
                Some((_, '"')) => value.push('"'),
                Some((_, '\\')) => value.push('\\'),
                Some((_, '/')) => value.push('/'),
                Some((_, 'u')) => {
                    let hex: String = chars.by_ref().take(4).map(|(_, c)| c).collect();
                    let c = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32);
                    value.push(c.ok_or("unknown escape")?);
                }
                _ => return Err("unknown escape"),
            },
            c => value.push(c),
        }
    }
    Err("multi-line string")
}

/// `inner` follows an opening `'`.
fn single_quoted(inner: &str, syntax: Syntax) -> Result<(String, usize), &'static str> {
    let mut value = String::new();
    let mut chars = inner.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\'' {
            if syntax == Syntax::Yaml && chars.peek().is_some_and(|&(_, n)| n == '\'') {
                chars.next();
                value.push('\'');
                continue;
            }
            return Ok((value, i + 1));
        }
        value.push(c);
    }
    Err("multi-line string")
}

/// Writes `text` as a value of the front matter, in the source's quoting when it can hold
/// the text, else double-quoted with escapes (valid in YAML and TOML alike).
pub fn write_value(text: &str, quoting: Quoting, syntax: Syntax, out: &mut String) {
    let text: String = text
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    match quoting {
        Quoting::Plain if plain_safe(&text) => out.push_str(&text),
        // In a block every character is itself: the indentation alone delimits it.
        // (Control characters cannot be written in one: they are left out.)
        Quoting::Block { indent } => {
            out.extend(std::iter::repeat_n(' ', indent));
            let text: String = text.chars().filter(|c| *c == '\t' || !c.is_control()).collect();
            out.push_str(text.trim());
        }
        Quoting::Single if syntax == Syntax::Yaml => {
            out.push('\'');
            out.push_str(&text.replace('\'', "''"));
            out.push('\'');
        }
        Quoting::Single if !text.contains('\'') => {
            out.push('\'');
            out.push_str(&text);
            out.push('\'');
        }
        _ => {
            out.push('"');
            for c in text.chars() {
                match c {
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    '\t' => out.push_str("\\t"),
                    c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
                    c => out.push(c),
                }
            }
            out.push('"');
        }
    }
}

/// Whether `text` reads back as the same string when written as a YAML plain scalar.
fn plain_safe(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    !"-?:,[]{}#&*!|>'\"%@`".contains(first)
        && !first.is_whitespace()
        && !text.ends_with(char::is_whitespace)
        && !text.contains(": ")
        && !text.contains(" #")
        && !text.ends_with(':')
        && !text.chars().any(char::is_control)
}

/// What a page needs from the front matter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    pub title: Option<String>,
    pub description: Option<String>,
    /// As written (`2025-02-20`, `2025-02-20T10:00:00Z`), unparsed.
    pub date: Option<String>,
}

/// The title, description (or summary) and date of a page, from its front matter.
pub fn metadata(source: &str) -> Metadata {
    let Some(fm) = find(source) else {
        return Metadata::default();
    };
    let fields = fields(source, &fm);
    let get = |k: &str| fields.iter().find(|f| f.key == k).map(|f| f.value.clone());
    Metadata {
        title: get("title"),
        description: get("description").or_else(|| get("summary")),
        date: get("date").or_else(|| date_literal(source, &fm)),
    }
}

/// A top-level `date` written without quotes (YAML `date: 2025-02-20`, TOML's date literal).
// boundary: `fm.body` comes from `line_ranges` (through `find`).
#[allow(clippy::string_slice)]
fn date_literal(source: &str, fm: &FrontMatter) -> Option<String> {
    source[fm.body.clone()].lines().find_map(|line| {
        let (key, at) = key_of(line, fm.syntax)?;
        let value = line.get(at..)?.trim();
        (key == "date" && value.starts_with(|c: char| c.is_ascii_digit())).then(|| value.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_yaml_and_toml_blocks() {
        let yaml = "---\ntitle: X\n---\n\nBody\n";
        let fm = find(yaml).unwrap();
        assert_eq!(fm.syntax, Syntax::Yaml);
        assert_eq!(yaml.get(fm.block.clone()), Some("---\ntitle: X\n---\n"));
        assert_eq!(yaml.get(fm.body.clone()), Some("title: X\n"));
        let toml = "+++\r\ntitle = \"X\"\r\n+++\r\n";
        let fm = find(toml).unwrap();
        assert_eq!(fm.syntax, Syntax::Toml);
        assert_eq!(fm.block, 0..toml.len());
        assert_eq!(find("--- not\n---\n"), None);
        assert_eq!(find("---\nnever closed\n"), None);
        assert_eq!(find("# Title\n---\n"), None);
    }

    #[test]
    fn reads_top_level_strings_with_their_exact_bytes() {
        let src = "---\ntitle: X shortcode # c\nlinkTitle: 'It''s'\ndescription: \"A \\\"b\\\" c\"\nweight: 10\ndraft: true\nparams:\n  title: nested\n---\n";
        let fm = find(src).unwrap();
        let f = fields(src, &fm);
        let got: Vec<_> = f
            .iter()
            .map(|f| {
                (
                    f.key.as_str(),
                    f.value.as_str(),
                    src.get(f.span.clone()).unwrap(),
                    f.line,
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("title", "X shortcode", "X shortcode", 2),
                ("linkTitle", "It's", "'It''s'", 3),
                ("description", "A \"b\" c", "\"A \\\"b\\\" c\"", 4),
            ]
        );
    }

    #[test]
    fn toml_stops_at_the_first_table() {
        let src = "+++\ntitle = \"Rust 1.85\"\nauthors = [\"A\"]\n[extra]\ndescription = \"no\"\n+++\n";
        let f = fields(src, &find(src).unwrap());
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].value, "Rust 1.85");
        assert_eq!(f[0].quoting, Quoting::Double);
    }

    #[test]
    fn block_scalars_are_read_with_their_content_lines() {
        let src = "---\ndescription: >-\n  Long\n  text.\n\n  More.\ntitle: T\nsummary: |\n  One\n    two\n---\n";
        let fm = find(src).unwrap();
        let f = fields(src, &fm);
        assert_eq!(f.len(), 3, "{f:?}");
        assert_eq!(f[0].value, "Long text.\nMore.");
        assert_eq!(src.get(f[0].span.clone()), Some("  Long\n  text.\n\n  More."));
        assert_eq!(f[0].quoting, Quoting::Block { indent: 2 });
        assert_eq!(f[0].line, 2);
        assert_eq!(f[2].value, "One\n  two");
        let mut out = String::new();
        write_value("Longue\nphrase: #1 \u{1b}", f[0].quoting, Syntax::Yaml, &mut out);
        assert_eq!(out, "  Longue phrase: #1");
    }

    #[test]
    fn values_the_reader_cannot_place_are_reported_not_dropped() {
        let src = "---\ndescription: \"Long\n  text\"\nsummary: >\ntitle: T\n---\n";
        let fm = find(src).unwrap();
        let keys = ["description".to_string(), "summary".to_string()];
        let u = unreadable(src, &fm, &keys);
        assert_eq!(u.len(), 2, "{u:?}");
        assert_eq!((u[0].line, u[0].reason), (2, "multi-line string"));
        assert_eq!((u[1].line, u[1].reason), (4, "block scalar"));
        assert_eq!(fields(src, &fm).len(), 1);
    }

    #[test]
    fn values_are_written_back_in_a_form_that_reads_the_same() {
        let mut out = String::new();
        write_value("Bonjour", Quoting::Plain, Syntax::Yaml, &mut out);
        assert_eq!(out, "Bonjour");
        out.clear();
        write_value("a: b # c", Quoting::Plain, Syntax::Yaml, &mut out);
        assert_eq!(out, "\"a: b # c\"");
        out.clear();
        write_value("say \"hi\"\\", Quoting::Double, Syntax::Toml, &mut out);
        assert_eq!(out, "\"say \\\"hi\\\"\\\\\"");
        // Read back what was written.
        let doc = format!("+++\ntitle = {out}\n+++\n");
        assert_eq!(fields(&doc, &find(&doc).unwrap())[0].value, "say \"hi\"\\");
        out.clear();
        write_value("l'été", Quoting::Single, Syntax::Toml, &mut out);
        assert_eq!(out, "\"l'été\"");
    }

    #[test]
    fn metadata_for_pages() {
        let src = "+++\ntitle = \"Rust 1.85\"\ndate = 2025-02-20\n+++\nBody\n";
        let m = metadata(src);
        assert_eq!(m.title.as_deref(), Some("Rust 1.85"));
        assert_eq!(m.date.as_deref(), Some("2025-02-20"));
        let y = metadata("---\ntitle: T\nsummary: S\ndate: 2024-01-02T03:04:05Z\n---\n");
        assert_eq!(y.description.as_deref(), Some("S"));
        assert_eq!(y.date.as_deref(), Some("2024-01-02T03:04:05Z"));
    }
}
