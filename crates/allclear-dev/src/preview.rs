//! How fast `allclear serve` shows an edit: the time from saving an entry
//! file to the server answering with the changed page.
//!
//! The bench starts `allclear serve SITE --port 0 --now REFERENCE_NOW` as a
//! child, waits for its first build, then `edits` times: rewrites the
//! newest incident's file with a new title (as an editor saves: one write),
//! and asks for the incident's page every 2 ms until it shows that title.
//! After each edit it waits for the server to finish rendering the pages
//! the edit did not touch, so each edit starts from a quiet server. The file
//! is put back as it was afterwards.

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::r#gen::REFERENCE_NOW;

/// What `serve` prints once the pages an edit did not touch are rendered.
const COMPLETED: &str = "Rendered the other pages";

/// The longest an edit may take to show before the bench gives up.
const GIVE_UP: Duration = Duration::from_secs(30);

/// The time from each save to the changed page, in order.
///
/// # Errors
/// A message when the server does not start, an edit never shows, or the
/// entry file cannot be written.
pub fn edit_latencies(exe: &Path, site: &Path, edits: usize) -> Result<Vec<Duration>, String> {
    let (file, id) = newest_incident(site)?;
    let original = fs::read_to_string(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let _restore = Restore {
        file: file.clone(),
        text: original.clone(),
    };
    let mut server = Server::start(exe, site)?;
    let page = format!("{}incidents/{id}/index.html", server.url);
    let mut out = Vec::with_capacity(edits);
    for k in 0..edits {
        let title = format!("Edited by the bench, {k}");
        let edited = original.replacen("title: ", &format!("title: {title}. "), 1);
        let started = Instant::now();
        fs::write(&file, edited).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
        loop {
            if fetch(&page).is_some_and(|body| body.contains(&title)) {
                break;
            }
            if started.elapsed() > GIVE_UP {
                return Err(format!(
                    "the edit of {} did not show within {GIVE_UP:?}",
                    file.display()
                ));
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        out.push(started.elapsed());
        server.wait_for_line(COMPLETED)?;
    }
    Ok(out)
}

/// The incident file whose name sorts last (ids start with their date),
/// and its id.
fn newest_incident(site: &Path) -> Result<(PathBuf, String), String> {
    let newest = walkdir::WalkDir::new(site.join("incidents"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(walkdir::DirEntry::into_path)
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("md" | "yaml" | "yml")))
        .max_by(|a, b| a.file_name().cmp(&b.file_name()))
        .ok_or_else(|| format!("{} has no incidents", site.display()))?;
    let id = newest
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_string();
    Ok((newest, id))
}

/// GET `url`; the body of a 200 answer.
fn fetch(url: &str) -> Option<String> {
    let mut response = ureq::get(url).call().ok()?;
    response.body_mut().read_to_string().ok()
}

/// Puts an edited file back as it was.
struct Restore {
    file: PathBuf,
    text: String,
}

impl Drop for Restore {
    fn drop(&mut self) {
        if let Err(e) = fs::write(&self.file, &self.text) {
            eprintln!("warning: cannot restore {}: {e}", self.file.display());
        }
    }
}

/// A running `allclear serve`, stopped when dropped.
struct Server {
    child: Child,
    url: String,
    /// Its standard error, line by line.
    lines: mpsc::Receiver<String>,
}

impl Server {
    fn start(exe: &Path, site: &Path) -> Result<Server, String> {
        let mut child = Command::new(exe)
            .arg("serve")
            .arg(site)
            .args(["--port", "0", "--now", REFERENCE_NOW])
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", exe.display()))?;
        let stderr = child.stderr.take().expect("piped");
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let mut server = Server {
            child,
            url: String::new(),
            lines,
        };
        let started = Instant::now();
        while server.url.is_empty() {
            let line = server
                .lines
                .recv_timeout(GIVE_UP.saturating_sub(started.elapsed()))
                .map_err(|_| "allclear serve did not start".to_string())?;
            if let Some(rest) = line.strip_prefix("Serving ")
                && let Some((_, url)) = rest.rsplit_once(" at ")
            {
                server.url = url.trim_end_matches(" (Ctrl-C to stop)").to_string();
            }
        }
        Ok(server)
    }

    /// Wait for a line that starts with `start`.
    fn wait_for_line(&mut self, start: &str) -> Result<(), String> {
        let started = Instant::now();
        loop {
            let line = self
                .lines
                .recv_timeout(GIVE_UP.saturating_sub(started.elapsed()))
                .map_err(|_| format!("allclear serve never printed `{start}…`"))?;
            if line.starts_with(start) {
                return Ok(());
            }
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
