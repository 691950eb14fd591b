//! `allclear init` from zero to a site ready to publish: the CI it writes
//! (a pinned release, never a source build; the platform's address while
//! `base_url` is the placeholder), `git init`, the next steps it prints,
//! and what it refuses. Real binary, temporary folders.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{NOW, allclear};

const VERSION: &str = env!("CARGO_PKG_VERSION");

fn init(dir: &Path, extra: &[&str]) -> String {
    let out = allclear().arg("init").arg(dir).args(extra).output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "{stderr}");
    stderr
}

fn yaml(path: &Path) -> serde_yaml::Value {
    serde_yaml::from_str(&fs::read_to_string(path).unwrap()).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn git(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new("git").arg("-C").arg(dir).args(args).output().unwrap()
}

/// The folder holding the allclear binary under test, for PATH.
fn bin_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_allclear"))
        .parent()
        .unwrap()
        .to_path_buf()
}

#[test]
fn github_workflow_uses_the_pinned_action_and_no_source_build() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("status");
    init(&dir, &[]);
    let path = dir.join(".github/workflows/status.yml");
    let text = fs::read_to_string(&path).unwrap();
    assert!(!text.contains("cargo install"), "{text}");
    let workflow = yaml(&path);
    let on = &workflow["on"];
    assert!(
        on.get("workflow_dispatch").is_some(),
        "the rebuild-when-due job starts it: {text}"
    );
    assert_eq!(on["schedule"][0]["cron"].as_str(), Some("*/10 * * * *"));
    let steps = workflow["jobs"]["build"]["steps"].as_sequence().unwrap();
    let action = steps
        .iter()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("allclear-dev/allclear@"))
        })
        .unwrap_or_else(|| panic!("no allclear action: {text}"));
    assert_eq!(
        action["uses"].as_str().unwrap(),
        format!("allclear-dev/allclear@v{VERSION}")
    );
    assert_eq!(action["with"]["version"].as_str().unwrap(), VERSION);
    // `check: true` would deny warnings: the placeholder `base_url` of
    // the walkthrough's first push, or an overdue promise mid-incident,
    // would then stop the page from being published.
    assert!(action["with"].get("check").is_none(), "{text}");
    assert_eq!(
        action["with"]["base-url"].as_str(),
        Some("${{ steps.address.outputs.base-url }}")
    );
    // The address step falls back to Pages' URL only for init's placeholder.
    let address = steps.iter().find(|s| s["id"].as_str() == Some("address")).unwrap();
    let script = address["run"].as_str().unwrap();
    assert!(script.contains("\"https://status.example.com\""), "{script}");
    assert_eq!(
        address["env"]["PAGES_URL"].as_str(),
        Some("${{ steps.pages.outputs.base_url }}")
    );
}

/// The GitLab job's build step, run for real with this binary: GitLab
/// Pages' address while `base_url` is the placeholder, `site.yaml`'s once
/// it is a real one.
#[test]
fn gitlab_ci_uses_the_pinned_image_and_the_pages_address_until_base_url_is_set() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("status");
    init(&dir, &[]);
    let ci = yaml(&dir.join(".gitlab-ci.yml"));
    assert_eq!(
        ci["pages"]["image"].as_str().unwrap(),
        format!("ghcr.io/allclear-dev/allclear:{VERSION}-ci")
    );
    // ... a tag the release publishes: docker.yml pushes VERSION-ci.
    let docker = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/.github/workflows/docker.yml")).unwrap();
    assert!(
        docker.contains("${{ steps.meta.outputs.version }}-ci\n"),
        "docker.yml does not publish the X.Y.Z-ci tag init's GitLab CI uses"
    );
    let script: Vec<&str> = ci["pages"]["script"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    assert!(!script.iter().any(|s| s.contains("cargo")), "{script:?}");
    let run = |dir: &Path| {
        let path = format!("{}:{}", bin_dir().display(), std::env::var("PATH").unwrap());
        for step in &script {
            let out = Command::new("bash")
                .args(["-e", "-c", step])
                .current_dir(dir)
                .env("PATH", &path)
                .env("CI_PAGES_URL", "https://acme.gitlab.io/status")
                .env("SOURCE_DATE_EPOCH", "1795186800")
                .output()
                .unwrap();
            assert!(out.status.success(), "{step}: {}", String::from_utf8_lossy(&out.stderr));
        }
        let status: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(dir.join("public/api/v2/status.json")).unwrap()).unwrap();
        status["page"]["url"].as_str().unwrap().to_string()
    };
    assert_eq!(run(&dir), "https://acme.gitlab.io/status");
    let site_yaml = fs::read_to_string(dir.join("site.yaml")).unwrap();
    let site_yaml = site_yaml.replace(
        "base_url: https://status.example.com",
        "base_url: https://status.acme.example",
    );
    fs::write(dir.join("site.yaml"), site_yaml).unwrap();
    assert_eq!(run(&dir), "https://status.acme.example");
}

#[test]
fn check_warns_while_base_url_is_the_placeholder() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("status");
    init(&dir, &[]);
    let out = allclear()
        .arg("check")
        .arg(&dir)
        .args(["--now", NOW, "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let findings: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = findings.as_array().unwrap();
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0]["code"], "base-url-placeholder");
    let file = findings[0]["file"].as_str().unwrap();
    assert_eq!(Path::new(file), dir.join("site.yaml"));
    let line = findings[0]["line"].as_u64().unwrap() as usize;
    let site_yaml = fs::read_to_string(dir.join("site.yaml")).unwrap();
    assert_eq!(
        site_yaml.lines().nth(line - 1),
        Some("base_url: https://status.example.com")
    );
    allclear()
        .arg("check")
        .arg(&dir)
        .args(["--now", NOW, "--deny-warnings"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "help: write the address the page is served from",
        ));

    let real = tmp.path().join("real");
    init(&real, &["--base-url", "https://status.acme.example"]);
    allclear()
        .arg("check")
        .arg(&real)
        .args(["--now", NOW, "--deny-warnings"])
        .assert()
        .success();
}

#[test]
fn support_link_does_not_point_at_the_status_page() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("status");
    init(&dir, &["--base-url", "https://status.acme.example"]);
    let site = yaml(&dir.join("site.yaml"));
    let support = site["links"]
        .as_sequence()
        .unwrap()
        .iter()
        .find(|l| l["title"] == "Support")
        .unwrap();
    let url = support["url"].as_str().unwrap();
    assert!(!url.starts_with("https://status.acme.example"), "{url}");
}

#[test]
fn init_makes_a_git_repository_and_prints_the_next_steps() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("status");
    let stderr = init(&dir, &[]);
    assert!(dir.join(".git").is_dir(), "{stderr}");
    let out = git(&dir, &["rev-parse", "--show-toplevel"]);
    assert_eq!(
        PathBuf::from(String::from_utf8(out.stdout).unwrap().trim()),
        dir.canonicalize().unwrap()
    );
    assert!(stderr.contains("git init"), "{stderr}");
    for step in [
        "allclear serve",
        "git push -u origin main",
        "set Source to \"GitHub Actions\"",
        "Pipeline schedules",
    ] {
        assert!(stderr.contains(step), "{step}: {stderr}");
    }
    // No macOS-only `open`.
    assert!(!stderr.split_whitespace().any(|w| w == "open"), "{stderr}");
}

#[test]
fn init_inside_a_repository_leaves_git_alone() {
    let tmp = tempfile::tempdir().unwrap();
    assert!(git(tmp.path(), &["init", "-q"]).status.success());
    let dir = tmp.path().join("status");
    let stderr = init(&dir, &[]);
    assert!(!dir.join(".git").exists());
    let root = tmp.path().canonicalize().unwrap();
    assert!(
        stderr.contains(&format!("is inside the git repository at {}", root.display())),
        "{stderr}"
    );
    assert!(
        stderr.contains("GitHub and GitLab read CI files only at a repository's root"),
        "{stderr}"
    );

    // A folder that is a repository's root already is left as it is.
    let top = tmp.path().join("top");
    fs::create_dir(&top).unwrap();
    assert!(git(&top, &["init", "-q"]).status.success());
    let stderr = init(&top, &[]);
    assert!(stderr.contains("is a git repository already."), "{stderr}");
    assert!(!stderr.contains("read CI files only"), "{stderr}");
}

#[test]
fn init_without_git_writes_the_site_and_says_how_to_get_git() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("status");
    let empty = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_allclear"))
        .arg("init")
        .arg(&dir)
        .env("PATH", empty.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "{stderr}");
    assert!(dir.join("site.yaml").is_file() && !dir.join(".git").exists());
    assert!(stderr.contains("cannot run git"), "{stderr}");
    assert!(stderr.contains("Install git"), "{stderr}");
}

#[test]
fn init_refuses_site_and_now_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("status");
    for (flags, says) in [
        (["--site", "elsewhere"], "not --site: write `allclear init DIR`"),
        (["--now", NOW], "--now means nothing to it"),
    ] {
        allclear()
            .arg("init")
            .arg(&dir)
            .args(flags)
            .assert()
            .code(2)
            .stderr(predicates::str::contains(says));
        assert!(!dir.exists());
        assert!(!tmp.path().join("elsewhere").exists());
    }
}

/// "1 maintenance", not "1 maintenances".
#[test]
fn build_counts_one_maintenance_in_the_singular() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("status");
    init(&dir, &[]);
    allclear()
        .args(["--site"])
        .arg(&dir)
        .args(["--now", NOW])
        .args(["new", "maintenance", "Database upgrade", "--from", "2026-12-01 02:00"])
        .args([
            "--until",
            "2026-12-01 04:00",
            "--component",
            "api",
            "--message",
            "Upgrade.",
        ])
        .assert()
        .success();
    allclear()
        .arg("build")
        .arg(&dir)
        .args(["--now", NOW])
        .assert()
        .success()
        .stderr(predicates::str::contains("Built 0 incidents and 1 maintenance: "));
}

/// The README shows the workflow `init` writes, byte for byte, and its
/// rebuild-when-due job runs on the same schedule and can start it.
#[test]
fn readme_shows_the_workflow_init_writes() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("status");
    init(&dir, &[]);
    let workflow = fs::read_to_string(dir.join(".github/workflows/status.yml")).unwrap();
    let readme = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    assert!(
        readme.contains(&format!("```yaml\n{workflow}```\n")),
        "README's Deploying section differs from init's workflow:\n{workflow}"
    );
    let schedule = yaml(&dir.join(".github/workflows/status.yml"))["on"]["schedule"][0]["cron"]
        .as_str()
        .unwrap()
        .to_string();
    let job = readme
        .split("```yaml\n# .github/workflows/rebuild-when-due.yml\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("the README's rebuild-when-due job");
    let job: serde_yaml::Value = serde_yaml::from_str(job).unwrap();
    assert_eq!(job["on"]["schedule"][0]["cron"].as_str(), Some(schedule.as_str()));
    let run = job["jobs"]["check"]["steps"][0]["run"].as_str().unwrap();
    assert!(run.contains("gh workflow run status.yml"), "{run}");
    // No walkthrough step names a dated id: ids come from `new incident`.
    let walkthrough = readme
        .split("## Your first status page in ten minutes")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("the walkthrough");
    assert!(!walkthrough.contains("allclear update 20"), "{walkthrough}");
    assert!(walkthrough.contains("cargo install --locked --path ."));
}

/// A folder with anything but `.git` in it is refused, and left as it was.
#[test]
fn init_refuses_a_folder_with_files_and_names_one() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("README.md"), "mine\n").unwrap();
    allclear()
        .arg("init")
        .arg(tmp.path())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("is not empty (it holds README.md)"));
    assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 1);
    assert_eq!(fs::read_to_string(tmp.path().join("README.md")).unwrap(), "mine\n");
}
