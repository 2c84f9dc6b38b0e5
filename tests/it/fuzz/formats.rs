//! Fuzz targets for the document formats: random documents through extract and an identity
//! merge (every segment "translated" as itself) must come back byte for byte, and a merge of
//! changed text must not panic. One function per format: Markdown (helper `markdown`) and HTML
//! (helper `html`).

use super::{for_budget, rng, text};
use l10n::format::{Format, SegmentOutput};
use l10n::lang::Locale;
use l10n::model::{Part, Text};
use l10n::segment::Segmenter;

// ---- helper markdown: Markdown with front matter, shortcodes and HTML ----

/// Pieces of Markdown as sites write it.
const MARKDOWN: &[&str] = &[
    "---\ntitle: A title\ndescription: 'It''s here'\n---\n",
    "+++\ntitle = \"Rust 1.85\"\n[extra]\nx = 1\n+++\n",
    "---\n",
    "+++\n",
    "title: \"x\\\"y\"\n",
    "{{< new-in 0.141.0 />}}",
    "{{< code-toggle file=hugo >}}\n[build]\n",
    "{{< /code-toggle >}}",
    "{{</ code-toggle >}}",
    "{{% include \"x.md\" %}}",
    "{{% /note %}}",
    "{{ .Title }}",
    "{% raw %}",
    "{{<",
    ">}}",
    "{{</* x */>}}",
    "<details>\n<summary>More</summary>\n",
    "</details>\n",
    "<img src=\"a.png\" alt=\"A map\" />",
    "<!-- c -->",
    "# ",
    "## Heading {#id}\n",
    "> [!NOTE]\n> ",
    "- ",
    "1. ",
    "    ",
    "```\ncode\n```\n",
    "`code`",
    "[link](https://x.org \"t\")",
    "[label]",
    "[text][label]",
    "[label][]",
    "\n[label]: https://x.org/y\n",
    "<https://x.org>",
    "![alt](i.png)",
    "\\*",
    "\\",
    "*",
    "**",
    "_",
    "term\n: definition\n",
    "| a | b |\n|---|---|\n| c | d |\n",
    "[^1]",
    "\n[^1]: Note.\n",
    "Sentence one. Sentence two? ",
    "\n",
    "\n\n",
];

fn random_markdown(rng: &mut fastrand::Rng) -> String {
    let mut s = String::new();
    if rng.bool() {
        s.push_str(MARKDOWN[rng.usize(..2)]);
    }
    for _ in 0..rng.usize(0..40) {
        if rng.u8(..) < 90 {
            s.push_str(&text(rng, 3));
        } else {
            s.push_str(MARKDOWN[rng.usize(..MARKDOWN.len())]);
        }
    }
    s
}

#[test]
fn markdown_with_front_matter_and_shortcodes_round_trips() {
    let mut rng = rng("markdown-sites");
    let en = Locale::parse("en").unwrap();
    let ar = Locale::parse("ar").unwrap();
    let segmenter = Segmenter::new(&en, &[]);
    let rounds = for_budget(200, |_| {
        let src = random_markdown(&mut rng);
        let doc = Format::Markdown.extract(src.clone(), &segmenter);
        let same: Vec<_> = doc.segments().map(|s| SegmentOutput::Translated(&s.source)).collect();
        assert_eq!(
            Format::Markdown.merge(&doc, &same, &en),
            src,
            "identity merge of {src:?}"
        );
        // A changed text, with characters that are markup in every syntax involved.
        let changed: Vec<Text> = doc
            .segments()
            .map(|s| {
                Text(
                    s.source
                        .0
                        .iter()
                        .map(|p| match p {
                            Part::Str(t) => Part::Str(format!("«{t}» \"<*>\" {{{{< x >}}}} '\\")),
                            p => p.clone(),
                        })
                        .collect(),
                )
            })
            .collect();
        let outputs: Vec<_> = changed.iter().map(SegmentOutput::Translated).collect();
        let merged = Format::Markdown.merge(&doc, &outputs, &ar);
        // Every template of the source is still there, byte for byte.
        for unit in &doc.units {
            for seg in &unit.segments {
                for p in seg.source.placeholders().filter(|p| p.label == "template") {
                    assert!(merged.contains(&p.original), "{:?} lost from {src:?}", p.original);
                }
            }
        }
    });
    assert!(rounds >= 200);
}

// ---- helper html: random HTML pages ----

/// Markup that tends to break an HTML reader: unclosed, stray and nested tags, raw-text
/// elements, attributes with and without quotes, comments, references.
const HTML_PIECES: &[&str] = &[
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<li>",
    "</li>",
    "<ul>",
    "</ul>",
    "<b>",
    "</b>",
    "<i>",
    "</i>",
    "<a href=\"/x\" title=\"A link\">",
    "</a>",
    "<img src=x.png alt='A map'>",
    "<img alt=Map>",
    "<br>",
    "<span translate=\"no\">",
    "</span>",
    "<code>",
    "</code>",
    "<pre>",
    "</pre>",
    "<script>",
    "</script>",
    "<style>",
    "</style>",
    "<title>",
    "</title>",
    "<td>",
    "<th>",
    "<tr>",
    "<table>",
    "</table>",
    "<!-- c -->",
    "<!--",
    "-->",
    "<meta name=\"description\" content=\"Big news.\">",
    "<meta charset=\"utf-8\">",
    "<html lang=\"en\">",
    "</html>",
    "<body>",
    "</body>",
    "<option>",
    "<select>",
    "</select>",
    "<button>",
    "</button>",
    "&amp;",
    "&nbsp;",
    "&#x41;",
    "&bogus;",
    "<",
    ">",
    "</",
    "<p class=notranslate>",
    "<textarea>",
    "</textarea>",
    "<svg>",
    "</svg>",
    "<![CDATA[",
    "]]>",
    "<!doctype html>",
    "=\"",
    "'",
];

fn html_document(rng: &mut fastrand::Rng) -> String {
    let mut s = String::new();
    for _ in 0..rng.usize(0..40) {
        if rng.bool() {
            s.push_str(HTML_PIECES[rng.usize(..HTML_PIECES.len())]);
        } else {
            s.push_str(&text(rng, 6));
        }
    }
    s
}

/// Every letter upper-cased and doubled markup characters: a translation that changes every
/// segment and needs escaping.
fn changed(t: &Text) -> Text {
    Text(
        t.0.iter()
            .map(|p| match p {
                Part::Str(s) => Part::Str(format!("{}<&\"", s.to_uppercase())),
                p => p.clone(),
            })
            .collect(),
    )
}

#[test]
fn html_identity_merge_is_byte_identical() {
    let en = Locale::parse("en").unwrap();
    let ar = Locale::parse("ar").unwrap();
    let segmenter = Segmenter::new(&en, &[]);
    let mut rng = rng("formats::html");
    let rounds = for_budget(200, |_| {
        let doc_text = html_document(&mut rng);
        let doc = Format::Html.extract(doc_text.clone(), &segmenter);
        let same: Vec<_> = doc.segments().map(|s| SegmentOutput::Translated(&s.source)).collect();
        // With `lang="en"` already on the root the edition in English is the source itself;
        // without, only the root's `lang` is added.
        let merged = Format::Html.merge(&doc, &same, &en);
        if doc_text.contains("<html lang=\"en\">") && doc_text.matches("<html").count() == 1 {
            assert_eq!(merged, doc_text, "identity merge changed the document");
        }
        let translations: Vec<Text> = doc.segments().map(|s| changed(&s.source)).collect();
        let outputs: Vec<_> = translations.iter().map(SegmentOutput::Translated).collect();
        let edition = Format::Html.merge(&doc, &outputs, &ar);
        // The edition is a document the reader takes again.
        let again = Format::Html.extract(edition, &segmenter);
        assert!(again.units.len() <= doc.units.len() * 3 + 3);
        // Every finding points into the document.
        assert!(
            doc.findings
                .iter()
                .all(|f| doc_text.is_char_boundary(f.at.min(doc_text.len())))
        );
    });
    assert!(rounds >= 200);
}
