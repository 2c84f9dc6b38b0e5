//! The example project: the README's first command gives complete, real editions offline.

use crate::common::*;

#[test]
fn the_example_produces_real_editions_from_its_reference_translations() {
    let dir = tempfile::tempdir().unwrap();
    let example = copy_example(dir.path());
    let o = l10n(
        dir.path(),
        &["translate", "examples/rare-earths/article.txt", "--to", "ar,hi,zh"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // The reference translations honour the project's term base in all three languages.
    for locale in ["ar", "hi", "zh-Hans"] {
        let line = format!("{locale}: glossary: 87 terms expected, 87 found, 0 repaired, 0 failing");
        assert!(stderr(&o).contains(&line), "{}", stderr(&o));
    }
    let out = example.join("out");
    let ar = std::fs::read_to_string(out.join("ar/article.txt")).unwrap();
    let hi = std::fs::read_to_string(out.join("hi/article.txt")).unwrap();
    let zh = std::fs::read_to_string(out.join("zh-Hans/article.txt")).unwrap();
    for (edition, kyiv, washington, mark) in [
        (&ar, "كييف", "واشنطن", "؟"),
        (&hi, "कीव", "वाशिंगटन", "।"),
        (&zh, "基辅", "华盛顿", "。"),
    ] {
        assert!(edition.contains(kyiv) && edition.contains(washington) && edition.contains(mark));
        assert!(edition.contains("[YourSiteName]"));
        assert!(!edition.contains("⟦"), "no pseudo or untranslated marks");
        assert!(!edition.contains("Kiev"));
    }
    assert!(!zh.contains("基輔") && !zh.contains("華盛頓") && !zh.contains("臺灣"));
    // Run again: nothing imported twice, nothing changes.
    let again = l10n(
        dir.path(),
        &["translate", "examples/rare-earths/article.txt", "--to", "ar,hi,zh"],
    );
    assert_eq!(again.status.code(), Some(0));
    assert!(!stderr(&again).contains("imported"), "{}", stderr(&again));
    assert_eq!(std::fs::read_to_string(out.join("ar/article.txt")).unwrap(), ar);
}
