//! `init DIR`: a minimal site that builds right away, with CI that
//! publishes it (GitHub Pages and GitLab Pages).

use std::fs;
use std::path::{Path, PathBuf};

use super::{AuthorError, write_atomically};
use crate::load::{self, LoadOptions, yaml};

/// Create the site in `dir` (which may exist if it is empty) and return the
/// files written, as shown to the user.
///
/// # Errors
/// [`AuthorError::Usage`] when `dir` holds files already; [`AuthorError::Io`]
/// when a file cannot be written; [`AuthorError::Invalid`] if the new site
/// would not load (a title or URL that breaks it).
pub fn init(dir: &Path, title: &str, base_url: &str) -> Result<Vec<PathBuf>, AuthorError> {
    if let Ok(mut entries) = fs::read_dir(dir)
        && entries.next().is_some()
    {
        return Err(AuthorError::usage(
            format!("{} is not empty", dir.display()),
            Some("give a new folder name, or empty this one first".to_string()),
        ));
    }
    let files: Vec<(&str, String)> = vec![
        ("site.yaml", site_yaml(title, base_url)),
        ("incidents/.gitkeep", String::new()),
        ("maintenance/.gitkeep", String::new()),
        (
            ".gitignore",
            "# allclear build writes the site here.\n/public/\n\
             # Its lock file and half-written builds, next to it (.public.allclear-lock).\n/.public.allclear-*\n"
                .to_string(),
        ),
        (".github/workflows/status.yml", GITHUB_WORKFLOW.to_string()),
        (".gitlab-ci.yml", GITLAB_CI.to_string()),
    ];
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

fn site_yaml(title: &str, base_url: &str) -> String {
    format!(
        "\
# The status page: its name, address and components.
# Every key is described in docs/content-format.md of allclear.

# The page's name, shown in the header and in feeds.
title: {title}

# The address the site is served from (feeds and the API need absolute links).
base_url: {base_url}

# One line under the title and in feeds.
description: The current status of our services, and their history.

# Times are written and shown in this zone (an IANA name such as Europe/Berlin).
time_zone: UTC

# Days of uptime history on the page.
uptime_days: 90

# Links in the header and footer.
links:
  - title: Support
    url: {base_url}/

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
        title = yaml::scalar(title),
        base_url = yaml::scalar(base_url),
    )
}

const GITHUB_WORKFLOW: &str = r#"# Builds the status page on every push and every 10 minutes (so maintenance
# windows open and close on time), and publishes it with GitHub Pages.
# In the repository settings, set Pages > Source to "GitHub Actions".
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
      - name: Install allclear
        run: cargo install --locked allclear
      - name: Check
        run: allclear check
      - name: Build
        run: allclear build --out public
      - uses: actions/upload-pages-artifact@v3
        with:
          path: public
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
  image: rust:1
  script:
    - cargo install --locked allclear
    - allclear check
    - allclear build --out public
  artifacts:
    paths:
      - public
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
"#;
