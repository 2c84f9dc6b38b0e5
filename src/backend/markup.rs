//! Wire forms of placeholders for engines that do not take the canonical tagged form as is,
//! and the way back.
//!
//! - HTML (Google, Azure, LibreTranslate): a pair becomes `<span id="gN">…</span>` (its
//!   content is translated), a standalone placeholder `<span translate="no"
//!   class="notranslate" id="xN">xN</span>` (never translated; its content only gives the
//!   engine a word to build the sentence around and is dropped on the way back). The content
//!   is an opaque token, never the placeholder's original bytes: an HTML comment, inline code
//!   or an image's address stays home, as with DeepL's `<x/>` and the `{N/}` tokens. Text is
//!   HTML-escaped. Back: spans with our ids become tags again, any span an engine added is
//!   dropped, entities are decoded, and every other tag is kept as raw markup so the integrity
//!   check refuses it: engine output is text and can never inject markup.
//! - Tokens (DeepL's text-only languages, Hindi): `{N}` … `{/N}` and `{N/}`, which engines
//!   copy as they are; back, only tokens whose id the source has become tags again.
//! - XML (DeepL with tag handling): the tagged form itself; back, entities other than
//!   `&lt;`, `&gt;`, `&amp;` are decoded so the tagged parser sees canonical text.

use crate::model::{Part, PlaceholderKind, Text};

/// The HTML wire form of a text.
pub fn to_html(text: &Text) -> String {
    let mut out = String::new();
    for part in &text.0 {
        match part {
            Part::Str(s) => escape(s, &mut out),
            Part::Placeholder(p) => match p.kind {
                PlaceholderKind::Open => out.push_str(&format!("<span id=\"g{}\">", p.id)),
                PlaceholderKind::Close => out.push_str("</span>"),
                PlaceholderKind::Standalone => {
                    // The token stands for the original, which never leaves the machine.
                    out.push_str(&format!(
                        "<span translate=\"no\" class=\"notranslate\" id=\"x{0}\">x{0}</span>",
                        p.id
                    ));
                }
            },
        }
    }
    out
}

/// An engine's HTML answer in the tagged form.
pub fn from_html(html: &str) -> String {
    enum Open {
        Pair,
        Standalone,
        Foreign,
    }
    let mut out = String::new();
    let mut stack: Vec<Open> = Vec::new();
    // Inside a standalone placeholder's span: its content is not ours to keep.
    let mut skip_depth = 0usize;
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        if skip_depth == 0 {
            push_text(&rest[..lt], &mut out);
        }
        let tail = &rest[lt..];
        let Some(gt) = tail.find('>') else {
            // An unterminated tag: keep it as markup so the check refuses it.
            out.push_str(tail);
            return out;
        };
        let tag = &tail[..=gt];
        rest = &tail[gt + 1..];
        let inner = tag[1..tag.len() - 1].trim();
        let name: String = inner
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name != "span" {
            if skip_depth == 0 {
                out.push_str(tag);
            }
            continue;
        }
        if inner.starts_with('/') {
            match stack.pop() {
                Some(Open::Pair) if skip_depth == 0 => out.push_str("</g>"),
                Some(Open::Standalone) => skip_depth = skip_depth.saturating_sub(1),
                Some(Open::Foreign) if skip_depth > 0 => skip_depth -= 1,
                Some(_) => {}
                // A closing tag nobody opened: keep it so the check refuses it.
                None => out.push_str("</g>"),
            }
            continue;
        }
        if skip_depth > 0 {
            stack.push(Open::Foreign);
            skip_depth += 1;
            continue;
        }
        let id = attribute(inner, "id");
        let self_closing = inner.ends_with('/');
        match id.as_deref().and_then(span_id) {
            Some(('g', n)) => {
                out.push_str(&format!("<g id=\"{n}\">"));
                if self_closing {
                    out.push_str("</g>");
                } else {
                    stack.push(Open::Pair);
                }
            }
            Some(('x', n)) => {
                out.push_str(&format!("<x id=\"{n}\"/>"));
                if !self_closing {
                    stack.push(Open::Standalone);
                    skip_depth = 1;
                }
            }
            _ if !self_closing => stack.push(Open::Foreign),
            _ => {}
        }
    }
    if skip_depth == 0 {
        push_text(rest, &mut out);
    }
    out
}

/// Our span ids: a letter (`g` pair, `x` standalone) and a number. Any other first character
/// (an engine's own id, in any script) is no id of ours.
fn span_id(v: &str) -> Option<(char, u32)> {
    let mut chars = v.chars();
    let kind = chars.next()?;
    Some((kind, chars.as_str().parse().ok()?))
}

/// The value of attribute `name` in a tag's inside (`span id="g1" class=x`).
fn attribute(tag: &str, name: &str) -> Option<String> {
    let mut rest = tag;
    while let Some(pos) = rest.find(name) {
        let before_ok = rest[..pos].ends_with(|c: char| c.is_whitespace());
        let after = rest[pos + name.len()..].trim_start();
        if before_ok && let Some(value) = after.strip_prefix('=') {
            let value = value.trim_start();
            let v = match value.chars().next() {
                Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or(""),
                _ => value
                    .split(|c: char| c.is_whitespace() || c == '/')
                    .next()
                    .unwrap_or(""),
            };
            return Some(v.to_string());
        }
        rest = &rest[pos + name.len()..];
    }
    None
}

/// The placeholder-token wire form, for engines that treat markup as text.
pub fn to_tokens(text: &Text) -> String {
    let mut out = String::new();
    for part in &text.0 {
        match part {
            Part::Str(s) => out.push_str(s),
            Part::Placeholder(p) => match p.kind {
                PlaceholderKind::Open => out.push_str(&format!("{{{}}}", p.id)),
                PlaceholderKind::Close => out.push_str(&format!("{{/{}}}", p.id)),
                PlaceholderKind::Standalone => out.push_str(&format!("{{{}/}}", p.id)),
            },
        }
    }
    out
}

/// A token-form answer in the tagged form; tokens naming no placeholder of `source` stay text.
pub fn from_tokens(answer: &str, source: &Text) -> String {
    let has = |id: u32, kind: PlaceholderKind| source.placeholders().any(|p| p.id == id && p.kind == kind);
    let mut out = String::new();
    let mut rest = answer;
    while let Some(pos) = rest.find('{') {
        escape(&rest[..pos], &mut out);
        let tail = &rest[pos..];
        let token = tail.find('}').map(|end| &tail[1..end]);
        let tag = token.and_then(|t| {
            if let Some(n) = t.strip_prefix('/').and_then(|n| n.parse().ok()) {
                has(n, PlaceholderKind::Close).then_some("</g>".to_string())
            } else if let Some(n) = t.strip_suffix('/').and_then(|n| n.parse().ok()) {
                has(n, PlaceholderKind::Standalone).then(|| format!("<x id=\"{n}\"/>"))
            } else {
                let n = t.parse().ok()?;
                has(n, PlaceholderKind::Open).then(|| format!("<g id=\"{n}\">"))
            }
        });
        match (tag, token) {
            (Some(tag), Some(t)) => {
                out.push_str(&tag);
                rest = &tail[t.len() + 2..];
            }
            _ => {
                out.push('{');
                rest = &tail[1..];
            }
        }
    }
    escape(rest, &mut out);
    out
}

/// An XML answer (DeepL) in canonical tagged form: entities decoded except the three the
/// tagged form keeps.
pub fn from_xml(answer: &str) -> String {
    let mut out = String::new();
    let mut rest = answer;
    while let Some(pos) = rest.find('&') {
        out.push_str(&rest[..pos]);
        let tail = &rest[pos..];
        match decode_entity(tail) {
            Some((c, len)) if !matches!(c, '<' | '>' | '&') => {
                out.push(c);
                rest = &tail[len..];
            }
            _ => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// HTML text (entities and all) appended in tagged form.
fn push_text(html: &str, out: &mut String) {
    let mut decoded = String::new();
    let mut rest = html;
    while let Some(pos) = rest.find('&') {
        decoded.push_str(&rest[..pos]);
        let tail = &rest[pos..];
        match decode_entity(tail) {
            Some((c, len)) => {
                decoded.push(c);
                rest = &tail[len..];
            }
            None => {
                decoded.push('&');
                rest = &tail[1..];
            }
        }
    }
    decoded.push_str(rest);
    escape(&decoded, out);
}

/// The character an entity at the start of `s` stands for, and the entity's length.
fn decode_entity(s: &str) -> Option<(char, usize)> {
    // Entities are short: look for `;` among the first 12 bytes. `;` is ASCII, so its index
    // is a char boundary, as is 1 (after the ASCII `&` every caller starts `s` with).
    let end = s.bytes().take(12).position(|b| b == b';')?;
    let name = s.get(1..end)?;
    let c = match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        _ => {
            let code = if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok()?
            } else {
                name.strip_prefix('#')?.parse().ok()?
            };
            char::from_u32(code)?
        }
    };
    Some((c, end + 1))
}

fn escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            _ => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Placeholder;

    fn sample() -> Text {
        let ph = |id, kind, original: &str| Placeholder {
            id,
            kind,
            label: "x".into(),
            original: original.into(),
        };
        let mut t = Text::plain("Read ");
        t.push_placeholder(ph(1, PlaceholderKind::Open, "**"));
        t.push_str("R&D <now>");
        t.push_placeholder(ph(1, PlaceholderKind::Close, "**"));
        t.push_str(" at ");
        t.push_placeholder(ph(2, PlaceholderKind::Standalone, "[Site]"));
        t
    }

    #[test]
    fn html_round_trips() {
        let t = sample();
        let html = to_html(&t);
        assert_eq!(
            html,
            r#"Read <span id="g1">R&amp;D &lt;now&gt;</span> at <span translate="no" class="notranslate" id="x2">x2</span>"#
        );
        assert_eq!(from_html(&html), t.tagged());
    }

    #[test]
    fn html_answers_as_engines_send_them() {
        // Engines add attributes and spans, reorder attributes, use numeric entities.
        let answer = r#"<span dir="rtl"><span style="x" id='g1'>R&#38;D&#x21;</span> <span class="notranslate" translate="no" id="x2">[موقع]</span></span>"#;
        assert_eq!(from_html(answer), r#"<g id="1">R&amp;D!</g> <x id="2"/>"#);
        // Invented markup survives as markup, so the integrity check refuses it.
        assert!(from_html("<script>alert(1)</script>").contains("<script>"));
        // Escaped markup is text.
        assert_eq!(from_html("&lt;script&gt;"), "&lt;script&gt;");
    }

    #[test]
    fn engines_never_receive_placeholder_originals() {
        // #9: comments, inline code, image addresses go as opaque tokens in every wire form.
        let secret = "<!-- TODO internal figure 41% --> `export TOKEN=abc123`";
        let mut t = Text::plain("Before ");
        t.push_placeholder(Placeholder {
            id: 3,
            kind: PlaceholderKind::Standalone,
            label: "code".into(),
            original: secret.into(),
        });
        t.push_str(" after.");
        for wire in [to_html(&t), to_tokens(&t), t.tagged()] {
            assert!(
                !wire.contains("TODO") && !wire.contains("TOKEN") && !wire.contains("abc123"),
                "{wire}"
            );
        }
        assert_eq!(from_html(&to_html(&t)), t.tagged());
    }

    #[test]
    fn tokens_round_trip_and_foreign_braces_stay_text() {
        let t = sample();
        assert_eq!(to_tokens(&t), "Read {1}R&D <now>{/1} at {2/}");
        assert_eq!(from_tokens(&to_tokens(&t), &t), t.tagged());
        assert_eq!(from_tokens("{9} {x} {2/", &t), "{9} {x} {2/");
    }

    #[test]
    fn engine_decoder_panics_on_entities_before_non_ascii_text() {
        // #1: `&amp;` followed by multi-byte text, and span ids starting with non-ASCII.
        assert_eq!(from_html("研究&amp;开发部门"), "研究&amp;开发部门");
        assert_eq!(from_xml("研究&amp;开发部门"), "研究&amp;开发部门");
        assert_eq!(from_html("अनुसंधान&amp;विकास"), "अनुसंधान&amp;विकास");
        assert_eq!(from_html("بحث&تطوير&"), "بحث&amp;تطوير&amp;");
        assert_eq!(from_html("<span id=\"é1\">a</span>"), "a");
        assert_eq!(from_html("<span id=\"研\">a</span>"), "a");
        assert_eq!(from_html("<span id=\"\">a</span>"), "a");
    }

    #[test]
    fn xml_entities_are_canonical() {
        assert_eq!(
            from_xml("it&apos;s &lt;b&gt; &amp; &#x4E2D;"),
            "it's &lt;b&gt; &amp; 中"
        );
    }
}
