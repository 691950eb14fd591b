//! The bodies `notify` posts: a Statuspage-style incident webhook for
//! generic webhooks, and a message for Slack-compatible incoming webhooks.
//!
//! Each update is posted with the site prepared at the update's time, as
//! `build` would prepare it then ([`crate::pipeline::prepare`], which cuts
//! it with [`crate::model::Site::as_of`]): the incident object then has
//! that update first in `incident_updates`, and the page status is the one
//! the update brought.
//! A postmortem is posted as the site stood at its publication time: the
//! incident object has `status: postmortem` (once resolved) and
//! `postmortem_body`, and the text is `[Postmortem] TITLE` with the
//! postmortem's Markdown.
//! A maintenance announcement (a maintenance without updates) is posted as
//! the site stands at the build's reference time. The objects come from
//! [`crate::render::api`], so they are field for field what the API files
//! say.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::diff::{Change, EntryKind, Found};
use crate::format;
use crate::load::Loaded;
use crate::render::api::{self, shapes};

/// The body of a generic webhook, in the shape of Statuspage's incident
/// webhook. A maintenance goes under `incident` too, as Statuspage does.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WebhookBody {
    pub meta: Meta,
    pub page: WebhookPage,
    pub incident: shapes::Incident,
}

/// Statuspage's `meta`: links for a subscriber, which a static site has not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub unsubscribe: Option<String>,
    pub documentation: Option<String>,
}

/// The page and its status once the update is out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WebhookPage {
    pub id: String,
    /// none, minor, major, critical or maintenance.
    pub status_indicator: String,
    /// E.g. "Partial System Outage".
    pub status_description: String,
}

/// The body of a Slack-compatible incoming webhook (Slack, Mattermost,
/// Rocket.Chat, Discord's `/slack` endpoint): `text` in Slack's mrkdwn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SlackBody {
    pub text: String,
}

/// Both bodies for one update.
#[derive(Debug, Clone, PartialEq)]
pub struct Payloads {
    pub webhook: WebhookBody,
    pub slack: SlackBody,
}

/// The bodies for `found`, an update of the loaded site; `None` if the
/// update is not in it (which `diff` never reports).
pub fn build(loaded: &Loaded, found: &Found, now: DateTime<Utc>) -> Option<Payloads> {
    let update = &found.update;
    let at = if update.announcement { now } else { update.at.min(now) };
    let prepared = crate::pipeline::prepare(loaded, at);
    let snap = &prepared.snapshot;
    let view = &snap.site;
    let zone = view.config.time_zone;
    let (incident, label, mut lines) = match update.kind {
        EntryKind::Incident => {
            let i = view.incidents.iter().position(|i| i.id == update.entry_id)?;
            let inc = &view.incidents[i];
            if update.postmortem {
                let body = inc.postmortem.as_ref()?;
                let lines = vec![body.source.trim().to_string()];
                (api::incident_object(snap, i), "Postmortem", lines)
            } else {
                let u = inc
                    .updates
                    .iter()
                    .filter(|u| u.at == update.at)
                    .nth(update.occurrence)?;
                let mut lines = vec![u.message.source.trim().to_string()];
                if let Some(next) = u.next_update {
                    lines.push(format!(
                        "Next update by {}",
                        format::Locale::english().date_time(next, zone)
                    ));
                }
                (api::incident_object(snap, i), u.status.label(), lines)
            }
        }
        EntryKind::Maintenance => {
            let m = view.maintenances.iter().position(|m| m.id == update.entry_id)?;
            let mt = &view.maintenances[m];
            let (label, message) = if update.announcement {
                let label = if mt.cancelled { "Cancelled" } else { "Scheduled" };
                (label, String::new())
            } else {
                let u = mt.updates.iter().filter(|u| u.at == update.at).nth(update.occurrence)?;
                let label = if u.cancels { "Cancelled" } else { u.status.label() };
                (label, u.message.source.trim().to_string())
            };
            let window = snap.maintenances[m].window;
            let mut lines = vec![message];
            lines.push(format!(
                "Window: {} to {}",
                format::Locale::english().date_time(window.from, zone),
                format::Locale::english().date_time(window.until, zone)
            ));
            (api::maintenance_object(snap, m), label, lines)
        }
    };
    let page = api::page(snap);
    let edited = if found.change == Change::Changed {
        " (edited)"
    } else {
        ""
    };
    lines.retain(|l| !l.is_empty());
    lines.push(incident.shortlink.clone());
    let text = format!(
        "*[{label}] {}*{edited}\n{}",
        escape(&incident.name),
        lines.iter().map(|l| escape(l)).collect::<Vec<_>>().join("\n")
    );
    Some(Payloads {
        webhook: WebhookBody {
            meta: Meta {
                unsubscribe: None,
                documentation: None,
            },
            page: WebhookPage {
                id: page.id,
                status_indicator: snap.status.indicator.as_str().into(),
                status_description: snap.status.indicator.description().into(),
            },
            incident,
        },
        slack: SlackBody { text },
    })
}

/// Slack's mrkdwn escapes: `&`, `<` and `>` (its control characters).
fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slack_control_characters_are_escaped() {
        assert_eq!(escape("a <b> & c"), "a &lt;b&gt; &amp; c");
    }
}
