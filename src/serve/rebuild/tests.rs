//! The incremental preview against full builds of the same folder.

use std::fs;
use std::path::Path;

use super::*;

const NOW: &str = "2026-11-20T15:00:00Z";
const URL: &str = "http://127.0.0.1:9/";
const EMAIL: &str = "incidents/2026/11/2026-11-18-email-delivery-delays.yaml";
const API: &str = "incidents/2026/11/2026-11-20-api-errors.md";

/// A copy of the example site and a rebuilder on it, at a fixed time.
fn preview() -> (tempfile::TempDir, PathBuf, Rebuilder) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("site");
    for entry in walkdir::WalkDir::new(Path::new(env!("CARGO_MANIFEST_DIR")).join("example-site"))
        .into_iter()
        .filter_entry(|e| e.file_name() != "public")
    {
        let entry = entry.unwrap();
        let rel = entry
            .path()
            .strip_prefix(Path::new(env!("CARGO_MANIFEST_DIR")).join("example-site"));
        let target = dir.join(rel.unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
    let options = ServeOptions {
        site_dir: dir.clone(),
        bind: "127.0.0.1".into(),
        allowed_hosts: Vec::new(),
        port: 0,
        open: false,
        poll: false,
        clock: Clock::Fixed(NOW.parse().unwrap()),
    };
    let rebuilder = Rebuilder::new(&options, URL);
    (tmp, dir, rebuilder)
}

/// What `allclear build` makes of the folder now, by path.
fn full_build(dir: &Path) -> HashMap<String, Bytes> {
    let base = Some(URL.trim_end_matches('/').to_string());
    crate::build_files(dir, base, NOW.parse().unwrap())
        .unwrap()
        .files
        .into_iter()
        .map(|f| (f.path, Bytes::from(f.bytes)))
        .collect()
}

fn edit(dir: &Path, rel: &str, from: &str, to: &str) {
    let path = dir.join(rel);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{rel} has no {from:?}");
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// The paths whose bytes differ between two sets of files.
fn differing(a: &HashMap<String, Bytes>, b: &HashMap<String, Bytes>) -> Vec<String> {
    let mut paths: Vec<String> = a
        .keys()
        .chain(b.keys())
        .filter(|p| a.get(*p) != b.get(*p))
        .cloned()
        .collect();
    paths.sort();
    paths.dedup();
    paths
}

#[test]
fn an_edit_renders_its_pages_at_once_and_the_rest_later() {
    let (_tmp, dir, mut rb) = preview();
    let first = rb.build(None);
    assert!(first.error.is_none());
    assert!(!rb.incomplete());
    assert_eq!(*first.files, full_build(&dir));

    // A resolved incident retitled: nothing site-wide changes, so the
    // pages rendered at once already make the whole site.
    edit(&dir, EMAIL, "Delayed transactional emails", "Slow emails");
    let second = rb.build(Some(&[PathBuf::from(EMAIL)]));
    assert!(rb.incomplete());
    assert_ne!(second.id, first.id);
    assert_eq!(differing(&second.files, &full_build(&dir)), Vec::<String>::new());
    let page = &second.files["incidents/2026-11-18-email-delivery-delays/index.html"];
    assert!(String::from_utf8_lossy(page).contains("Slow emails"));

    // The ongoing incident resolved: every page's state changes. The
    // entry's own pages are right at once; the rest after `complete`,
    // under the same generation.
    edit(
        &dir,
        API,
        "    next_update: 2026-11-20T15:30:00Z\n",
        "    next_update: 2026-11-20T15:30:00Z\n  - at: 2026-11-20T14:50:00Z\n    status: resolved\n    message: Fixed.\n",
    );
    let third = rb.build(Some(&[PathBuf::from(API)]));
    let full = full_build(&dir);
    for path in [
        "index.html",
        "incidents/2026-11-20-api-errors/index.html",
        "history.rss",
        "api/v2/summary.json",
    ] {
        assert_eq!(third.files.get(path), full.get(path), "{path}");
    }
    let stale = differing(&third.files, &full);
    assert!(!stale.is_empty(), "other pages carry the old state until completed");
    // An edit arriving stops the completion; it stays owed.
    assert!(rb.complete(&AtomicBool::new(true)).is_none());
    assert!(rb.incomplete());
    assert_eq!(rb.last_good, third.files);
    let completed = rb.complete(&AtomicBool::new(false)).expect("pages were owed");
    assert_eq!(completed.id, third.id);
    assert_eq!(differing(&completed.files, &full), Vec::<String>::new());
    assert!(!rb.incomplete());
    assert!(rb.complete(&AtomicBool::new(false)).is_none());
}

#[test]
fn removed_moved_and_broken_entries() {
    let (_tmp, dir, mut rb) = preview();
    rb.build(None);

    // Moved to another month: both month pages change.
    edit(&dir, EMAIL, "2026-11-18T08:34:00Z", "2026-10-30T08:34:00Z");
    let moved = rb.build(Some(&[PathBuf::from(EMAIL)]));
    let full = full_build(&dir);
    for path in [
        "history/2026/10/index.html",
        "history/2026/11/index.html",
        "history/index.html",
    ] {
        assert_eq!(moved.files.get(path), full.get(path), "{path}");
    }

    // Broken: the last good files stay, with the error; fixed: the
    // edits made while broken are all there.
    edit(&dir, EMAIL, "impact: minor", "impact: huge");
    let broken = rb.build(Some(&[PathBuf::from(EMAIL)]));
    assert!(broken.error.as_deref().unwrap().contains("huge"));
    assert_eq!(broken.files, moved.files);
    assert!(!rb.incomplete(), "nothing is owed while the site has errors");
    assert!(rb.complete(&AtomicBool::new(false)).is_none());
    edit(&dir, EMAIL, "impact: huge", "impact: major");
    let fixed = rb.build(Some(&[PathBuf::from(EMAIL)]));
    assert!(fixed.error.is_none());
    rb.complete(&AtomicBool::new(false));
    assert_eq!(differing(&rb.last_good, &full_build(&dir)), Vec::<String>::new());

    // Removed: its page goes.
    fs::remove_file(dir.join(EMAIL)).unwrap();
    let removed = rb.build(Some(&[PathBuf::from(EMAIL)]));
    assert!(
        !removed
            .files
            .contains_key("incidents/2026-11-18-email-delivery-delays/index.html")
    );
    rb.complete(&AtomicBool::new(false));
    assert_eq!(differing(&rb.last_good, &full_build(&dir)), Vec::<String>::new());
}

/// A seeded run of random edits: retitled and re-rated incidents,
/// removed and restored files, copies under new ids, and a broken file
/// that comes and goes. After each, the edited entries' pages and the
/// site-wide outputs are what a full build gives (or, while the site
/// is broken, nothing changed); after each `complete`, every file is.
#[test]
fn random_edits_end_where_a_full_build_is() {
    let (_tmp, dir, mut rb) = preview();
    let mut files = rb.build(None).files;
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut pick = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let mut entries: Vec<String> = walkdir::WalkDir::new(dir.join("incidents"))
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(&dir).unwrap().to_string_lossy().into_owned())
        .collect();
    entries.sort();
    let mut removed: Vec<(String, String)> = Vec::new();
    let broken = "incidents/2026/11/2026-11-19-broken.yaml";
    let mut edited: Vec<String> = Vec::new();
    for step in 0..30 {
        let rel = entries[pick(entries.len())].clone();
        let exists = dir.join(&rel).is_file();
        let changed = match pick(5) {
            0 if exists => {
                edit(&dir, &rel, "title: ", &format!("title: Step {step}, "));
                rel
            }
            1 if exists => {
                let text = fs::read_to_string(dir.join(&rel)).unwrap();
                let impact = ["none", "minor", "major", "critical"][pick(4)];
                let line = text.lines().find(|l| l.starts_with("impact: ")).unwrap();
                fs::write(dir.join(&rel), text.replacen(line, &format!("impact: {impact}"), 1)).unwrap();
                rel
            }
            2 => match removed.pop() {
                Some((back, text)) => {
                    fs::write(dir.join(&back), text).unwrap();
                    back
                }
                None if exists => {
                    removed.push((rel.clone(), fs::read_to_string(dir.join(&rel)).unwrap()));
                    fs::remove_file(dir.join(&rel)).unwrap();
                    rel
                }
                None => continue,
            },
            3 if exists => {
                let extension = rel.rsplit_once('.').unwrap().1;
                let copy = format!("incidents/2026/11/2026-11-19-copy-{step}.{extension}");
                fs::copy(dir.join(&rel), dir.join(&copy)).unwrap();
                entries.push(copy.clone());
                copy
            }
            4 => {
                if dir.join(broken).is_file() {
                    fs::remove_file(dir.join(broken)).unwrap();
                } else {
                    fs::write(dir.join(broken), "title: broken\n").unwrap();
                }
                broken.to_string()
            }
            _ => continue,
        };
        let generation = rb.build(Some(&[PathBuf::from(&changed)]));
        edited.push(changed.clone());
        let base = Some(URL.trim_end_matches('/').to_string());
        match crate::build_files(&dir, base, NOW.parse().unwrap()) {
            Err(_) => {
                assert!(generation.error.is_some(), "step {step}: {changed}");
                assert_eq!(generation.files, files, "step {step}: a failed build changes nothing");
            }
            Ok(built) => {
                assert!(generation.error.is_none(), "step {step}: {changed}");
                let full: HashMap<String, Bytes> = built
                    .files
                    .into_iter()
                    .map(|f| (f.path, Bytes::from(f.bytes)))
                    .collect();
                // Every entry edited since the last good build, even while broken.
                let mut paths: Vec<String> = edited
                    .drain(..)
                    .map(|rel| {
                        let id = rel.rsplit('/').next().unwrap().split('.').next().unwrap();
                        format!("incidents/{id}/index.html")
                    })
                    .collect();
                paths.extend(["index.html", "history.rss", "updates.atom", "api/v2/incidents.json"].map(String::from));
                for path in &paths {
                    assert_eq!(generation.files.get(path), full.get(path), "step {step}: {path}");
                }
                if step % 3 == 0 {
                    rb.complete(&AtomicBool::new(false));
                    assert_eq!(differing(&rb.last_good, &full), Vec::<String>::new(), "step {step}");
                }
            }
        }
        files = Arc::clone(&rb.last_good);
    }
}

#[test]
fn an_interrupted_render_is_told_from_a_failed_one() {
    let (_tmp, dir, mut rb) = preview();
    assert!(rb.build(None).error.is_none());
    assert!(matches!(
        rb.render(Some(&AtomicBool::new(true))),
        Err(Unfinished::Interrupted)
    ));
    edit(&dir, API, "title: ", "title: [");
    let failed = rb.build(Some(&[PathBuf::from(API)]));
    assert!(failed.error.is_some());
    // A site with errors fails, even when an edit arrives meanwhile: its
    // errors are the site's, never "interrupted".
    for flag in [true, false] {
        match rb.render(Some(&AtomicBool::new(flag))) {
            Err(Unfinished::Failed(diagnostics)) => {
                assert!(!diagnostics.is_empty());
                assert!(
                    diagnostics.iter().all(|d| !d.message.contains("interrupted")),
                    "{diagnostics:?}"
                );
            }
            other => panic!("not a failure: {:?}", other.map(|r| r.rendered)),
        }
    }
}
