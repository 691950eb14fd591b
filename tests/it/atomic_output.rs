//! A build killed at any moment (SIGKILL) leaves the output folder holding
//! either the previous site or the new one, never a mix, and the next
//! build leaves no temporary folders behind.

#![cfg(unix)]

use crate::common;

use std::fs;
use std::path::Path;
use std::time::Instant;

use common::{NOW, copy_tree, fixture, snapshot_tree};

/// A site with enough incidents that a build takes a while.
fn big_site(dir: &Path, title: &str) {
    copy_tree(&fixture("base-site"), dir);
    let yaml = fs::read_to_string(dir.join("site.yaml")).unwrap();
    fs::write(
        dir.join("site.yaml"),
        yaml.replace("title: Fixture Status", &format!("title: {title}")),
    )
    .unwrap();
    for n in 0..1500 {
        let day = n % 28 + 1;
        let month = n / 28 % 12 + 1;
        fs::write(
            dir.join(format!("incidents/i-{n}.md")),
            format!(
                "---\ntitle: Incident {n}\nimpact: minor\ncomponents:\n  api: degraded_performance\nupdates:\n  - at: 2025-{month:02}-{day:02}T10:00:00Z\n    status: investigating\n    message: Looking at **it**, see [the runbook](https://example.com/{n}).\n  - at: 2025-{month:02}-{day:02}T11:00:00Z\n    status: resolved\n    message: Fixed.\n---\n"
            ),
        )
        .unwrap();
    }
}

fn build(site: &Path, out: &Path) -> std::process::Child {
    std::process::Command::new(assert_cmd::cargo::cargo_bin("allclear"))
        .arg("build")
        .arg(site)
        .arg("--out")
        .arg(out)
        .args(["--now", NOW])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap()
}

#[test]
fn a_killed_build_leaves_the_old_site_or_the_new_one() {
    let tmp = tempfile::tempdir().unwrap();
    let (old_site, new_site) = (tmp.path().join("old"), tmp.path().join("new"));
    big_site(&old_site, "Old Status");
    big_site(&new_site, "New Status");
    let parent = tmp.path().join("www");
    fs::create_dir_all(&parent).unwrap();
    let out = parent.join("public");

    // The two possible results, and how long a build takes.
    let started = Instant::now();
    assert!(build(&new_site, &out).wait().unwrap().success());
    let full = started.elapsed();
    let new = snapshot_tree(&out);
    assert!(build(&old_site, &out).wait().unwrap().success());
    let old = snapshot_tree(&out);
    assert_ne!(old, new);

    let mut kinds = Vec::new();
    for step in 1..=6 {
        let mut child = build(&new_site, &out);
        std::thread::sleep(full.mul_f64(f64::from(step) / 7.0));
        let _ = child.kill();
        let _ = child.wait();
        let now = snapshot_tree(&out);
        let kind = if now == old {
            "old"
        } else if now == new {
            "new"
        } else {
            panic!("after a kill at {step}/7 of a build, the output is neither the old site nor the new one")
        };
        kinds.push(kind);
        if kind == "new" {
            // Back to the old site for the next try.
            assert!(build(&old_site, &out).wait().unwrap().success());
        }
    }
    assert!(
        kinds.contains(&"old"),
        "some kill landed before the swap: {kinds:?} (build takes {full:?})"
    );

    assert!(build(&new_site, &out).wait().unwrap().success());
    let mut names: Vec<String> = fs::read_dir(&parent)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            ".public.allclear-cache",
            ".public.allclear-kept",
            ".public.allclear-lock",
            "public"
        ],
        "no temporary folders or files left after the next build, only the load cache, the lock file and the kept site"
    );
    assert!(snapshot_tree(&out) == new);
    assert!(
        snapshot_tree(&parent.join(".public.allclear-kept")) == old,
        "the site the last build replaced is kept whole, for the next build to update"
    );
}
