//! JSON documents of a source, as every importer reads them: the files
//! of a folder, or answers over HTTP (ureq, the client `notify` uses).
//! Errors name the file (with line and column) or the URL.

use std::path::Path;
use std::time::Duration;

use serde_json::Value;

use super::ImportError;

/// The time limit of one request.
const TIMEOUT: Duration = Duration::from_secs(30);

/// The most bytes one answer may have.
const LIMIT: u64 = 256 * 1024 * 1024;

/// JSON documents, each with where it came from (a file or a URL), in a
/// stable order.
pub type Documents = Vec<(String, Value)>;

/// An HTTP client for reading a source: a time limit per request, every
/// status an answer (not an error) so the caller names it.
pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(TIMEOUT))
        .http_status_as_error(false)
        .user_agent(concat!("allclear/", env!("CARGO_PKG_VERSION")))
        .build()
        .into()
}

/// GET `url` as JSON.
///
/// # Errors
/// [`ImportError::Source`] naming `url`: it cannot be reached, answers
/// other than 2xx, or not with JSON; `help` says what to try.
pub fn get(agent: &ureq::Agent, url: &str, help: &str) -> Result<(String, Value), ImportError> {
    let failed = |message: String| ImportError::Source {
        origin: url.to_string(),
        message,
        help: help.to_string(),
    };
    let mut response = agent
        .get(url)
        .call()
        .map_err(|e| failed(format!("could not be read: {e}")))?;
    let status = response.status();
    if !status.is_success() {
        return Err(failed(format!("the server answered HTTP {}", status.as_u16())));
    }
    let text = response
        .body_mut()
        .with_config()
        .limit(LIMIT)
        .read_to_string()
        .map_err(|e| failed(format!("could not be read: {e}")))?;
    let value = serde_json::from_str(&text).map_err(|e| failed(format!("is not JSON: {e}")))?;
    Ok((url.to_string(), value))
}

/// A JSON file, or every `*.json` below a folder (sorted by path).
///
/// # Errors
/// [`ImportError::Source`] naming the file: it cannot be read (`help`), or
/// is not JSON (with line and column; `bad_json_help`).
pub fn files(path: &Path, help: &str, bad_json_help: &str) -> Result<Documents, ImportError> {
    let io = |p: &Path, e: &dyn std::fmt::Display| ImportError::Source {
        origin: p.display().to_string(),
        message: format!("could not be read: {e}"),
        help: help.to_string(),
    };
    let mut paths = Vec::new();
    if path.is_dir() {
        for entry in walkdir::WalkDir::new(path).sort_by_file_name() {
            let entry = entry.map_err(|e| io(path, &e))?;
            if entry.file_type().is_file() && entry.path().extension().is_some_and(|x| x == "json") {
                paths.push(entry.into_path());
            }
        }
    } else {
        paths.push(path.to_path_buf());
    }
    let mut docs = Vec::new();
    for p in paths {
        let text = std::fs::read_to_string(&p).map_err(|e| io(&p, &e))?;
        let value = serde_json::from_str(&text).map_err(|e| ImportError::Source {
            origin: format!("{}:{}:{}", p.display(), e.line(), e.column()),
            message: format!("is not JSON: {e}"),
            help: bad_json_help.to_string(),
        })?;
        docs.push((p.display().to_string(), value));
    }
    Ok(docs)
}
