//! Markdown extraction and merge on the constructs sites use: front matter, templates, HTML,
//! reference links, autolinks, escapes.

#![deny(clippy::string_slice)]

use crate::format::{Format, SegmentOutput};
use crate::lang::Locale;
use crate::model::{Part, Text};
use crate::segment::Segmenter;

/// Merges `src` with every text part mapped by `f` (placeholders kept).
fn merged(src: &str, f: impl Fn(&str) -> String) -> String {
    let en = Locale::parse("en").unwrap();
    let doc = Format::Markdown.extract(src.to_string(), &Segmenter::new(&en, &[]));
    let texts: Vec<Text> = doc
        .segments()
        .map(|s| {
            Text(
                s.source
                    .0
                    .iter()
                    .map(|p| match p {
                        Part::Str(t) => Part::Str(f(t)),
                        p => p.clone(),
                    })
                    .collect(),
            )
        })
        .collect();
    let outputs: Vec<_> = texts.iter().map(SegmentOutput::Translated).collect();
    Format::Markdown.merge(&doc, &outputs, &Locale::parse("fr").unwrap())
}

fn upper(s: &str) -> String {
    s.to_uppercase()
}

fn identity(src: &str) -> String {
    merged(src, str::to_string)
}

#[test]
fn front_matter_values_are_translated_and_the_rest_is_kept() {
    let src = "---\ntitle: X shortcode\nlinkTitle: 'It''s'\nweight: 10\ndescription: \"Say \\\"hi\\\"\"\nparams:\n  title: nested\n---\n\nBody text.\n";
    assert_eq!(identity(src), src);
    let out = merged(src, |s| format!("{}: é", s.to_uppercase()));
    assert_eq!(
        out,
        "---\ntitle: \"X SHORTCODE: é\"\nlinkTitle: 'IT''S: é'\nweight: 10\ndescription: \"SAY \\\"HI\\\": é\"\nparams:\n  title: nested\n---\n\nBODY TEXT.: é\n"
    );
    let toml = "+++\ntitle = \"Rust 1.85\"\n[extra]\ntitle = \"x\"\n+++\n";
    assert_eq!(
        merged(toml, upper),
        "+++\ntitle = \"RUST 1.85\"\n[extra]\ntitle = \"x\"\n+++\n"
    );
}

#[test]
fn a_page_that_is_only_front_matter_has_units() {
    let src = "---\ntitle: Resource functions\n---\n";
    assert_eq!(merged(src, upper), "---\ntitle: RESOURCE FUNCTIONS\n---\n");
}

#[test]
fn shortcodes_and_liquid_stay_byte_for_byte() {
    let src = "{{< new-in 0.141.0 />}}\n\nSee {{% glossary-term \"a_b\" %}} and {{ .Title }} or {% include x.html %} here.\n\n{{< code-toggle file=hugo >}}\n[build]\nwriteStats = true\n{{< /code-toggle >}}\n\n{{< img\n  src=\"a.jpg\"\n  alt=\"Zion\"\n>}}\n";
    assert_eq!(identity(src), src);
    let out = merged(src, upper);
    assert!(out.starts_with("{{< new-in 0.141.0 />}}\n\nSEE {{% glossary-term \"a_b\" %}} AND {{ .Title }} OR {% include x.html %} HERE.\n\n{{< code-toggle file=hugo >}}\n[build]\nwriteStats = true\n{{< /code-toggle >}}\n"), "{out}");
    assert!(out.contains("alt=\"Zion\"\n>}}"));
}

#[test]
fn html_blocks_go_through_the_html_extractor() {
    let src = "<details>\n<p>Some <em>detail</em> & more.</p>\n</details>\n\nText *here*.\n";
    assert_eq!(identity(src), src);
    let out = merged(src, |s| format!("{}<&>", s.to_uppercase()));
    assert!(out.starts_with("<details>\n<p>SOME &lt;&amp;&gt;<em>DETAIL"), "{out}");
    assert!(out.ends_with("\n\nTEXT \\<\\&\\>*HERE\\<\\&\\>*.\\<\\&\\>\n"), "{out}");
    assert!(out.contains("\\<\\&\\>"), "{out}");
}

#[test]
fn inline_html_attributes_are_translated_as_html() {
    let src = "Badge <img src=\"b.svg\" alt=\"Help wanted\" /> here.\n";
    assert_eq!(identity(src), src);
    let out = merged(src, |s| format!("{}\"", s.to_uppercase()));
    assert!(out.contains("alt=\"HELP WANTED&quot;\""), "{out}");
}

#[test]
fn reference_links_keep_their_definitions() {
    let src = "Use [`if`][] and [foo] and [bar][baz] now.\n\n[`if`]: https://a\n[foo]: https://b 'T \"q\"'\n[baz]: https://c\n";
    assert_eq!(identity(src), src);
    let out = merged(src, upper);
    assert!(
        out.starts_with(
            "USE [`if`](<https://a>) AND [FOO](<https://b> \"T \\\"q\\\"\") AND [BAR][baz] NOW.\n\n[`if`]: https://a\n"
        ),
        "{out}"
    );
}

#[test]
fn an_autolink_target_never_comes_from_a_translation() {
    let src = "See <https://example.org/a> and <me@example.org> now.\n";
    let out = merged(src, upper);
    assert_eq!(out, "SEE <https://example.org/a> AND <me@example.org> NOW.\n");
}

#[test]
fn a_segment_starting_with_an_escape_leaves_no_stray_backslash() {
    let src = "\\*Note\\* this. \\#1 is first.\n";
    assert_eq!(identity(src), src);
    let out = merged(src, upper);
    assert_eq!(out, "\\*NOTE\\* THIS. \\#1 IS FIRST.\n");
}

#[test]
fn a_sentence_that_occurs_twice_keeps_its_own_links() {
    let en = Locale::parse("en").unwrap();
    let src = "Use the [`if`][] statement.\n\nUse the [`with`][] statement.\n\n[`if`]: a\n[`with`]: b\n";
    let doc = Format::Markdown.extract(src.to_string(), &Segmenter::new(&en, &[]));
    // The memory shares one translation between segments with the same memory key.
    let first = &doc.units[0].segments[0].source;
    assert_eq!(first.memory_key(), doc.units[1].segments[0].source.memory_key());
    let t = Text(
        first
            .0
            .iter()
            .map(|p| match p {
                Part::Str(s) => Part::Str(s.to_uppercase()),
                p => p.clone(),
            })
            .collect(),
    );
    // The plan gives each segment the shared translation rebound to its own placeholders
    // (`plan::rebind`, the one home of that rule); the format writes what it is given.
    let second = &doc.units[1].segments[0].source;
    let t2 = crate::plan::rebind(&t, first, second).expect("same memory key");
    let outputs = [SegmentOutput::Translated(&t), SegmentOutput::Translated(&t2)];
    let out = Format::Markdown.merge(&doc, &outputs, &Locale::parse("fr").unwrap());
    assert!(
        out.starts_with("USE THE [`if`](<a>) STATEMENT.\n\nUSE THE [`with`](<b>) STATEMENT."),
        "{out}"
    );
}

#[test]
fn a_reference_to_a_templated_destination_keeps_the_template() {
    let src = "See the [source code][] now.\n\n[source code]: <{{% eturl x %}}>\n";
    assert_eq!(identity(src), src);
    assert_eq!(
        merged(src, upper),
        "SEE THE [SOURCE CODE](<{{% eturl x %}}>) NOW.\n\n[source code]: <{{% eturl x %}}>\n"
    );
}

#[test]
fn heading_attributes_are_not_text() {
    let src = "## Install it {#install .wide}\n\nText.\n";
    assert_eq!(identity(src), src);
    assert_eq!(merged(src, upper), "## INSTALL IT {#install .wide}\n\nTEXT.\n");
}
