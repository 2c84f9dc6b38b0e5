//! Site layouts through the real binary: a folder taken recursively with include/exclude
//! globs, editions where the site generator expects them (`[layout] out`), the folder structure
//! kept, and two inputs that would write one file refused before anything is written.

use crate::common::{l10n, stderr};
use std::path::Path;

fn write(dir: &Path, rel: &str, text: &str) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

#[test]
fn a_folder_translates_into_a_hugo_layout_with_its_structure() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    write(
        p,
        "l10n.toml",
        "source = \"en\"\ntargets = [\"ar\", \"hi\"]\nbackend = \"pseudo\"\n\n[layout]\nout = \"content/{locale}/{path}\"\ninclude = [\"**/*.md\"]\nexclude = [\"drafts/**\"]\n",
    );
    write(
        p,
        "content/en/posts/launch.md",
        "---\ntitle: The launch\n---\n\nThe rocket left on time.\n",
    );
    write(p, "content/en/about.md", "We write about rockets.\n");
    write(p, "content/en/drafts/secret.md", "Not yet.\n");
    write(p, "content/en/notes.txt", "Not Markdown.\n");
    let o = l10n(p, &["translate", "content/en", "-q"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for locale in ["ar", "hi"] {
        let post = std::fs::read_to_string(p.join(format!("content/{locale}/posts/launch.md"))).unwrap();
        assert!(
            post.starts_with("---\ntitle: ") && !post.contains("The launch"),
            "{post}"
        );
        assert!(p.join(format!("content/{locale}/about.md")).is_file());
        assert!(
            !p.join(format!("content/{locale}/drafts")).exists(),
            "an excluded folder was translated"
        );
        assert!(
            !p.join(format!("content/{locale}/notes.txt")).exists(),
            "a file outside include was translated"
        );
    }
    assert!(!p.join("out").exists(), "editions went to out/ instead of the layout");
}

#[test]
fn editions_beside_their_sources() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    write(
        p,
        "l10n.toml",
        "source = \"en\"\ntargets = [\"zh\"]\nbackend = \"pseudo\"\n\n[layout]\nout = \"{dir}/{stem}.{locale}{ext}\"\n",
    );
    write(p, "docs/guide.md", "Read the guide.\n");
    let o = l10n(p, &["translate", "docs/guide.md"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(p.join("docs/guide.zh-Hans.md").is_file());
    // The progress lines' numbers are filled in, never shown as escaped markers.
    assert!(stderr(&o).contains("zh-Hans: 1/1 segments"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("\\u{"), "{}", stderr(&o));
}

#[test]
fn two_inputs_writing_one_edition_are_refused_naming_both() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    write(p, "a/index.md", "First page.\n");
    write(p, "b/index.md", "Second page.\n");
    // The default layout puts both at out/ar/index.md: the second would silently replace the first.
    let o = l10n(
        p,
        &[
            "translate",
            "a/index.md",
            "b/index.md",
            "--to",
            "ar",
            "--backend",
            "pseudo",
        ],
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("a/index.md") && err.contains("b/index.md"), "{err}");
    assert!(!p.join("out").exists(), "something was written before the refusal");
    // Taken as one folder, each keeps its own path.
    let o = l10n(p, &["translate", ".", "--to", "ar", "--backend", "pseudo", "-q"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(p.join("out/ar/a/index.md").is_file() && p.join("out/ar/b/index.md").is_file());
}

#[test]
fn editions_stay_beside_their_sources_whatever_folder_is_walked_and_run_after_run() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    write(
        p,
        "l10n.toml",
        "source = \"en\"\ntargets = [\"zh\", \"hi\"]\nbackend = \"pseudo\"\n\n[layout]\nout = \"{dir}/{stem}.{locale}{ext}\"\n",
    );
    write(p, "content/posts/guide.md", "Read the guide.\n");
    write(p, "content/posts/cover.png", "not a document");
    let documents = |p: &Path| {
        let mut found: Vec<String> = crate::common::walk_files(p)
            .into_iter()
            .filter(|f| f.extension().is_some_and(|e| e == "md"))
            .map(|f| f.strip_prefix(p).unwrap().display().to_string())
            .collect();
        found.sort();
        found
    };
    let expected = vec![
        "content/posts/guide.hi.md".to_string(),
        "content/posts/guide.md".to_string(),
        "content/posts/guide.zh-Hans.md".to_string(),
    ];
    // The folder given, then the whole project, then the folder again: the editions of the
    // earlier runs are neither translated again nor refused as inputs to overwrite.
    for folder in ["content", ".", "content"] {
        let o = l10n(p, &["translate", folder, "-q"]);
        assert_eq!(o.status.code(), Some(0), "translate {folder}: {}", stderr(&o));
        assert_eq!(documents(p), expected, "after translate {folder}");
    }
}
