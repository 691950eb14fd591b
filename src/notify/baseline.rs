//! The site `notify` compares with: as it was at `--since`, or, when it
//! does not load there, as it was at the newest earlier commit where it
//! does.
//!
//! A commit whose site does not load (a broken `site.yaml`, an entry with
//! errors) was never built by CI, so nothing was posted from it; counting
//! every update as new would post the whole history. Instead the walk goes
//! back along **first parents** (`git rev-list --first-parent`): on the
//! branch that was built and deployed, a merge's first parent is the
//! branch's previous state, while its other parents are the merged work,
//! never deployed on their own. The first commit there whose site loads is
//! the baseline, and `notify` says which.
//!
//! The walk looks at most [`MAX_WALK`] commits back, counting the
//! `--since` commit itself. Commits that leave the site's folder as it was
//! (same git tree) are not loaded again. When the walk finds no commit that
//! loads, or reaches one where the site did not exist yet, every update
//! counts as new, with a warning; `--max-posts` then stops a flood.

use super::NotifyError;
use super::git::Repo;
use crate::diagnostics::{Diagnostic, Severity};
use crate::load::{LoadOptions, load};
use crate::model::Site;

/// The most commits the walk looks at, `--since`'s own included.
pub const MAX_WALK: usize = 100;

/// The site to compare with.
#[derive(Debug)]
pub struct Baseline {
    /// The old site; `None` when every update counts as new.
    pub site: Option<Site>,
    /// How messages name the baseline after "since": `HEAD~1 (1a2b3c4d5e6f)`,
    /// or the ancestor used instead.
    pub label: String,
    /// Why the baseline is not simply the site at `--since`, a sentence
    /// for a refusal's message; `None` when it is.
    pub note: Option<String>,
}

/// The baseline for `since` (as the user wrote it), which names `commit`.
/// Prints a note or warning to standard error when the baseline is not the
/// site at `commit`.
///
/// # Errors
/// [`NotifyError::Failed`] when git fails or a temporary folder cannot be
/// written.
pub fn find(repo: &Repo, since: &str, commit: &str) -> Result<Baseline, NotifyError> {
    let since_label = label(since, commit);
    let chain = repo.first_parents(commit, MAX_WALK)?;
    let trees = repo.site_trees(&chain)?;
    let mut first_error: Option<String> = None;
    let mut last_broken: Option<String> = None;
    for (back, (candidate, tree)) in chain.iter().zip(&trees).enumerate() {
        if tree.is_some() && *tree == last_broken {
            continue;
        }
        let (files, loaded) = load_at(repo, candidate)?;
        if files == 0 {
            let note = if back == 0 {
                eprintln!("note: the site did not exist at {since_label}; every update counts as new");
                format!("The site did not exist at {since_label}, so every update counts as new")
            } else {
                let error = first_error.unwrap_or_default();
                eprintln!(
                    "warning: the site at {since_label} does not load ({error}), nor at any earlier commit \
                     (following first parents) back to {}, where it did not exist yet; every update counts as new",
                    repo.describe(candidate)
                );
                format!(
                    "The site at {since_label} does not load, nor at any earlier commit while it existed, so every \
                     update counts as new"
                )
            };
            return Ok(Baseline {
                site: None,
                label: since_label,
                note: Some(note),
            });
        }
        match loaded {
            Ok(site) if back == 0 => {
                return Ok(Baseline {
                    site: Some(site),
                    label: since_label,
                    note: None,
                });
            }
            Ok(site) => {
                let short = &candidate[..12.min(candidate.len())];
                let used = format!("{short}, {back} commit{} before {since}", super::plural(back));
                eprintln!(
                    "warning: the site at {since_label} does not load ({}); comparing with {}, the newest \
                     commit before it (following first parents, {back} back) where it loads",
                    first_error.unwrap_or_default(),
                    repo.describe(candidate)
                );
                return Ok(Baseline {
                    site: Some(site),
                    note: Some(format!(
                        "The site at {since_label} does not load; it was compared with {used}"
                    )),
                    label: used,
                });
            }
            Err(error) => {
                first_error.get_or_insert(error);
                last_broken.clone_from(tree);
            }
        }
    }
    let error = first_error.unwrap_or_default();
    let (how_far, oldest) = if chain.len() < MAX_WALK {
        (
            "nor at any earlier commit".to_string(),
            format!(
                " back to the oldest one in this clone, {} (in CI, fetch the whole history)",
                chain.last().map_or_else(String::new, |c| repo.describe(c))
            ),
        )
    } else {
        (
            format!(
                "nor at the {} commits before it (following first parents)",
                MAX_WALK - 1
            ),
            String::new(),
        )
    };
    eprintln!(
        "warning: the site at {since_label} does not load ({error}), {how_far}{oldest}; comparing with an \
         empty site, so every update counts as new"
    );
    Ok(Baseline {
        site: None,
        note: Some(format!(
            "The site at {since_label} does not load, {how_far}, so every update counts as new"
        )),
        label: since_label,
    })
}

/// `HEAD~1 (1a2b3c4d5e6f)`, or the short id alone when `since` is one.
pub fn label(since: &str, commit: &str) -> String {
    let short = &commit[..12.min(commit.len())];
    if commit.starts_with(since) {
        short.to_string()
    } else {
        format!("{since} ({short})")
    }
}

/// How many site files `commit` has, and the site loaded from them or the
/// first error, as `FILE:LINE: message`.
fn load_at(repo: &Repo, commit: &str) -> Result<(usize, Result<Site, String>), NotifyError> {
    let tmp = tempfile::Builder::new()
        .prefix("allclear-notify-")
        .tempdir()
        .map_err(|e| NotifyError::Failed(format!("cannot create a temporary folder: {e}")))?;
    let files = repo.write_tree_at(commit, tmp.path())?;
    if files == 0 {
        return Ok((0, Err(String::new())));
    }
    let loaded = load(tmp.path(), &LoadOptions::default())
        .map(|l| l.site)
        .map_err(|diagnostics| first_error(&diagnostics, tmp.path()));
    Ok((files, loaded))
}

fn first_error(diagnostics: &[Diagnostic], root: &std::path::Path) -> String {
    diagnostics
        .iter()
        .find(|d| d.severity == Severity::Error)
        .or(diagnostics.first())
        .map(|d| {
            let file = d.file.strip_prefix(root).unwrap_or(&d.file);
            let line = if d.line > 0 {
                format!(":{}", d.line)
            } else {
                String::new()
            };
            format!("{}{line}: {}", file.display(), d.message)
        })
        .unwrap_or_default()
}
