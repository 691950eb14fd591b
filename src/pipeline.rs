//! The one place a loaded site becomes what is rendered: [`prepare`].
//! `build`, `check`, `serve` and `notify` all go through it, each with its
//! own way of loading and its own [`crate::render::Sink`], so they never
//! disagree about what the site says at an instant.
//!
//! ```text
//! Loaded --prepare(loaded, now)--> Prepared { snapshot, hidden } --render_to(sink)--> files
//! ```

use chrono::{DateTime, Utc};

use crate::diagnostics::Diagnostic;
use crate::format;
use crate::load::Loaded;
use crate::load::yaml::Seg;
use crate::model::{Hidden, Snapshot};

/// A loaded site prepared for rendering at one instant.
#[derive(Debug)]
pub struct Prepared<'a> {
    /// The loader's result the snapshot was taken of.
    pub loaded: &'a Loaded,
    /// The site as it stood at `now`, and everything derived from it.
    pub snapshot: Snapshot<'a>,
    /// One warning per update and postmortem dated after `now`, which the
    /// snapshot leaves out ([`hidden_warnings`]).
    pub hidden: Vec<Diagnostic>,
}

impl Prepared<'_> {
    /// Every warning a build reports: the loader's, then
    /// [`Prepared::hidden`].
    pub fn warnings(&self) -> Vec<Diagnostic> {
        self.loaded.warnings.iter().chain(&self.hidden).cloned().collect()
    }
}

/// Prepare `loaded` for rendering at `now` (UTC), the build's reference
/// time. The rule, for every command that renders or reports the site:
///
/// 1. cut the site at `now` ([`crate::model::Site::as_of`]): an update
///    dated after `now` is not published yet, an incident whose first
///    update is after `now` does not exist yet, and a postmortem published
///    after `now` is not shown (content format, "Publishing the
///    postmortem");
/// 2. derive the state of the cut site at `now` ([`Snapshot::new`]);
/// 3. warn about each update and postmortem the cut hid
///    ([`hidden_warnings`]; `update-in-future`, `postmortem-in-future`).
///
/// Loading is the caller's (with or without `--base-url`, from a live
/// site in `serve`), and so is the sink the snapshot is rendered into
/// ([`crate::render::render_to`]): files in memory, the output folder,
/// nowhere for `check`. `notify` prepares the site at each update's time.
/// Pure: reads no file and no clock. Never fails: a site that loaded can
/// always be cut and derived; rendering is where errors remain possible.
pub fn prepare(loaded: &Loaded, now: DateTime<Utc>) -> Prepared<'_> {
    let snapshot = crate::timing::phase("model", || Snapshot::new(&loaded.site, now));
    Prepared {
        loaded,
        snapshot,
        hidden: hidden_warnings(loaded, now),
    }
}

/// One warning per update and postmortem dated after `now`
/// ([`crate::model::Site::future_updates`], in its order): `update-in-future`
/// at the update's `at`, `postmortem-in-future` at the postmortem's
/// `postmortem_published_at` (or at the last update's `at` when the
/// postmortem goes out with it). They are left out of what is built at
/// `now` until then; `build`, `serve` and `check` print these.
pub fn hidden_warnings(loaded: &Loaded, now: DateTime<Utc>) -> Vec<Diagnostic> {
    let zone = loaded.site.config.time_zone;
    let when = |at: DateTime<Utc>| {
        format!(
            "{}, {} after now",
            format::Locale::english().date_time(at, zone),
            format::duration(at - now)
        )
    };
    let same_zone = "check the date and the time zone (a time without an offset is read in the site's time_zone)";
    loaded
        .site
        .future_updates(now)
        .into_iter()
        .map(|hidden| match hidden.what {
            Hidden::Update { index } => {
                let message = format!("this update is dated {}; it is not published until then", when(hidden.at));
                loaded
                    .warning_at(&hidden.path, &update_key(index, "at"), false, "update-in-future", message)
                    .with_help(same_zone)
            }
            Hidden::Postmortem { incident } => {
                let message = format!(
                    "the postmortem is published {}; it is not shown until then",
                    when(hidden.at)
                );
                // Without the key, the postmortem goes out with the last
                // update: point there.
                let last = loaded.site.incidents[incident].updates.last().filter(|u| u.at == hidden.at);
                let (key, help) = match last {
                    Some(u) => (
                        update_key(u.index, "at").to_vec(),
                        "a postmortem without `postmortem_published_at` is published with the last update; give `postmortem_published_at` to say when",
                    ),
                    None => (vec![Seg::Key("postmortem_published_at")], same_zone),
                };
                loaded
                    .warning_at(&hidden.path, &key, false, "postmortem-in-future", message)
                    .with_help(help)
            }
        })
        .collect()
}

/// The YAML path of key `key` of update `index` (0-based) of an entry:
/// `updates[index].key`.
pub(crate) fn update_key(index: usize, key: &str) -> [Seg<'_>; 3] {
    [Seg::Key("updates"), Seg::Index(index), Seg::Key(key)]
}
