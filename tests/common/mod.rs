//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

/// The reference time the example site and fixtures are built at.
pub const NOW: &str = "2026-11-20T15:00:00Z";

/// `tests/fixtures/NAME`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// The repository's `example-site/`.
pub fn example_site() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("example-site")
}

/// The example site copied to `to` in its default language only: without
/// `languages: [de]`, its `translations:` (the last key of its `site.yaml`)
/// and its German translation files (`NAME.de.md`, `NAME.de.yaml`), and
/// with `language: LANGUAGE`.
pub fn one_language_example(to: &Path, language: &str) {
    copy_tree(&example_site(), to);
    let yaml = std::fs::read_to_string(to.join("site.yaml")).unwrap();
    assert!(yaml.contains("\nlanguage: en\n"), "the example says `language: en`");
    let (yaml, _) = yaml
        .split_once("\ntranslations:\n")
        .expect("the example translates its texts, last in site.yaml");
    assert!(yaml.contains("\nlanguages: [de]\n"), "the example is in German too");
    for entry in walkdir::WalkDir::new(to) {
        let path = entry.unwrap().into_path();
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        if path.is_file() && stem.ends_with(".de") {
            std::fs::remove_file(&path).unwrap();
        }
    }
    std::fs::write(
        to.join("site.yaml"),
        format!(
            "{}\n",
            yaml.replace("\nlanguages: [de]\n", "\n")
                .replace("\nlanguage: en\n", &format!("\nlanguage: {language}\n"))
        ),
    )
    .unwrap();
}

/// Copy the tree `from` into `to` (created if needed), skipping `public/`;
/// symbolic links stay links.
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_entry(|e| e.file_name() != "public")
    {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else if entry.path_is_symlink() {
            // Links are copied as links (some broken sites are made of them).
            std::os::unix::fs::symlink(fs::read_link(entry.path()).unwrap(), &target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The `allclear` binary.
pub fn allclear() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("allclear").unwrap();
    cmd.env_remove("SOURCE_DATE_EPOCH").env("NO_COLOR", "1");
    cmd
}

/// Every file under `dir` with its bytes, sorted by path. allclear's
/// marker counts without its page keys, which hold the files'
/// modification times and so differ between two equal builds.
pub fn snapshot_tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out: Vec<(PathBuf, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let mut bytes = fs::read(e.path()).unwrap();
            if e.file_name() == ".allclear-output" {
                let keys = bytes.windows(13).position(|w| w == b"# page keys: ");
                bytes.truncate(keys.unwrap_or(bytes.len()));
            }
            (e.path().strip_prefix(dir).unwrap().to_path_buf(), bytes)
        })
        .collect();
    out.sort();
    out
}

/// `allclear build SITE [--out OUT] --now NOW`.
pub fn build_pinned(site: impl AsRef<Path>, out: Option<&Path>) -> assert_cmd::Command {
    let mut cmd = allclear();
    cmd.arg("build").arg(site.as_ref());
    if let Some(out) = out {
        cmd.arg("--out").arg(out);
    }
    cmd.args(["--now", NOW]);
    cmd
}

/// Panics unless `xml` is well-formed XML 1.0: one root element, balanced
/// and matching tags, attribute values and text that unescape, no entity
/// but XML's five and character references, and nothing but white space
/// outside the root. The one XML checker of the tests (quick-xml's reader
/// walks every event); the panic message says `not well-formed`.
pub fn assert_well_formed_xml(name: &str, xml: &str) {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut open: Vec<Vec<u8>> = Vec::new();
    let mut roots = 0;
    loop {
        let event = reader
            .read_event()
            .unwrap_or_else(|e| panic!("{name}: not well-formed at byte {}: {e}", reader.error_position()));
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                roots += usize::from(open.is_empty());
                for attr in e.attributes() {
                    let attr = attr.unwrap_or_else(|err| panic!("{name}: not well-formed: bad attribute: {err}"));
                    attr.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .unwrap_or_else(|err| panic!("{name}: not well-formed: bad attribute value: {err}"));
                }
                if matches!(event, Event::Start(_)) {
                    open.push(e.name().as_ref().to_vec());
                }
            }
            Event::End(ref e) => {
                let closed = open.pop();
                assert!(
                    closed.as_deref() == Some(e.name().as_ref()),
                    "{name}: not well-formed: mismatched </{}>",
                    String::from_utf8_lossy(e.name().as_ref())
                );
            }
            Event::Text(ref t) => {
                let text = t
                    .xml_content(quick_xml::XmlVersion::Implicit1_0)
                    .unwrap_or_else(|err| panic!("{name}: not well-formed: bad text: {err}"));
                assert!(
                    !open.is_empty() || text.trim().is_empty(),
                    "{name}: not well-formed: text outside the root: {text:?}"
                );
            }
            Event::GeneralRef(ref r) => {
                assert!(
                    !open.is_empty(),
                    "{name}: not well-formed: a reference outside the root"
                );
                let known = if r.is_char_ref() {
                    matches!(r.resolve_char_ref(), Ok(Some(_)))
                } else {
                    matches!(&r[..], b"amp" | b"lt" | b"gt" | b"quot" | b"apos")
                };
                assert!(
                    known,
                    "{name}: not well-formed: undeclared entity &{};",
                    String::from_utf8_lossy(&r[..])
                );
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(
        roots == 1 && open.is_empty(),
        "{name}: not well-formed: {roots} root elements, unclosed {:?}",
        open.iter()
            .map(|t| String::from_utf8_lossy(t).into_owned())
            .collect::<Vec<_>>()
    );
}

/// A copy of `tests/fixtures/base-site` in `tmp/site`, with `lines` added to
/// its `site.yaml` (before `time_zone:`).
pub fn base_site_with(tmp: &Path, lines: &str) -> PathBuf {
    let site = tmp.join("site");
    copy_tree(&fixture("base-site"), &site);
    let yaml = fs::read_to_string(site.join("site.yaml")).unwrap();
    fs::write(
        site.join("site.yaml"),
        yaml.replace("time_zone:", &format!("{lines}\ntime_zone:")),
    )
    .unwrap();
    site
}

/// `git -C repo ARGS` with a fixed identity, no signing, `main` as the
/// first branch and no system config; panics with git's stderr on failure.
pub fn git(repo: &Path, args: &[&str]) {
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(repo)
        .args([
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.com",
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}
