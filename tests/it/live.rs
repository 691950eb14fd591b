//! `LiveSite` (what `serve` keeps loaded): after every kind of edit, the
//! site it holds, or its diagnostics, are exactly what loading the folder
//! from scratch gives, and only the entries that changed were read again.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};

use allclear::load::{self, Changed, LiveSite, LoadOptions};

const EMAIL: &str = "incidents/2026/11/2026-11-18-email-delivery-delays.yaml";

/// The live site matches a fresh load of `dir`: the same model, or the
/// same diagnostics.
#[track_caller]
fn assert_same_as_fresh(live: &LiveSite, dir: &Path) {
    let fresh = load::load(dir, &LoadOptions::default());
    match (live.loaded(), fresh) {
        (Ok(a), Ok(b)) => assert_eq!(format!("{:#?}", a.site), format!("{:#?}", b.site)),
        (Err(a), Err(b)) => {
            let text = |ds: &[allclear::diagnostics::Diagnostic]| {
                ds.iter().map(|d| d.render(false)).collect::<Vec<_>>().join("\n")
            };
            assert_eq!(text(&a), text(&b));
        }
        (a, b) => panic!(
            "live and fresh differ: live ok = {}, fresh ok = {}",
            a.is_ok(),
            b.is_ok()
        ),
    }
}

fn ids(list: &[&str]) -> Changed {
    Changed::Entries(list.iter().map(|s| s.to_string()).collect())
}

fn site() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("site");
    common::copy_tree(&common::example_site(), &dir);
    (tmp, dir)
}

#[test]
fn edits_reread_only_the_entries_they_touch() {
    let (_tmp, dir) = site();
    let mut live = LiveSite::open(&dir, LoadOptions::default());
    assert!(live.loaded().is_ok());
    let email = dir.join(EMAIL);
    let original = fs::read_to_string(&email).unwrap();

    // Edited.
    fs::write(&email, original.replace("Delayed transactional emails", "Slow emails")).unwrap();
    assert_eq!(
        live.update(&[PathBuf::from(EMAIL)]),
        ids(&["2026-11-18-email-delivery-delays"])
    );
    assert_eq!(
        live.loaded()
            .unwrap()
            .site
            .incidents
            .iter()
            .find(|i| i.id == "2026-11-18-email-delivery-delays")
            .unwrap()
            .title,
        "Slow emails"
    );
    assert_same_as_fresh(&live, &dir);

    // Broken, then fixed.
    fs::write(&email, original.replace("status: monitoring", "status: watching")).unwrap();
    live.update(&[PathBuf::from(EMAIL)]);
    let errors = live.loaded().unwrap_err();
    assert!(
        errors[0].render(false).contains("watching"),
        "{}",
        errors[0].render(false)
    );
    assert_same_as_fresh(&live, &dir);
    fs::write(&email, &original).unwrap();
    live.update(&[PathBuf::from(EMAIL)]);
    assert_same_as_fresh(&live, &dir);
    assert!(live.loaded().is_ok());

    // An update moved into another month changes the model's order.
    fs::write(&email, original.replace("2026-11-18T08:34:00Z", "2026-10-30T08:34:00Z")).unwrap();
    live.update(&[PathBuf::from(EMAIL)]);
    assert_same_as_fresh(&live, &dir);
}

#[test]
fn added_removed_and_clashing_files() {
    let (_tmp, dir) = site();
    let mut live = LiveSite::open(&dir, LoadOptions::default());
    let email = dir.join(EMAIL);
    let text = fs::read_to_string(&email).unwrap();

    // Added.
    let added = "incidents/2026/11/2026-11-21-new.yaml";
    fs::write(dir.join(added), text.replace("Delayed transactional emails", "New")).unwrap();
    assert_eq!(live.update(&[PathBuf::from(added)]), ids(&["2026-11-21-new"]));
    assert_same_as_fresh(&live, &dir);

    // A maintenance with an incident's id: both loaders name the clash.
    let clash = "maintenance/2026-11-21-new.yaml";
    fs::write(dir.join(clash), "title: x\n").unwrap();
    live.update(&[PathBuf::from(clash)]);
    assert!(live.loaded().is_err());
    assert_same_as_fresh(&live, &dir);
    fs::remove_file(dir.join(clash)).unwrap();
    live.update(&[PathBuf::from(clash)]);
    assert!(live.loaded().is_ok());
    assert_same_as_fresh(&live, &dir);

    // Renamed: one id goes, one comes.
    let renamed = "incidents/2026/11/2026-11-21-renamed.yaml";
    fs::rename(dir.join(added), dir.join(renamed)).unwrap();
    assert_eq!(
        live.update(&[PathBuf::from(added), PathBuf::from(renamed)]),
        ids(&["2026-11-21-new", "2026-11-21-renamed"])
    );
    assert_same_as_fresh(&live, &dir);

    // Removed.
    fs::remove_file(dir.join(renamed)).unwrap();
    assert_eq!(live.update(&[PathBuf::from(renamed)]), ids(&["2026-11-21-renamed"]));
    assert_same_as_fresh(&live, &dir);
    assert!(
        live.loaded()
            .unwrap()
            .site
            .incidents
            .iter()
            .all(|i| i.id != "2026-11-21-renamed")
    );
}

/// A listing error (here a link in `incidents/`) that goes away with no
/// event of its own (as an unreadable folder made readable, which a
/// watcher cannot see) is gone after the next edit of any entry.
#[cfg(unix)]
#[test]
fn listing_errors_are_looked_at_again_on_every_edit() {
    let (_tmp, dir) = site();
    let link = dir.join("incidents/2026-11-21-link.md");
    std::os::unix::fs::symlink("2026/11/2026-11-20-api-errors.md", &link).unwrap();
    let mut live = LiveSite::open(&dir, LoadOptions::default());
    assert!(live.loaded().is_err(), "a link in incidents/ is an error");
    fs::remove_file(&link).unwrap();
    let email = dir.join(EMAIL);
    let text = fs::read_to_string(&email).unwrap();
    fs::write(&email, text.replace("Delayed transactional emails", "Slow emails")).unwrap();
    live.update(&[PathBuf::from(EMAIL)]);
    assert!(live.loaded().is_ok());
    assert_same_as_fresh(&live, &dir);
}

#[test]
fn other_changes_read_everything_again() {
    let (_tmp, dir) = site();
    let mut live = LiveSite::open(&dir, LoadOptions::default());
    let site_yaml = dir.join("site.yaml");
    let text = fs::read_to_string(&site_yaml).unwrap();
    fs::write(&site_yaml, text.replacen("title:", "title: Renamed\nold_title:", 1)).unwrap();
    assert_eq!(live.update(&[PathBuf::from("site.yaml")]), Changed::Everything);
    assert_same_as_fresh(&live, &dir);
    fs::write(&site_yaml, &text).unwrap();
    assert_eq!(live.update(&[PathBuf::from("site.yaml")]), Changed::Everything);
    assert!(live.loaded().is_ok());

    // A new folder of entries, a README, a template: all read again.
    for path in ["incidents/2027", "incidents/README.md", "templates/index.html"] {
        assert_eq!(live.update(&[PathBuf::from(path)]), Changed::Everything, "{path}");
    }
    assert_same_as_fresh(&live, &dir);
}
