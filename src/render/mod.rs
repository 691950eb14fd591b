//! Render: pure functions from a [`Snapshot`] to output files. One module
//! per output kind; each returns the files it produces and none reads the
//! disk. Adding an output is a new module and one line in [`render`].

pub mod api;
pub mod badges;
pub mod color;
pub mod feeds;
pub mod format;
pub mod html;
pub mod ical;
pub mod links;
pub mod schedule;
pub mod view;

use crate::diagnostics::Diagnostic;
use crate::model::Snapshot;

/// One file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Path under the output root, with `/` separators.
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Every output of the site, sorted by path.
///
/// # Errors
/// Template errors, and a static file that would overwrite a generated one.
pub fn render(snap: &Snapshot<'_>) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    use crate::timing::phase;
    let mut files = phase("render html", || html::render(snap))?;
    files.extend(phase("render feeds", || feeds::render(snap)));
    files.extend(phase("render api", || api::render(snap)));
    files.extend(phase("render ical", || ical::render(snap)));
    files.extend(phase("render badges", || badges::render(snap)));
    files.extend(phase("render schedule", || schedule::render(snap)));
    let mut generated = std::collections::HashSet::new();
    let mut errors = Vec::new();
    for file in &files {
        if !generated.insert(file.path.clone()) {
            errors.push(generated_twice(&file.path));
        }
    }
    for (path, bytes) in &snap.site.theme.static_files {
        let path = path.to_string_lossy().replace('\\', "/");
        if generated.contains(&path) {
            errors.push(
                Diagnostic::file_error(
                    format!("static/{path}"),
                    format!("would overwrite the generated `{path}`"),
                )
                .with_help("rename or remove the static file; to change a page, override its template in templates/"),
            );
            continue;
        }
        files.push(OutputFile {
            path,
            bytes: bytes.clone(),
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// Two outputs with the same path. Only badges can clash: their names come
/// from component ids (`badges/ID.svg`, `badges/ID-uptime.svg`) beside the
/// fixed `badges/status.svg`.
fn generated_twice(path: &str) -> Diagnostic {
    let d = Diagnostic::file_error("site.yaml", format!("two outputs would be written to `{path}`"));
    if path.starts_with("badges/") {
        d.with_help(
            "badges are named after component ids, `badges/ID.svg` and `badges/ID-uptime.svg`, beside the page's `badges/status.svg`; rename the component id that clashes (`status`, or `X-uptime` next to a component `X`)",
        )
    } else {
        d
    }
}
