//! XLIFF hand-off: export, a reviewer's changes, import with its checks, the editions, the
//! official schemas, files from other tools, and hostile XML.

use crate::common::{l10n, repo, stderr};
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures/xliff").join(name)
}

/// A project folder with the note document and a machine translation of it into Arabic, from a
/// local LibreTranslate that echoes (pseudo text would not do: it is never offered as a target).
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture("note.md"), dir.path().join("note.md")).unwrap();
    let server = crate::http_server::TestServer::start(|r| {
        let texts: Vec<String> = r.json()["q"]
            .as_array()
            .map(|q| q.iter().map(|t| format!("⟨ar⟩ {}", t.as_str().unwrap_or(""))).collect())
            .unwrap_or_default();
        crate::http_server::Response::json(200, &serde_json::json!({ "translatedText": texts }))
    });
    let o = l10n(
        dir.path(),
        &[
            "translate",
            "note.md",
            "--to",
            "ar",
            "--memory",
            "m.sqlite",
            "--backend",
            "libretranslate",
            "--backend-url",
            &server.url,
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    dir
}

fn export(dir: &Path, format: &str) -> String {
    let o = l10n(
        dir,
        &[
            "export",
            "note.md",
            "--to",
            "ar",
            "--format",
            format,
            "--include",
            "all",
            "--memory",
            "m.sqlite",
            "-o",
            "x",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    std::fs::read_to_string(dir.join("x/ar/note.md.xlf")).unwrap()
}

fn import(dir: &Path, file: &str) -> std::process::Output {
    l10n(dir, &["import", file, "--document", "note.md", "--memory", "m.sqlite"])
}

fn edition(dir: &Path, backend: &str) -> String {
    let o = l10n(
        dir,
        &[
            "translate",
            "note.md",
            "--to",
            "ar",
            "--backend",
            backend,
            "--memory",
            "m.sqlite",
            "-o",
            "out",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    std::fs::read_to_string(dir.join("out/ar/note.md")).unwrap()
}

/// Replaces (or, where the export offers none, adds) the `<target>` of the unit whose source
/// contains `source_has`, and its state. Pseudo text is never offered as a target (issue 15).
fn review_v2(xlf: &str, source_has: &str, target: &str, state: &str) -> String {
    let at = xlf.find(source_has).expect("source in export");
    let seg = xlf[..at].rfind("<segment").unwrap();
    let seg_end = seg + xlf[seg..].find("</segment>").unwrap();
    let (t0, t1) = match xlf[seg..seg_end].find("<target>") {
        Some(t) => {
            let t0 = seg + t;
            (t0, t0 + xlf[t0..].find("</target>").unwrap() + "</target>".len())
        }
        None => {
            let s1 = seg + xlf[seg..].find("</source>").unwrap() + "</source>".len();
            (s1, s1)
        }
    };
    let head = &xlf[seg..at];
    let state_start = seg + head.find("state=").unwrap();
    let state_end = seg + head.find('>').unwrap();
    format!(
        "{}state=\"{state}\"{}<target>{target}</target>{}",
        &xlf[..state_start],
        &xlf[state_end..t0],
        &xlf[t1..]
    )
}

#[test]
fn reviewed_targets_reach_the_editions_and_survive_machine_runs() {
    let dir = project();
    let xlf = export(dir.path(), "xliff2");
    assert!(xlf.contains("<pc id=\"1\" dataRefStart=\"d1s\" dataRefEnd=\"d1e\" dispStart=\"**\" dispEnd=\"**\">"));
    assert!(!xlf.contains("<source>The **"), "markup escaped as text");
    assert!(xlf.contains("<note category=\"heading\">Field notes</note>"));
    assert!(xlf.contains("subState=\"l10n:mt-libretranslate\""));
    let reviewed = review_v2(
        &xlf,
        "minerals deal</pc> was signed",
        "وُقّعت <pc id=\"1\" dataRefStart=\"d1s\" dataRefEnd=\"d1e\">صفقة المعادن</pc> في مايو.",
        "reviewed",
    );
    std::fs::write(dir.path().join("reviewed.xlf"), &reviewed).unwrap();
    let o = import(dir.path(), "reviewed.xlf");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("1 imported, 3 unchanged, 0 empty, 0 rejected"),
        "{}",
        stderr(&o)
    );
    // The same file again changes nothing.
    let again = import(dir.path(), "reviewed.xlf");
    assert!(stderr(&again).contains("0 imported, 4 unchanged"), "{}", stderr(&again));
    // A machine run keeps the reviewed text; the markup comes back from the document.
    let out = edition(dir.path(), "pseudo");
    assert!(out.contains("وُقّعت **صفقة المعادن** في مايو."), "{out}");
    // And the next export carries it as reviewed human work.
    let next = export(dir.path(), "xliff12");
    assert!(
        next.contains("<target state=\"signed-off\">وُقّعت <g id=\"1\" ctype=\"bold\">صفقة المعادن</g>"),
        "{next}"
    );
}

#[test]
fn edited_sources_foreign_codes_and_wrong_languages_are_rejected() {
    let dir = project();
    let xlf = export(dir.path(), "xliff2");
    // A translator "fixed" the source of one unit and dropped the code of another.
    let edited =
        review_v2(&xlf, "first.</source>", "اقرأ الملحق أولًا.", "final").replace("Read the <ph", "Please read the <ph");
    let broken = review_v2(
        &edited,
        "minerals deal</pc> was signed",
        "وُقّعت صفقة المعادن في مايو.",
        "final",
    );
    std::fs::write(dir.path().join("bad.xlf"), &broken).unwrap();
    let o = import(dir.path(), "bad.xlf");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("source text was edited"), "{err}");
    assert!(err.contains("inline codes of the target differ"), "{err}");
    assert!(err.contains("2 rejected"), "{err}");
    // Nothing of it reached the memory.
    let out = edition(dir.path(), "memory");
    assert!(!out.contains("الملحق") && !out.contains("صفقة المعادن"), "{out}");
    // A file for another language is refused unit by unit.
    std::fs::write(dir.path().join("l10n.toml"), "targets = [\"ar\", \"hi\"]\n").unwrap();
    std::fs::write(
        dir.path().join("hi.xlf"),
        xlf.replace("trgLang=\"ar\"", "trgLang=\"zh\""),
    )
    .unwrap();
    let o = import(dir.path(), "hi.xlf");
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("the language zh does not match ar, hi"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_unit_imports_after_the_article_gained_a_paragraph() {
    let dir = project();
    let xlf = export(dir.path(), "xliff2");
    let reviewed = review_v2(&xlf, "first.</source>", "اقرأ <ph id=\"2\"/> أولًا.", "translated");
    std::fs::write(dir.path().join("r.xlf"), reviewed).unwrap();
    // The article changes around the sentence: its neighbours, and so its unit id, differ.
    let doc = std::fs::read_to_string(dir.path().join("note.md")).unwrap();
    let grown = doc.replace(
        "Read the `annex` first.",
        "A new sentence arrived. Read the `annex` first. Another one.",
    );
    std::fs::write(dir.path().join("note.md"), grown).unwrap();
    let o = import(dir.path(), "r.xlf");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("1 imported"), "{}", stderr(&o));
    let out = edition(dir.path(), "pseudo");
    assert!(out.contains("اقرأ `annex` أولًا."), "{out}");
}

#[test]
fn files_from_okapi_omegat_and_trados_import() {
    for (file, imported, empty) in [("okapi.xlf", 3, 1), ("omegat.xlf", 4, 0), ("trados.xlf", 4, 0)] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::copy(fixture("note.md"), dir.path().join("note.md")).unwrap();
        std::fs::copy(fixture(file), dir.path().join(file)).unwrap();
        let o = import(dir.path(), file);
        assert!(o.status.success(), "{file}: {}", stderr(&o));
        let expected = format!("{imported} imported, 0 unchanged, {empty} empty, 0 rejected");
        assert!(stderr(&o).contains(&expected), "{file}: {}", stderr(&o));
        let o = l10n(
            dir.path(),
            &[
                "translate",
                "note.md",
                "--to",
                "ar",
                "--backend",
                "memory",
                "--allow-partial",
                "--memory",
                "m.sqlite",
                "-o",
                "out",
            ],
        );
        let out =
            std::fs::read_to_string(dir.path().join("out/ar/note.md")).unwrap_or_else(|_| panic!("{}", stderr(&o)));
        assert!(out.contains("# ملاحظات ميدانية"), "{file}: {out}");
        assert!(
            out.contains("وُقّعت **صفقة المعادن** في مايو. اقرأ `annex` أولًا.\n"),
            "{file}: {out}"
        );
        if imported == 4 {
            assert!(
                out.contains("زوروا [الموقع](https://example.org) لمزيد من التفاصيل."),
                "{file}: {out}"
            );
        }
    }
}

#[test]
fn doctypes_external_entities_and_bombs_are_refused() {
    let dir = project();
    let bomb = format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [\n<!ENTITY a \"{}\">\n{}]>\n<xliff version=\"2.0\">&z;</xliff>\n",
        "a".repeat(100),
        (b'b'..=b'z')
            .map(|c| {
                let prev = (c - 1) as char;
                format!("<!ENTITY {} \"{}\">\n", c as char, format!("&{prev};").repeat(10))
            })
            .collect::<String>()
    );
    let xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff SYSTEM \"file:///etc/passwd\">\n<xliff version=\"2.0\"/>\n";
    for (name, content) in [("bomb.xlf", bomb.as_str()), ("xxe.xlf", xxe)] {
        std::fs::write(dir.path().join(name), content).unwrap();
        let o = import(dir.path(), name);
        assert_eq!(o.status.code(), Some(2), "{name}: {}", stderr(&o));
        assert!(stderr(&o).contains(&format!("{name}:")), "{name}: {}", stderr(&o));
        assert!(stderr(&o).contains("document type declaration"), "{}", stderr(&o));
    }
}

#[test]
fn exports_validate_against_the_oasis_schemas() {
    let Some(schemas) = std::env::var_os("L10N_XLIFF_SCHEMAS").map(PathBuf::from) else {
        eprintln!("skipped: set L10N_XLIFF_SCHEMAS (see .ci/xliff-schemas) to validate against the OASIS schemas");
        return;
    };
    if Command::new("xmllint").arg("--version").output().is_err() {
        eprintln!("skipped: xmllint is not installed (Debian: libxml2-utils)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let example = crate::common::copy_example(dir.path());
    let o = l10n(
        &example,
        &[
            "translate",
            "--to",
            "ar,hi,zh",
            "--memory",
            "m.sqlite",
            "--backend",
            "pseudo",
        ],
    );
    assert!(o.status.success() || o.status.code() == Some(1), "{}", stderr(&o));
    std::fs::copy(fixture("note.md"), example.join("note.md")).unwrap();
    for (format, xsd) in [
        ("xliff2", "xliff-core-2.0.xsd"),
        ("xliff12", "xliff-core-1.2-strict.xsd"),
    ] {
        let out = format!("x-{format}");
        let o = l10n(
            &example,
            &[
                "export",
                "article.txt",
                "note.md",
                "--to",
                "ar,hi,zh",
                "--include",
                "all",
                "--format",
                format,
                "--memory",
                "m.sqlite",
                "-o",
                &out,
            ],
        );
        assert!(o.status.success(), "{}", stderr(&o));
        for locale in ["ar", "hi", "zh-Hans"] {
            for doc in ["article.txt", "note.md"] {
                let file = example.join(&out).join(locale).join(format!("{doc}.xlf"));
                let v = Command::new("xmllint")
                    .args(["--nonet", "--noout", "--schema"])
                    .arg(schemas.join(xsd))
                    .arg(&file)
                    .env("XML_CATALOG_FILES", schemas.join("catalog.xml"))
                    .output()
                    .unwrap();
                assert!(
                    v.status.success(),
                    "{} does not validate: {}",
                    file.display(),
                    String::from_utf8_lossy(&v.stderr)
                );
            }
        }
    }
}

#[test]
fn backend_human_exports_what_the_memory_lacks() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture("note.md"), dir.path().join("note.md")).unwrap();
    std::fs::copy(fixture("omegat.xlf"), dir.path().join("omegat.xlf")).unwrap();
    // Half of the document is known: the title only.
    let partial = std::fs::read_to_string(dir.path().join("omegat.xlf")).unwrap();
    let cut = partial.find("<trans-unit id=\"u27e").unwrap();
    let end = partial.find("</body>").unwrap();
    std::fs::write(
        dir.path().join("omegat.xlf"),
        format!("{}{}", &partial[..cut], &partial[end..]),
    )
    .unwrap();
    assert!(import(dir.path(), "omegat.xlf").status.success());
    let o = l10n(
        dir.path(),
        &[
            "translate",
            "note.md",
            "--to",
            "ar",
            "--backend",
            "human",
            "--memory",
            "m.sqlite",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let xlf = std::fs::read_to_string(dir.path().join("out/xliff/ar/note.md.xlf")).unwrap();
    assert_eq!(xlf.matches("<unit ").count(), 3, "{xlf}");
    assert!(!xlf.contains("<source>Field notes</source>"), "{xlf}");
}

/// `import --format json` in `dir`, with the project's targets set to `targets`.
fn import_json(dir: &Path, file: &str) -> (Option<i32>, serde_json::Value) {
    let o = l10n(
        dir,
        &[
            "import",
            file,
            "--document",
            "note.md",
            "--memory",
            "m.sqlite",
            "--format",
            "json",
        ],
    );
    let json = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("no JSON ({e}): {}\n{}", crate::common::stdout(&o), stderr(&o)));
    (o.status.code(), json)
}

#[test]
fn regional_target_tags_match_the_projects_languages() {
    let dir = project();
    let xlf = export(dir.path(), "xliff2");
    assert!(xlf.contains("trgLang=\"ar\""));
    for (project_target, tag, matches) in [
        ("ar", "ar-SA", true),
        ("hi", "hi-IN", true),
        ("zh", "zh-CN", true),
        ("zh-Hans", "zh-Hans-SG", true),
        ("zh", "zh-TW", false),
        ("zh-Hans", "zh-Hant", false),
        ("hi", "ar-SA", false),
    ] {
        std::fs::write(
            dir.path().join("l10n.toml"),
            format!("targets = [\"{project_target}\"]\n"),
        )
        .unwrap();
        let file = format!("{tag}.xlf");
        std::fs::write(
            dir.path().join(&file),
            xlf.replace("trgLang=\"ar\"", &format!("trgLang=\"{tag}\"")),
        )
        .unwrap();
        let (status, json) = import_json(dir.path(), &file);
        let summary = &json[0];
        if matches {
            assert_eq!(status, Some(0), "{tag} → {project_target}: {json}");
            assert!(summary["rejected"].as_array().unwrap().is_empty(), "{json}");
            // Arabic already holds these targets; other languages get them now.
            let stored = summary["imported"].as_u64().unwrap() + summary["unchanged"].as_u64().unwrap();
            assert_eq!(stored, 4, "{tag} → {project_target}: {json}");
        } else {
            assert_eq!(status, Some(1), "{tag} → {project_target}: {json}");
            assert_eq!(summary["imported"], 0, "{json}");
            let rejected = summary["rejected"].as_array().unwrap();
            assert_eq!(rejected.len(), 4, "{json}");
            assert_eq!(rejected[0]["reason"], "language", "{json}");
            assert_eq!(rejected[0]["found"], tag, "{json}");
        }
    }
    // The Hindi and Chinese imports were stored under the project's canonical tags.
    for to in ["hi", "zh"] {
        let o = l10n(
            dir.path(),
            &[
                "translate",
                "note.md",
                "--to",
                to,
                "--backend",
                "memory",
                "--memory",
                "m.sqlite",
                "-o",
                "out",
            ],
        );
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(
            stderr(&o).contains("4 segments — 4 from memory"),
            "{to}: {}",
            stderr(&o)
        );
    }
}

#[test]
fn import_json_reports_each_file_with_reasons() {
    let dir = project();
    let xlf = export(dir.path(), "xliff2");
    let good = review_v2(
        &xlf,
        "minerals deal</pc> was signed",
        "وُقّعت <pc id=\"1\" dataRefStart=\"d1s\" dataRefEnd=\"d1e\">صفقة المعادن</pc> في مايو.",
        "reviewed",
    );
    std::fs::write(dir.path().join("good.xlf"), &good).unwrap();
    let bad =
        review_v2(&xlf, "first.</source>", "اقرأ الملحق أولًا.", "final").replace("Read the <ph", "Please read the <ph");
    std::fs::write(dir.path().join("bad.xlf"), &bad).unwrap();
    let o = l10n(
        dir.path(),
        &[
            "import",
            "good.xlf",
            "bad.xlf",
            "--document",
            "note.md",
            "--memory",
            "m.sqlite",
            "--format",
            "json",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let files = json.as_array().unwrap();
    assert_eq!(files.len(), 2, "{json}");
    assert!(files[0]["file"].as_str().unwrap().ends_with("good.xlf"), "{json}");
    assert_eq!(
        (&files[0]["imported"], &files[0]["unchanged"], &files[0]["empty"]),
        (&1.into(), &3.into(), &0.into()),
        "{json}"
    );
    assert!(files[0]["rejected"].as_array().unwrap().is_empty(), "{json}");
    let rejected = files[1]["rejected"].as_array().unwrap();
    assert_eq!(rejected.len(), 1, "{json}");
    assert_eq!(rejected[0]["reason"], "source-changed", "{json}");
    assert!(rejected[0]["unit"].as_str().unwrap().starts_with('u'), "{json}");
    assert!(rejected[0]["line"].as_u64().unwrap() > 1, "{json}");
    assert!(
        rejected[0]["message"]
            .as_str()
            .unwrap()
            .contains("source text was edited"),
        "{json}"
    );
    // The JSON is the only thing on stdout; the human summary is not printed.
    assert!(!stderr(&o).contains("imported,"), "{}", stderr(&o));
}

/// The peak resident memory of a running child, polled from `/proc` until it exits.
fn peak_rss_kib(child: &mut std::process::Child) -> (std::process::ExitStatus, u64) {
    let status_path = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    loop {
        if let Ok(status) = std::fs::read_to_string(&status_path)
            && let Some(line) = status.lines().find(|l| l.starts_with("VmHWM:"))
        {
            let kib: u64 = line.split_whitespace().nth(1).and_then(|n| n.parse().ok()).unwrap_or(0);
            peak = peak.max(kib);
        }
        if let Some(status) = child.try_wait().unwrap() {
            return (status, peak);
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// A 200 MB XLIFF imports in bounded memory: units are streamed, checked and stored in chunks.
/// About 20 s in a debug build on 2 cores (figures in the README).
#[test]
fn an_xliff_of_200_mb_imports_in_bounded_memory() {
    use std::io::Write;
    let dir = project();
    let xlf = export(dir.path(), "xliff2");
    let reviewed = review_v2(
        &xlf,
        "minerals deal</pc> was signed",
        "وُقّعت <pc id=\"1\" dataRefStart=\"d1s\" dataRefEnd=\"d1e\">صفقة المعادن</pc> في مايو.",
        "reviewed",
    );
    // The document's <file> repeated, each unit carrying 8 KB of reviewer notes.
    let start = reviewed.find("  <file ").unwrap();
    let end = reviewed.find("</xliff>").unwrap();
    let padding = format!(
        "<notes><note category=\"qa\">{}</note></notes>\n      <segment",
        "Checked against the style guide; keep the dates. ".repeat(160)
    );
    let block = reviewed[start..end].replace("<segment", &padding);
    let path = dir.path().join("big.xlf");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    out.write_all(&reviewed.as_bytes()[..start]).unwrap();
    let mut written = start;
    while written < 200 << 20 {
        out.write_all(block.as_bytes()).unwrap();
        written += block.len();
    }
    out.write_all(&reviewed.as_bytes()[end..]).unwrap();
    drop(out);
    let size = std::fs::metadata(&path).unwrap().len();
    assert!(size >= 200 << 20);
    let started = std::time::Instant::now();
    let mut child = Command::new(crate::common::BIN)
        .args([
            "import",
            "big.xlf",
            "--document",
            "note.md",
            "--memory",
            "m.sqlite",
            "--format",
            "json",
        ])
        .current_dir(dir.path())
        .env("LC_ALL", "en_US.UTF-8")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let (status, peak) = peak_rss_kib(&mut child);
    let o = child.wait_with_output().unwrap();
    assert!(status.success(), "{}", stderr(&o));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let copies = (written - start) / block.len();
    assert_eq!(json[0]["imported"], 1, "{json}");
    assert_eq!(
        json[0]["unchanged"].as_u64().unwrap() as usize,
        4 * copies - 1,
        "{json}"
    );
    eprintln!(
        "{size} bytes, {} units: peak RSS {peak} KiB, import {:.1} s",
        4 * copies,
        started.elapsed().as_secs_f64()
    );
    assert!(peak > 0, "no VmHWM read");
    assert!(peak < 150 * 1024, "peak RSS {peak} KiB for a {size}-byte file");
}
