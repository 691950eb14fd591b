//! `allclear completions SHELL` and `allclear man`, run as the real binary:
//! bash accepts the script and completes the subcommands with it, and
//! groff renders every manual page without a warning.

use std::path::Path;
use std::process::{Command, Output};

/// The subcommands, as `--help` lists them.
const SUBCOMMANDS: &[&str] = &[
    "init",
    "build",
    "check",
    "serve",
    "new",
    "update",
    "resolve",
    "reschedule",
    "cancel",
    "notify",
    "import",
    "completions",
    "man",
];

fn allclear(args: &[&str]) -> Output {
    let out = Command::new(assert_cmd::cargo::cargo_bin("allclear"))
        .args(args)
        // A bad reference time must not stop commands that never read it.
        .env("SOURCE_DATE_EPOCH", "not a number")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "allclear {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Run a bash script and return its standard output; panic on failure.
fn bash(script: &str) -> String {
    let out = Command::new("bash").arg("-c").arg(script).output().unwrap();
    assert!(
        out.status.success(),
        "bash failed: {}\n{}",
        String::from_utf8_lossy(&out.stderr),
        script
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn bash_completion_is_valid_bash_and_completes_the_subcommands_and_values() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("allclear.bash");
    std::fs::write(&script, allclear(&["completions", "bash"]).stdout).unwrap();
    bash(&format!("bash -n '{}'", script.display()));

    // Complete `allclear ` and `allclear check --format ` as
    // bash's programmable completion would, with the function the script
    // registers for allclear.
    let complete = |words: &str| {
        bash(&format!(
            "source '{}'\n\
             fn=$(complete -p allclear | sed -E 's/.*-F ([^ ]+) .*/\\1/')\n\
             COMP_WORDS=({words} '')\nCOMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))\n\
             COMP_LINE=\"${{COMP_WORDS[*]}}\"\nCOMP_POINT=${{#COMP_LINE}}\n\
             \"$fn\" allclear '' \"${{COMP_WORDS[COMP_CWORD-1]}}\"\n\
             printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            script.display()
        ))
    };
    let top = complete("allclear");
    let words: Vec<&str> = top.lines().collect();
    for sub in SUBCOMMANDS {
        assert!(words.contains(sub), "`allclear <TAB>` does not offer {sub}: {words:?}");
    }

    // The developer tools are `cargo dev` (crates/allclear-dev), not a
    // command of the product.
    assert!(!words.contains(&"dev"), "`allclear <TAB>` offers dev: {words:?}");

    let format = complete("allclear check --format");
    let mut values: Vec<&str> = format.lines().collect();
    values.sort_unstable();
    assert_eq!(values, ["json", "text"], "`check --format <TAB>`");
}

#[test]
fn every_shell_gets_a_script_that_names_allclear() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let text = String::from_utf8(allclear(&["completions", shell]).stdout).unwrap();
        assert!(
            text.contains("allclear") && text.contains("reschedule"),
            "{shell}: {text}"
        );
        assert!(
            !text.contains("gen-site") && !text.contains("bench"),
            "{shell}: the script completes the developer tools:\n{text}"
        );
    }
    if Command::new("zsh").arg("--version").output().is_ok() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("_allclear");
        std::fs::write(&file, allclear(&["completions", "zsh"]).stdout).unwrap();
        let out = Command::new("zsh").arg("-n").arg(&file).output().unwrap();
        assert!(out.status.success(), "zsh -n: {}", String::from_utf8_lossy(&out.stderr));
    }
}

#[test]
fn an_unknown_shell_is_refused_with_the_list_of_shells() {
    let out = Command::new(assert_cmd::cargo::cargo_bin("allclear"))
        .args(["completions", "tcsh"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("tcsh") && stderr.contains("bash") && stderr.contains("powershell"),
        "{stderr}"
    );
}

/// Render a page with groff as `man` does, treating any warning as a failure.
fn render(page: &Path) -> String {
    let out = Command::new("groff")
        .args(["-man", "-Tutf8", "-ww", "-z"])
        .arg(page)
        .output()
        .expect("groff is needed to check the manual pages (Debian: apt-get install groff-base)");
    let warnings = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && warnings.is_empty(),
        "{}: {warnings}",
        page.display()
    );
    let text = Command::new("groff")
        .args(["-man", "-Tutf8", "-P-cbou"])
        .arg(page)
        .output()
        .unwrap();
    String::from_utf8(text.stdout).unwrap()
}

#[test]
fn the_man_page_renders_and_lists_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("allclear.1");
    let roff = String::from_utf8(allclear(&["man"]).stdout).unwrap();
    assert!(roff.contains(".TH allclear 1"), "{roff}");
    std::fs::write(&page, &roff).unwrap();
    let text = render(&page);
    for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "SUBCOMMANDS", "VERSION"] {
        assert!(text.lines().any(|l| l == section), "no {section} section:\n{text}");
    }
    for sub in SUBCOMMANDS {
        assert!(
            text.contains(&format!("allclear-{sub}(1)")),
            "no allclear-{sub}(1):\n{text}"
        );
    }
    assert!(!text.contains("allclear-dev"), "a dev command has a page:\n{text}");
}

/// The developer tools left the product (issue 14): `allclear dev` is an
/// unknown command, as any other word.
#[test]
fn the_product_has_no_dev_command() {
    for words in [
        &["dev"][..],
        &["dev", "gen-site", "/nonexistent", "--incidents", "1"],
        &["help", "dev"],
    ] {
        let out = Command::new(assert_cmd::cargo::cargo_bin("allclear"))
            .args(words)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "allclear {words:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("unrecognized subcommand 'dev'"),
            "allclear {words:?}: {stderr}"
        );
    }
}

#[test]
fn man_out_writes_one_page_per_command_into_a_new_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("share/man/man1");
    allclear(&["man", "--out", out.to_str().unwrap()]);
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    let mut expected: Vec<String> = SUBCOMMANDS.iter().map(|s| format!("allclear-{s}.1")).collect();
    expected.extend(
        [
            "allclear.1",
            "allclear-new-incident.1",
            "allclear-new-maintenance.1",
            "allclear-import-statuspage.1",
        ]
        .map(String::from),
    );
    expected.sort();
    assert_eq!(names, expected);
    let build = render(&out.join("allclear-build.1"));
    assert!(build.contains("--lock-timeout"), "{build}");
    assert!(build.contains("--base-url"), "{build}");
}

#[test]
fn man_out_into_a_file_fails_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("taken");
    std::fs::write(&file, "").unwrap();
    let out = Command::new(assert_cmd::cargo::cargo_bin("allclear"))
        .args(["man", "--out"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("taken"), "{stderr}");
}
