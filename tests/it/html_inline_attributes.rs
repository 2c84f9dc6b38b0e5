//! Translatable attributes of inline elements inside a sentence (`title` on a link, `alt` on
//! an image, `title` on an abbreviation): extracted as units of their own, written back into
//! their tag wherever the translation moves it, escaped for an attribute value.

use crate::common::*;
use l10n::format::{Format, SegmentOutput};
use l10n::lang::Locale;
use l10n::segment::Segmenter;

fn fixture() -> std::path::PathBuf {
    repo().join("tests/fixtures/html/inline-attributes.html")
}

#[test]
fn inline_attributes_round_trip_byte_for_byte() {
    let en = Locale::parse("en").unwrap();
    let text = std::fs::read_to_string(fixture()).unwrap();
    let doc = Format::Html.extract(text.clone(), &Segmenter::new(&en, &[]));
    let sources: Vec<String> = doc.segments().map(|s| s.source.to_string()).collect();
    for attribute in ["Ministry page", "Deposits & mines", "rare earth elements"] {
        assert!(
            sources.iter().any(|s| s == attribute),
            "{attribute:?} not in {sources:?}"
        );
    }
    let outputs: Vec<_> = doc.segments().map(|s| SegmentOutput::Translated(&s.source)).collect();
    assert_eq!(Format::Html.merge(&doc, &outputs, &en), text);
}

#[test]
fn translated_inline_attributes_land_in_their_tag_escaped() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture(), dir.path().join("page.html")).unwrap();
    let tu = |en: &str, hi: &str| {
        format!("<tu><tuv xml:lang=\"en\"><seg>{en}</seg></tuv><tuv xml:lang=\"hi\"><seg>{hi}</seg></tuv></tu>\n")
    };
    let a = |text: &str| format!("<bpt i=\"1\" x=\"1\">&lt;a&gt;</bpt>{text}<ept i=\"1\">&lt;/a&gt;</ept>");
    let tmx = [
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header srclang=\"en\" datatype=\"plaintext\" segtype=\"sentence\" adminlang=\"en\" creationtool=\"t\" creationtoolversion=\"1\" o-tmf=\"t\"/>\n<body>\n".to_string(),
        tu("Inline attributes", "इनलाइन विशेषताएँ"),
        // The link moves to the front of the sentence: its title must move with it.
        tu(&format!("See {}.", a("the ministry")), &format!("{} देखें।", a("मंत्रालय"))),
        // An engine's quote and angle brackets: escaped, never closing the attribute.
        tu("Ministry page", "मंत्रालय का &quot;पृष्ठ&quot; &lt;आधिकारिक&gt;"),
        tu(
            "The map <ph x=\"1\">&lt;img&gt;</ph> shows <bpt i=\"2\" x=\"2\">&lt;abbr&gt;</bpt>REE<ept i=\"2\">&lt;/abbr&gt;</ept> sites.",
            "नक्शा <ph x=\"1\">&lt;img&gt;</ph> <bpt i=\"2\" x=\"2\">&lt;abbr&gt;</bpt>REE<ept i=\"2\">&lt;/abbr&gt;</ept> स्थल दिखाता है।",
        ),
        tu("Deposits &amp; mines", "भंडार &amp; खदानें"),
        tu("rare earth elements", "दुर्लभ मृदा तत्व"),
        "</body></tmx>\n".to_string(),
    ]
    .concat();
    std::fs::write(dir.path().join("hi.tmx"), tmx).unwrap();
    let o = l10n(dir.path(), &["memory", "import", "hi.tmx", "--memory", "m.sqlite"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = l10n(
        dir.path(),
        &[
            "translate",
            "page.html",
            "--to",
            "hi",
            "--backend",
            "memory",
            "--memory",
            "m.sqlite",
            "--out",
            "out",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let edition = std::fs::read_to_string(dir.path().join("out/hi/page.html")).unwrap();
    for expected in [
        "<li><a href=\"https://example.gov/ministry\" title=\"मंत्रालय का &quot;पृष्ठ&quot; &lt;आधिकारिक&gt;\">मंत्रालय</a> देखें।</li>",
        "<img src=\"map.png\" alt='भंडार &amp; खदानें'>",
        "<abbr title=\"दुर्लभ मृदा तत्व\">REE</abbr>",
        "<title>इनलाइन विशेषताएँ</title>",
    ] {
        assert!(edition.contains(expected), "{expected:?} not in\n{edition}");
    }
    for english in ["Ministry page", "Deposits", "rare earth elements"] {
        assert!(!edition.contains(english), "{english:?} stayed in\n{edition}");
    }
}
