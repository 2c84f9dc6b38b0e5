//! Issue 16's hardening, through the real binary: each defect's regression test is named after
//! it. Engines are local servers on 127.0.0.1; nothing reaches the network.

use crate::common::{l10n, stderr, stdout, walk_files};
use crate::engines::{GOOGLE, KEY, project, run_engine};
use crate::http_server::{Response, TestServer};
use serde_json::json;
use std::path::Path;
use std::process::{Command, Output};

/// Runs `l10n` in `dir` with extra environment variables.
fn l10n_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(crate::common::BIN);
    command
        .args(args)
        .current_dir(dir)
        .env("LC_ALL", "en_US.UTF-8")
        .env("NO_COLOR", "1");
    for (k, v) in env {
        command.env(k, v);
    }
    command.output().expect("the binary runs")
}

/// A TMX unit: (source, lang, target, props).
type Unit<'a> = (&'a str, &'a str, &'a str, &'a [(&'a str, &'a str)]);

/// A TMX file of English sentences with one target each.
fn tmx(units: &[Unit<'_>]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n  <header creationtool=\"t\" creationtoolversion=\"1\" datatype=\"plaintext\" segtype=\"sentence\" adminlang=\"en-US\" srclang=\"en\" o-tmf=\"none\"/>\n  <body>\n",
    );
    for (source, lang, target, props) in units {
        out.push_str("    <tu>\n");
        for (k, v) in *props {
            out.push_str(&format!("      <prop type=\"{k}\">{v}</prop>\n"));
        }
        out.push_str(&format!(
            "      <tuv xml:lang=\"en\"><seg>{source}</seg></tuv>\n      <tuv xml:lang=\"{lang}\"><seg>{target}</seg></tuv>\n    </tu>\n"
        ));
    }
    out.push_str("  </body>\n</tmx>\n");
    out
}

fn ok(o: &Output) {
    assert!(o.status.success(), "{}\n{}", stdout(o), stderr(o));
}

const SENTENCE: &str = "Exports fell sharply.";

#[test]
fn engine_decoder_panics_on_entities_before_non_ascii_text() {
    // #1: an ordinary answer (`&amp;` before Chinese, a span id in another script).
    let server = TestServer::start(|r| {
        let q = r.json()["q"].as_array().map_or(0, Vec::len);
        let t = json!({"translatedText": "研究&amp;开发部门<span id=\"é1\">x</span>"});
        Response::json(200, &json!({"data": {"translations": vec![t; q]}}))
    });
    let dir = project(GOOGLE, &server.url, "");
    let o = run_engine(
        dir.path(),
        GOOGLE,
        &["translate", "article.md", "--to", "zh", "--memory", "m.sqlite"],
    );
    assert_ne!(o.status.code(), Some(101), "{}", stderr(&o));
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
    let edition = std::fs::read_to_string(dir.path().join("out/zh-Hans/article.md")).unwrap();
    assert!(edition.contains("开发部门"), "{edition}");
}

#[test]
fn google_azure_libretranslate_never_receive_placeholder_originals() {
    // #9: comments and inline code go to HTML engines as opaque tokens.
    let server = TestServer::start(|r| {
        let texts: Vec<serde_json::Value> = r.json()["q"]
            .as_array()
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .map(|t| json!({"translatedText": t}))
            .collect();
        Response::json(200, &json!({"data": {"translations": texts}}))
    });
    let dir = project(GOOGLE, &server.url, "");
    std::fs::write(
        dir.path().join("article.md"),
        "Run `export TOKEN=abc123` first <!-- TODO internal figure 41 --> and then wait.\n",
    )
    .unwrap();
    let o = run_engine(
        dir.path(),
        GOOGLE,
        &["translate", "article.md", "--to", "ar", "--memory", "m.sqlite"],
    );
    ok(&o);
    let requests = server.requests();
    assert!(!requests.is_empty());
    for r in requests {
        let body = String::from_utf8_lossy(&r.body).into_owned();
        assert!(!body.contains("TOKEN") && !body.contains("internal figure"), "{body}");
    }
    let edition = std::fs::read_to_string(dir.path().join("out/ar/article.md")).unwrap();
    assert!(
        edition.contains("`export TOKEN=abc123`") && edition.contains("<!-- TODO internal figure 41 -->"),
        "{edition}"
    );
}

#[test]
fn an_api_key_echoed_near_the_cut_is_scrubbed_before_truncation() {
    // #8: the key straddles the 300th character of the engine's error text.
    let server = TestServer::start(|_| {
        let message = format!("{}{KEY} is not valid", "x".repeat(290));
        Response::json(400, &json!({"error": {"code": 400, "message": message}}))
    });
    let dir = project(GOOGLE, &server.url, "");
    let o = run_engine(
        dir.path(),
        GOOGLE,
        &["translate", "article.md", "--to", "ar", "--memory", "m.sqlite"],
    );
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(err.contains("xxxx"), "the engine's text is shown: {err}");
    assert!(!err.contains("5ecret") && !err.contains("test-key"), "{err}");
}

#[test]
fn a_project_file_cannot_send_secrets_elsewhere() {
    // #7: a committed l10n.toml names another variable, or a server of its own.
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.txt"), "Hello there.\n").unwrap();
    let run = |toml: &str, env: &[(&str, &str)]| {
        std::fs::write(d.join("l10n.toml"), toml).unwrap();
        l10n_env(d, &["translate", "a.txt", "--to", "ar", "--memory", "m.sqlite"], env)
    };
    let o = run(
        "backend = \"google\"\n[backends.google]\napi_key_env = \"GITHUB_TOKEN\"\n",
        &[("GITHUB_TOKEN", "ghp_s3cret")],
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("GITHUB_TOKEN") && stderr(&o).contains("L10N_"),
        "{}",
        stderr(&o)
    );
    assert!(!stderr(&o).contains("ghp_s3cret"));

    let server = TestServer::start(|_| Response::json(500, &json!({})));
    let toml = "backend = \"google\"\n[backends.google]\nurl = \"https://evil.example\"\n";
    let o = run(toml, &[("GOOGLE_API_KEY", KEY)]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("L10N_GOOGLE_URL") && stderr(&o).contains("L10N_TRUST_PROJECT_URLS"),
        "{}",
        stderr(&o)
    );
    // The URL from the environment is the user's choice: the key goes there.
    let served = server.url.clone();
    let o = run(toml, &[("GOOGLE_API_KEY", KEY), ("L10N_GOOGLE_URL", &served)]);
    assert_ne!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(!server.requests().is_empty(), "the environment's URL was used");

    std::fs::write(d.join("l10n.toml"), "[memory]\npassword_env = \"GITHUB_TOKEN\"\n").unwrap();
    let o = l10n(d, &["memory", "stats"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("password_env") && stderr(&o).contains("PGPASSWORD"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn postgres_passwords_with_slash_query_or_parameter_are_refused_and_never_shown() {
    // #6: in l10n.toml such a password is refused; on the command line it is never printed.
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for url in [
        "postgres://team:pa/ss@127.0.0.1:1/l10n",
        "postgres://team:pa?ss@127.0.0.1:1/l10n",
        "postgres://team@127.0.0.1:1/l10n?password=pa-ss",
    ] {
        std::fs::write(d.join("l10n.toml"), format!("[memory]\nurl = \"{url}\"\n")).unwrap();
        let o = l10n(d, &["memory", "stats"]);
        assert_eq!(o.status.code(), Some(2), "{url}: {}", stderr(&o));
        assert!(stderr(&o).contains("password"), "{url}: {}", stderr(&o));
        assert!(!stderr(&o).contains("pa/ss") && !stderr(&o).contains("pa?ss") && !stderr(&o).contains("pa-ss"));
    }
    std::fs::remove_file(d.join("l10n.toml")).unwrap();
    for url in [
        "postgres://team:pa/ss@127.0.0.1:1/l10n",
        "postgres://team@127.0.0.1:1/l10n?password=pa-ss",
    ] {
        let o = l10n_env(
            d,
            &["memory", "stats", "--memory", url],
            &[("L10N_PG_RETRY_SECS", "0.2")],
        );
        assert_eq!(o.status.code(), Some(2), "{url}: {}", stderr(&o));
        assert!(stderr(&o).contains("127.0.0.1:1"), "{url}: {}", stderr(&o));
        assert!(
            !stderr(&o).contains("pa/ss") && !stderr(&o).contains("pa-ss"),
            "{}",
            stderr(&o)
        );
    }
}

#[test]
fn a_later_lower_import_never_replaces_human_final_work() {
    // #3: a final human translation, then a vendor TMX without state for the same sentence.
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let final_props: &[(&str, &str)] = &[("x-l10n-state", "final")];
    std::fs::write(
        d.join("final.tmx"),
        tmx(&[(SENTENCE, "ar", "انخفضت الصادرات بشدة.", final_props)]),
    )
    .unwrap();
    std::fs::write(d.join("vendor.tmx"), tmx(&[(SENTENCE, "ar", "هبطت الصادرات.", &[])])).unwrap();
    ok(&l10n(d, &["memory", "import", "final.tmx", "--memory", "m.sqlite"]));
    let o = l10n(d, &["memory", "import", "vendor.tmx", "--memory", "m.sqlite"]);
    ok(&o);
    assert!(
        stderr(&o).contains("vendor.tmx") && stderr(&o).contains("alternative"),
        "the conflict is reported: {}",
        stderr(&o)
    );
    let o = l10n(d, &["memory", "lookup", SENTENCE, "--to", "ar", "--memory", "m.sqlite"]);
    ok(&o);
    let out = stdout(&o);
    assert!(out.contains("exact: انخفضت الصادرات بشدة."), "{out}");
    assert!(out.contains("final"), "{out}");
    assert!(out.contains("alternative: هبطت الصادرات."), "{out}");

    // A better one replaces it; the replaced one is an earlier version `--history` shows.
    let reviewed: &[(&str, &str)] = &[("x-l10n-state", "final")];
    std::fs::write(
        d.join("fix.tmx"),
        tmx(&[(SENTENCE, "ar", "تراجعت الصادرات بحدة.", reviewed)]),
    )
    .unwrap();
    ok(&l10n(d, &["memory", "import", "fix.tmx", "--memory", "m.sqlite"]));
    let plain = stdout(&l10n(
        d,
        &["memory", "lookup", SENTENCE, "--to", "ar", "--memory", "m.sqlite"],
    ));
    assert!(
        plain.contains("exact: تراجعت الصادرات بحدة.") && !plain.contains("earlier"),
        "{plain}"
    );
    let o = l10n(
        d,
        &[
            "memory",
            "lookup",
            SENTENCE,
            "--to",
            "ar",
            "--history",
            "--memory",
            "m.sqlite",
        ],
    );
    assert!(stdout(&o).contains("earlier: انخفضت الصادرات بشدة."), "{}", stdout(&o));

    // The XLIFF hand-off offers the alternative to the translator.
    std::fs::write(d.join("doc.txt"), format!("{SENTENCE}\n")).unwrap();
    let export = |format: &str, dir: &str| {
        let args = [
            "export",
            "doc.txt",
            "--to",
            "ar",
            "--include",
            "all",
            "--format",
            format,
        ];
        ok(&l10n(d, &[&args[..], &["--memory", "m.sqlite", "-o", dir]].concat()));
        let files = walk_files(&d.join(dir));
        files
            .into_iter()
            .map(|f| std::fs::read_to_string(f).unwrap())
            .collect::<String>()
    };
    let xliff = export("xliff2", "x2");
    assert!(
        xliff.contains("<mtc:match") && xliff.contains("هبطت الصادرات."),
        "{xliff}"
    );
    let xliff = export("xliff12", "x12");
    assert!(
        xliff.contains("<alt-trans") && xliff.contains("هبطت الصادرات."),
        "{xliff}"
    );
}

#[test]
fn memory_copy_keeps_the_sources_human_work() {
    // #4: both memories hold human work for the same sentence.
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let final_props: &[(&str, &str)] = &[("x-l10n-state", "final")];
    std::fs::write(
        d.join("final.tmx"),
        tmx(&[(SENTENCE, "hi", "निर्यात तेज़ी से गिरा।", final_props)]),
    )
    .unwrap();
    std::fs::write(d.join("draft.tmx"), tmx(&[(SENTENCE, "hi", "निर्यात गिरा।", &[])])).unwrap();
    ok(&l10n(d, &["memory", "import", "final.tmx", "--memory", "a.sqlite"]));
    ok(&l10n(d, &["memory", "import", "draft.tmx", "--memory", "b.sqlite"]));
    ok(&l10n(d, &["memory", "import", "draft.tmx", "--memory", "c.sqlite"]));
    // The source's final beats the destination's translated one.
    let o = l10n(d, &["memory", "copy", "--from", "a.sqlite", "--to", "b.sqlite"]);
    ok(&o);
    assert!(!stderr(&o).contains(" 0 "), "{}", stderr(&o));
    let out = stdout(&l10n(
        d,
        &[
            "memory",
            "lookup",
            SENTENCE,
            "--to",
            "hi",
            "--history",
            "--memory",
            "b.sqlite",
        ],
    ));
    assert!(out.contains("exact: निर्यात तेज़ी से गिरा।"), "{out}");
    assert!(out.contains("earlier: निर्यात गिरा।"), "{out}");
    // The other way, the destination's final stays; the draft is kept as an alternative.
    let o = l10n(d, &["memory", "copy", "--from", "c.sqlite", "--to", "a.sqlite"]);
    ok(&o);
    assert!(stderr(&o).contains("alternative"), "{}", stderr(&o));
    let out = stdout(&l10n(
        d,
        &["memory", "lookup", SENTENCE, "--to", "hi", "--memory", "a.sqlite"],
    ));
    assert!(
        out.contains("exact: निर्यात तेज़ी से गिरा।") && out.contains("alternative: निर्यात गिरा।"),
        "{out}"
    );
    // Copying again changes nothing more.
    let o = l10n(d, &["memory", "copy", "--from", "c.sqlite", "--to", "a.sqlite"]);
    ok(&o);
    assert!(!stderr(&o).contains("alternative"), "{}", stderr(&o));
}

#[test]
fn terminal_escapes_from_a_tmx_are_not_printed_raw() {
    // #10: `&#x1b;` in a TMX segment reaches `memory lookup`'s output as text, not a command.
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("evil.tmx"),
        tmx(&[(SENTENCE, "ar", "&#x1b;]0;pwned&#x7;&#x1b;[2Jنص", &[])]),
    )
    .unwrap();
    ok(&l10n(d, &["memory", "import", "evil.tmx", "--memory", "m.sqlite"]));
    let o = l10n(d, &["memory", "lookup", SENTENCE, "--to", "ar", "--memory", "m.sqlite"]);
    ok(&o);
    let out = stdout(&o);
    assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
    assert!(out.contains("\\u{1b}[2J"), "{out}");
}

#[test]
fn gc_older_than_u64_max_does_not_wrap() {
    // #12: a stale machine translation (a human one exists) of any age.
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let machine: &[(&str, &str)] = &[("x-l10n-origin", "machine"), ("x-l10n-engine", "deepl")];
    std::fs::write(
        d.join("mt.tmx"),
        tmx(&[(SENTENCE, "zh-Hans", "出口大幅下降。", machine)]),
    )
    .unwrap();
    std::fs::write(
        d.join("human.tmx"),
        tmx(&[(SENTENCE, "zh-Hans", "出口急剧下降。", &[])]),
    )
    .unwrap();
    ok(&l10n(
        d,
        &["memory", "import", "mt.tmx", "human.tmx", "--memory", "m.sqlite"],
    ));
    let gc = |days: &str| {
        let o = l10n(
            d,
            &[
                "memory",
                "gc",
                "--older-than",
                days,
                "--format",
                "json",
                "--memory",
                "m.sqlite",
            ],
        );
        ok(&o);
        serde_json::from_slice::<serde_json::Value>(&o.stdout).unwrap()["removed"]
            .as_u64()
            .unwrap()
    };
    assert_eq!(gc("18446744073709551615"), 0, "nothing is that old");
    assert_eq!(gc("9223372036854775807"), 0, "nothing is that old");
    assert_eq!(gc("0"), 1, "the stale row is there to remove");
}

#[test]
fn xliff_export_writes_only_characters_xml_allows_and_they_round_trip() {
    // #11: a control character and U+FFFF in a document's sentence.
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("note.txt"), "Press \u{1b}[1m here\u{ffff} now.\n").unwrap();
    for (format, code) in [("xliff2", "<cp hex=\"001B\"/>"), ("xliff12", "ctype=\"x-l10n-cp\"")] {
        let (out, memory) = (format!("x-{format}"), format!("{format}.sqlite"));
        let o = l10n(
            d,
            &[
                "export", "note.txt", "--to", "ar", "--format", format, "--memory", &memory, "-o", &out,
            ],
        );
        ok(&o);
        let file = walk_files(&d.join(&out)).pop().unwrap();
        let xliff = std::fs::read_to_string(&file).unwrap();
        assert!(!xliff.contains('\u{1b}') && !xliff.contains('\u{ffff}'), "{xliff:?}");
        assert!(xliff.contains(code), "{xliff}");
        // The translator copies the source into the target and marks it final.
        let source = xliff
            .split("<source>")
            .nth(1)
            .unwrap()
            .split("</source>")
            .next()
            .unwrap()
            .to_string();
        let filled = match xliff.contains("<target state=\"needs-translation\"></target>") {
            true => xliff.replace(
                "<target state=\"needs-translation\"></target>",
                &format!("<target state=\"final\">{source}</target>"),
            ),
            false => xliff
                .replacen("</source>", &format!("</source>\n<target>{source}</target>"), 1)
                .replace("state=\"initial\"", "state=\"final\""),
        };
        std::fs::write(&file, filled).unwrap();
        let file = file.to_str().unwrap();
        let o = l10n(d, &["import", file, "--document", "note.txt", "--memory", &memory]);
        ok(&o);
        assert!(
            !stderr(&o).contains("rejected:") && !stderr(&o).contains("edited"),
            "{}",
            stderr(&o)
        );
        let o = l10n(
            d,
            &[
                "memory",
                "lookup",
                "Press \u{1b}[1m here\u{ffff} now.",
                "--to",
                "ar",
                "--memory",
                &memory,
            ],
        );
        ok(&o);
        assert!(
            stdout(&o).contains("exact: Press \\u{1b}[1m here\u{ffff} now."),
            "{format}: {}",
            stdout(&o)
        );
    }
}
