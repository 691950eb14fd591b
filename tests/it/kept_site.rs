//! The site a build replaces is kept next to the output folder
//! (`.NAME.allclear-kept`), and the next build updates it in place instead
//! of writing every file again (issue 13: "Reuse makes the rebuild fast
//! too"). Whatever happened in between (an update, a changed site.yaml, a
//! renamed component, a changed template, a deleted incident, a failed or
//! killed build, a kept site tampered with), the rebuild publishes exactly
//! what a build into an empty folder does, and every file whose bytes did
//! not change is still the live site's file (same inode, same modification
//! time). Real builds of the example site with the real binary.

use crate::common;
use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

const MARKER: &str = ".allclear-output";

/// One entry of a tree: kind and permission bits, bytes for a file, link
/// target for a link.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Node {
    kind: char,
    mode: u32,
    bytes: Vec<u8>,
}

/// Every entry under `dir` but allclear's marker (its page keys hold
/// modification times), by path.
fn tree(dir: &Path) -> BTreeMap<String, Node> {
    walkdir::WalkDir::new(dir)
        .min_depth(1)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_name() != MARKER)
        .map(|e| {
            let meta = e.path().symlink_metadata().unwrap();
            let (kind, bytes) = if meta.is_dir() {
                ('d', Vec::new())
            } else if meta.is_file() {
                ('f', fs::read(e.path()).unwrap())
            } else {
                (
                    'l',
                    fs::read_link(e.path()).unwrap().into_os_string().into_encoded_bytes(),
                )
            };
            let path = e.path().strip_prefix(dir).unwrap().to_string_lossy().into_owned();
            (
                path,
                Node {
                    kind,
                    mode: meta.mode(),
                    bytes,
                },
            )
        })
        .collect()
}

/// Inode and modification time of every file under `dir`.
fn identities(dir: &Path) -> BTreeMap<String, (u64, i64, i64)> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let meta = e.metadata().unwrap();
            let path = e.path().strip_prefix(dir).unwrap().to_string_lossy().into_owned();
            (path, (meta.ino(), meta.mtime(), meta.mtime_nsec()))
        })
        .collect()
}

struct Fixture {
    _tmp: tempfile::TempDir,
    root: PathBuf,
    site: PathBuf,
    out: PathBuf,
    kept: PathBuf,
    /// Minutes after the first build, so that every build is at a later
    /// `--now` on the same day.
    minutes: u32,
}

impl Fixture {
    /// The example site, built twice, so that a kept site exists.
    fn new() -> Fixture {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().to_path_buf();
        let site = root.join("site");
        common::copy_tree(&common::example_site(), &site);
        let mut f = Fixture {
            out: root.join("public"),
            kept: root.join(".public.allclear-kept"),
            site,
            root,
            _tmp: tmp,
            minutes: 0,
        };
        f.build(&f.out.clone()).success();
        assert!(!f.kept.exists(), "the first build replaces nothing");
        f.minutes += 5;
        f.build(&f.out.clone()).success();
        assert!(f.kept.join(MARKER).is_file(), "the replaced site is kept");
        f
    }

    fn now(&self) -> String {
        format!("2026-11-20T15:{:02}:00Z", self.minutes)
    }

    fn build(&self, out: &Path) -> assert_cmd::assert::Assert {
        common::allclear()
            .arg("build")
            .arg(&self.site)
            .arg("--out")
            .arg(out)
            .args(["--now", &self.now()])
            .assert()
    }

    /// Rebuild into the output folder (which updates the kept site in
    /// place), build into an empty folder at the same instant, and check
    /// that they are the same tree, that every file with unchanged bytes
    /// is the previous live file, and that nothing temporary is left.
    fn rebuild_matches_fresh(&mut self, what: &str) {
        self.minutes += 5;
        let live = tree(&self.out);
        let live_ids = identities(&self.out);
        let kept_before = self.kept.exists();
        let output = self.build(&self.out.clone()).success().get_output().clone();
        let said = String::from_utf8(output.stdout).unwrap() + &String::from_utf8(output.stderr).unwrap();
        let fresh = self.root.join("fresh");
        self.build(&fresh).success();
        let (rebuilt, expected) = (tree(&self.out), tree(&fresh));
        let paths = |t: &BTreeMap<String, Node>| t.keys().cloned().collect::<Vec<_>>();
        assert_eq!(
            paths(&rebuilt),
            paths(&expected),
            "{what}: the same paths as a fresh build"
        );
        for (path, node) in &expected {
            assert!(rebuilt[path] == *node, "{what}: {path} differs from a fresh build's");
        }
        let ids = identities(&self.out);
        let mut same = 0;
        for (path, node) in &rebuilt {
            if node.kind == 'f' && live.get(path) == Some(node) {
                assert_eq!(ids[path], live_ids[path], "{what}: unchanged {path} is the live file");
                same += 1;
            }
        }
        assert!(same > 0, "{what}: some files did not change");
        assert!(said.contains(&format!("{same} unchanged")), "{what}: {said}");
        let leftovers: Vec<_> = walkdir::WalkDir::new(&self.root)
            .into_iter()
            .map(Result::unwrap)
            .filter(|e| e.file_name().to_string_lossy().contains("allclear-tmp"))
            .map(|e| e.path().to_path_buf())
            .collect();
        assert!(leftovers.is_empty(), "{what}: temporary files left: {leftovers:?}");
        assert!(self.kept.join(MARKER).is_file(), "{what}: the replaced site is kept");
        if kept_before {
            assert!(
                tree(&self.kept) == live,
                "{what}: the kept site is the site just replaced"
            );
        }
        fs::remove_dir_all(&fresh).unwrap();
    }

    fn edit(&self, rel: &str, from: &str, to: &str) {
        let path = self.site.join(rel);
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{rel} has {from}");
        fs::write(&path, text.replacen(from, to, 1)).unwrap();
    }
}

const ONGOING: &str = "incidents/2026/11/2026-11-20-api-errors.md";

#[test]
fn a_rebuild_over_the_kept_site_equals_a_fresh_build_after_every_kind_of_change() {
    let mut f = Fixture::new();
    f.rebuild_matches_fresh("no change");

    f.edit(ONGOING, "title: ", "title: Still - ");
    f.rebuild_matches_fresh("an update to the ongoing incident");

    f.edit("site.yaml", "title: Lumen Status", "title: Lumen Platform Status");
    f.rebuild_matches_fresh("a new site title");

    f.edit("site.yaml", "name: Dashboard", "name: Web console");
    f.rebuild_matches_fresh("a renamed component");

    let theme = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/base.html");
    let base = fs::read_to_string(theme).unwrap();
    fs::create_dir_all(f.site.join("templates")).unwrap();
    fs::write(
        f.site.join("templates/base.html"),
        base.replace("</body>", "<!-- v2 --></body>"),
    )
    .unwrap();
    f.rebuild_matches_fresh("a changed template");

    // Its page, and the month that held only it, go away.
    fs::remove_dir_all(f.site.join("incidents/2026/05")).unwrap();
    f.rebuild_matches_fresh("deleted incidents");
    assert!(!f.out.join("history/2026/05").exists());

    fs::write(f.site.join("static/notes.txt"), "new static file").unwrap();
    f.rebuild_matches_fresh("a new static file");
    // Now in the kept site too, which the next build updates.
    f.rebuild_matches_fresh("no change, with a new static file");
    fs::remove_file(f.site.join("static/notes.txt")).unwrap();
    f.rebuild_matches_fresh("a removed static file");
}

#[test]
fn a_failed_build_in_between_leaves_no_half_updated_kept_site() {
    let mut f = Fixture::new();
    let live = tree(&f.out);
    // A template that fails only when pages are rendered, after the kept
    // site was taken and the feeds and API were written into it.
    let theme = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/base.html");
    let base = fs::read_to_string(theme).unwrap();
    fs::create_dir_all(f.site.join("templates")).unwrap();
    let template = f.site.join("templates/base.html");
    fs::write(&template, base.replace("</body>", "{{ no_such_value }}</body>")).unwrap();
    f.edit(ONGOING, "title: ", "title: Still - ");
    f.minutes += 5;
    f.build(&f.out.clone()).failure();
    assert!(tree(&f.out) == live, "the live site is untouched");
    let mut names: Vec<String> = fs::read_dir(&f.root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [".public.allclear-cache", ".public.allclear-lock", "public", "site"],
        "the kept site the failed build had begun to update is gone"
    );
    fs::write(&template, base).unwrap();
    f.rebuild_matches_fresh("after a failed build");
    f.edit(ONGOING, "title: Still - ", "title: Again - ");
    f.rebuild_matches_fresh("the build after that");
}

#[test]
fn a_site_with_errors_leaves_the_kept_site_as_it_was() {
    // The kept site is listed while the site loads (the output's lock is
    // taken first): a site with errors stops the build before the kept
    // site is taken, and it stays, file for file, for the next build.
    let mut f = Fixture::new();
    let live = tree(&f.out);
    let kept = tree(&f.kept);
    let kept_ids = identities(&f.kept);
    f.edit(ONGOING, "impact: ", "impact: enormous\nx_impact: ");
    f.minutes += 5;
    f.build(&f.out.clone()).failure();
    assert!(tree(&f.out) == live, "the live site is untouched");
    assert!(tree(&f.kept) == kept, "the kept site is as it was");
    assert_eq!(identities(&f.kept), kept_ids, "its files are the same files");
    f.edit(ONGOING, "impact: enormous\nx_impact: ", "impact: ");
    f.rebuild_matches_fresh("after the site with errors");
}

#[test]
fn a_tampered_kept_site_is_corrected_and_nothing_is_written_through_its_links() {
    let mut f = Fixture::new();
    let page = "incidents/2026-05-22-dashboard-slow-loading/index.html";
    // Its own copy with other bytes, a stray file and folder, a folder
    // where a file goes and a file where a folder goes, a missing folder,
    // and links out of it, to a file and to a folder.
    fs::remove_file(f.kept.join(page)).unwrap();
    fs::write(f.kept.join(page), "tampered").unwrap();
    fs::write(f.kept.join("stray.html"), "stray").unwrap();
    fs::create_dir_all(f.kept.join("stray/deeper")).unwrap();
    fs::write(f.kept.join("stray/deeper/x.html"), "x").unwrap();
    fs::remove_file(f.kept.join("404.html")).unwrap();
    fs::create_dir_all(f.kept.join("404.html/inside")).unwrap();
    fs::remove_dir_all(f.kept.join("history/2026/06")).unwrap();
    fs::write(f.kept.join("history/2026/06"), "a file where a folder goes").unwrap();
    fs::remove_dir_all(f.kept.join("incidents/2026-06-04-login-failures")).unwrap();
    let outside = f.root.join("outside");
    fs::create_dir_all(&outside).unwrap();
    fs::write(outside.join("index.html"), "precious").unwrap();
    fs::remove_dir_all(f.kept.join("components/api")).unwrap();
    std::os::unix::fs::symlink(&outside, f.kept.join("components/api")).unwrap();
    fs::remove_file(f.kept.join("embed.html")).unwrap();
    std::os::unix::fs::symlink(outside.join("index.html"), f.kept.join("embed.html")).unwrap();

    f.edit(ONGOING, "title: ", "title: Still - ");
    f.rebuild_matches_fresh("a tampered kept site");
    assert_eq!(fs::read_to_string(outside.join("index.html")).unwrap(), "precious");
    assert_eq!(fs::read_dir(&outside).unwrap().count(), 1);
}

#[test]
fn a_kept_site_without_the_live_site_or_without_the_marker_is_removed() {
    let mut f = Fixture::new();
    // Without its marker it is not a site of ours to update.
    fs::remove_file(f.kept.join(MARKER)).unwrap();
    f.rebuild_matches_fresh("a kept site without its marker");

    // The output folder deleted by hand: the kept site is of no use.
    fs::remove_dir_all(&f.out).unwrap();
    f.minutes += 5;
    f.build(&f.out.clone()).success();
    assert!(!f.kept.exists(), "nothing to update in place without a live site");
    f.rebuild_matches_fresh("the build after");
}
