//! A rebuild into the same output folder keeps the pages whose inputs did
//! not change without rendering them (issue 13: "Reuse makes the rebuild
//! fast too"), and is still byte for byte the build a fresh folder gets:
//! after an edit, a changed component name, a changed template, a template
//! that shows the build time on every page, or another allclear version.
//! Real builds of the example site with the real binary.

use crate::common;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

const FIRST: &str = "2026-11-20T15:00:00Z";
const LATER: &str = "2026-11-20T15:20:00Z";
/// A resolved incident: its page is fixed (it shows no build time).
const OLD_PAGE: &str = "incidents/2026-05-22-dashboard-slow-loading/index.html";

/// Every file under `dir` but allclear's marker: path → bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file() && e.file_name() != ".allclear-output")
        .map(|e| {
            let path = e.path().strip_prefix(dir).unwrap().to_string_lossy().into_owned();
            (path, fs::read(e.path()).unwrap())
        })
        .collect()
}

fn build(site: &Path, out: &Path, now: &str) -> String {
    let out = common::allclear()
        .arg("build")
        .arg(site)
        .arg("--out")
        .arg(out)
        .args(["--now", now])
        .assert()
        .success()
        .get_output()
        .clone();
    String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap()
}

/// Rebuild `site` into `out` at `now`, build it into an empty folder too,
/// and check that both hold the same files with the same bytes.
fn rebuild_matches_fresh(site: &Path, out: &Path, now: &str) -> String {
    let line = build(site, out, now);
    let fresh = out.with_extension("fresh");
    build(site, &fresh, now);
    let (kept, new) = (files(out), files(&fresh));
    assert_eq!(kept.keys().collect::<Vec<_>>(), new.keys().collect::<Vec<_>>());
    for (path, bytes) in &new {
        assert!(kept[path] == *bytes, "{path} differs from a fresh build's");
    }
    fs::remove_dir_all(&fresh).unwrap();
    line
}

/// Change `OLD_PAGE` in the output without changing its size or
/// modification time: a page rendered again gets its right bytes back; a
/// page kept by its key stays as it is.
fn tamper(out: &Path) -> Vec<u8> {
    let path = out.join(OLD_PAGE);
    let meta = fs::metadata(&path).unwrap();
    let text = fs::read_to_string(&path).unwrap().replace("</html>", "</HTML>");
    // Hard-linked files are shared with earlier outputs: write a new one.
    fs::remove_file(&path).unwrap();
    fs::write(&path, &text).unwrap();
    let f = fs::File::options().write(true).open(&path).unwrap();
    f.set_modified(meta.modified().unwrap()).unwrap();
    assert_eq!(fs::metadata(&path).unwrap().len(), meta.len());
    text.into_bytes()
}

fn site(tmp: &Path) -> std::path::PathBuf {
    let site = tmp.join("site");
    common::copy_tree(&common::example_site(), &site);
    site
}

#[test]
fn an_unchanged_page_is_kept_without_rendering_and_the_rebuild_equals_a_fresh_build() {
    let tmp = tempfile::tempdir().unwrap();
    let site = site(tmp.path());
    let out = tmp.path().join("public");
    build(&site, &out, FIRST);
    let tampered = tamper(&out);
    // An edit to the ongoing incident, as `allclear update` would make.
    let ongoing = site.join("incidents/2026/11/2026-11-20-api-errors.md");
    let text = fs::read_to_string(&ongoing).unwrap();
    fs::write(&ongoing, text.replacen("title: ", "title: Still - ", 1)).unwrap();

    build(&site, &out, LATER);
    assert_eq!(
        fs::read(out.join(OLD_PAGE)).unwrap(),
        tampered,
        "the resolved incident's page was rendered again, though nothing it shows changed"
    );
    fs::remove_file(out.join(OLD_PAGE)).unwrap();
    // Without the tampering, the rebuild is the fresh build.
    let line = rebuild_matches_fresh(&site, &out, LATER);
    assert!(line.contains("unchanged"), "{line}");
    let page = fs::read_to_string(out.join("incidents/2026-11-20-api-errors/index.html")).unwrap();
    assert!(page.contains("Still - "), "the edited incident's page was rendered");
}

#[test]
fn a_page_edited_in_the_output_folder_is_rendered_again() {
    let tmp = tempfile::tempdir().unwrap();
    let site = site(tmp.path());
    let out = tmp.path().join("public");
    build(&site, &out, FIRST);
    tamper(&out);
    // A hand edit changes the modification time.
    let path = out.join(OLD_PAGE);
    let f = fs::File::options().write(true).open(&path).unwrap();
    f.set_modified(std::time::SystemTime::now() + std::time::Duration::from_secs(5))
        .unwrap();
    rebuild_matches_fresh(&site, &out, LATER);
}

#[test]
fn a_renamed_component_renders_the_resolved_incidents_that_show_it() {
    let tmp = tempfile::tempdir().unwrap();
    let site = site(tmp.path());
    let out = tmp.path().join("public");
    build(&site, &out, FIRST);
    let before = fs::read_to_string(out.join(OLD_PAGE)).unwrap();
    assert!(before.contains(">Dashboard<"), "the page names its component");
    let yaml = site.join("site.yaml");
    let text = fs::read_to_string(&yaml).unwrap();
    fs::write(&yaml, text.replacen("name: Dashboard", "name: Web console", 1)).unwrap();
    rebuild_matches_fresh(&site, &out, LATER);
    let after = fs::read_to_string(out.join(OLD_PAGE)).unwrap();
    assert!(
        after.contains("Web console") && !after.contains(">Dashboard<"),
        "{after}"
    );
}

#[test]
fn a_changed_template_renders_every_page() {
    let tmp = tempfile::tempdir().unwrap();
    let site = site(tmp.path());
    let out = tmp.path().join("public");
    build(&site, &out, FIRST);
    let theme = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/base.html");
    let base = fs::read_to_string(theme).unwrap();
    fs::create_dir_all(site.join("templates")).unwrap();
    fs::write(
        site.join("templates/base.html"),
        base.replace("</body>", "<!-- v2 --></body>"),
    )
    .unwrap();
    rebuild_matches_fresh(&site, &out, LATER);
    for (path, bytes) in files(&out) {
        if path.ends_with(".html") && path != "embed.html" {
            let text = String::from_utf8(bytes).unwrap();
            assert!(
                text.contains("<!-- v2 -->"),
                "{path} was not rendered with the new template"
            );
        }
    }
}

#[test]
fn a_template_that_shows_the_build_time_everywhere_renders_every_page_at_a_new_time() {
    let tmp = tempfile::tempdir().unwrap();
    let site = site(tmp.path());
    let theme = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/base.html");
    let base = fs::read_to_string(theme).unwrap();
    fs::create_dir_all(site.join("templates")).unwrap();
    fs::write(
        site.join("templates/base.html"),
        base.replace("</body>", "<!-- at {{ built_at.iso }} --></body>"),
    )
    .unwrap();
    let out = tmp.path().join("public");
    build(&site, &out, FIRST);
    rebuild_matches_fresh(&site, &out, LATER);
    let page = fs::read_to_string(out.join(OLD_PAGE)).unwrap();
    assert!(page.contains("<!-- at 2026-11-20T15:20:00Z -->"), "{page}");
}

#[test]
fn keys_of_another_allclear_version_are_ignored() {
    let tmp = tempfile::tempdir().unwrap();
    let site = site(tmp.path());
    let out = tmp.path().join("public");
    build(&site, &out, FIRST);
    tamper(&out);
    let marker = out.join(".allclear-output");
    let text = fs::read_to_string(&marker).unwrap();
    let version = format!("allclear {} page key", env!("CARGO_PKG_VERSION"));
    assert!(text.contains(&version), "{text}");
    fs::remove_file(&marker).unwrap();
    fs::write(&marker, text.replace(&version, "allclear 0.0.0-older page key")).unwrap();
    rebuild_matches_fresh(&site, &out, LATER);
}

/// A changed string in the site's `i18n/en.ftl` renders every page that
/// shows it: the message files are part of every page's key.
#[test]
fn a_changed_interface_string_renders_every_page_that_shows_it() {
    let tmp = tempfile::tempdir().unwrap();
    let site = site(tmp.path());
    let out = tmp.path().join("public");
    fs::create_dir_all(site.join("i18n")).unwrap();
    fs::write(site.join("i18n/en.ftl"), "footer-powered = Made with allclear\n").unwrap();
    build(&site, &out, FIRST);
    assert!(
        fs::read_to_string(out.join(OLD_PAGE))
            .unwrap()
            .contains("Made with allclear")
    );
    fs::write(site.join("i18n/en.ftl"), "footer-powered = Built by allclear\n").unwrap();
    rebuild_matches_fresh(&site, &out, LATER);
    // The English pages: the German ones (`de/`) show the German string.
    let pages: Vec<(String, Vec<u8>)> = files(&out)
        .into_iter()
        .filter(|(p, _)| p.ends_with(".html") && !p.starts_with("de/"))
        .collect();
    assert!(pages.len() > 20, "{}", pages.len());
    for (path, bytes) in pages {
        let text = String::from_utf8(bytes).unwrap();
        assert!(
            text.contains(">Built by allclear<") && !text.contains("Made with"),
            "{path} was not rendered with the new string"
        );
    }
}
