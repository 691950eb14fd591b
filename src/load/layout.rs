//! The names in a site folder (content format, "A site folder"): what the
//! loader reads. The edges that must agree with it use these too: `serve`
//! watches exactly these places, and `build` refuses an output folder
//! inside them.

pub use super::links::is_hidden;

/// The site's configuration, at the root of the site folder.
pub const SITE_FILE: &str = "site.yaml";

/// The folders of entries, `[incidents, maintenance]`, any depth below
/// them. Symbolic links are never followed there.
pub const ENTRY_FOLDERS: [&str; 2] = ["incidents", "maintenance"];

/// The folders of templates, static files and interface messages,
/// `[templates, static, i18n]`, in the site folder and in each theme.
pub const THEME_FOLDERS: [&str; 3] = ["templates", "static", "i18n"];

/// The folder of named themes: `themes/NAME/{templates,static}`.
pub const THEMES: &str = "themes";
