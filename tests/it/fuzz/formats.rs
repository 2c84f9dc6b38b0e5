//! Fuzz targets for the document formats: random documents through extract and an identity
//! merge must come back byte for byte, and a merge of changed text must not panic.

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
