//! A rebuild after one update changes only the files whose content depends
//! on it (issue 13, "Deploy only what changed"): pages without live state
//! embed no build time, and every unchanged file is hard-linked from the
//! previous output, keeping its inode and modification time, so that
//! `rsync` and `aws s3 sync` (size and mtime) send only the changed files.
//! Real builds of the example site with the real binary.

use crate::common;

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::time::{Duration, SystemTime};

/// Every file under `dir`: path → (bytes, inode, mtime).
fn files(dir: &Path) -> BTreeMap<String, (Vec<u8>, u64, SystemTime)> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let meta = e.metadata().unwrap();
            let path = e.path().strip_prefix(dir).unwrap().to_string_lossy().into_owned();
            (
                path,
                (fs::read(e.path()).unwrap(), meta.ino(), meta.modified().unwrap()),
            )
        })
        .collect()
}

/// Set every file's modification time an hour back, as a deploy an hour
/// ago would have left it, so that a kept time cannot be a coincidence.
fn age(dir: &Path) -> SystemTime {
    let then = SystemTime::now() - Duration::from_secs(3600);
    for e in walkdir::WalkDir::new(dir).into_iter().map(Result::unwrap) {
        if e.file_type().is_file() {
            fs::File::options()
                .write(true)
                .open(e.path())
                .unwrap()
                .set_modified(then)
                .unwrap();
        }
    }
    then
}

fn build(site: &Path, now: &str) -> assert_cmd::assert::Assert {
    common::allclear().arg("build").arg(site).args(["--now", now]).assert()
}

/// What an update to the ongoing incident may change: its page, the pages
/// and outputs that show live state (status page, component pages, the
/// upcoming and active maintenances, the current month and the archive),
/// the feeds that list it, the API, the badges the clock can change, and
/// `next-change.json`. No resolved incident, past month or finished
/// maintenance.
const CHANGED: &[&str] = &[
    "api/allclear/next-change.json",
    "api/v2/components.json",
    "api/v2/incidents.json",
    "api/v2/incidents/unresolved.json",
    "api/v2/scheduled-maintenances.json",
    "api/v2/scheduled-maintenances/active.json",
    "api/v2/scheduled-maintenances/upcoming.json",
    "api/v2/status.json",
    "api/v2/summary.json",
    "api/v2/uptime.json",
    "badges/database.svg",
    "badges/jobs.svg",
    "badges/search.svg",
    "components/api/history.atom",
    "components/api/history.rss",
    "components/api/index.html",
    "components/auth/index.html",
    "components/cdn/index.html",
    "components/dashboard/history.atom",
    "components/dashboard/history.rss",
    "components/dashboard/index.html",
    "components/database/index.html",
    "components/email/index.html",
    "components/jobs/index.html",
    "components/search/index.html",
    "components/sms/index.html",
    "components/storage/index.html",
    "components/webhooks/index.html",
    "embed-status.js",
    "feed.json",
    "history.atom",
    "history.rss",
    "history/2026/11/index.html",
    "history/index.html",
    "incidents/2026-11-20-api-errors/index.html",
    "index.html",
    "maintenance/2026-11-20-search-index-migration/index.html",
    "maintenance/2026-11-24-jobs-scheduler-migration/index.html",
    "maintenance/2026-12-01-database-upgrade/index.html",
    "updates.atom",
    "updates.rss",
];

#[test]
fn a_rebuild_after_one_update_changes_only_what_depends_on_it() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    common::copy_tree(&common::example_site(), &site);
    let out = site.join("public");
    build(&site, common::NOW).success();
    let then = age(&out);
    let before = files(&out);

    common::allclear()
        .args(["update", "2026-11-20-api-errors", "--status", "monitoring"])
        .args(["-m", "A fix is deployed; we are watching error rates."])
        .arg("--site")
        .arg(&site)
        .args(["--now", "2026-11-20T15:10:00Z"])
        .assert()
        .success();
    let rebuilt = build(&site, "2026-11-20T15:20:00Z").success();
    let stderr = String::from_utf8_lossy(&rebuilt.get_output().stderr).into_owned();
    let after = files(&out);

    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>(),
        "the same files"
    );
    let changed: Vec<&str> = after
        .iter()
        .filter(|(path, (bytes, ..))| before[*path].0 != *bytes)
        .map(|(path, _)| path.as_str())
        .collect();
    // The marker holds the page keys, with the files' times, so it changes
    // on every build; deploys leave it out.
    assert_eq!(changed[0], ".allclear-output");
    // The same pages, feeds and badges in German (`de/`); the API, the
    // schedule and the embed's status script exist at the root only.
    let mut expected: Vec<String> = CHANGED.iter().map(|p| p.to_string()).collect();
    expected.extend(
        CHANGED
            .iter()
            .filter(|p| !p.starts_with("api/") && **p != "embed-status.js")
            .map(|p| format!("de/{p}")),
    );
    expected.sort();
    assert_eq!(changed[1..], expected);
    // The marker is not counted among the site's files.
    let unchanged = after.len() - 1 - expected.len();
    assert!(
        stderr.contains(&format!("{} files (3.0 MB, {unchanged} unchanged)", after.len() - 1)),
        "{stderr}"
    );
    assert!(
        changed.len() * 3 < after.len(),
        "{} of {} files",
        changed.len(),
        after.len()
    );
    for (path, (bytes, ino, mtime)) in &after {
        let (old_bytes, old_ino, _) = &before[path];
        if bytes == old_bytes {
            assert_eq!((*ino, *mtime), (*old_ino, then), "{path}: kept, with its time");
        } else {
            assert_ne!(*mtime, then, "{path} changed and has a new time");
            assert_ne!(ino, old_ino, "{path} is a new file");
        }
    }
    let resolved = String::from_utf8(after["incidents/2026-10-06-database-outage/index.html"].0.clone()).unwrap();
    assert!(
        !resolved.contains("Page built") && !resolved.contains("2026-11-20T15:"),
        "a resolved incident's page carries no build time"
    );
    assert!(
        resolved.contains("Last updated <time datetime=\"2026-10-06T"),
        "but its own last change"
    );
}

#[test]
fn a_failed_rebuild_leaves_the_output_and_its_times_as_they_were() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    common::copy_tree(&common::example_site(), &site);
    let out = site.join("public");
    build(&site, common::NOW).success();
    age(&out);
    let before = files(&out);
    // A template that fails when the 404 page renders, after the other
    // pages were written (or linked) into the staging folder.
    fs::create_dir_all(site.join("templates")).unwrap();
    fs::write(site.join("templates/404.html"), "{{ no_such_variable }}\n").unwrap();
    build(&site, "2026-11-20T15:20:00Z").failure();
    assert!(files(&out) == before, "bytes, inodes and times unchanged");
    let names: Vec<String> = fs::read_dir(&site)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("allclear-new") || n.contains("allclear-old"))
        .collect();
    assert_eq!(names, Vec::<String>::new(), "no staging folder left");
}
