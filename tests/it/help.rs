//! Every `--help` of the real binary, compared with the snapshots in
//! `tests/help/` (one file per command: `allclear.txt`, `new-incident.txt`,
//! `help.txt`…), so help text and program stay in step.
//!
//! After changing a help text on purpose, regenerate the snapshots and
//! review the diff:
//!
//! ```sh
//! ALLCLEAR_BLESS_HELP=1 cargo test --test it help::
//! git diff tests/help/
//! ```

use std::collections::BTreeSet;
use std::fs;
use std::path::PathBuf;

use assert_cmd::Command;

/// The commands in a help text's "Commands:" section, without `help`'s own
/// line for clap's built-in help (allclear has its own `help` command).
fn commands_listed(help: &str) -> Vec<String> {
    help.lines()
        .skip_while(|l| *l != "Commands:")
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .map(str::to_string)
        .collect()
}

fn help_of(words: &[&str]) -> String {
    let out = Command::cargo_bin("allclear")
        .unwrap()
        .args(words)
        .arg("--help")
        .env("COLUMNS", "100")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "allclear {} --help: {}",
        words.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn every_help_text_matches_its_snapshot() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/help");
    let bless = std::env::var_os("ALLCLEAR_BLESS_HELP").is_some();
    // Walk the command tree from `allclear --help`, so a new command cannot
    // go without a snapshot.
    let mut queue: Vec<Vec<String>> = vec![vec![]];
    let mut seen = BTreeSet::new();
    let mut mismatches = Vec::new();
    while let Some(words) = queue.pop() {
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        let help = help_of(&refs);
        for sub in commands_listed(&help) {
            let mut next = words.clone();
            next.push(sub);
            queue.push(next);
        }
        let name = if words.is_empty() {
            "allclear".to_string()
        } else {
            words.join("-")
        };
        let file = dir.join(format!("{name}.txt"));
        seen.insert(format!("{name}.txt"));
        if bless {
            fs::write(&file, &help).unwrap();
            continue;
        }
        match fs::read_to_string(&file) {
            Ok(want) if want == help => {}
            Ok(want) => mismatches.push(format!("{}:\n--- snapshot\n{want}\n--- now\n{help}", file.display())),
            Err(e) => mismatches.push(format!(
                "{}: {e} (new command? see the comment at the top)",
                file.display()
            )),
        }
    }
    assert!(
        seen.contains("help.txt") && seen.contains("new-incident.txt"),
        "{seen:?}"
    );
    // A snapshot whose command is gone is stale.
    for entry in fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if !seen.contains(&name) {
            mismatches.push(format!("tests/help/{name}: no such command any more; delete it"));
        }
    }
    assert!(
        mismatches.is_empty(),
        "help texts differ from tests/help/ (ALLCLEAR_BLESS_HELP=1 cargo test --test it help:: regenerates them):\n{}",
        mismatches.join("\n\n")
    );
}

/// `allclear help COMMAND` prints what `allclear COMMAND --help` prints,
/// and `allclear help --help` works (clap's built-in `help` rejected it).
#[test]
fn help_command_prints_the_commands_help() {
    let via_help = Command::cargo_bin("allclear")
        .unwrap()
        .args(["help", "new", "incident"])
        .output()
        .unwrap();
    assert!(via_help.status.success());
    assert_eq!(
        String::from_utf8(via_help.stdout).unwrap(),
        help_of(&["new", "incident"])
    );
    assert!(help_of(&["help"]).contains("allclear help new incident"));
    Command::cargo_bin("allclear")
        .unwrap()
        .args(["help", "no-such-command"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("unrecognized subcommand 'no-such-command'"));
}

/// The help texts say what the program does: `--message` reads standard
/// input before the editor, `check` lists every warning, `new` has
/// examples.
#[test]
fn help_texts_say_what_the_program_does() {
    let incident = help_of(&["new", "incident"]);
    let message = incident.lines().find(|l| l.contains("--message")).unwrap();
    let stdin = message.find("standard input").expect(message);
    let editor = message.find("$EDITOR").expect(message);
    assert!(stdin < editor, "{message}");
    assert!(help_of(&["check"]).contains("allow_raw_html"));
    assert!(help_of(&["check"]).contains("placeholder"));
    assert!(help_of(&["new"]).contains("Examples:"));
}
