//! The GitHub Action (action.yml) and the release workflow: both YAML files
//! parse, the action's pinned version is this crate's, and its shell steps
//! (action/install.sh, action/build.sh) run for real in a temporary folder,
//! with the release download pointed at a local archive (file://).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_yaml::Value;

const TARGET: &str = "x86_64-unknown-linux-musl";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn yaml(path: &str) -> Value {
    let text = std::fs::read_to_string(root().join(path)).unwrap();
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{path} is not YAML: {e}"))
}

#[test]
fn action_yml_is_a_composite_action_pinned_to_this_version() {
    let action = yaml("action.yml");
    assert_eq!(action["runs"]["using"].as_str(), Some("composite"));
    assert_eq!(
        action["inputs"]["version"]["default"].as_str(),
        Some(env!("CARGO_PKG_VERSION")),
        "action.yml's version input must default to the crate's version"
    );
    let steps = action["runs"]["steps"].as_sequence().unwrap();
    let uses: Vec<&str> = steps.iter().filter_map(|s| s["uses"].as_str()).collect();
    for needed in [
        "actions/cache@",
        "actions/configure-pages@",
        "actions/upload-pages-artifact@",
    ] {
        assert!(uses.iter().any(|u| u.starts_with(needed)), "no {needed} step: {uses:?}");
    }
    // Every script a step runs exists, and no step puts an input straight
    // into the shell (inputs go through env:).
    for step in steps {
        let Some(run) = step["run"].as_str() else { continue };
        assert!(!run.contains("${{"), "an expression inside run: {run}");
        for word in run.split(['"', ' ']) {
            if let Some(script) = word.strip_prefix("$GITHUB_ACTION_PATH/") {
                assert!(root().join(script).is_file(), "{script} is missing");
            }
        }
    }
}

#[test]
fn release_workflow_runs_on_version_tags_and_covers_every_target() {
    let workflow = yaml(".github/workflows/release.yml");
    let tags = &workflow["on"]["push"]["tags"];
    assert!(
        tags.as_sequence()
            .unwrap()
            .iter()
            .any(|t| t.as_str().unwrap().contains("[0-9]")),
        "{tags:?}"
    );
    let config = std::fs::read_to_string(root().join("dist-workspace.toml")).unwrap();
    for target in [
        "x86_64-unknown-linux-gnu",
        "x86_64-unknown-linux-musl",
        "aarch64-unknown-linux-gnu",
        "aarch64-unknown-linux-musl",
        "x86_64-apple-darwin",
        "aarch64-apple-darwin",
        "x86_64-pc-windows-msvc",
    ] {
        assert!(config.contains(&format!("\"{target}\"")), "{target} is not built");
    }
    assert!(config.contains("\"shell\""), "no shell installer");
}

/// A release folder as the workflow publishes it: `v0.1.0/allclear-TARGET.tar.xz`
/// holding `allclear-TARGET/allclear`, and its `.sha256`. The binary is a
/// script that runs the allclear under test.
fn fake_release(dir: &Path) -> PathBuf {
    let release = dir.join("releases");
    let tag = release.join(format!("v{}", env!("CARGO_PKG_VERSION")));
    let stage = dir.join("stage").join(format!("allclear-{TARGET}"));
    std::fs::create_dir_all(&stage).unwrap();
    std::fs::create_dir_all(&tag).unwrap();
    let binary = assert_cmd::cargo::cargo_bin("allclear");
    std::fs::write(
        stage.join("allclear"),
        format!("#!/bin/sh\nexec '{}' \"$@\"\n", binary.display()),
    )
    .unwrap();
    run(Command::new("chmod").arg("755").arg(stage.join("allclear")));
    std::fs::write(stage.join("README.md"), "readme\n").unwrap();
    let archive = tag.join(format!("allclear-{TARGET}.tar.xz"));
    run(Command::new("tar")
        .arg("-cJf")
        .arg(&archive)
        .arg("-C")
        .arg(dir.join("stage"))
        .arg(format!("allclear-{TARGET}")));
    let sum = run(Command::new("sha256sum").arg(&archive));
    let hash = String::from_utf8(sum.stdout).unwrap();
    let hash = hash.split_whitespace().next().unwrap();
    std::fs::write(
        tag.join(format!("allclear-{TARGET}.tar.xz.sha256")),
        format!("{hash} *allclear-{TARGET}.tar.xz\n"),
    )
    .unwrap();
    release
}

fn run(cmd: &mut Command) -> Output {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// action/install.sh as the action's install step runs it on a Linux x64 runner.
fn install(dir: &Path, release: &Path) -> (Output, PathBuf, PathBuf) {
    let install_dir = dir
        .join("tool-cache/allclear")
        .join(env!("CARGO_PKG_VERSION"))
        .join(TARGET);
    let github_path = dir.join("github_path");
    let out = Command::new("bash")
        .arg(root().join("action/install.sh"))
        .current_dir(dir)
        .env("RUNNER_OS", "Linux")
        .env("RUNNER_ARCH", "X64")
        .env("ALLCLEAR_VERSION", env!("CARGO_PKG_VERSION"))
        .env("ALLCLEAR_INSTALL_DIR", &install_dir)
        .env("ALLCLEAR_DOWNLOAD_BASE", format!("file://{}", release.display()))
        .env("GITHUB_PATH", &github_path)
        .output()
        .unwrap();
    (out, install_dir, github_path)
}

#[test]
fn the_runner_target_is_the_static_linux_build_or_the_platforms_own() {
    let target = |os: &str, arch: &str| {
        let out = Command::new("bash")
            .arg(root().join("action/install.sh"))
            .arg("--print-target")
            .env("RUNNER_OS", os)
            .env("RUNNER_ARCH", arch)
            .output()
            .unwrap();
        (out.status.code(), String::from_utf8(out.stdout).unwrap())
    };
    assert_eq!(
        target("Linux", "X64"),
        (Some(0), "target=x86_64-unknown-linux-musl\n".into())
    );
    assert_eq!(
        target("Linux", "ARM64"),
        (Some(0), "target=aarch64-unknown-linux-musl\n".into())
    );
    assert_eq!(
        target("macOS", "ARM64"),
        (Some(0), "target=aarch64-apple-darwin\n".into())
    );
    assert_eq!(target("macOS", "X64"), (Some(0), "target=x86_64-apple-darwin\n".into()));
    assert_eq!(
        target("Windows", "X64"),
        (Some(0), "target=x86_64-pc-windows-msvc\n".into())
    );
    assert_eq!(target("Linux", "ARM").0, Some(1), "a 32-bit ARM runner has no release");
}

#[test]
fn install_puts_the_verified_binary_on_the_path_and_build_publishes_the_site() {
    let dir = tempfile::tempdir().unwrap();
    let release = fake_release(dir.path());
    let (out, install_dir, github_path) = install(dir.path(), &release);
    assert!(
        out.status.success(),
        "install.sh: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(&github_path).unwrap(),
        format!("{}\n", install_dir.display())
    );
    let version = run(Command::new(install_dir.join("allclear")).arg("--version"));
    assert_eq!(
        String::from_utf8(version.stdout).unwrap(),
        format!("allclear {}\n", env!("CARGO_PKG_VERSION"))
    );

    // The cache restored the folder: a second run downloads nothing (the
    // release is gone) and still puts it on the PATH.
    std::fs::remove_dir_all(&release).unwrap();
    std::fs::remove_file(&github_path).unwrap();
    let (again, _, _) = install(dir.path(), &release);
    assert!(
        again.status.success(),
        "cached install.sh: {}",
        String::from_utf8_lossy(&again.stderr)
    );
    assert!(String::from_utf8_lossy(&again.stdout).contains("already in"));
    assert_eq!(
        std::fs::read_to_string(&github_path).unwrap(),
        format!("{}\n", install_dir.display())
    );

    // The build step, with allclear found on the PATH as the runner would.
    let site = dir.path().join("site");
    run(Command::new("cp").arg("-r").arg(root().join("example-site")).arg(&site));
    let output = dir.path().join("github_output");
    let path = format!("{}:{}", install_dir.display(), std::env::var("PATH").unwrap());
    let build = Command::new("bash")
        .arg(root().join("action/build.sh"))
        .current_dir(dir.path())
        .env("PATH", path)
        .env("SITE", "site")
        .env("OUT", "")
        .env("BASE_URL", "https://acme.github.io/status/")
        .env("SOURCE_DATE_EPOCH", "1795186800")
        .env("GITHUB_OUTPUT", &output)
        .output()
        .unwrap();
    assert!(
        build.status.success(),
        "build.sh: {}",
        String::from_utf8_lossy(&build.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(&output).unwrap(),
        "base-url=https://acme.github.io/status/\nout=site/public\n"
    );
    let index = std::fs::read_to_string(site.join("public/index.html")).unwrap();
    assert!(
        index.contains("https://acme.github.io/status/"),
        "the base URL is not in the page"
    );
}

#[test]
fn a_download_whose_checksum_differs_is_refused_and_nothing_installed() {
    let dir = tempfile::tempdir().unwrap();
    let release = fake_release(dir.path());
    let sum = release
        .join(format!("v{}", env!("CARGO_PKG_VERSION")))
        .join(format!("allclear-{TARGET}.tar.xz.sha256"));
    std::fs::write(&sum, format!("{} *allclear-{TARGET}.tar.xz\n", "0".repeat(64))).unwrap();
    let (out, install_dir, github_path) = install(dir.path(), &release);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("SHA-256") && stderr.contains("not installed"),
        "{stderr}"
    );
    assert!(!install_dir.exists(), "something was installed");
    assert!(!github_path.exists(), "the PATH was changed");
}

#[test]
fn a_missing_release_is_an_error_naming_the_url() {
    let dir = tempfile::tempdir().unwrap();
    let release = dir.path().join("no-releases");
    let (out, install_dir, _) = install(dir.path(), &release);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("allclear-{TARGET}.tar.xz")) && stderr.contains("is there a release"),
        "{stderr}"
    );
    assert!(!install_dir.exists());
}

#[test]
fn build_without_a_base_url_says_how_to_get_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new("bash")
        .arg(root().join("action/build.sh"))
        .current_dir(dir.path())
        .env("SITE", ".")
        .env("BASE_URL", "")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("base-url input"));
}

#[test]
fn the_docker_workflow_publishes_both_stages_of_the_dockerfile() {
    let workflow = yaml(".github/workflows/docker.yml");
    let steps = workflow["jobs"]["image"]["steps"].as_sequence().unwrap();
    let targets: Vec<&str> = steps.iter().filter_map(|s| s["with"]["target"].as_str()).collect();
    assert_eq!(targets, ["minimal", "ci"]);

    let dockerfile = std::fs::read_to_string(root().join("Dockerfile")).unwrap();
    let stages: Vec<&str> = dockerfile
        .lines()
        .filter(|l| l.starts_with("FROM "))
        .map(|l| l.rsplit(' ').next().unwrap())
        .collect();
    // The last stage is what a plain `docker build .` makes: the minimal one.
    assert_eq!(stages, ["build", "ci", "minimal"]);
    // The build stage copies what the build reads: the manifest, the lock
    // file, the sources and embedded theme, and the workspace's other
    // member (crates/allclear-dev), whose manifest cargo reads.
    let copied: Vec<&str> = dockerfile
        .lines()
        .filter_map(|l| l.strip_prefix("COPY "))
        .filter(|l| !l.starts_with("--from"))
        .flat_map(|l| l.split_whitespace())
        .collect();
    for needed in ["Cargo.toml", "Cargo.lock", "src", "themes", "crates"] {
        assert!(
            copied.contains(&needed),
            "the build stage does not copy {needed}: {copied:?}"
        );
    }
}
