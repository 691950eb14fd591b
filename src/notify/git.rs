//! What `notify` asks git: where the repository's git folder is, which
//! commit a revision names, a commit's first-parent ancestors, and the
//! site's files at a commit.
//!
//! Every command runs with `-C SITE`. `git ls-tree` run inside a
//! sub-folder lists that folder's files with paths relative to it, so a
//! site in a sub-folder of its repository needs no path mapping; blobs are
//! then read by their object id.

use std::fs;
use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Output, Stdio};

use super::NotifyError;

/// The paths at the top of a site folder that `load` reads.
/// `site.yaml`, `incidents/` and `maintenance/` are read in full;
/// `static/`, `templates/` and `themes/` only need to exist for the
/// checks `load` makes, so their files are written empty.
const READ: &[&str] = &["site.yaml", "incidents", "maintenance"];
const PLACEHOLDERS: &[&str] = &["static", "templates", "themes"];

/// A git work tree holding the site.
#[derive(Debug, Clone)]
pub struct Repo {
    site_dir: PathBuf,
    /// The git folder shared by all work trees (`.git`), absolute.
    pub common_dir: PathBuf,
}

fn git(dir: &Path, args: &[&str]) -> Result<Output, NotifyError> {
    Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| NotifyError::Failed(format!("cannot run git: {e}")))
}

fn stderr_of(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).trim().to_string()
}

impl Repo {
    /// The repository that holds `site_dir`.
    ///
    /// # Errors
    /// [`NotifyError::Usage`] when `site_dir` is not in a git work tree.
    pub fn open(site_dir: &Path) -> Result<Repo, NotifyError> {
        let out = git(site_dir, &["rev-parse", "--path-format=absolute", "--git-common-dir"])?;
        if !out.status.success() {
            return Err(NotifyError::Usage(format!(
                "{} is not in a git repository ({}); notify compares the site with an earlier commit",
                site_dir.display(),
                stderr_of(&out)
            )));
        }
        let common_dir = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
        Ok(Repo {
            site_dir: site_dir.to_path_buf(),
            common_dir,
        })
    }

    /// The full commit id `rev` names.
    ///
    /// # Errors
    /// [`NotifyError::Usage`] when it names no commit.
    pub fn resolve(&self, rev: &str) -> Result<String, NotifyError> {
        let not_found = || {
            // A URL given to --since by mistake is a webhook's, and secret.
            let shown = if rev.contains("://") {
                super::redact::redact(rev).to_string()
            } else {
                rev.to_string()
            };
            NotifyError::Usage(format!(
                "`{shown}` is not a commit in this repository; give --since a commit, tag or branch that exists \
                 (in CI, fetch enough history, e.g. actions/checkout with fetch-depth: 0)"
            ))
        };
        if rev.is_empty() || rev.starts_with('-') {
            return Err(not_found());
        }
        let out = git(
            &self.site_dir,
            &["rev-parse", "--verify", "--quiet", &format!("{rev}^{{commit}}")],
        )?;
        if !out.status.success() {
            return Err(not_found());
        }
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
    }

    /// Write the site's files as they were at `commit` into `into`.
    /// Returns how many entry and `site.yaml` files were written.
    ///
    /// # Errors
    /// A message when git fails.
    pub fn write_tree_at(&self, commit: &str, into: &Path) -> Result<usize, NotifyError> {
        let mut args = vec!["ls-tree", "-r", "-z", commit, "--"];
        args.extend(READ);
        args.extend(PLACEHOLDERS);
        let out = git(&self.site_dir, &args)?;
        if !out.status.success() {
            return Err(NotifyError::Failed(format!(
                "git ls-tree {commit} failed: {}",
                stderr_of(&out)
            )));
        }
        let mut to_read: Vec<(String, PathBuf)> = Vec::new();
        for record in out.stdout.split(|&b| b == 0).filter(|r| !r.is_empty()) {
            let record = String::from_utf8_lossy(record);
            let Some((meta, path)) = record.split_once('\t') else {
                continue;
            };
            let mut meta = meta.split(' ');
            let (Some(mode), Some(kind), Some(oid)) = (meta.next(), meta.next(), meta.next()) else {
                continue;
            };
            // Symbolic links and submodules are skipped, as `load` skips
            // anything that is not a plain file.
            if kind != "blob" || mode == "120000" {
                continue;
            }
            let rel = PathBuf::from(path);
            if !rel.components().all(|c| matches!(c, Component::Normal(_))) {
                continue;
            }
            let target = into.join(&rel);
            if let Some(parent) = target.parent() {
                fs::create_dir_all(parent).map_err(|e| write_error(&target, &e))?;
            }
            if READ.iter().any(|top| rel.starts_with(top)) {
                to_read.push((oid.to_string(), target));
            } else {
                fs::write(&target, b"").map_err(|e| write_error(&target, &e))?;
            }
        }
        let oids: Vec<&str> = to_read.iter().map(|(oid, _)| oid.as_str()).collect();
        let blobs = self.read_blobs(&oids)?;
        for ((_, target), bytes) in to_read.iter().zip(blobs) {
            fs::write(target, bytes).map_err(|e| write_error(target, &e))?;
        }
        Ok(to_read.len())
    }

    /// `commit` and its first-parent ancestors, newest first: at most
    /// `limit` commits. The chain ends early at the first commit of the
    /// history, or of a shallow clone.
    ///
    /// # Errors
    /// A message when git fails.
    pub fn first_parents(&self, commit: &str, limit: usize) -> Result<Vec<String>, NotifyError> {
        let max = format!("--max-count={limit}");
        let out = git(&self.site_dir, &["rev-list", "--first-parent", &max, commit, "--"])?;
        if !out.status.success() {
            return Err(NotifyError::Failed(format!(
                "git rev-list {commit} failed: {}",
                stderr_of(&out)
            )));
        }
        Ok(String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(str::to_string)
            .filter(|l| !l.is_empty())
            .collect())
    }

    /// The object id of the site folder's tree at each of `commits`, in
    /// order: equal ids mean equal files. `None` where the folder does not
    /// exist, or where git cannot say (a folder name with a line break).
    ///
    /// # Errors
    /// A message when git fails.
    pub fn site_trees(&self, commits: &[String]) -> Result<Vec<Option<String>>, NotifyError> {
        let out = git(&self.site_dir, &["rev-parse", "--show-prefix"])?;
        if !out.status.success() {
            return Err(NotifyError::Failed(format!(
                "git rev-parse failed: {}",
                stderr_of(&out)
            )));
        }
        let prefix = String::from_utf8_lossy(&out.stdout);
        let prefix = prefix.strip_suffix('\n').unwrap_or(&prefix);
        let prefix = prefix.strip_suffix('/').unwrap_or(prefix);
        if prefix.contains('\n') || commits.is_empty() {
            return Ok(vec![None; commits.len()]);
        }
        let input: String = commits
            .iter()
            .map(|c| {
                if prefix.is_empty() {
                    format!("{c}^{{tree}}\n")
                } else {
                    format!("{c}:{prefix}\n")
                }
            })
            .collect();
        let out = self.batch(&["cat-file", "--batch-check"], input)?;
        let answers: Vec<Option<String>> = String::from_utf8_lossy(&out)
            .lines()
            .map(|line| match line.split(' ').collect::<Vec<_>>()[..] {
                [oid, "tree", _] => Some(oid.to_string()),
                _ => None,
            })
            .collect();
        if answers.len() != commits.len() {
            return Err(NotifyError::Failed(format!(
                "git cat-file --batch-check answered {} lines for {} commits",
                answers.len(),
                commits.len()
            )));
        }
        Ok(answers)
    }

    /// `commit`'s short id and subject, for messages: `1a2b3c4d5e6f ("Fix the typo")`.
    pub fn describe(&self, commit: &str) -> String {
        let short = &commit[..12.min(commit.len())];
        match git(&self.site_dir, &["log", "-1", "--format=%s", commit, "--"]) {
            Ok(out) if out.status.success() => {
                let subject = String::from_utf8_lossy(&out.stdout);
                let subject: String = subject.trim().chars().filter(|c| !c.is_control()).take(72).collect();
                if subject.is_empty() {
                    short.to_string()
                } else {
                    format!("{short} (\"{subject}\")")
                }
            }
            _ => short.to_string(),
        }
    }

    /// Run git with `args`, `input` on its standard input; its standard
    /// output.
    fn batch(&self, args: &[&str], input: String) -> Result<Vec<u8>, NotifyError> {
        let failed = |what: String| NotifyError::Failed(format!("git {} failed: {what}", args.join(" ")));
        let mut child = Command::new("git")
            .arg("-C")
            .arg(&self.site_dir)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| failed(e.to_string()))?;
        let mut stdin = child.stdin.take().expect("stdin is piped");
        // Write from another thread: git answers while it reads, and a full
        // pipe on either side would otherwise stall both.
        let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
        let out = child.wait_with_output().map_err(|e| failed(e.to_string()))?;
        let _ = writer.join();
        if !out.status.success() {
            return Err(failed(stderr_of(&out)));
        }
        Ok(out.stdout)
    }

    /// The contents of the blobs `oids`, in order, read by one
    /// `git cat-file --batch`.
    fn read_blobs(&self, oids: &[&str]) -> Result<Vec<Vec<u8>>, NotifyError> {
        if oids.is_empty() {
            return Ok(Vec::new());
        }
        let failed = |what: String| NotifyError::Failed(format!("git cat-file failed: {what}"));
        let input: String = oids.iter().map(|o| format!("{o}\n")).collect();
        let out = self.batch(&["cat-file", "--batch"], input)?;
        let mut rest = out.as_slice();
        let mut blobs = Vec::with_capacity(oids.len());
        for oid in oids {
            let newline = rest
                .iter()
                .position(|&b| b == b'\n')
                .ok_or_else(|| failed(format!("no answer for {oid}")))?;
            let header = String::from_utf8_lossy(&rest[..newline]).to_string();
            let size: usize = match header.split(' ').collect::<Vec<_>>()[..] {
                [_, "blob", size] => size.parse().map_err(|_| failed(format!("bad header `{header}`")))?,
                _ => return Err(failed(format!("{oid}: {header}"))),
            };
            let start = newline + 1;
            let end = start + size;
            if rest.len() < end {
                return Err(failed(format!("{oid}: short read")));
            }
            blobs.push(rest[start..end].to_vec());
            rest = rest.get(end + 1..).unwrap_or_default();
        }
        Ok(blobs)
    }
}

fn write_error(path: &Path, e: &std::io::Error) -> NotifyError {
    NotifyError::Failed(format!("cannot write {}: {e}", path.display()))
}
