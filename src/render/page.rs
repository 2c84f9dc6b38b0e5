//! The standalone HTML page of an edition: `<html lang dir>`, UTF-8, title and meta
//! description from the article, hreflang alternates between all editions and the original
//! plus `x-default`, a language switcher, font stacks for Arabic, Devanagari and Simplified
//! Chinese, and the chrome from Fluent. An HTML or Markdown article's page is made from its
//! finished edition ([`super::article`]); a plain-text or Fluent document's from its units and
//! their translations, here.
//!
//! Every piece of text is escaped here. Placeholders become markup only when they are the
//! source's own inline formatting (emphasis, strong, strikethrough, inline code, links with a
//! safe address), rebuilt as the matching HTML element; anything else shows as its original
//! text. In Arabic, Latin-script runs go into `<bdi>`.

#![deny(clippy::string_slice)]

use super::bidi::latin_runs;
use super::chrome::{Chrome, Day, Provenance};
use crate::format::Format;
use crate::lang::Locale;
use crate::model::{Document, Part, PlaceholderKind, Text, UnitKind};

/// The source's placeholder that the site name replaces.
pub const SITE_NAME_PLACEHOLDER: &str = "[YourSiteName]";

/// Another version of the article, for the hreflang links and the switcher.
#[derive(Debug, Clone)]
pub struct Alternate {
    pub locale: Locale,
    /// Relative address of its page from this page.
    pub href: String,
    /// The original (source) document rather than an edition.
    pub original: bool,
}

/// Everything a page shows.
pub struct Page<'a> {
    pub doc: &'a Document,
    /// One entry per segment, in document order: the final text, or `None` when untranslated
    /// (the source is then shown, marked).
    pub texts: &'a [Option<Text>],
    pub locale: &'a Locale,
    pub alternates: &'a [Alternate],
    pub site_name: Option<&'a str>,
    pub provenance: &'a Provenance,
    /// The date line when the document has no date of its own (`[edition] date`); none: no line.
    pub date: Option<Day>,
    pub arabic_digits: bool,
    /// The document's format, and its finished edition (what the page of an HTML or Markdown
    /// article is made from).
    pub format: Format,
    pub edition: &'a str,
}

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape_html(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_html(s, &mut out);
    out
}

fn font_stack(locale: &Locale) -> &'static str {
    match locale.script().as_str() {
        "Arab" => {
            "\"Noto Naskh Arabic\", \"Amiri\", \"Scheherazade New\", \"Traditional Arabic\", \"Times New Roman\", serif"
        }
        "Deva" => {
            "\"Noto Serif Devanagari\", \"Noto Sans Devanagari\", \"Lohit Devanagari\", \"Mangal\", \"Kohinoor Devanagari\", serif"
        }
        "Hans" => {
            "\"Noto Serif CJK SC\", \"Noto Sans CJK SC\", \"Source Han Serif SC\", \"PingFang SC\", \"Microsoft YaHei\", \"WenQuanYi Micro Hei\", serif"
        }
        _ => "Georgia, \"Noto Serif\", \"Times New Roman\", serif",
    }
}

/// A link address that cannot run script: http(s), mailto, or a relative address.
pub(super) fn safe_url(url: &str) -> bool {
    let lower: String = url
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    match lower.split_once(':') {
        None => true,
        Some((scheme, _)) => {
            if scheme.contains(['/', '?', '#']) {
                return true;
            }
            matches!(scheme, "http" | "https" | "mailto")
        }
    }
}

/// The address in a Markdown link's closing bytes `](url "title")`.
fn link_url(close: &str) -> Option<&str> {
    let inner = close.strip_prefix("](")?.strip_suffix(')')?.trim();
    let url = inner.split_whitespace().next()?;
    Some(url.trim_start_matches('<').trim_end_matches('>'))
}

impl Page<'_> {
    fn is_rtl_arabic(&self) -> bool {
        self.locale.is_rtl()
    }

    /// Text content, escaped; Latin runs isolated in right-to-left pages.
    fn push_text(&self, s: &str, out: &mut String) {
        if !self.is_rtl_arabic() {
            escape_html(s, out);
            return;
        }
        let mut last = 0;
        for run in latin_runs(s) {
            // boundary: runs are ranges of `char_indices` positions (or the length) of `s`;
            // `last` is 0 or the end of an earlier run.
            #[allow(clippy::string_slice)]
            let (between, text) = (&s[last..run.start], &s[run.clone()]);
            escape_html(between, out);
            out.push_str("<bdi>");
            escape_html(text, out);
            out.push_str("</bdi>");
            last = run.end;
        }
        // boundary: `last` is 0 or the end of a run.
        #[allow(clippy::string_slice)]
        let tail = &s[last..];
        escape_html(tail, out);
    }

    fn push_segment(&self, text: &Text, out: &mut String) {
        // Closing tags for pairs, by placeholder id.
        let mut closers: Vec<(u32, &'static str)> = Vec::new();
        for part in &text.0 {
            match part {
                Part::Str(s) => self.push_text(s, out),
                Part::Placeholder(p) => match (p.kind, p.label.as_str()) {
                    (PlaceholderKind::Standalone, "var") if p.original == SITE_NAME_PLACEHOLDER => {
                        let name = self.site_name.unwrap_or(SITE_NAME_PLACEHOLDER);
                        self.push_text(name, out);
                    }
                    (PlaceholderKind::Standalone, "code") => {
                        out.push_str("<code>");
                        escape_html(p.original.trim_matches('`').trim(), out);
                        out.push_str("</code>");
                    }
                    (PlaceholderKind::Standalone, "br") => out.push_str("<br>"),
                    (PlaceholderKind::Standalone, _) => self.push_text(&p.original, out),
                    (PlaceholderKind::Open, label) => {
                        let (open, close) = match label {
                            "b" => ("<strong>".to_string(), "</strong>"),
                            "i" => ("<em>".to_string(), "</em>"),
                            "s" => ("<del>".to_string(), "</del>"),
                            "sup" => ("<sup>".to_string(), "</sup>"),
                            "sub" => ("<sub>".to_string(), "</sub>"),
                            "link" => {
                                let close = text
                                    .placeholders()
                                    .find(|c| c.id == p.id && c.kind == PlaceholderKind::Close);
                                match close.and_then(|c| link_url(&c.original)).filter(|u| safe_url(u)) {
                                    Some(url) => (format!("<a href=\"{}\">", esc(url)), "</a>"),
                                    None => ("<span>".to_string(), "</span>"),
                                }
                            }
                            _ => ("<span>".to_string(), "</span>"),
                        };
                        out.push_str(&open);
                        closers.push((p.id, close));
                    }
                    (PlaceholderKind::Close, _) => {
                        if let Some(pos) = closers.iter().rposition(|(id, _)| *id == p.id) {
                            out.push_str(closers.remove(pos).1);
                        }
                    }
                },
            }
        }
        for (_, close) in closers.into_iter().rev() {
            out.push_str(close);
        }
    }

    /// The plain text of a unit's translation (for the title and description).
    fn unit_plain(&self, first_segment: usize, count: usize) -> String {
        let joiner = self.locale.sentence_joiner();
        (first_segment..first_segment + count)
            .filter_map(|i| self.texts.get(i).and_then(Option::as_ref))
            .map(|t| {
                let mut s = String::new();
                for part in &t.0 {
                    match part {
                        Part::Str(x) => s.push_str(x),
                        Part::Placeholder(p) if p.original == SITE_NAME_PLACEHOLDER => {
                            s.push_str(self.site_name.unwrap_or(SITE_NAME_PLACEHOLDER))
                        }
                        Part::Placeholder(_) => {}
                    }
                }
                s.trim().to_string()
            })
            .collect::<Vec<_>>()
            .join(joiner)
    }

    /// The whole page.
    pub fn render(&self) -> String {
        match self.format {
            Format::Html => super::article::html_page(self),
            Format::Markdown => super::article::markdown_page(self),
            Format::Plain | Format::Fluent => self.render_units(),
        }
    }

    /// The page of a plain-text or Fluent document, from its units and their translations.
    fn render_units(&self) -> String {
        let mut title = String::new();
        let mut description = String::new();
        let mut body = String::new();
        let mut index = 0;
        let mut in_list = false;
        for unit in &self.doc.units {
            let count = unit.segments.len();
            if title.is_empty() && matches!(unit.kind, UnitKind::Title | UnitKind::Heading) {
                title = self.unit_plain(index, count);
            } else if description.is_empty() && unit.kind == UnitKind::Paragraph {
                description = self.unit_plain(index, count);
            }
            let (open, close) = match unit.kind {
                UnitKind::Title => ("<h1>", "</h1>"),
                UnitKind::Heading => ("<h2>", "</h2>"),
                UnitKind::ListItem => ("<li>", "</li>"),
                UnitKind::Quote => ("<blockquote><p>", "</p></blockquote>"),
                _ => ("<p>", "</p>"),
            };
            match (in_list, unit.kind == UnitKind::ListItem) {
                (false, true) => body.push_str("<ul>\n"),
                (true, false) => body.push_str("</ul>\n"),
                _ => {}
            }
            in_list = unit.kind == UnitKind::ListItem;
            body.push_str(open);
            for (k, segment) in unit.segments.iter().enumerate() {
                if k > 0 {
                    body.push_str(self.locale.sentence_joiner());
                }
                match self.texts.get(index + k).and_then(Option::as_ref) {
                    Some(text) => self.push_segment(text, &mut body),
                    None => {
                        body.push_str("<span class=\"untranslated\" lang=\"en\" dir=\"ltr\">");
                        self.push_segment(&segment.source, &mut body);
                        body.push_str("</span>");
                    }
                }
            }
            body.push_str(close);
            body.push('\n');
            index += count;
        }
        if in_list {
            body.push_str("</ul>\n");
        }
        self.template(&title, &description, self.date, &body)
    }

    /// The title of an HTML article's page when the edition is a fragment: its first title
    /// or heading, translated.
    pub(super) fn title_of_html(&self) -> String {
        let mut index = 0;
        for unit in &self.doc.units {
            if matches!(unit.kind, UnitKind::Title | UnitKind::Heading) {
                return self.unit_plain(index, unit.segments.len());
            }
            index += unit.segments.len();
        }
        String::new()
    }

    /// `<link rel=alternate hreflang>` for every version of the article, and `x-default`.
    pub(super) fn alternate_links(&self) -> String {
        let mut out = String::new();
        for alt in self.alternates {
            out.push_str(&format!(
                "<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">\n",
                esc(alt.locale.tag()),
                esc(&alt.href)
            ));
            if alt.original {
                out.push_str(&format!(
                    "<link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\">\n",
                    esc(&alt.href)
                ));
            }
        }
        out
    }

    /// The header of the chrome: site name and the date line (when there is a date).
    pub(super) fn header(&self, date: Option<Day>, class: &str) -> String {
        let chrome = Chrome::new(self.locale, self.arabic_digits);
        let mut out = if class.is_empty() {
            "<header>\n".to_string()
        } else {
            format!("<header class=\"{class}\">\n")
        };
        if let Some(site) = self.site_name {
            let site = chrome.msg("edition-site", &[("site", site.to_string())]);
            out.push_str(&format!("<p class=\"site\">{}</p>\n", esc(&site)));
        }
        if let Some(day) = date {
            let line = chrome.msg("edition-date", &[("date", chrome.date(day))]);
            out.push_str(&format!("<p class=\"date\">{}</p>\n", esc(&line)));
        }
        if !class.is_empty() && self.site_name.is_none() && date.is_none() {
            // Nothing to say above an article that has its own header.
            return String::new();
        }
        out.push_str("</header>\n");
        out
    }

    /// The footer of the chrome: the translation notice and the language switcher.
    pub(super) fn footer(&self, class: &str) -> String {
        let chrome = Chrome::new(self.locale, self.arabic_digits);
        let notice = chrome.notice(self.provenance);
        let mut out = if class.is_empty() {
            "<footer>\n".to_string()
        } else {
            format!(
                "<footer class=\"{class}\" lang=\"{}\" dir=\"{}\">\n",
                esc(self.locale.tag()),
                self.locale.direction()
            )
        };
        out.push_str(&format!("<p class=\"notice\">{}</p>\n", esc(&notice)));
        // The heading's colon is the language's own (full-width in Chinese): it is in the message.
        out.push_str(&format!(
            "<nav aria-label=\"{}\">\n<p>{}</p>\n<ul>\n",
            esc(&chrome.msg("edition-switcher", &[])),
            esc(&chrome.msg("edition-switcher-heading", &[]))
        ));
        for alt in self.alternates {
            let name = Chrome::own_name(&alt.locale);
            let label = if alt.original {
                format!("{name} ({})", chrome.msg("edition-original", &[]))
            } else {
                name
            };
            let dir = alt.locale.direction();
            let tag = esc(alt.locale.tag());
            if alt.locale == *self.locale {
                out.push_str(&format!(
                    "<li><strong lang=\"{tag}\" dir=\"{dir}\" aria-current=\"page\">{}</strong></li>\n",
                    esc(&label)
                ));
            } else {
                out.push_str(&format!(
                    "<li><a href=\"{}\" hreflang=\"{tag}\" lang=\"{tag}\" dir=\"{dir}\">{}</a></li>\n",
                    esc(&alt.href),
                    esc(&label)
                ));
            }
        }
        out.push_str("</ul>\n</nav>\n</footer>\n");
        out
    }

    /// The page template around `body` (HTML made here or by the Markdown renderer, never
    /// text): `title` and `description` are plain text and escaped here.
    pub(super) fn template(&self, title: &str, description: &str, date: Option<Day>, body: &str) -> String {
        let mut description = description.trim().to_string();
        if description.chars().count() > 160 {
            description = description.chars().take(159).collect::<String>() + "…";
        }
        let mut out = String::with_capacity(body.len() + 4096);
        let tag = esc(self.locale.tag());
        out.push_str(&format!(
            "<!DOCTYPE html>\n<html lang=\"{tag}\" dir=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
            self.locale.direction()
        ));
        out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.push_str(&format!("<title>{}</title>\n", esc(title.trim())));
        out.push_str(&format!(
            "<meta name=\"description\" content=\"{}\">\n",
            esc(&description)
        ));
        out.push_str(&self.alternate_links());
        out.push_str(&format!(
            "<style>\nbody {{ font-family: {}; line-height: 1.7; max-width: 42em; margin: 2em auto; padding: 0 1em; color: #222; }}\n\
             header, footer {{ color: #555; font-size: 0.9em; }}\nnav ul {{ list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 1em; }}\n\
             img {{ max-width: 100%; }} pre {{ overflow-x: auto; }}\n\
             .untranslated {{ background: #fee; }}\n</style>\n</head>\n<body>\n",
            font_stack(self.locale)
        ));
        out.push_str(&self.header(date, ""));
        out.push_str("<article>\n");
        out.push_str(body);
        out.push_str("</article>\n");
        out.push_str(&self.footer(""));
        out.push_str("</body>\n</html>\n");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::Format;
    use crate::segment::Segmenter;

    fn page_for(md: &str, translate: impl Fn(&Text) -> Text, tag: &str) -> String {
        let en = Locale::parse("en").unwrap();
        let doc = Format::Markdown.extract(md.to_string(), &Segmenter::new(&en, &[]));
        let texts: Vec<Option<Text>> = doc.segments().map(|s| Some(translate(&s.source))).collect();
        // The edition as the pipeline finishes it: site name, typography, isolation marks.
        let locale_for_merge = Locale::parse(tag).unwrap();
        let settings = crate::render::EditionSettings {
            site_name: Some("The <Ledger>".into()),
            ..Default::default()
        };
        let finished: Vec<Text> = texts
            .iter()
            .flatten()
            .map(|t| settings.finish(&locale_for_merge, t, crate::render::Isolation::Controls, false))
            .collect();
        let outputs: Vec<_> = finished.iter().map(crate::format::SegmentOutput::Translated).collect();
        let edition = Format::Markdown.merge(&doc, &outputs, &locale_for_merge);
        let locale = Locale::parse(tag).unwrap();
        let alternates = vec![
            Alternate {
                locale: en.clone(),
                href: "../../article.md".into(),
                original: true,
            },
            Alternate {
                locale: locale.clone(),
                href: "article.html".into(),
                original: false,
            },
        ];
        Page {
            doc: &doc,
            texts: &texts,
            locale: &locale,
            alternates: &alternates,
            site_name: Some("The <Ledger>"),
            provenance: &Provenance::default(),
            date: Day::parse("2025-05-02"),
            arabic_digits: false,
            format: Format::Markdown,
            edition: &edition,
        }
        .render()
    }

    #[test]
    fn injected_markup_shows_as_text() {
        let html = page_for(
            "# Title\n\nRead **this** at [YourSiteName] and [here](https://example.org).\n",
            |source| {
                let mut t = Text::default();
                for part in &source.0 {
                    match part {
                        Part::Str(_) => {
                            t.push_str("<script>alert(1)</script><img src=x onerror=alert(1)>[x](javascript:alert(1))")
                        }
                        Part::Placeholder(p) => t.push_placeholder(p.clone()),
                    }
                }
                t
            },
            "hi",
        );
        assert!(!html.contains("<script>") && !html.contains("<img"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"));
        assert!(html.contains("<strong>") && html.contains("<a href=\"https://example.org\">"));
        assert!(html.contains("The &lt;Ledger&gt;") && !html.contains("[YourSiteName]"));
        assert!(!html.contains("href=\"javascript"));
    }

    #[test]
    fn unsafe_link_addresses_do_not_become_links() {
        let html = page_for("Click [me](javascript:alert(1)) now.\n", Text::clone, "en");
        assert!(!html.contains("href=\"javascript"), "{html}");
        assert!(safe_url("/a/b") && safe_url("https://x") && safe_url("a/b:c"));
        assert!(!safe_url("java\tscript:alert(1)") && !safe_url("data:text/html,x"));
    }

    #[test]
    fn arabic_page_is_rtl_with_isolated_latin_runs_and_alternates() {
        let html = page_for(
            "# Title\n\nA sentence about MP Materials.\n",
            |_| Text::plain("جملة عن MP Materials."),
            "ar",
        );
        assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"), "{html}");
        // Latin runs are isolated as in the Markdown edition itself (FSI/PDI where they flip).
        assert!(html.contains("<p>جملة عن MP Materials.</p>"), "{html}");
        assert!(html.contains("hreflang=\"x-default\" href=\"../../article.md\""));
        assert!(html.contains("hreflang=\"ar\""));
        assert!(html.contains("Naskh"));
        assert!(html.contains("<meta charset=\"utf-8\">"));
        assert!(html.contains("2 مايو 2025"), "{html}");
    }
}
