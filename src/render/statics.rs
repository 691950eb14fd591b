//! The theme's and the site's static files, copied as they are to the
//! output root after every generated output, and refused where they would
//! clash with one: a static file cannot replace a generated file, stand
//! where allclear writes a folder, or sit inside a folder where allclear
//! (or another static file) writes a file. Zola refuses such clashes too,
//! rather than letting one output win. The check runs here, in render, so
//! `build` and `check` (which renders into [`super::Discard`]) report the
//! same errors, each naming the static file or folder as the user does.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::{OutputFile, Sink};
use crate::diagnostics::Diagnostic;
use crate::model::StaticFile;

/// Put every static file of `files` that clashes with nothing into `sink`.
/// `generated` holds the paths (with `/` separators) of every file the
/// render wrote before.
///
/// # Errors
/// One diagnostic per clashing static file or folder (sorted by file, then
/// message), after putting the others; the sink's first error at once.
pub fn put(files: &[StaticFile], generated: &HashSet<String>, sink: &dyn Sink) -> Result<(), Vec<Diagnostic>> {
    let paths: Vec<String> = files.iter().map(|f| output_path(&f.path)).collect();
    let by_path: HashMap<&str, &StaticFile> = paths.iter().map(String::as_str).zip(files).collect();
    let folders = generated_folders(generated, &by_path);
    let mut errors: BTreeMap<(PathBuf, String), Diagnostic> = BTreeMap::new();
    let mut refuse = |d: Diagnostic| {
        errors.entry((d.file.clone(), d.message.clone())).or_insert(d);
    };
    for (file, path) in files.iter().zip(&paths) {
        let mut clashes = false;
        if generated.contains(path) {
            clashes = true;
            refuse(
                Diagnostic::file_error(shown(file), format!("would overwrite the generated `{path}`")).with_help(
                    "rename or remove the static file; to change a page, override its template in templates/",
                ),
            );
        }
        if let Some(inside) = folders.get(path.as_str()) {
            clashes = true;
            refuse(
                Diagnostic::file_error(
                    shown(file),
                    format!("is a file where allclear writes the folder `{path}/`, which holds `{inside}`"),
                )
                .with_help("rename or remove the static file; allclear's outputs are listed in the README, \"What is written\""),
            );
        }
        for (folder, depth) in ancestors(path) {
            let below = |d: Diagnostic| d.with_help("rename or remove the static folder");
            if generated.contains(folder) {
                clashes = true;
                refuse(below(Diagnostic::file_error(
                    shown_folder(file, depth),
                    format!("is a folder where allclear writes the file `{folder}`"),
                )));
            } else if let Some(other) = by_path.get(folder) {
                clashes = true;
                let other = match &other.source {
                    Some(source) => format!("the static file `{}`", source.display()),
                    None => format!("the built-in theme's `{folder}`"),
                };
                refuse(below(Diagnostic::file_error(
                    shown_folder(file, depth),
                    format!("is a folder where {other} is written"),
                )));
            }
        }
        if !clashes {
            sink.put(OutputFile {
                path: path.clone(),
                bytes: file.bytes.clone(),
            })
            .map_err(|d| vec![d])?;
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.into_values().collect())
    }
}

/// `path` under the output root with `/` separators.
fn output_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// Each folder of `path` that is itself a path in `files`, with the
/// smallest generated file inside it: the folders allclear writes where a
/// static file would be. One pass over `generated`, looking up only the
/// folders of each path.
fn generated_folders<'g>(
    generated: &'g HashSet<String>,
    files: &HashMap<&str, &StaticFile>,
) -> HashMap<&'g str, &'g str> {
    let mut found: HashMap<&str, &str> = HashMap::new();
    for path in generated {
        for (folder, _) in ancestors(path) {
            if files.contains_key(folder) {
                let inside = found.entry(folder).or_insert(path.as_str());
                if path.as_str() < *inside {
                    *inside = path;
                }
            }
        }
    }
    found
}

/// The folders `path` is in, nearest last, each with how many components
/// of `path` follow it: `a/b/c` gives `(a, 2)` and `(a/b, 1)`.
fn ancestors(path: &str) -> impl Iterator<Item = (&str, usize)> {
    let depth = path.matches('/').count();
    path.match_indices('/')
        .enumerate()
        .map(move |(k, (i, _))| (&path[..i], depth - k))
}

/// The static file as the user names it.
fn shown(file: &StaticFile) -> PathBuf {
    file.source
        .clone()
        .unwrap_or_else(|| Path::new("static").join(&file.path))
}

/// The folder `depth` components above the static file, as the user names it.
fn shown_folder(file: &StaticFile, depth: usize) -> PathBuf {
    shown(file)
        .ancestors()
        .nth(depth)
        .map_or_else(|| shown(file), Path::to_path_buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ancestors_are_the_folders_of_a_path() {
        assert_eq!(ancestors("a/b/c").collect::<Vec<_>>(), [("a", 2), ("a/b", 1)]);
        assert_eq!(ancestors("a").count(), 0);
    }

    #[test]
    fn each_clash_is_named_by_the_static_file_or_folder() {
        let file = |path: &str, source: Option<&str>| StaticFile {
            path: PathBuf::from(path),
            bytes: b"x".to_vec(),
            source: source.map(PathBuf::from),
        };
        let files = [
            file("api/v2/summary.json", Some("site/static/api/v2/summary.json")),
            file("history", Some("site/static/history")),
            file("index.html/a/b.txt", Some("site/static/index.html/a/b.txt")),
            file("index.html/c.txt", Some("site/static/index.html/c.txt")),
            file("logo.svg", Some("site/static/logo.svg")),
            file("style.css", None),
            file("style.css/x", Some("site/static/style.css/x")),
        ];
        let generated: HashSet<String> = [
            "index.html",
            "api/v2/summary.json",
            "history/index.html",
            "history/2026/11/index.html",
        ]
        .into_iter()
        .map(String::from)
        .collect();
        let sink = super::super::Collect::default();
        let errors = put(&files, &generated, &sink).unwrap_err();
        let found: Vec<String> = errors
            .iter()
            .map(|d| format!("{}: {}", d.file.display(), d.message))
            .collect();
        assert_eq!(
            found,
            [
                "site/static/api/v2/summary.json: would overwrite the generated `api/v2/summary.json`",
                "site/static/history: is a file where allclear writes the folder `history/`, which holds `history/2026/11/index.html`",
                "site/static/index.html: is a folder where allclear writes the file `index.html`",
                "site/static/style.css: is a folder where the built-in theme's `style.css` is written",
            ]
        );
        let put: Vec<String> = sink.into_sorted().into_iter().map(|f| f.path).collect();
        assert_eq!(put, ["logo.svg", "style.css"], "the files that clash with nothing");
    }
}
