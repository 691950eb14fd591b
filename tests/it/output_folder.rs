//! Where `allclear build --out` may write: never inside a folder the build
//! reads or a hidden folder of the site, never over a symbolic link or a
//! file; each refusal says why and what to write instead, and leaves
//! everything as it was.

use crate::common;

use std::fs;
use std::path::Path;

use common::{build_pinned, copy_tree, example_site, snapshot_tree};
use predicates::str::contains;

/// Every path under `dir`, files and folders, with the files' bytes.
fn everything(dir: &Path) -> Vec<(String, Option<Vec<u8>>)> {
    let mut all: Vec<_> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .map(|e| {
            let bytes = e.file_type().is_file().then(|| fs::read(e.path()).unwrap());
            (e.path().display().to_string(), bytes)
        })
        .collect();
    all.sort();
    all
}

#[test]
fn an_out_inside_a_folder_the_build_reads_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_tree(&example_site(), &site);
    fs::create_dir_all(site.join("templates")).unwrap();
    fs::create_dir_all(site.join("themes/plain")).unwrap();
    fs::create_dir_all(site.join(".git")).unwrap();
    let before = everything(tmp.path());

    for (out, folder, why) in [
        (
            "static",
            "static",
            "which every build reads for its files, to copy them into the site",
        ),
        (
            "static/x",
            "static",
            "so each build would read the previous one's output",
        ),
        ("incidents", "incidents", "which every build reads for its incidents"),
        (
            "maintenance/2026",
            "maintenance",
            "which every build reads for its maintenances",
        ),
        ("templates", "templates", "which every build reads for its templates"),
        ("themes/plain/out", "themes", "which every build reads for its themes"),
        (
            ".git/site",
            ".git",
            "a hidden folder of the site, and allclear never writes into hidden folders",
        ),
        (".public", ".public", "a hidden folder of the site"),
        ("public/../static/y", "static", "which every build reads"),
    ] {
        let out = site.join(out);
        build_pinned(&site, Some(&out))
            .assert()
            .code(1)
            .stderr(contains(format!(
                "refusing to write the site into {}: it is inside {}, ",
                out.display(),
                site.join(folder).display()
            )))
            .stderr(contains(why))
            .stderr(contains(
                "help: give --out a folder of its own outside incidents/, maintenance/, static/, templates/, themes/ and hidden folders",
            ))
            .stderr(contains("the output folder was not changed"));
        assert!(
            everything(tmp.path()) == before,
            "--out {}: something was written",
            out.display()
        );
    }

    // A folder of its own, in the site folder or elsewhere, is fine; the
    // default is SITE/public.
    for out in [site.join("dist"), site.join("out/static"), tmp.path().join("www")] {
        build_pinned(&site, Some(&out)).assert().success();
        assert!(out.join(".allclear-output").is_file());
    }
    build_pinned(&site, None).assert().success();
    assert!(site.join("public/index.html").is_file());
}

#[cfg(unix)]
#[test]
fn a_read_folder_reached_through_a_link_is_refused_too() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_tree(&example_site(), &site);
    // static/ lives elsewhere, and a link in the working tree leads into it.
    let assets = tmp.path().join("assets");
    fs::rename(site.join("static"), &assets).unwrap();
    std::os::unix::fs::symlink(&assets, site.join("static")).unwrap();
    std::os::unix::fs::symlink(&assets, tmp.path().join("shortcut")).unwrap();
    for out in [assets.join("public"), tmp.path().join("shortcut/public")] {
        build_pinned(&site, Some(&out))
            .assert()
            .code(1)
            .stderr(contains(format!("it is inside {}", site.join("static").display())));
        assert!(!out.exists(), "{}", out.display());
    }
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_as_out_is_refused_with_the_folder_to_give_instead() {
    let tmp = tempfile::tempdir().unwrap();
    let real = tmp.path().join("releases/site-1");
    build_pinned(example_site(), Some(&real)).assert().success();
    let before = snapshot_tree(&real);
    let link = tmp.path().join("current");
    std::os::unix::fs::symlink("releases/site-1", &link).unwrap();

    build_pinned(example_site(), Some(&link))
        .assert()
        .code(1)
        .stderr(contains(format!(
            "refusing to replace {}: it is a symbolic link (to releases/site-1), and allclear never replaces a symbolic link",
            link.display()
        )))
        .stderr(contains(format!(
            "help: point --out at the real folder: --out {}",
            tmp.path().join("releases/site-1").display()
        )));
    assert_eq!(
        fs::read_link(&link).unwrap(),
        Path::new("releases/site-1"),
        "the link stays"
    );
    assert!(snapshot_tree(&real) == before, "the folder it points to is unchanged");
    assert!(
        !tmp.path().join(".current.allclear-lock").exists(),
        "nothing is made next to a refused --out"
    );

    let file = tmp.path().join("notes.txt");
    fs::write(&file, "mine").unwrap();
    build_pinned(example_site(), Some(&file))
        .assert()
        .code(1)
        .stderr(contains(format!(
            "refusing to replace {}: it is a file, not a folder",
            file.display()
        )))
        .stderr(contains("help: give --out the path of a folder"));
    assert_eq!(fs::read_to_string(&file).unwrap(), "mine");
}
