//! Where each page lives in the output, and its public URL.
//!
//! Pages are `DIR/index.html` files. Links between pages are relative and
//! name `index.html` explicitly, so the site works from any sub-path, from
//! a bucket without index documents, and opened from disk. Public URLs
//! (feeds, canonical links) are absolute and end in `/`.

use chrono::{Datelike, Timelike};

/// Output path of an incident page.
pub fn incident(id: &str) -> String {
    format!("incidents/{id}/index.html")
}

/// Output path of a maintenance page.
pub fn maintenance(id: &str) -> String {
    format!("maintenance/{id}/index.html")
}

/// Output path of a component page.
pub fn component(id: &str) -> String {
    format!("components/{id}/index.html")
}

/// Output path of a history month page (`month` 1..=12).
pub fn history_month(year: i32, month: u32) -> String {
    format!("history/{year:04}/{month:02}/index.html")
}

/// Output path of the history index.
pub const HISTORY: &str = "history/index.html";

/// The relative prefix from `path` back to the output root: `""` for
/// `index.html`, `"../../"` for `incidents/x/index.html`.
pub fn root_from(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

/// The public URL of an output path under `base_url`: `index.html` is
/// dropped, so `incidents/x/index.html` becomes `BASE/incidents/x/`.
pub fn public_url(base_url: &str, path: &str) -> String {
    let trimmed = path.strip_suffix("index.html").unwrap_or(path);
    format!("{base_url}/{trimmed}")
}

/// Fragment ids for an entry's updates, oldest first: `update-` and the
/// update's UTC time (`update-20261120t142500z`), so that a link to an
/// update keeps pointing at it when earlier updates are added. Updates at
/// the same second get `-2`, `-3`.
pub fn update_anchors(times: impl IntoIterator<Item = chrono::DateTime<chrono::Utc>>) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for t in times {
        let base = format!(
            "update-{:04}{:02}{:02}t{:02}{:02}{:02}z",
            t.year(),
            t.month(),
            t.day(),
            t.hour(),
            t.minute(),
            t.second()
        );
        let repeats = seen.iter().filter(|b| **b == base).count();
        out.push(if repeats == 0 {
            base.clone()
        } else {
            format!("{base}-{}", repeats + 1)
        });
        seen.push(base);
    }
    out
}

/// The host of a URL, lowercased, without scheme, user, port or path (an
/// IPv6 literal keeps its brackets): the authority name of tag URIs
/// (RFC 4151) and iCalendar UIDs.
pub fn host(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = match host_port.strip_prefix('[') {
        Some(v6) => v6.split_once(']').map_or(host_port, |(h, _)| &host_port[..h.len() + 2]),
        None => host_port.split(':').next().unwrap_or_default(),
    };
    host.to_ascii_lowercase()
}

/// The key an update is known by (entry id and UTC time), from which its
/// API id and feed ids derive.
pub fn update_key(entry_id: &str, at: chrono::DateTime<chrono::Utc>) -> String {
    format!("{entry_id}@{}", super::format::iso_utc(at))
}

/// A stable Statuspage-style id: 12 lowercase base-36 characters derived
/// from `kind` (`page`, `component`, `incident`, ...) and our `id`, the same
/// on every build (FNV-1a, 64 bits, reduced to 36^12).
pub fn api_id(kind: &str, id: &str) -> String {
    const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash = FNV_OFFSET;
    for byte in kind.bytes().chain([b':']).chain(id.bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(FNV_PRIME);
    }
    let mut n = hash % 36u64.pow(12);
    let mut out = [b'0'; 12];
    for slot in out.iter_mut().rev() {
        *slot = b"0123456789abcdefghijklmnopqrstuvwxyz"[(n % 36) as usize];
        n /= 36;
    }
    String::from_utf8(out.to_vec()).expect("ASCII")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_roots_and_public_urls() {
        assert_eq!(root_from("index.html"), "");
        assert_eq!(root_from(&incident("a")), "../../");
        assert_eq!(root_from(&history_month(2026, 11)), "../../../");
        assert_eq!(
            public_url("https://s.example", &incident("a")),
            "https://s.example/incidents/a/"
        );
        assert_eq!(public_url("https://s.example", "index.html"), "https://s.example/");
    }

    #[test]
    fn hosts() {
        assert_eq!(host("https://status.lumen.example"), "status.lumen.example");
        assert_eq!(host("https://Status.Example:8443/sub/path"), "status.example");
        assert_eq!(host("http://user:pw@example.org"), "example.org");
        assert_eq!(host("http://[::1]:8080/"), "[::1]");
    }

    #[test]
    fn update_anchors_are_time_based_and_unique() {
        let t = |s: &str| {
            chrono::DateTime::parse_from_rfc3339(s)
                .unwrap()
                .with_timezone(&chrono::Utc)
        };
        let anchors = update_anchors([
            t("2026-11-20T14:25:00Z"),
            t("2026-11-20T14:25:00Z"),
            t("2026-11-20T15:00:00Z"),
        ]);
        assert_eq!(
            anchors,
            [
                "update-20261120t142500z",
                "update-20261120t142500z-2",
                "update-20261120t150000z"
            ]
        );
    }

    #[test]
    fn api_ids_are_stable_base36() {
        let id = api_id("incident", "2026-11-20-api-errors");
        assert_eq!(id.len(), 12);
        assert!(id.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_lowercase()));
        assert_eq!(id, api_id("incident", "2026-11-20-api-errors"));
        assert_ne!(id, api_id("component", "2026-11-20-api-errors"));
        assert_eq!(
            api_id("page", "x"),
            "cd2czlsdqcfo",
            "pinned: ids must never change between versions"
        );
    }
}
