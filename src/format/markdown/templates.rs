//! Template syntax that site generators read before the Markdown: Hugo shortcodes
//! (`{{< … >}}`, `{{% … %}}`), Go and Liquid expressions (`{{ … }}`) and Liquid tags
//! (`{% … %}`). Their bytes must reach the edition exactly as written and never be sent to an
//! engine as text, so they are found before the Markdown parser runs and masked: the parser
//! sees a run of neutral letters of the same length (no emphasis, link or line structure can
//! come out of a shortcode's bytes), and the extractor turns that run back into a placeholder
//! holding the original bytes.
//!
//! A paired `{{< name >}} … {{< /name >}}` is one template with everything between: Hugo hands
//! that inner content to the shortcode raw, not as Markdown (`code-toggle` holds site
//! configuration). The inner content of `{{% name %}} … {{% /name %}}` is Markdown, so only the
//! two tags are templates. Code blocks and code spans are left alone.

#![deny(clippy::string_slice)]

use std::borrow::Cow;
use std::ops::Range;

/// The byte each masked byte becomes: a letter, so it is text to the parser and never markup.
const MASK: u8 = b'x';

/// The template spans of `source`, sorted, none overlapping `code` (code blocks and spans,
/// sorted) partly or wholly.
pub(super) fn spans(source: &str, code: &[Range<usize>]) -> Vec<Range<usize>> {
    let bytes = source.as_bytes();
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    while i + 1 < bytes.len() {
        if bytes[i] != b'{' || !matches!(bytes[i + 1], b'{' | b'%') {
            i += 1;
            continue;
        }
        let Some(end) = template_end(source, i) else {
            i += 1;
            continue;
        };
        let span = i..end;
        if code.iter().any(|c| c.start < span.end && span.start < c.end) {
            i += 1;
            continue;
        }
        i = end;
        out.push(span);
    }
    out
}

/// Where the template starting at `start` (on `{{` or `{%`) ends, if it is one.
fn template_end(source: &str, start: usize) -> Option<usize> {
    let rest = source.get(start..)?;
    let (close, multiline) = if rest.starts_with("{{</*") {
        ("*/>}}", true)
    } else if rest.starts_with("{{%/*") {
        ("*/%}}", true)
    } else if rest.starts_with("{{<") {
        (">}}", true)
    } else if rest.starts_with("{{%") {
        ("%}}", true)
    } else if rest.starts_with("{{") {
        ("}}", false)
    } else {
        ("%}", false)
    };
    let len = rest.find(close)? + close.len();
    let text = rest.get(..len)?;
    // An expression or a Liquid tag never holds a blank line; a shortcode's arguments may span
    // lines, but not paragraphs.
    if text.contains("\n\n") || (!multiline && text.contains('\n')) || text.len() <= 4 {
        return None;
    }
    if rest.starts_with("{{<")
        && !rest.starts_with("{{</*")
        && let Some(name) = opening_name(text)
        && let Some(closer) = find_closer(source, start + len, name)
    {
        return Some(closer);
    }
    Some(start + len)
}

/// The shortcode name of an opening `{{< name … >}}` (not a closing or self-closing one).
fn opening_name(tag: &str) -> Option<&str> {
    let inner = tag.strip_prefix("{{<")?.strip_suffix(">}}")?;
    if inner.trim_end().ends_with('/') {
        return None;
    }
    let inner = inner.trim_start();
    if inner.starts_with('/') {
        return None;
    }
    let name_len = inner.find(|c: char| c.is_whitespace()).unwrap_or(inner.len());
    let name = inner.get(..name_len)?;
    (!name.is_empty()).then_some(name)
}

/// The end of the closing tag `{{< /name >}}` (or `{{</ name >}}`) after `from`.
fn find_closer(source: &str, from: usize, name: &str) -> Option<usize> {
    let (open, close) = ("{{<", ">}}");
    let mut at = from;
    while let Some(i) = source.get(at..)?.find(open) {
        let tag_start = at + i;
        let after = source.get(tag_start + open.len()..)?;
        let tag_len = after.find(close)?;
        let inner = after.get(..tag_len)?.trim();
        if inner.strip_prefix('/').map(str::trim) == Some(name) {
            return Some(tag_start + open.len() + tag_len + close.len());
        }
        at = tag_start + open.len();
    }
    None
}

/// `source` with every template's bytes replaced by the mask letter (same length, so every
/// offset the parser reports is an offset in `source`).
pub(super) fn mask<'a>(source: &'a str, spans: &[Range<usize>]) -> Cow<'a, str> {
    if spans.is_empty() {
        return Cow::Borrowed(source);
    }
    let mut bytes = source.as_bytes().to_vec();
    for span in spans {
        bytes[span.clone()].fill(MASK);
    }
    // Every span starts on `{` and ends after `}`, both ASCII, so whole characters were
    // replaced by ASCII letters: the bytes are still UTF-8.
    Cow::Owned(String::from_utf8(bytes).expect("whole characters replaced by ASCII"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(src: &str) -> Vec<&str> {
        spans(src, &[]).into_iter().map(|r| src.get(r).unwrap()).collect()
    }

    #[test]
    fn finds_shortcodes_expressions_and_liquid_tags() {
        let src = "A {{< new-in 0.141.0 />}} b {{% glossary-term x %}} c {{ .Title }} d {% include x.html %}.";
        assert_eq!(
            found(src),
            vec![
                "{{< new-in 0.141.0 />}}",
                "{{% glossary-term x %}}",
                "{{ .Title }}",
                "{% include x.html %}"
            ]
        );
    }

    #[test]
    fn a_raw_pair_is_one_template_with_its_inner_content() {
        let src = "{{< code-toggle file=hugo >}}\n[build]\n\nx = 1\n{{< /code-toggle >}}\n\nText\n";
        assert_eq!(found(src), vec![src.split_once("\n\nText").unwrap().0]);
        let alt = "{{< code-toggle >}}\na\n{{</ code-toggle >}}";
        assert_eq!(found(alt), vec![alt]);
        // Markdown inside `{{% %}}` pairs stays Markdown.
        assert_eq!(
            found("{{% note %}}\nHi\n{{% /note %}}"),
            vec!["{{% note %}}", "{{% /note %}}"]
        );
    }

    #[test]
    fn multi_line_arguments_and_comments() {
        let src = "{{< img\n  src=\"a.jpg\"\n  alt=\"Zion\"\n>}}";
        assert_eq!(found(src), vec![src]);
        assert_eq!(found("{{</* x user=\"a\" */>}}"), vec!["{{</* x user=\"a\" */>}}"]);
    }

    #[test]
    fn not_templates() {
        assert!(found("a {{ b\n\nc }} d").is_empty());
        assert!(found("set {} and {{}} and {x}").is_empty());
        let src = "`{{ .Title }}` and {{ .Name }}";
        let code = [Range { start: 0, end: 14 }];
        assert_eq!(
            spans(src, &code),
            vec![Range {
                start: 19,
                end: src.len()
            }]
        );
    }

    #[test]
    fn masking_keeps_every_offset() {
        let src = "é {{< x \"ü\" >}} ü";
        let m = mask(src, &spans(src, &[]));
        assert_eq!(m.len(), src.len());
        assert!(m.starts_with("é xxxx"));
        assert!(m.ends_with("x ü"));
    }
}
