//! The crate as `cargo package` would publish it: every file the code embeds
//! (include_str!/include_bytes!, the default theme) is in it, and the tests,
//! fixtures, example site, docs and CI files are not. (.ci/run also builds
//! the packaged crate: too slow for cargo test.)

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `cargo package --list`: the published files, relative to the crate root.
fn packaged() -> BTreeSet<String> {
    let out = Command::new(env!("CARGO"))
        .args(["package", "--list", "--locked", "--allow-dirty"])
        .current_dir(root())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "cargo package --list: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

/// Resolve `a/b/../c` without touching the file system.
fn normalize(path: &Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    for c in path.components() {
        match c {
            Component::ParentDir => {
                parts.pop();
            }
            Component::Normal(p) => parts.push(p.to_string_lossy().into_owned()),
            _ => {}
        }
    }
    parts.join("/")
}

/// Every `include_str!("…")` and `include_bytes!("…")` under src/, as a
/// path from the crate root.
fn embedded() -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for entry in walkdir::WalkDir::new(root().join("src")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let dir = entry.path().parent().unwrap().strip_prefix(root()).unwrap();
        for macro_name in ["include_str!(\"", "include_bytes!(\""] {
            for (at, _) in text.match_indices(macro_name) {
                let rest = &text[at + macro_name.len()..];
                let literal = &rest[..rest.find('"').unwrap()];
                found.insert(normalize(&dir.join(literal)));
            }
        }
    }
    found
}

#[test]
fn the_package_holds_every_embedded_file_and_the_whole_theme() {
    let files = packaged();
    let embedded = embedded();
    assert!(embedded.len() >= 10, "found too few include_str! uses: {embedded:?}");
    for file in &embedded {
        assert!(files.contains(file), "{file} is embedded by the code but not packaged");
    }
    for entry in walkdir::WalkDir::new(root().join("themes/default")) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let path = normalize(entry.path().strip_prefix(root()).unwrap());
            assert!(files.contains(&path), "{path} is not packaged");
        }
    }
    for needed in ["Cargo.toml", "Cargo.lock", "README.md", "src/main.rs", "src/lib.rs"] {
        assert!(files.contains(needed), "{needed} is not packaged");
    }
}

#[test]
fn the_package_leaves_out_tests_fixtures_docs_and_ci() {
    let files = packaged();
    for file in &files {
        let top = file.split('/').next().unwrap();
        assert!(
            ["src", "themes"].contains(&top) || !file.contains('/'),
            "{file} is packaged: only src/, themes/ and top-level files belong"
        );
        assert!(!file.ends_with(".png"), "{file}: no images");
    }
    for left_out in [
        "action.yml",
        "Dockerfile",
        "dist-workspace.toml",
        "rustfmt.toml",
        ".gitignore",
    ] {
        assert!(!files.contains(left_out), "{left_out} is packaged");
    }
}
