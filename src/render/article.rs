//! The standalone page of an HTML or Markdown article, made from its finished edition (not
//! from its segments): an HTML article's edition is the page, with the hreflang alternates,
//! the chrome (site, date line, translation notice, language switcher) and a UTF-8
//! declaration added and nothing of the article touched; a Markdown article's edition is
//! rendered by pulldown-cmark's HTML renderer inside the page template, raw HTML shown as text
//! and links or images with an unsafe address neutralised.
//!
//! Title, description and date come from the document itself (`<title>`, `<meta
//! name=description>`, `<time datetime>`, `article:published_time`; front matter, read by
//! `format::front_matter`, or the first heading and paragraph in Markdown), never from the
//! clock. It never re-escapes text the edition already holds as markup.

use super::chrome::Day;
use super::page::{Page, escape_html, safe_url};
use lol_html::html_content::{ContentType, Element};
use lol_html::{ElementContentHandlers, HtmlRewriter, Selector, Settings};
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::borrow::Cow;

/// Class of every element the page adds to an HTML article, so that a reader (or a test) can
/// tell the chrome from the article.
pub const CHROME_CLASS: &str = "l10n-chrome";

/// The page of an HTML article: its edition with the chrome added.
pub fn html_page(page: &Page<'_>) -> String {
    let edition = page.edition;
    let date = html_date(&page.doc.source).or(page.date);
    let charset = if crate::format::html::declares_charset(edition) {
        ""
    } else {
        "<meta charset=\"utf-8\">\n"
    };
    let head_end = format!("{}{}", page.alternate_links(), chrome_style());
    let header = page.header(date, CHROME_CLASS);
    let footer = page.footer(CHROME_CLASS);
    let (mut saw_head, mut saw_body) = (false, false);
    let mut out = Vec::with_capacity(edition.len() + 4096);
    let rewritten = {
        let on_head = |el: &mut Element<'_, '_>| {
            if !saw_head {
                saw_head = true;
                el.prepend(charset, ContentType::Html);
                el.append(&head_end, ContentType::Html);
            }
            Ok(())
        };
        let on_body = |el: &mut Element<'_, '_>| {
            if !saw_body {
                saw_body = true;
                el.prepend(&header, ContentType::Html);
                el.append(&footer, ContentType::Html);
            }
            Ok(())
        };
        let head: Selector = "head".parse().expect("valid selector");
        let body: Selector = "body".parse().expect("valid selector");
        let settings = Settings::new()
            .with_strict(false)
            .append_element_content_handler((Cow::Owned(head), ElementContentHandlers::default().element(on_head)))
            .append_element_content_handler((Cow::Owned(body), ElementContentHandlers::default().element(on_body)));
        let mut rewriter = HtmlRewriter::new(settings, |chunk: &[u8]| out.extend_from_slice(chunk));
        rewriter.write(edition.as_bytes()).and_then(|_| rewriter.end()).is_ok()
    };
    match String::from_utf8(out) {
        Ok(html) if rewritten && saw_head && saw_body => html,
        // A fragment without <head> or <body>: the template around it.
        _ => page.template(&page.title_of_html(), "", date, edition),
    }
}

/// The article's date: the first `<time datetime>` or `article:published_time` of the page.
fn html_date(source: &str) -> Option<Day> {
    let mut found: Option<String> = None;
    let on_time = |el: &mut Element<'_, '_>| {
        if found.is_none() {
            found = el.get_attribute("datetime").or_else(|| el.get_attribute("content"));
        }
        Ok(())
    };
    let selector: Selector = "time[datetime], meta[property=\"article:published_time\"]"
        .parse()
        .expect("valid selector");
    let settings = Settings::new()
        .with_strict(false)
        .append_element_content_handler((Cow::Owned(selector), ElementContentHandlers::default().element(on_time)));
    let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
    let _ = rewriter.write(source.as_bytes()).and_then(|_| rewriter.end());
    found.as_deref().and_then(day_of)
}

/// The day of an ISO 8601 date or date-time (`2024-03-05`, `2024-03-05T10:00:00Z`).
fn day_of(value: &str) -> Option<Day> {
    Day::parse(value.trim().get(..10)?)
}

fn chrome_style() -> &'static str {
    "<style>.l10n-chrome{font:0.9em/1.5 system-ui,sans-serif;color:#555;margin:1em}\
     .l10n-chrome nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:1em}</style>\n"
}

/// The page of a Markdown article: its edition through pulldown-cmark, inside the template.
pub fn markdown_page(page: &Page<'_>) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let (mut in_meta, mut heading, mut paragraph) = (false, None::<String>, None::<String>);
    let (mut in_heading, mut in_paragraph, mut has_h1) = (false, false, false);
    let events: Vec<Event<'_>> = Parser::new_ext(page.edition, options)
        .filter_map(|event| match event {
            Event::Start(Tag::MetadataBlock(_)) => {
                in_meta = true;
                None
            }
            Event::End(TagEnd::MetadataBlock(_)) => {
                in_meta = false;
                None
            }
            Event::Text(_) if in_meta => None,
            // Raw HTML is shown as the text it is, never run.
            Event::Html(h) | Event::InlineHtml(h) => Some(Event::Text(h)),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) if !safe_url(&dest_url) => Some(Event::Start(Tag::Link {
                link_type,
                dest_url: CowStr::Borrowed("#"),
                title,
                id,
            })),
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) if !safe_url(&dest_url) => Some(Event::Start(Tag::Image {
                link_type,
                dest_url: CowStr::Borrowed(""),
                title,
                id,
            })),
            Event::Start(Tag::Heading { level, .. }) => {
                has_h1 |= level == HeadingLevel::H1;
                in_heading = heading.is_none();
                Some(event)
            }
            Event::End(TagEnd::Heading(_)) => {
                in_heading = false;
                Some(event)
            }
            Event::Start(Tag::Paragraph) => {
                in_paragraph = paragraph.is_none();
                Some(event)
            }
            Event::End(TagEnd::Paragraph) => {
                in_paragraph = false;
                Some(event)
            }
            Event::Text(ref t) | Event::Code(ref t) => {
                if in_heading {
                    heading.get_or_insert_default().push_str(t);
                }
                if in_paragraph {
                    paragraph.get_or_insert_default().push_str(t);
                }
                Some(event)
            }
            other => Some(other),
        })
        .collect();
    let mut body = String::new();
    pulldown_cmark::html::push_html(&mut body, events.into_iter());
    // The front matter's title, description and date, read by its one home.
    let fm = crate::format::front_matter::metadata(page.edition);
    let title = fm.title.or(heading).unwrap_or_default();
    let description = fm.description.or(paragraph).unwrap_or_default();
    let date = fm.date.as_deref().and_then(day_of).or(page.date);
    if !has_h1 && !title.is_empty() {
        let mut h1 = String::from("<h1>");
        escape_html(&title, &mut h1);
        h1.push_str("</h1>\n");
        body.insert_str(0, &h1);
    }
    page.template(&title, &description, date, &body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{Format, SegmentOutput};
    use crate::lang::Locale;
    use crate::model::Text;
    use crate::render::chrome::Provenance;
    use crate::render::page::Alternate;
    use crate::segment::Segmenter;

    /// The page of `source` (HTML) translated into `tag` with every letter upper-cased.
    fn html_page_of(source: &str, tag: &str) -> (String, String) {
        let en = Locale::parse("en").unwrap();
        let locale = Locale::parse(tag).unwrap();
        let doc = Format::Html.extract(source.to_string(), &Segmenter::new(&en, &[]));
        let texts: Vec<Option<Text>> = doc
            .segments()
            .map(|s| {
                let mut t = Text::default();
                for part in &s.source.0 {
                    match part {
                        crate::model::Part::Str(x) => t.push_str(&x.to_uppercase()),
                        crate::model::Part::Placeholder(p) => t.push_placeholder(p.clone()),
                    }
                }
                Some(t)
            })
            .collect();
        let outputs: Vec<_> = texts.iter().flatten().map(SegmentOutput::Translated).collect();
        let edition = Format::Html.merge(&doc, &outputs, &locale);
        let alternates = vec![Alternate {
            locale: en.clone(),
            href: "../../a.html".into(),
            original: true,
        }];
        let page = Page {
            doc: &doc,
            texts: &texts,
            locale: &locale,
            alternates: &alternates,
            site_name: None,
            provenance: &Provenance::default(),
            date: None,
            arabic_digits: false,
            format: Format::Html,
            edition: &edition,
        }
        .render();
        (edition, page)
    }

    #[test]
    fn an_html_page_is_its_edition_with_the_chrome_added() {
        let src = "<!doctype html><html><head><title>Deal</title><meta name=description content=\"A deal.\"></head>\
<body><article><h1>Deal</h1><p>Read <code>&lt;b&gt;</code> and <a href=\"/r\">the report</a>.</p>\
<img src=m.png alt=\"A map\"><time datetime=\"2025-04-30\">April 30</time></article></body></html>";
        let (edition, page) = html_page_of(src, "hi");
        // Every byte of the edition is on the page, in order, around the chrome.
        let chrome_free = page
            .replace("<meta charset=\"utf-8\">\n", "")
            .split("<link rel=")
            .next()
            .unwrap()
            .to_string();
        assert!(edition.starts_with(&chrome_free), "{page}");
        let body = edition
            .get(edition.find("<article>").unwrap()..edition.find("</body>").unwrap())
            .expect("found ASCII tags are char boundaries");
        assert!(page.contains(body), "{page}");
        assert!(page.contains("<code>&lt;b&gt;</code>") && page.contains("<img src=m.png alt=\"A MAP\">"));
        assert_eq!(page.matches("<title>").count(), 1, "{page}");
        assert!(page.contains("hreflang=\"x-default\" href=\"../../a.html\""));
        assert!(
            page.contains("<header class=\"l10n-chrome\">") && page.contains("2025"),
            "the article's date: {page}"
        );
        assert!(page.contains("<html lang=\"hi\">"));
    }

    #[test]
    fn a_fragment_goes_inside_the_template() {
        let (_, page) = html_page_of("<h2>Deal</h2><p>Signed <em>today</em>.</p>", "ar");
        assert!(
            page.starts_with("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">"),
            "{page}"
        );
        assert!(
            page.contains("<title>DEAL</title>") && page.contains("<p>SIGNED <em>TODAY</em>.</p>"),
            "{page}"
        );
        assert!(
            !page.contains("class=\"date\""),
            "no date in the document, none on the page"
        );
    }

    #[test]
    fn a_markdown_page_is_rendered_by_pulldown_cmark() {
        let en = Locale::parse("en").unwrap();
        let md = "+++\ntitle = \"Announcing\"\ndate = 2024-07-25\n+++\n\n## Part\n\nRun `cargo build` <b>now</b>. [x](javascript:alert(1))\n\n```\nfn main() {}\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n![A map](m.png)\n";
        let doc = Format::Markdown.extract(md.to_string(), &Segmenter::new(&en, &[]));
        let page = Page {
            doc: &doc,
            texts: &[],
            locale: &en,
            alternates: &[],
            site_name: None,
            provenance: &Provenance::default(),
            date: None,
            arabic_digits: false,
            format: Format::Markdown,
            edition: md,
        }
        .render();
        for want in [
            "<h1>Announcing</h1>",
            "<title>Announcing</title>",
            "<code>cargo build</code>",
            "&lt;b&gt;now&lt;/b&gt;",
            "<a href=\"#\">x</a>",
            "<pre><code>fn main() {}",
            "<table>",
            "<img src=\"m.png\" alt=\"A map\"",
            "2024",
        ] {
            assert!(page.contains(want), "{want} in {page}");
        }
        assert!(!page.contains("javascript:") && !page.contains("title = "), "{page}");
    }

    #[test]
    fn the_date_comes_from_the_page() {
        let src = "<html><head><meta property=\"article:published_time\" content=\"2019-03-05T10:00:00Z\"></head><body><time datetime=\"2020-01-02\">x</time></body></html>";
        assert_eq!(html_date(src), Day::parse("2019-03-05"));
        assert_eq!(
            html_date("<p><time datetime=\"2020-01-02\">Jan</time></p>"),
            Day::parse("2020-01-02")
        );
        assert_eq!(html_date("<p><time datetime=\"soon\">x</time></p>"), None);
        assert_eq!(html_date("<p>no date</p>"), None);
    }
}
