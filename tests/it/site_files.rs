//! What the loader reads of a site folder: nothing secret through a link
//! or a hidden name, nothing skipped without a word, and files as editors
//! save them (a byte order mark).

use crate::common;

use std::fs;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::Path;

use common::{NOW, allclear, copy_tree, example_site, snapshot_tree};

const SECRET: &str = "AUTHORIZATION: basic c2VjcmV0LXRva2Vu";

/// Every file under `dir` whose bytes contain `needle`.
fn files_containing(dir: &Path, needle: &str) -> Vec<String> {
    snapshot_tree(dir)
        .into_iter()
        .filter(|(_, bytes)| String::from_utf8_lossy(bytes).contains(needle))
        .map(|(path, _)| path.display().to_string())
        .collect()
}

#[test]
fn links_to_hidden_or_outside_files_are_skipped_with_a_warning() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_tree(&example_site(), &site);
    fs::create_dir_all(site.join(".git")).unwrap();
    fs::write(
        site.join(".git/config"),
        format!("[http \"https://github.com/\"]\n\textraheader = {SECRET}\n"),
    )
    .unwrap();
    fs::write(site.join(".env"), "API_KEY=sk_live_0123456789\n").unwrap();
    fs::create_dir_all(site.join("templates")).unwrap();
    symlink("../.git/config", site.join("static/c.txt")).unwrap();
    symlink("../.env", site.join("static/e.txt")).unwrap();
    symlink("../.git", site.join("static/git")).unwrap();
    symlink("../.git/config", site.join("templates/404.html")).unwrap();
    symlink("/etc/passwd", site.join("static/p.txt")).unwrap();
    symlink("/usr", site.join("static/usr")).unwrap();
    // Allowed: a link to a plain file of the site, and a listed hidden path.
    symlink("../site.yaml", site.join("static/site.txt")).unwrap();
    fs::create_dir_all(site.join("static/.well-known")).unwrap();
    fs::write(
        site.join("static/.well-known/security.txt"),
        "Contact: mailto:sec@lumen.example\n",
    )
    .unwrap();
    fs::write(site.join("static/.secret"), "API_KEY=sk_live_0123456789\n").unwrap();
    let yaml = fs::read_to_string(site.join("site.yaml")).unwrap();
    fs::write(
        site.join("site.yaml"),
        format!("{yaml}\npublish_hidden: [.well-known]\n"),
    )
    .unwrap();

    let out = tmp.path().join("out");
    let run = allclear()
        .args(["build", "site", "--out", "out", "--now", NOW])
        .current_dir(tmp.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8(run.stderr).unwrap();
    assert_eq!(run.status.code(), Some(0), "{stderr}");
    assert!(files_containing(&out, "extraheader").is_empty(), "{stderr}");
    assert!(files_containing(&out, "sk_live").is_empty());
    assert!(files_containing(&out, "root:x:0").is_empty());
    for (link, why) in [
        ("static/c.txt", "it leads to .git/config, a hidden file or folder"),
        ("static/e.txt", "it leads to .env, a hidden file or folder"),
        ("static/git", "it leads to .git, a hidden file or folder"),
        ("templates/404.html", "it leads to .git/config, a hidden file or folder"),
        ("static/p.txt", "it leads outside the site folder, to /etc/passwd"),
        ("static/usr", "it leads outside the site folder, to /usr"),
    ] {
        let line = format!("warning: site/{link}: symbolic link skipped: {why}");
        assert!(stderr.contains(&line), "no `{line}` in\n{stderr}");
    }
    assert_eq!(stderr.matches("symbolic link skipped").count(), 6, "{stderr}");
    assert_eq!(
        fs::read_to_string(out.join("site.txt")).unwrap(),
        fs::read_to_string(site.join("site.yaml")).unwrap()
    );
    assert!(out.join(".well-known/security.txt").is_file());
    assert!(!out.join(".secret").exists());
    assert!(
        fs::read_to_string(out.join("404.html")).unwrap().contains("<html"),
        "the theme's 404 page stands"
    );

    // `check` says the same.
    let check = allclear()
        .args(["check", "site", "--now", NOW])
        .current_dir(tmp.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8(check.stderr).unwrap();
    assert_eq!(stderr.matches("symbolic link skipped").count(), 6, "{stderr}");
}

#[test]
fn a_site_yaml_linked_to_a_secret_is_not_read() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_tree(&example_site(), &site);
    fs::rename(site.join("site.yaml"), site.join(".env")).unwrap();
    symlink(".env", site.join("site.yaml")).unwrap();
    let run = allclear()
        .args(["check", "site", "--now", NOW])
        .current_dir(tmp.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8(run.stderr).unwrap();
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("error: site/site.yaml: symbolic link skipped: it leads to .env"),
        "{stderr}"
    );
    assert!(!stderr.contains("Lumen"), "nothing of the file is shown: {stderr}");
}

/// `allclear` run as an unprivileged user: as `nobody` through `setpriv`
/// when the tests run as root (as CI does), else as the current user. The
/// binary is linked (or copied) into `dir` so that `nobody` can run it
/// wherever the checkout is.
fn unprivileged(dir: &Path) -> std::process::Command {
    let binary = dir.join("allclear");
    if !binary.exists() {
        let built = assert_cmd::cargo::cargo_bin("allclear");
        // A hard link has no open write handle that a test running at the
        // same time could inherit through fork (exec would then fail with
        // "Text file busy"); a copy is the fallback across file systems.
        if fs::hard_link(&built, &binary).is_err() {
            fs::copy(&built, &binary).unwrap();
        }
    }
    let uid = std::process::Command::new("id").arg("-u").output().unwrap();
    let mut cmd = if String::from_utf8_lossy(&uid.stdout).trim() == "0" {
        let mut cmd = std::process::Command::new("setpriv");
        cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&binary);
        cmd
    } else {
        std::process::Command::new(&binary)
    };
    cmd.current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("SOURCE_DATE_EPOCH");
    cmd
}

#[test]
fn an_unreadable_folder_fails_the_build_and_names_it() {
    let tmp = tempfile::tempdir().unwrap();
    fs::set_permissions(tmp.path(), fs::Permissions::from_mode(0o777)).unwrap();
    let site = tmp.path().join("site");
    copy_tree(&example_site(), &site);
    let build = |out: &str| {
        let run = unprivileged(tmp.path())
            .args(["build", "site", "--out", out, "--now", NOW])
            .output()
            .expect("setpriv (util-linux) runs the build as nobody");
        (run.status.code(), String::from_utf8(run.stderr).unwrap())
    };
    // The same user reads the whole site while nothing is locked away.
    let (code, stderr) = build("first");
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("Built 27 incidents"), "{stderr}");

    for (folder, shown) in [
        ("incidents/2026/11", "site/incidents/2026/11"),
        ("static", "site/static"),
        ("maintenance/2026", "site/maintenance/2026"),
    ] {
        let path = site.join(folder);
        fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
        let (code, stderr) = build("second");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).unwrap();
        assert_eq!(code, Some(1), "{folder}: {stderr}");
        assert!(
            stderr.contains(&format!("error: {shown}: cannot read: Permission denied")),
            "{folder}: {stderr}"
        );
        assert!(!tmp.path().join("second").exists(), "{folder}: nothing is published");
    }
}

#[test]
fn a_byte_order_mark_is_not_part_of_the_yaml() {
    let tmp = tempfile::tempdir().unwrap();
    let plain = tmp.path().join("plain");
    let marked = tmp.path().join("marked");
    copy_tree(&example_site(), &plain);
    copy_tree(&example_site(), &marked);
    let entries = [
        "site.yaml",
        "incidents/2026/11/2026-11-18-email-delivery-delays.yaml",
        "incidents/2026/11/2026-11-20-api-errors.md",
    ];
    for rel in entries {
        let text = fs::read_to_string(marked.join(rel)).unwrap();
        fs::write(marked.join(rel), format!("\u{feff}{text}")).unwrap();
    }
    for site in ["plain", "marked"] {
        let run = allclear()
            .args(["build", site, "--out", &format!("{site}-out"), "--now", NOW])
            .current_dir(tmp.path())
            .output()
            .unwrap();
        assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    }
    assert!(
        snapshot_tree(&tmp.path().join("plain-out")) == snapshot_tree(&tmp.path().join("marked-out")),
        "the same site with and without byte order marks builds the same files"
    );

    // Authoring keeps the mark where it was and edits the entry.
    let run = allclear()
        .args([
            "update",
            "2026-11-20-api-errors",
            "--status",
            "monitoring",
            "--message",
            "Watching.",
        ])
        .args(["--site", "marked", "--now", NOW])
        .current_dir(tmp.path())
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    let text = fs::read_to_string(marked.join(entries[2])).unwrap();
    assert!(text.starts_with("\u{feff}---\n"), "{text}");
    assert!(text.contains("status: monitoring"), "{text}");
}
