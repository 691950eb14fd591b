//! `allclear serve`: a live preview of the site while you edit it.
//!
//! The site is built into memory by the same pipeline as `allclear build`
//! (load, model, render), and nothing is written to disk. The server (axum
//! on a single-threaded tokio runtime) answers from the last good build.
//! The site folder is watched (`watch`), and every change rebuilds it on
//! a thread of its own, incrementally (`rebuild`): an edited entry is
//! read again alone, and only the pages that can show it are rendered at
//! once; the rest follow when edits pause. Each build, good or failed, starts a new
//! generation. Pages served here carry a small script (`reload`) that
//! follows the generations over Server-Sent Events and reloads the page
//! when one starts. A failed build keeps the last good files served. Its
//! errors go to the terminal and, as an overlay, onto every page until a
//! build succeeds again.
//!
//! The server and the rebuild thread share one `tokio::sync::watch`
//! channel holding the current `Generation`.

mod files;
mod host;
mod rebuild;
mod reload;
mod watch;

use std::collections::HashMap;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderValue;
use axum::http::header::CACHE_CONTROL;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::routing::get;
use futures_util::Stream;
use tokio::sync::watch as channel;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::clock::Clock;
use host::HostGuard;
use rebuild::Rebuilder;

pub use host::allowed_host_name;

/// How long edits must pause before the pages an edit did not touch are
/// rendered again.
const SETTLE: Duration = Duration::from_millis(300);

/// How long open connections get to finish after Ctrl-C.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(2);

/// What `serve` needs.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site folder (holds `site.yaml`).
    pub site_dir: PathBuf,
    /// The address to listen on: an IP address or a host name.
    pub bind: String,
    /// Host names the server answers to besides IP addresses, `localhost`
    /// and the `bind` name (`--allow-host`): `NAME`, or `.NAME` for it and
    /// every name below it; see [`allowed_host_name`]. Requests for other
    /// names get 403.
    pub allowed_hosts: Vec<String>,
    /// The port to listen on; 0 picks a free one (the printed URL tells which).
    pub port: u16,
    /// Open the page in a browser once the server is up.
    pub open: bool,
    /// Watch by polling instead of file-system events.
    pub poll: bool,
    /// Read at every build.
    pub clock: Clock,
}

/// Why `serve` could not start or stopped serving (`allclear serve`
/// exits 1). Each message is one line for the terminal.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The site folder does not exist.
    #[error("there is no site folder at {}", .0.display())]
    NoSiteFolder(PathBuf),
    /// A name in [`ServeOptions::allowed_hosts`] is not a host name: the
    /// message names the flag and says what to write.
    #[error("{0}")]
    AllowedHost(String),
    /// The address cannot be listened on: the message says why (the port
    /// is in use, the address is not this machine's) and what to do.
    #[error("{0}")]
    Listen(String),
    /// The site folder cannot be watched: the message names it and, for
    /// change events, suggests `--poll`.
    #[error("{0}")]
    Watch(String),
    /// The rebuild thread, the watch's thread or the server's runtime
    /// could not be started.
    #[error("cannot start {what}: {source}")]
    Start { what: &'static str, source: std::io::Error },
    /// The server stopped with an error.
    #[error("the server failed: {0}")]
    Server(std::io::Error),
}

/// Serve the site until Ctrl-C, rebuilding it on every change.
///
/// Prints `Serving SITE at URL (Ctrl-C to stop)` once the first build is
/// done, then a line per rebuild and the diagnostics of failed builds.
///
/// # Errors
/// [`ServeError`]: the folder does not exist or cannot be watched, a name
/// in `allowed_hosts` is not a host name, the address cannot be listened
/// on (for example the port is in use), or the server fails.
pub fn run(options: ServeOptions) -> Result<(), ServeError> {
    if !options.site_dir.is_dir() {
        return Err(ServeError::NoSiteFolder(options.site_dir.clone()));
    }
    let guard = Arc::new(HostGuard::new(&options.bind, &options.allowed_hosts)?);
    let listener = std::net::TcpListener::bind((options.bind.as_str(), options.port))
        .map_err(|e| ServeError::Listen(bind_error(&options.bind, options.port, &e)))?;
    let addr = listener
        .local_addr()
        .map_err(|e| ServeError::Listen(format!("cannot listen on {}:{}: {e}", options.bind, options.port)))?;
    listener
        .set_nonblocking(true)
        .map_err(|e| ServeError::Listen(format!("cannot listen on {addr}: {e}")))?;
    let url = browse_url(addr);

    let mut builder = Rebuilder::new(&options, &url);
    let (sender, receiver) = channel::channel(builder.build(None));

    let (change_tx, change_rx) = mpsc::channel::<Vec<PathBuf>>();
    let pending = Arc::new(AtomicBool::new(false));
    let changes = watch::Changes {
        sender: change_tx,
        pending: Arc::clone(&pending),
    };
    let (watcher, warnings) = watch::SiteWatcher::start(&options.site_dir, options.poll, changes)?;
    for warning in warnings {
        eprintln!("warning: {warning}");
    }
    let watcher = Arc::new(watcher);
    let weak_watcher = Arc::downgrade(&watcher);
    std::thread::Builder::new()
        .name("allclear-rebuild".into())
        .spawn(move || {
            // Ends when the watcher is dropped, which drops the sender.
            loop {
                let next = if builder.incomplete() {
                    // Pages the last edit did not touch are rendered again
                    // once edits pause, without reloading open pages.
                    match change_rx.recv_timeout(SETTLE) {
                        Err(mpsc::RecvTimeoutError::Timeout) => {
                            if let Some(generation) = builder.complete(&pending) {
                                sender.send_replace(generation);
                            }
                            continue;
                        }
                        other => other.ok(),
                    }
                } else {
                    change_rx.recv().ok()
                };
                let Some(mut changed) = next else { break };
                pending.store(false, Ordering::SeqCst);
                while let Ok(more) = change_rx.try_recv() {
                    changed.extend(more);
                }
                if let Some(w) = weak_watcher.upgrade() {
                    for warning in w.refresh(&changed) {
                        eprintln!("warning: {warning}");
                    }
                }
                sender.send_replace(builder.build(Some(&changed)));
            }
        })
        .map_err(|source| ServeError::Start {
            what: "the rebuild thread",
            source,
        })?;

    let announce = move || {
        if !addr.ip().is_loopback() {
            eprintln!(
                "note: listening on {}: other machines that can reach it can see this preview, by IP address \
                 (to open it by a host name, serve with --allow-host NAME)",
                addr.ip()
            );
        }
        eprintln!("Serving {} at {url} (Ctrl-C to stop)", options.site_dir.display());
        if options.open {
            open_browser(&url);
        }
    };

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|source| ServeError::Start {
            what: "the server",
            source,
        })?;
    let result = runtime.block_on(serve(listener, receiver, guard, announce));
    drop(watcher);
    result
}

/// Serve `listener` from the generations in `site` until Ctrl-C; `announce`
/// runs once Ctrl-C is handled here.
async fn serve(
    listener: std::net::TcpListener,
    site: channel::Receiver<Generation>,
    guard: Arc<HostGuard>,
    announce: impl FnOnce(),
) -> Result<(), ServeError> {
    let listener =
        tokio::net::TcpListener::from_std(listener).map_err(|e| ServeError::Listen(format!("cannot listen: {e}")))?;
    let (stop_tx, stop_rx) = channel::channel(false);
    let app = router(site, stop_rx.clone(), guard);
    // `ctrl_c` installs its handler when first polled: do that now, before
    // telling anyone to press Ctrl-C.
    let mut ctrl_c = Box::pin(tokio::signal::ctrl_c());
    let early = tokio::select! {
        biased;
        signal = &mut ctrl_c => Some(signal),
        () = std::future::ready(()) => None,
    };
    announce();
    let shutdown = async move {
        let signal = match early {
            Some(signal) => signal,
            None => ctrl_c.await,
        };
        match signal {
            Ok(()) => eprintln!("\nStopping"),
            Err(e) => {
                eprintln!("warning: cannot wait for Ctrl-C ({e}); serving until killed");
                std::future::pending::<()>().await;
            }
        }
        // Ends the event streams, which would otherwise hold their
        // connections open for ever.
        let _ = stop_tx.send(true);
    };
    let server = axum::serve(listener, app).with_graceful_shutdown(shutdown);
    let mut stopping = stop_rx;
    tokio::select! {
        result = async { server.await } => result.map_err(ServeError::Server),
        // A browser that keeps a connection busy does not keep us up.
        () = async {
            let _ = stopping.wait_for(|&stop| stop).await;
            tokio::time::sleep(SHUTDOWN_GRACE).await;
        } => Ok(()),
    }
}

/// The routes: the event stream, and every other path from the site
/// ([`files`]), all
/// behind the Host check ([`host`]). Every response says
/// `Cache-Control: no-store`, so a reload always shows the latest build.
fn router(site: channel::Receiver<Generation>, stop: channel::Receiver<bool>, guard: Arc<HostGuard>) -> Router {
    Router::new()
        .route(reload::EVENTS_PATH, get(events))
        .fallback(files::site_file)
        .with_state(AppState { site, stop })
        .layer(axum::middleware::from_fn_with_state(guard, host::check_host))
        .layer(SetResponseHeaderLayer::overriding(
            CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
}

/// One build's outcome, as served.
#[derive(Debug, Clone)]
struct Generation {
    /// Unique to this build in this process: `SESSION-N`.
    id: String,
    /// The files of the last good build, by path (`incidents/x/index.html`).
    files: Arc<HashMap<String, Bytes>>,
    /// The rendered diagnostics when this build failed.
    error: Option<Arc<str>>,
}

#[derive(Clone)]
struct AppState {
    site: channel::Receiver<Generation>,
    stop: channel::Receiver<bool>,
}

/// `GET /__allclear/events`: the current generation's id at once, then
/// each new one, until the server stops.
async fn events(State(app): State<AppState>) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let stream = futures_util::stream::unfold((app, true), |(mut app, first)| async move {
        if !first {
            tokio::select! {
                changed = app.site.changed() => changed.ok()?,
                _ = app.stop.wait_for(|&stop| stop) => return None,
            }
        }
        let id = app.site.borrow_and_update().id.clone();
        // Reconnect quickly after a restart of the server.
        let event = Event::default().retry(Duration::from_secs(1)).data(id);
        Some((Ok(event), (app, false)))
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

/// The URL to browse: `http://ADDR/`, with the loopback address in place of
/// an unspecified one (`0.0.0.0`, `::`).
fn browse_url(addr: SocketAddr) -> String {
    let mut shown = addr;
    if addr.ip().is_unspecified() {
        shown.set_ip(match addr {
            SocketAddr::V4(_) => std::net::Ipv4Addr::LOCALHOST.into(),
            SocketAddr::V6(_) => std::net::Ipv6Addr::LOCALHOST.into(),
        });
    }
    format!("http://{shown}/")
}

fn bind_error(bind: &str, port: u16, e: &std::io::Error) -> String {
    let at = if bind.contains(':') {
        format!("[{bind}]:{port}")
    } else {
        format!("{bind}:{port}")
    };
    match e.kind() {
        std::io::ErrorKind::AddrInUse => format!(
            "cannot listen on {at}: the port is in use (is another `allclear serve` running?); choose another with --port"
        ),
        std::io::ErrorKind::AddrNotAvailable => {
            format!("cannot listen on {at}: that is not an address of this machine; leave out --bind to use 127.0.0.1")
        }
        _ => format!("cannot listen on {at}: {e}"),
    }
}

/// Open `url` in the default browser, or say why not.
fn open_browser(url: &str) {
    let mut command = if cfg!(target_os = "windows") {
        let mut c = std::process::Command::new("cmd");
        c.args(["/c", "start", ""]);
        c
    } else if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else {
        std::process::Command::new("xdg-open")
    };
    command
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    match command.spawn() {
        Ok(mut child) => {
            // Reap it, so it does not linger as a zombie.
            std::thread::spawn(move || child.wait());
        }
        Err(e) => eprintln!("note: could not open a browser ({e}); open {url} yourself"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_url_names_a_reachable_address() {
        assert_eq!(browse_url("127.0.0.1:1111".parse().unwrap()), "http://127.0.0.1:1111/");
        assert_eq!(browse_url("0.0.0.0:80".parse().unwrap()), "http://127.0.0.1:80/");
        assert_eq!(browse_url("[::]:8080".parse().unwrap()), "http://[::1]:8080/");
    }

    #[test]
    fn changes_are_summed_up() {
        let one = [PathBuf::from("incidents/a.md")];
        assert_eq!(rebuild::describe_changes(&one), "incidents/a.md");
        let three = [
            PathBuf::from("site.yaml"),
            PathBuf::from("incidents/a.md"),
            PathBuf::from("incidents/a.md"),
        ];
        assert_eq!(rebuild::describe_changes(&three), "incidents/a.md and 1 more");
        assert_eq!(rebuild::describe_changes(&[PathBuf::new()]), "the site folder");
    }

    #[test]
    fn bind_errors_say_what_to_do() {
        let in_use = std::io::Error::from(std::io::ErrorKind::AddrInUse);
        let message = bind_error("127.0.0.1", 1111, &in_use);
        assert!(
            message.contains("127.0.0.1:1111") && message.contains("--port"),
            "{message}"
        );
        assert!(bind_error("::1", 1, &in_use).contains("[::1]:1"));
    }
}
