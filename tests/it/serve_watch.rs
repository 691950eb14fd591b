//! What `allclear serve` watches: exactly what `allclear build` reads,
//! never through a symbolic link out of the site folder, and a folder it
//! cannot read is a warning, not the end of the preview. The real binary,
//! as in `tests/it/serve.rs`.

use crate::serve_harness;

use std::fs;
use std::path::Path;
use std::time::Duration;

use serve_harness::*;

/// Longer than the debounce and a build: what has not shown by then is
/// not coming.
const QUIET: Duration = Duration::from_millis(800);

/// `count` nested folders under `dir`, each with a file.
fn folders(dir: &Path, count: usize) {
    for i in 0..count {
        let d = dir.join(format!("d{i}")).join("sub");
        fs::create_dir_all(&d).unwrap();
        fs::write(d.join("file.md"), "x").unwrap();
    }
}

/// The inode numbers the process `pid` watches with inotify, from
/// `/proc/PID/fdinfo` (the kernel's own account, one `inotify wd:` line
/// per watch).
#[cfg(target_os = "linux")]
fn inotify_watches(pid: u32) -> std::collections::BTreeSet<u64> {
    let mut inodes = std::collections::BTreeSet::new();
    for fd in fs::read_dir(format!("/proc/{pid}/fdinfo")).unwrap() {
        let Ok(info) = fs::read_to_string(fd.unwrap().path()) else {
            continue;
        };
        for line in info.lines().filter(|l| l.starts_with("inotify wd:")) {
            let ino = line
                .split_whitespace()
                .find_map(|field| field.strip_prefix("ino:"))
                .unwrap_or_else(|| panic!("no ino in `{line}`"));
            inodes.insert(u64::from_str_radix(ino, 16).unwrap());
        }
    }
    inodes
}

#[cfg(target_os = "linux")]
#[test]
fn serve_watches_exactly_what_build_reads() {
    use std::os::unix::fs::{MetadataExt, symlink};

    let (tmp, site) = site_copy();
    // Outside the site: links there are not followed.
    let outside = tmp.path().join("outside");
    folders(&outside, 40);
    symlink(&outside, site.join("incidents/u")).unwrap();
    symlink(&outside, site.join("static-link-out")).unwrap();
    fs::create_dir_all(site.join("static/img")).unwrap();
    fs::write(site.join("static/img/a.css"), "a {}").unwrap();
    symlink(&outside, site.join("static/out")).unwrap();
    symlink("/", site.join("static/root")).unwrap();
    // Inside the site, but not read by the build.
    folders(&site.join("node_modules"), 3);
    folders(&site.join("incidents/.git"), 3);
    folders(&site.join("public"), 3);
    folders(&site.join("themes/dark/docs"), 1);
    fs::create_dir_all(site.join("themes/dark/templates")).unwrap();
    // Inside the site and followed: a link in static/ to a folder and to a
    // file elsewhere in the site, outside hidden folders and public/.
    fs::create_dir_all(site.join("assets/fonts")).unwrap();
    fs::write(site.join("assets/fonts/a.woff2"), "font").unwrap();
    fs::write(site.join("assets/logo.svg"), "<svg/>").unwrap();
    symlink("../assets/fonts", site.join("static/fonts")).unwrap();
    symlink("../assets/logo.svg", site.join("static/logo.svg")).unwrap();
    symlink("../.git", site.join("static/git")).unwrap();
    fs::create_dir_all(site.join(".git")).unwrap();

    let server = Server::start(&site, &[]);
    let ino = |rel: &str| fs::metadata(site.join(rel)).unwrap().ino();
    let expected: std::collections::BTreeMap<u64, &str> = [
        "",
        "incidents",
        "maintenance",
        "static",
        "static/img",
        "assets/fonts",
        "assets/logo.svg",
        "themes",
        "themes/dark",
        "themes/dark/templates",
    ]
    .into_iter()
    .map(|rel| (ino(rel), rel))
    .collect();
    let watched = inotify_watches(server.child.id());
    let unexpected: Vec<String> = watched
        .iter()
        .filter(|i| !expected.contains_key(i))
        .map(|i| {
            let found = walkdir::WalkDir::new(tmp.path())
                .into_iter()
                .flatten()
                .find(|e| e.metadata().is_ok_and(|m| m.ino() == *i));
            found.map_or_else(|| format!("inode {i}"), |e| e.path().display().to_string())
        })
        .collect();
    let missing: Vec<&str> = expected
        .iter()
        .filter(|(i, _)| !watched.contains(i))
        .map(|(_, rel)| *rel)
        .collect();
    assert!(
        unexpected.is_empty() && missing.is_empty(),
        "{} watches; not read by the build: {unexpected:?}; read but not watched: {missing:?}\n{}",
        watched.len(),
        server.log()
    );

    // Writes outside what the build reads do not rebuild.
    let before = page_generation(&server.get("/").body).to_string();
    fs::write(outside.join("d0/sub/file.md"), "changed").unwrap();
    fs::write(site.join("node_modules/d0/sub/file.md"), "changed").unwrap();
    fs::write(site.join("README.md"), "notes").unwrap();
    fs::write(site.join("themes/dark/docs/d0/sub/file.md"), "changed").unwrap();
    std::thread::sleep(QUIET);
    assert_eq!(page_generation(&server.get("/").body), before, "{}", server.log());
    assert!(!server.log().contains("Changed:"), "{}", server.log());

    // Edits through the links that are followed do, under the names the
    // build reads them by.
    fs::write(site.join("assets/fonts/a.woff2"), "font 2").unwrap();
    server.wait_for_log("Changed: static/fonts/a.woff2");
    fs::write(site.join("assets/logo.svg"), "<svg></svg>").unwrap();
    server.wait_for_log("Changed: static/logo.svg");
}

#[test]
fn a_folder_replaced_while_serving_is_watched_again() {
    let (tmp, site) = site_copy();
    let server = Server::start(&site, &[]);
    let file = "maintenance/2026-12-01-ok.yaml";
    let text = fs::read_to_string(site.join(file)).unwrap();
    // As a checkout or a sync tool does it: the folder goes, a new one
    // with the same name comes, at once.
    fs::rename(site.join("maintenance"), tmp.path().join("old-maintenance")).unwrap();
    fs::create_dir(site.join("maintenance")).unwrap();
    fs::write(site.join(file), &text).unwrap();
    server.wait_for_log("Changed: ");
    std::thread::sleep(QUIET);
    let page = "/maintenance/2026-12-01-ok/";
    assert_eq!(server.get(page).status, 200, "{}", server.log());

    // The new folder is the one watched, not the old one where it went.
    let changes = server.log().matches("Changed: ").count();
    fs::write(tmp.path().join("old-maintenance/2026-12-01-ok.yaml"), "broken: [").unwrap();
    std::thread::sleep(QUIET);
    assert_eq!(
        server.log().matches("Changed: ").count(),
        changes,
        "a write outside the site rebuilt it:\n{}",
        server.log()
    );
    let title = text
        .lines()
        .find_map(|l| l.strip_prefix("title: "))
        .expect("a title line")
        .to_string();
    edit(
        &site.join(file),
        &format!("title: {title}"),
        "title: A replaced maintenance",
    );
    let shown = server.wait_for(page, EDIT, "the edit in the new folder", |r| {
        r.body.contains("A replaced maintenance")
    });
    assert!(!shown.body.contains(OVERLAY), "{}", shown.body);
}

/// An unreadable folder in `incidents/`: serve keeps serving (by events
/// or by polling), says so once, and picks it up once it can read it.
/// Root reads every folder, so then the server runs as `nobody`.
#[cfg(unix)]
fn unreadable_folder(extra: &[&str]) {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;

    let (tmp, site) = site_copy();
    let as_root = fs::metadata("/proc/self").map(|m| std::os::unix::fs::MetadataExt::uid(&m) == 0);
    let as_root = as_root.unwrap_or(false);
    // `nobody` must reach the site.
    fs::set_permissions(tmp.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let locked = site.join("incidents/locked");
    fs::create_dir(&locked).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();

    let server = Server::start_with(&site, extra, |command| {
        if as_root {
            command.uid(65534).gid(65534);
        }
    });
    let warning = format!("warning: {} cannot be read", locked.display());
    server.wait_for_log(&warning);

    // The loader reports the folder too: the preview shows the error, as
    // `build` fails, rather than a page without the entries it could not see.
    server.wait_for("/", POLLED_EDIT, "the error for the locked folder", |r| {
        r.body.contains("incidents/locked: cannot read: Permission denied")
    });
    // Still watching the rest.
    edit(&site.join(INCIDENT), "title: A valid incident", "title: Still watched");
    assert_eq!(
        server.log().matches(&warning).count(),
        1,
        "said once:\n{}",
        server.log()
    );
    assert!(
        !server.log().contains("watching the site folder"),
        "no repeated watch errors:\n{}",
        server.log()
    );

    // Readable again: its entries are read, and it is watched.
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
    let text = fs::read_to_string(site.join(INCIDENT)).unwrap();
    fs::write(
        locked.join("2026-11-02-unlocked.md"),
        text.replace("title: Still watched", "title: From the unlocked folder"),
    )
    .unwrap();
    server.wait_for(
        "/incidents/2026-11-02-unlocked/",
        POLLED_EDIT,
        "the unlocked entry",
        |r| r.body.contains("From the unlocked folder"),
    );
    server.wait_for(
        INCIDENT_PAGE,
        POLLED_EDIT,
        "the edit made while the folder was locked",
        |r| r.body.contains("Still watched"),
    );
    edit(
        &locked.join("2026-11-02-unlocked.md"),
        "title: From the unlocked folder",
        "title: Edited in the unlocked folder",
    );
    server.wait_for(
        "/incidents/2026-11-02-unlocked/",
        POLLED_EDIT,
        "an edit in the unlocked folder",
        |r| r.body.contains("Edited in the unlocked folder"),
    );
}

#[cfg(unix)]
#[test]
fn an_unreadable_folder_is_a_warning_not_the_end() {
    unreadable_folder(&[]);
}

#[cfg(unix)]
#[test]
fn an_unreadable_folder_is_a_warning_once_when_polling() {
    unreadable_folder(&["--poll"]);
}
