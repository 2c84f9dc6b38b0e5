//! Fluent resources as documents: the project's own interface strings through the pipeline.

use crate::common::*;

#[test]
fn the_tools_own_messages_translate_into_valid_complete_fluent() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let en = repo().join("locales/en-US");
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&en).unwrap() {
        let path = entry.unwrap().path();
        files.push(path.display().to_string());
    }
    let mut args = vec!["translate"];
    args.extend(files.iter().map(String::as_str));
    args.extend([
        "--to",
        "ar,hi,zh",
        "--backend",
        "pseudo",
        "--memory",
        "m.sqlite",
        "--out",
        "locales",
    ]);
    let o = l10n(d, &args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // The reference next to the translations, as a project's locales/ folder has it.
    std::fs::create_dir_all(d.join("locales/en-US")).unwrap();
    for f in &files {
        let p = std::path::Path::new(f);
        std::fs::copy(p, d.join("locales/en-US").join(p.file_name().unwrap())).unwrap();
    }
    let o = l10n(d, &["check", "--locales", "locales", "--deny-warnings"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    // Arabic gets its six plural categories.
    let ar = std::fs::read_to_string(d.join("locales/ar/cli.ftl")).unwrap();
    let imported = &ar[ar.find("memory-imported =").unwrap()..];
    let imported = &imported[..imported
        .find("\n}")
        .unwrap_or(imported.len())
        .min(imported.find("memory-import-unchanged").unwrap())];
    for category in ["[zero]", "[one]", "[two]", "[few]", "[many]", "*[other]"] {
        assert!(imported.contains(category), "{category} missing:\n{imported}");
    }
    // Placeables are untouched; the text around them is translated.
    assert!(
        ar.contains("error-parse = { $path }:{ $line }:{ $column }: { $reason }"),
        "{ar}"
    );
    assert!(!ar.contains("cannot read the file"));
}

#[test]
fn a_broken_fluent_file_is_refused_with_its_position() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("app.ftl"), "ok = Fine\nbroken = { $x\nnext = Next\n").unwrap();
    let o = l10n(
        dir.path(),
        &[
            "translate",
            "app.ftl",
            "--to",
            "ar",
            "--memory",
            "m.sqlite",
            "--out",
            "out",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("app.ftl:2:"), "{}", stderr(&o));
    assert!(!dir.path().join("out").exists());
}
