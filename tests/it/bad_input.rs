//! Every violation of the content format is an error that names the file,
//! the line, the column and what is wrong, and the build exits 1.
//!
//! Each folder under `tests/bad_sites/` is one broken site: its files are
//! laid over `tests/fixtures/base-site/` (a valid site), and its
//! `expected.txt` lists, one per line, every diagnostic the build must
//! print, as `PATH:LINE:COL: message` with PATH relative to the site (`#`
//! starts a comment). The build must report exactly those errors, no more.
//! A line `delete: PATH` in `expected.txt` removes a base file first.

use crate::common;

use std::fs;
use std::path::Path;

use common::{NOW, allclear, copy_tree, fixture};

/// `tests/bad_sites/`: one folder per broken site.
fn bad_sites() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_sites")
}

struct Case {
    name: String,
    deletes: Vec<String>,
    expected: Vec<String>,
}

fn cases() -> Vec<Case> {
    let mut out = Vec::new();
    for entry in fs::read_dir(bad_sites()).unwrap() {
        let dir = entry.unwrap().path();
        let text = fs::read_to_string(dir.join("expected.txt"))
            .unwrap_or_else(|_| panic!("{} has no expected.txt", dir.display()));
        let mut case = Case {
            name: dir.file_name().unwrap().to_string_lossy().into_owned(),
            deletes: Vec::new(),
            expected: Vec::new(),
        };
        for line in text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            match line.strip_prefix("delete: ") {
                Some(path) => case.deletes.push(path.to_string()),
                None => case.expected.push(line.to_string()),
            }
        }
        assert!(!case.expected.is_empty(), "{}: expected.txt lists no error", case.name);
        out.push(case);
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

fn build_case(case: &Case, root: &Path) -> (Option<i32>, String) {
    let site = root.join("site");
    copy_tree(&fixture("base-site"), &site);
    for path in &case.deletes {
        fs::remove_file(site.join(path)).unwrap();
    }
    let overlay = bad_sites().join(&case.name);
    copy_tree(&overlay, &site);
    fs::remove_file(site.join("expected.txt")).unwrap();
    let output = allclear()
        .current_dir(root)
        .args(["build", "site", "--now", NOW])
        .output()
        .unwrap();
    (output.status.code(), String::from_utf8(output.stderr).unwrap())
}

#[test]
fn every_bad_site_fails_with_its_exact_errors() {
    let cases = cases();
    assert!(cases.len() >= 30, "only {} bad-input cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let tmp = tempfile::tempdir().unwrap();
        let (code, stderr) = build_case(case, tmp.path());
        if code != Some(1) {
            failures.push(format!("{}: exit code {code:?}, expected 1\n{stderr}", case.name));
            continue;
        }
        let reported: Vec<&str> = stderr.lines().filter_map(|l| l.strip_prefix("error: site/")).collect();
        for want in &case.expected {
            if !reported.iter().any(|got| got.starts_with(want.as_str())) {
                failures.push(format!("{}: missing `{want}`\n{stderr}", case.name));
            }
        }
        if reported.len() != case.expected.len() {
            failures.push(format!(
                "{}: {} errors reported, {} expected\n{stderr}",
                case.name,
                reported.len(),
                case.expected.len()
            ));
        }
        assert!(
            !tmp.path().join("site/public").exists(),
            "{}: a failed build wrote output",
            case.name
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn errors_show_the_line_with_a_caret_and_help() {
    let case = cases()
        .into_iter()
        .find(|c| c.name == "unknown-key")
        .expect("the unknown-key case exists");
    let tmp = tempfile::tempdir().unwrap();
    let (_, stderr) = build_case(&case, tmp.path());
    assert!(stderr.contains("9 |     mesage: We are looking into it."), "{stderr}");
    assert!(stderr.contains("^^^^^^"), "{stderr}");
    assert!(stderr.contains("help: did you mean `message`?"), "{stderr}");
}

/// `build` and `check` both print every error of every file in one run
/// (several per file, in three files), sorted by file, line and column,
/// and count them all in the summary line (issue 12, item 10).
#[test]
fn build_and_check_report_every_error_in_order_with_the_count() {
    let case = cases()
        .into_iter()
        .find(|c| c.name == "errors-in-several-files")
        .expect("the errors-in-several-files case exists");
    let tmp = tempfile::tempdir().unwrap();
    let (code, build_stderr) = build_case(&case, tmp.path());
    assert_eq!(code, Some(1), "{build_stderr}");
    assert!(
        build_stderr.contains(&format!("Build failed: {} errors", case.expected.len())),
        "{build_stderr}"
    );
    let check = allclear()
        .current_dir(tmp.path())
        .args(["check", "site", "--now", NOW])
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(1));
    let check_stderr = String::from_utf8(check.stderr).unwrap();
    assert!(
        check_stderr.contains(&format!("site: {} errors, 0 warnings", case.expected.len())),
        "{check_stderr}"
    );
    for stderr in [&build_stderr, &check_stderr] {
        let reported: Vec<&str> = stderr.lines().filter_map(|l| l.strip_prefix("error: site/")).collect();
        assert_eq!(reported.len(), case.expected.len(), "{stderr}");
        for (got, want) in reported.iter().zip(&case.expected) {
            assert!(
                got.starts_with(want.as_str()),
                "`{got}` where `{want}` belongs\n{stderr}"
            );
        }
    }
}
