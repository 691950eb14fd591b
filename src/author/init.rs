//! `init DIR`: a minimal site that builds right away, with CI that
//! publishes it (GitHub Pages and GitLab Pages).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::yaml_text;
use super::{AuthorError, write_atomically};
use crate::load::{self, LoadOptions};

/// Create the site in `dir` (which may exist if it is empty, or holds only a
/// `.git` folder) and return the
/// files written, as shown to the user.
///
/// # Errors
/// [`AuthorError::Usage`] when `dir` holds anything besides `.git`; [`AuthorError::Io`]
/// when a file cannot be written; [`AuthorError::Invalid`] if the new site
/// would not load (a title or URL that breaks it).
pub fn init(dir: &Path, title: &str, base_url: &str) -> Result<Vec<PathBuf>, AuthorError> {
    // A folder holding only `.git` (just made with `git init`) is empty
    // enough; anything else could be overwritten, so it is refused.
    if let Ok(entries) = fs::read_dir(dir)
        && let Some(found) = entries.flatten().find(|e| e.file_name() != ".git")
    {
        return Err(AuthorError::usage(
            format!(
                "{} is not empty (it holds {})",
                dir.display(),
                found.file_name().to_string_lossy()
            ),
            Some("give a new folder name, or empty this one first (a .git folder may stay)".to_string()),
        ));
    }
    let mut files: Vec<(&str, String)> = vec![("site.yaml", site_yaml(title, base_url))];
    files.extend(scaffold());
    // Check the site before writing anything.
    let probe = LoadOptions {
        overrides: [(PathBuf::from("site.yaml"), files[0].1.clone())].into(),
        ..LoadOptions::default()
    };
    load::load(dir, &probe).map_err(AuthorError::Invalid)?;
    let mut written = Vec::new();
    for (rel, text) in files {
        let path = dir.join(rel);
        write_atomically(&path, &text)?;
        written.push(path);
    }
    Ok(written)
}

/// Every file of a new site but `site.yaml`, as `(path in the site,
/// text)`: the empty entry folders, `.gitignore` and the CI files. `init`
/// and `import` into a new folder write them.
pub(crate) fn scaffold() -> Vec<(&'static str, String)> {
    vec![
        ("incidents/.gitkeep", String::new()),
        ("maintenance/.gitkeep", String::new()),
        (
            ".gitignore",
            "# allclear build writes the site here.\n/public/\n\
             # Next to it: its lock file, half-written builds, and the site it replaced and the load cache (both kept to speed up the next build).\n/.public.allclear-*\n"
                .to_string(),
        ),
        (".github/workflows/status.yml", github_workflow()),
        (".gitlab-ci.yml", gitlab_ci()),
    ]
}

/// What [`git_init`] found or did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GitSetup {
    /// The folder was in no repository; `git init` made one in it.
    Created,
    /// The folder is inside a git work tree already: nothing was run.
    /// `root` is the work tree's top folder (`git rev-parse
    /// --show-toplevel`), absolute.
    AlreadyInRepository { root: PathBuf },
    /// git could not be run, or `git init` failed: the message says why.
    /// The site is written all the same; the next steps say what to do.
    Failed(String),
}

/// Make `dir` a git repository unless it is inside one already, with the
/// `git` binary on `PATH` (`git -C DIR rev-parse --is-inside-work-tree`,
/// then `git init`). Never fails: a missing git is reported as
/// [`GitSetup::Failed`].
pub fn git_init(dir: &Path) -> GitSetup {
    let run = |args: &[&str]| {
        Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(args)
            .stdin(Stdio::null())
            .output()
    };
    match run(&["rev-parse", "--show-toplevel"]) {
        Err(e) => return GitSetup::Failed(format!("cannot run git: {e}")),
        Ok(out) if out.status.success() => {
            let root = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim_end_matches(['\n', '\r']));
            return GitSetup::AlreadyInRepository { root };
        }
        Ok(_) => {}
    }
    match run(&["init", "--quiet"]) {
        Err(e) => GitSetup::Failed(format!("cannot run git: {e}")),
        Ok(out) if out.status.success() => GitSetup::Created,
        Ok(out) => GitSetup::Failed(format!(
            "git init failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        )),
    }
}

/// The next steps `init` prints after creating the site in `dir` (shown as
/// given), from trying it locally to a page live on GitHub Pages or GitLab
/// Pages. Nothing platform-specific: no `open` (macOS only).
pub fn next_steps(dir: &Path, git: &GitSetup) -> String {
    let path = dir;
    let dir = dir.display();
    let git_line = match git {
        GitSetup::Created => format!("Made {dir} a git repository (git init)."),
        GitSetup::AlreadyInRepository { root } if fs::canonicalize(path).is_ok_and(|d| d == *root) => {
            format!("{dir} is a git repository already.")
        }
        GitSetup::AlreadyInRepository { root } => format!(
            "{dir} is inside the git repository at {root}. GitHub and GitLab read CI files only at a \
             repository's root: move {dir}/.github/ and {dir}/.gitlab-ci.yml there, and give them the \
             site folder (the allclear Action's `site` input; `--site` on GitLab's allclear commands).",
            root = root.display()
        ),
        GitSetup::Failed(why) => format!(
            "{dir} is not a git repository yet: {why}. Install git (https://git-scm.com), then run `git init` in {dir}."
        ),
    };
    format!(
        "\
Created a site in {dir}. {git_line}

Next steps:
  1. Preview it: allclear serve {dir}
     (it prints the address to visit in a browser; Ctrl-C stops it)
  2. Edit {dir}/site.yaml: your title, components and Support link.
  3. Create an empty repository on GitHub (or GitLab), then publish:
       cd {dir}
       git add -A && git commit -m \"Status page\"
       git branch -M main
       git remote add origin https://github.com/OWNER/REPOSITORY.git
       git push -u origin main
  4. GitHub: in the repository's Settings > Pages, set Source to \"GitHub Actions\".
     The workflow .github/workflows/status.yml then builds and publishes the
     page at each push and every 10 minutes.
     GitLab: .gitlab-ci.yml publishes it with GitLab Pages; add a pipeline
     schedule (Build > Pipeline schedules) every 10 minutes.
  5. Once the page has its own domain, set base_url in site.yaml to it.
"
    )
}

fn site_yaml(title: &str, base_url: &str) -> String {
    format!(
        "\
# The status page: its name, address and components.
# Every key is described in docs/content-format.md of allclear.

# The page's name, shown in the header and in feeds.
title: {title}

# The address the site is served from (feeds and the API need absolute links).
# While it is the placeholder https://status.example.com, `allclear check`
# warns, and the generated CI builds with the platform's address instead
# (GitHub Pages' URL, GitLab's CI_PAGES_URL).
base_url: {base_url}

# One line under the title and in feeds.
description: The current status of our services, and their history.

# Times are written and shown in this zone (an IANA name such as Europe/Berlin).
time_zone: UTC

# Days of uptime history on the page.
uptime_days: 90

# Links in the header and footer: point Support at your help desk or
# contact address (not at this page, which readers are already on).
links:
  - title: Support
    url: mailto:support@example.com

# The components, in display order. `id` is what incidents refer to;
# `group` puts components under a heading.
components:
  - id: api
    name: API
    description: The public API.
    group: Core services
  - id: website
    name: Website
    description: The web application.
    group: Core services

# Start an incident with:
#   allclear new incident \"Elevated API errors\" --impact major --component api=partial_outage --next-update 30m
",
        title = yaml_text::scalar(title),
        base_url = yaml_text::scalar(base_url),
    )
}

/// The `base_url` that `init` writes when given none: `check` warns about
/// it (`base-url-placeholder`), and the CI files `init` writes build with the
/// platform's address (GitHub Pages' URL, GitLab's `CI_PAGES_URL`) while
/// `site.yaml` still has it.
pub const PLACEHOLDER_BASE_URL: &str = "https://status.example.com";

/// The repository whose releases the generated CI installs (the GitHub
/// Action at its root, the release archives and the container image).
pub const REPOSITORY: &str = "allclear-dev/allclear";

/// `.github/workflows/status.yml` as `init` writes it: the allclear GitHub
/// Action pinned to this crate's version (`v` + `CARGO_PKG_VERSION`), no
/// source build.
pub fn github_workflow() -> String {
    GITHUB_WORKFLOW
        .replace("@VERSION@", env!("CARGO_PKG_VERSION"))
        .replace("@REPOSITORY@", REPOSITORY)
        .replace("@PLACEHOLDER@", PLACEHOLDER_BASE_URL)
}

/// `.gitlab-ci.yml` as `init` writes it: the container image
/// `ghcr.io/OWNER/allclear:VERSION-ci`, pinned to this crate's version.
pub fn gitlab_ci() -> String {
    GITLAB_CI
        .replace("@VERSION@", env!("CARGO_PKG_VERSION"))
        .replace("@REPOSITORY@", REPOSITORY)
}

const GITHUB_WORKFLOW: &str = r#"# Builds the status page on every push, every 10 minutes (so maintenance
# windows open and close on time) and on demand, and publishes it with
# GitHub Pages. In the repository settings, set Pages > Source to
# "GitHub Actions".
name: status page

on:
  push:
    branches: [main]
  schedule:
    - cron: "*/10 * * * *"
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - id: pages
        uses: actions/configure-pages@v5
      # site.yaml's base_url, or Pages' address while it is still init's
      # placeholder. (yq comes with GitHub's Ubuntu runners.)
      - id: address
        env:
          PAGES_URL: ${{ steps.pages.outputs.base_url }}
        run: |
          url=$(yq -r '.base_url' site.yaml)
          if [ "${url%/}" = "@PLACEHOLDER@" ]; then url=$PAGES_URL; fi
          echo "base-url=$url" >> "$GITHUB_OUTPUT"
      # Installs allclear @VERSION@ (a release binary, checksum verified),
      # builds (errors fail the job) and uploads the Pages artifact. No
      # `check: true`: it denies warnings, and a warning such as an overdue
      # promise must never stop the update that answers it from going out.
      - uses: @REPOSITORY@@v@VERSION@
        with:
          version: "@VERSION@"
          base-url: ${{ steps.address.outputs.base-url }}
  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
"#;

const GITLAB_CI: &str = r#"# Builds the status page and publishes it with GitLab Pages. Add a pipeline
# schedule (Build > Pipeline schedules, every 10 minutes) so maintenance
# windows open and close on time.
pages:
  # allclear @VERSION@ with a shell; no source build.
  image: ghcr.io/@REPOSITORY@:@VERSION@-ci
  script:
    - allclear check
    # site.yaml's base_url, or GitLab Pages' address while `check` reports
    # it as init's placeholder.
    - |
      if allclear check --format json | grep -q '"code": "base-url-placeholder"'; then
        allclear build --out public --base-url "$CI_PAGES_URL"
      else
        allclear build --out public
      fi
  artifacts:
    paths:
      - public
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
"#;
