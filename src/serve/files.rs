//! The preview's static files: every path but the event stream is a file of
//! the last good build, held in memory ([`super::Generation`]). Paths are
//! percent-decoded with `percent-encoding` and content types come from the
//! extension with `mime_guess`; HTML gets the reload script ([`super::reload`]).

use axum::body::Bytes;
use axum::extract::State;
use axum::http::header::{ALLOW, CONTENT_TYPE, LOCATION};
use axum::http::{Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};

use super::{AppState, Generation, reload};

/// Every other path: a file of the last good build. `/` and `/dir/` serve
/// their `index.html`, `/dir` redirects to `/dir/` when that exists (on
/// this server: see [`folder_location`]), and anything else gets the
/// site's `404.html` with status 404. HTML gets the reload script, and the
/// error overlay while the site has errors.
pub(super) async fn site_file(State(app): State<AppState>, method: Method, uri: Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return (StatusCode::METHOD_NOT_ALLOWED, [(ALLOW, "GET, HEAD")]).into_response();
    }
    let generation = app.site.borrow().clone();
    let files = &generation.files;
    if files.is_empty() {
        let page = reload::placeholder(&generation.id, generation.error.as_deref());
        return (StatusCode::SERVICE_UNAVAILABLE, [(CONTENT_TYPE, HTML)], page).into_response();
    }
    let Some(path) = decode_path(uri.path()) else {
        return not_found(&generation);
    };
    let path = if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path
    };
    if let Some(bytes) = files.get(&path) {
        return file_response(StatusCode::OK, &path, bytes, &generation);
    }
    if files.contains_key(&format!("{path}/index.html")) {
        return (StatusCode::TEMPORARY_REDIRECT, [(LOCATION, folder_location(&uri))]).into_response();
    }
    not_found(&generation)
}

/// Where `/dir` is sent: `/dir/` with the query, as a path on this server.
/// Repeated leading slashes are made one (`//history` is the file key
/// `history`), since `//history/` would be a protocol-relative URL: a
/// redirect to the host `history`.
fn folder_location(uri: &Uri) -> String {
    let path = uri.path().trim_start_matches('/');
    let query = uri.query().map(|q| format!("?{q}")).unwrap_or_default();
    format!("/{path}/{query}")
}

fn not_found(generation: &Generation) -> Response {
    match generation.files.get("404.html") {
        Some(bytes) => file_response(StatusCode::NOT_FOUND, "404.html", bytes, generation),
        None => (StatusCode::NOT_FOUND, [(CONTENT_TYPE, TEXT)], "Not found\n").into_response(),
    }
}

fn file_response(status: StatusCode, path: &str, bytes: &Bytes, generation: &Generation) -> Response {
    let content_type = content_type(path);
    let body = if content_type == HTML {
        Bytes::from(reload::inject(bytes, &generation.id, generation.error.as_deref()))
    } else {
        bytes.clone()
    };
    (status, [(CONTENT_TYPE, content_type)], body).into_response()
}

const HTML: &str = "text/html; charset=utf-8";
const TEXT: &str = "text/plain; charset=utf-8";

/// The Content-Type for a file, by its extension (case-insensitive), from
/// `mime_guess`'s table: `text/*` types say `charset=utf-8` (allclear
/// writes UTF-8 only), an unknown extension is
/// `application/octet-stream`.
fn content_type(path: &str) -> String {
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    if mime.type_() == mime_guess::mime::TEXT {
        format!("{}; charset=utf-8", mime.essence_str())
    } else {
        mime.essence_str().to_owned()
    }
}

/// A request path as a key of the built files: percent-decoded, without the
/// leading `/`. `None` when it does not decode to UTF-8 or has a `..`
/// segment. A `%` not followed by two hex digits stays as it is.
fn decode_path(path: &str) -> Option<String> {
    let decoded = percent_encoding::percent_decode_str(path.trim_start_matches('/'))
        .decode_utf8()
        .ok()?
        .into_owned();
    (!decoded.split('/').any(|segment| segment == "..")).then_some(decoded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_decode_to_file_keys() {
        assert_eq!(decode_path("/").as_deref(), Some(""));
        assert_eq!(decode_path("/history/2026/11/").as_deref(), Some("history/2026/11/"));
        assert_eq!(decode_path("/a%20b.png").as_deref(), Some("a b.png"));
        assert_eq!(decode_path("/%C3%BCber").as_deref(), Some("über"));
        assert_eq!(decode_path("/%zz").as_deref(), Some("%zz"));
        assert_eq!(decode_path("/%ff"), None);
        assert_eq!(decode_path("/a/../site.yaml"), None);
        assert_eq!(decode_path("/a/%2e%2e/site.yaml"), None, "an encoded `..` too");
    }

    #[test]
    fn folder_redirects_stay_on_this_server() {
        let location = |uri: &'static str| folder_location(&Uri::from_static(uri));
        assert_eq!(location("/history"), "/history/");
        assert_eq!(location("//history"), "/history/");
        assert_eq!(location("///history?x=1"), "/history/?x=1");
        assert_eq!(location("/history/2026%2011"), "/history/2026%2011/");
        assert_eq!(location("http://127.0.0.1:1111//history"), "/history/");
    }

    #[test]
    fn content_types_follow_the_extension() {
        assert_eq!(content_type("index.html"), HTML);
        assert_eq!(content_type("robots.txt"), TEXT);
        assert_eq!(content_type("history.rss"), "application/rss+xml");
        assert_eq!(content_type("updates.atom"), "application/atom+xml");
        assert_eq!(content_type("maintenance.ics"), "text/calendar; charset=utf-8");
        assert_eq!(content_type("style.css"), "text/css; charset=utf-8");
        assert_eq!(content_type("page.js"), "text/javascript; charset=utf-8");
        assert_eq!(content_type("badges/api.SVG"), "image/svg+xml");
        assert_eq!(content_type("api/v2/summary.json"), "application/json");
        assert_eq!(content_type("font.woff2"), "font/woff2");
        assert_eq!(content_type("LICENSE"), "application/octet-stream");
    }
}
