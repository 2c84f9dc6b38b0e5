//! Embeds the interface's Fluent resources: every `locales/<locale>/*.ftl` becomes part of the
//! binary, so the tool speaks the same wherever it runs, and adding a resource file or a
//! language needs no code change here.

use std::fmt::Write;
use std::path::Path;

fn main() {
    // At run time, not `env!`: a build script compiled in another checkout must read this one.
    let root = Path::new(&std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it")).join("locales");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut locales: Vec<_> = std::fs::read_dir(&root)
        .expect("locales/ exists")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .collect();
    locales.sort_by_key(|e| e.file_name());
    let mut code = String::from(
        "/// Every interface resource: (locale, file name, content).\npub const UI_RESOURCES: &[(&str, &str, &str)] = &[\n",
    );
    for locale in locales {
        println!("cargo:rerun-if-changed={}", locale.path().display());
        let mut files: Vec<_> = std::fs::read_dir(locale.path())
            .expect("locale folder is readable")
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
            .collect();
        files.sort();
        for file in files {
            println!("cargo:rerun-if-changed={}", file.display());
            let name = file.file_name().unwrap().to_string_lossy().into_owned();
            writeln!(
                code,
                "    ({:?}, {:?}, include_str!({:?})),",
                locale.file_name().to_string_lossy(),
                name,
                file.display().to_string()
            )
            .unwrap();
        }
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("ui_resources.rs");
    std::fs::write(out, code).unwrap();
}
