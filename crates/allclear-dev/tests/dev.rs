//! `cargo dev`: the synthetic site builds cleanly and is deterministic,
//! and the benchmark runs end to end, timing the real `allclear` binary.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use allclear_dev::{GenOptions, REFERENCE_NOW as NOW, generate};

/// The workspace's `allclear` binary, built (or found up to date) by
/// `cargo build -p allclear --bin allclear` in the profile of these tests,
/// so that it is never an older build than the code under test.
fn allclear_exe() -> &'static Path {
    static EXE: OnceLock<PathBuf> = OnceLock::new();
    EXE.get_or_init(|| {
        escargot::CargoBuild::new()
            .manifest_path(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../Cargo.toml"))
            .package("allclear")
            .bin("allclear")
            .current_release()
            .run()
            .expect("cargo builds allclear")
            .path()
            .to_path_buf()
    })
}

/// The `allclear` binary, without SOURCE_DATE_EPOCH and colour.
fn allclear() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::new(allclear_exe());
    cmd.env_remove("SOURCE_DATE_EPOCH").env("NO_COLOR", "1");
    cmd
}

/// `cargo dev`, this package's binary.
fn cargo_dev() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("allclear-dev").unwrap();
    cmd.env_remove("SOURCE_DATE_EPOCH").env("NO_COLOR", "1");
    cmd
}

/// `allclear build SITE --out OUT --now NOW`.
fn build_pinned(site: &Path, out: &Path) -> assert_cmd::Command {
    let mut cmd = allclear();
    cmd.arg("build").arg(site).arg("--out").arg(out).args(["--now", NOW]);
    cmd
}

/// Every file under `dir` with its bytes, sorted by path.
fn snapshot_tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out: Vec<(PathBuf, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().to_path_buf(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

fn count_files(dir: &Path, ext: &str) -> usize {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == ext))
        .count()
}

fn json(out: &Path, path: &str) -> serde_json::Value {
    serde_json::from_str(&fs::read_to_string(out.join(path)).unwrap()).unwrap()
}

#[test]
fn a_generated_site_builds_and_checks_without_errors_or_warnings() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    let out = tmp.path().join("public");
    cargo_dev()
        .arg("gen-site")
        .arg(&site)
        .args(["--incidents", "200", "--seed", "1"])
        .assert()
        .success();

    // The layout: incidents/YYYY/MM/, maintenance/YYYY/, .md and .yaml mixed.
    let incidents = site.join("incidents");
    assert_eq!(count_files(&incidents, "md") + count_files(&incidents, "yaml"), 200);
    assert!(count_files(&incidents, "md") > 50 && count_files(&incidents, "yaml") > 50);
    assert!(incidents.join("2026/11").is_dir() && incidents.join("2016/11").is_dir());
    let maintenance = site.join("maintenance");
    assert_eq!(count_files(&maintenance, "md") + count_files(&maintenance, "yaml"), 10);
    assert!(maintenance.join("2026").is_dir());

    let built = build_pinned(&site, &out).assert().success();
    let stderr = String::from_utf8_lossy(&built.get_output().stderr).to_string();
    assert!(!stderr.contains("warning"), "{stderr}");
    assert!(stderr.contains("Built 200 incidents and 10 maintenances"), "{stderr}");
    allclear()
        .arg("check")
        .arg(&site)
        .args(["--deny-warnings", "--now", NOW])
        .assert()
        .success();

    // What the site says at the reference time.
    let unresolved = json(&out, "api/v2/incidents/unresolved.json");
    assert_eq!(unresolved["incidents"].as_array().unwrap().len(), 2);
    let active = json(&out, "api/v2/scheduled-maintenances/active.json");
    assert_eq!(active["scheduled_maintenances"].as_array().unwrap().len(), 1);
    let upcoming = json(&out, "api/v2/scheduled-maintenances/upcoming.json");
    assert_eq!(upcoming["scheduled_maintenances"].as_array().unwrap().len(), 3);
    let components = json(&out, "api/v2/components.json");
    let all = components["components"].as_array().unwrap();
    assert_eq!(all.iter().filter(|c| c["group"] == true).count(), 4);
    assert_eq!(all.iter().filter(|c| c["group"] == false).count(), 20);
    let recent = json(&out, "api/v2/incidents.json");
    assert!(
        recent["incidents"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["status"] == "postmortem")
    );
    let maintenances = fs::read_to_string(out.join("maintenance.ics")).unwrap();
    assert!(maintenances.contains("STATUS:CANCELLED"), "no cancelled maintenance");
}

#[test]
fn the_same_seed_gives_the_same_bytes_and_another_seed_differs() {
    let tmp = tempfile::tempdir().unwrap();
    let gen_into = |name: &str, seed: u64| {
        let dir = tmp.path().join(name);
        let summary = generate(
            &dir,
            &GenOptions {
                incidents: 200,
                seed,
                translations: false,
            },
        )
        .unwrap();
        assert_eq!((summary.incidents, summary.maintenances), (200, 10));
        snapshot_tree(&dir)
    };
    let a = gen_into("a", 42);
    let b = gen_into("b", 42);
    let c = gen_into("c", 43);
    assert_eq!(a.len(), 211);
    assert!(a == b, "two generations with seed 42 differ");
    assert!(a != c, "seeds 42 and 43 gave the same site");

    // A folder that holds files is refused.
    let again = generate(
        &tmp.path().join("a"),
        &GenOptions {
            incidents: 1,
            seed: 1,
            translations: false,
        },
    );
    assert_eq!(again.unwrap_err().kind(), std::io::ErrorKind::AlreadyExists);
}

#[test]
fn bench_prints_a_markdown_table() {
    let tmp = tempfile::tempdir().unwrap();
    let keep = tmp.path().join("bench");
    let run = cargo_dev()
        .args(["bench", "--sizes", "20,40", "--runs", "1", "--exe"])
        .arg(allclear_exe())
        .arg("--keep")
        .arg(&keep)
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&run.get_output().stdout).to_string();
    // The report names the binary it timed, by its --version.
    let first = stdout.lines().next().unwrap();
    assert!(
        first.starts_with("allclear 0.") && first.contains(&format!("(--exe {})", allclear_exe().display())),
        "{first}"
    );
    assert!(
        stdout.contains("| incidents | wall (median) | CPU | peak RSS | files | bytes | I/O floor | build / floor |"),
        "{stdout}"
    );
    assert!(stdout.contains("\n| 20 | "), "{stdout}");
    assert!(stdout.contains("\n| 40 | "), "{stdout}");
    assert!(stdout.contains("| 20 → 40 | 2.0× |"), "{stdout}");
    assert!(keep.join("incidents-40/site/site.yaml").is_file());
    assert!(keep.join("incidents-40/public/index.html").is_file());
    // The preview's latency, from `allclear serve` children.
    assert!(
        stdout.contains("| `serve`: save to changed page | edits | median | slowest |"),
        "{stdout}"
    );
    assert!(stdout.contains("\n| 20 incidents | 5 | "), "{stdout}");
    assert!(stdout.contains("\n| 40 incidents | 5 | "), "{stdout}");

    // Kept sites are reused, and the edited entry was put back as it was;
    // --check without a size that has targets is bad usage.
    let site = keep.join("incidents-20/site");
    let before = snapshot_tree(&site);
    let again = cargo_dev()
        .args([
            "bench", "--sizes", "20", "--runs", "1", "--edits", "2", "--check", "--exe",
        ])
        .arg(allclear_exe())
        .arg("--keep")
        .arg(&keep)
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&again.get_output().stderr).to_string();
    assert!(stderr.contains("reusing the site"), "{stderr}");
    assert!(stderr.contains("timing 2 edits in allclear serve"), "{stderr}");
    assert!(snapshot_tree(&site) == before, "the bench left an entry edited");
}

#[test]
fn bench_refuses_an_exe_that_is_not_allclear() {
    let tmp = tempfile::tempdir().unwrap();
    let keep = tmp.path().join("bench");
    for (exe, says) in [
        (
            Path::new("/bin/true"),
            "/bin/true --version did not print `allclear VERSION`",
        ),
        (&tmp.path().join("missing"), "cannot run"),
    ] {
        let run = cargo_dev()
            .args(["bench", "--sizes", "20", "--runs", "1", "--exe"])
            .arg(exe)
            .arg("--keep")
            .arg(&keep)
            .assert()
            .code(2);
        let stderr = String::from_utf8_lossy(&run.get_output().stderr).to_string();
        assert!(
            stderr.contains(says) && stderr.contains("give the allclear binary with --exe PATH"),
            "{stderr}"
        );
    }
    assert!(!keep.exists(), "nothing generated before the binary is known");
}
