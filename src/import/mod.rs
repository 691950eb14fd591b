//! `allclear import statuspage SOURCE`: entries from another status page.
//! An edge like `src/author/`: each importer reads its source into one
//! shape ([`Imported`]); [`write()`] turns that into entry files
//! named as `allclear new` names them, checks the whole site with the
//! loader before writing anything, and writes atomically. A ledger,
//! `.allclear-import.json` in the site, records each file it wrote and a
//! SHA-256 digest of its text, so that a later import updates its own
//! files, keeps those edited since (unless `--force`) and never touches
//! any other. docs/import.md describes the mapping.

mod json;
mod source;
pub mod statuspage;
mod write;

pub use source::{Imported, Note};
pub use write::{ImportOptions, ImportReport, LEDGER, write};

use crate::author::AuthorError;

/// Why an import did nothing.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The source could not be read (a file, a folder, a URL that fails or
    /// answers with an error, a file that is not JSON): exit code 1.
    /// `origin` is the file (with line and column) or URL.
    #[error("{origin}: {message}")]
    Source {
        origin: String,
        message: String,
        help: String,
    },
    /// The site could not be created, read or written, or the result would
    /// not build: as the authoring commands.
    #[error(transparent)]
    Author(#[from] AuthorError),
}
