//! Tests of the staging folder, shared with `swap.rs`'s tests.

use super::*;

pub(in crate::output) fn file(path: &str, text: &str) -> OutputFile {
    OutputFile {
        path: path.into(),
        bytes: text.as_bytes().to_vec(),
    }
}

#[test]
fn replaces_own_folder_and_refuses_others() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    write_site(&out, &[file("index.html", "one"), file("a/b.html", "b")]).unwrap();
    write_site(&out, &[file("index.html", "two")]).unwrap();
    assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "two");
    assert!(!out.join("a").exists(), "stale files are gone");
    assert_eq!(
        names(tmp.path()),
        [".public.allclear-lock", "public"],
        "no staging folders left, only the lock file"
    );

    let theirs = tmp.path().join("docs");
    fs::create_dir(&theirs).unwrap();
    fs::write(theirs.join("thesis.tex"), "precious").unwrap();
    let err = write_site(&theirs, &[file("index.html", "x")]).unwrap_err();
    assert!(matches!(err, OutputError::NotOurs(_)));
    assert_eq!(fs::read_to_string(theirs.join("thesis.tex")).unwrap(), "precious");
    assert!(
        !tmp.path().join(".docs.allclear-lock").exists(),
        "nothing is made next to a refused folder"
    );
}

/// The names in `dir`, sorted.
pub(in crate::output) fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_staging_folder_that_lost_its_marker_is_not_swapped_in() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    write_site(&out, &[file("index.html", "old")]).unwrap();
    let staging = Staging::create(&out, Duration::ZERO, |_| panic!("not locked")).unwrap();
    staging.write(&file("index.html", "new")).unwrap();
    // Another program empties the staging folder while it is written.
    fs::remove_dir_all(&staging.root).unwrap();
    let err = staging.write(&file("a/b/index.html", "new")).unwrap_err();
    assert!(matches!(err, OutputError::StagingLost(_)), "{err}");
    assert!(!staging.root.exists(), "its folder is not made again");
    fs::create_dir(&staging.root).unwrap();
    staging.write(&file("index.html", "new")).unwrap();
    assert!(matches!(staging.commit(), Err(OutputError::StagingLost(_))));
    assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "old");
    assert!(out.join(MARKER).is_file());
}

#[test]
fn no_file_is_written_outside_the_output_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    for bad in ["../escape.html", "/etc/x", "a/../../b", ""] {
        assert!(
            matches!(write_site(&out, &[file(bad, "x")]), Err(OutputError::Escapes(_))),
            "{bad}"
        );
    }
    assert!(!out.exists() && !tmp.path().join("escape.html").exists());
    assert!(stays_inside("incidents/x/index.html"));
}
