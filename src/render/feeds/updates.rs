//! The items of the per-update feeds (`updates.rss`, `updates.atom`,
//! `feed.json`): one per update and per published postmortem, the newest
//! [`super::UPDATES_LIMIT`].

use chrono::{DateTime, Utc};

use super::{Context, Item, newest_with_ties};
use crate::escape::xml_text;
use crate::ids;
use crate::model::{EntryRef, Markdown};
use crate::render::links;

impl Context<'_, '_> {
    /// Items for the `limit` newest updates of all entries (and those that
    /// tie with the last), built only for those.
    pub(super) fn update_items(&self, limit: usize) -> Vec<Item> {
        let site = &self.snap.site;
        let all: Vec<(DateTime<Utc>, EntryRef)> = site
            .incidents
            .iter()
            .enumerate()
            .flat_map(|(i, inc)| {
                let times = inc.updates.iter().map(|u| u.at).chain(inc.postmortem_published_at);
                times.map(move |at| (at, EntryRef::Incident(i)))
            })
            .chain(
                site.maintenances
                    .iter()
                    .enumerate()
                    .flat_map(|(m, mt)| mt.updates.iter().map(move |u| (u.at, EntryRef::Maintenance(m)))),
            )
            .collect();
        let all = newest_with_ties(all, limit);
        let Some(&(cutoff, _)) = all.last() else {
            return Vec::new();
        };
        let kept = |at: DateTime<Utc>| at >= cutoff;
        let mut entries: Vec<EntryRef> = all.into_iter().map(|(_, e)| e).collect();
        entries.sort_unstable_by_key(|e| match *e {
            EntryRef::Incident(i) => (0, i),
            EntryRef::Maintenance(m) => (1, m),
        });
        entries.dedup();
        let mut out = Vec::new();
        for e in entries {
            // (time, label, message, promised next update) of each update.
            type Update<'l, 'm> = (
                DateTime<Utc>,
                &'l str,
                &'m Markdown,
                Option<DateTime<Utc>>,
                Option<&'m String>,
            );
            let (id, title, page, updates): (&str, &str, String, Vec<Update<'_, '_>>) = match e {
                EntryRef::Incident(i) => {
                    let inc = &site.incidents[i];
                    let updates = inc.updates.iter();
                    (
                        &inc.id,
                        &inc.title,
                        links::incident(&inc.id),
                        updates
                            .map(|u| {
                                (
                                    u.at,
                                    self.cat.incident_status(u.status),
                                    &u.message,
                                    u.next_update,
                                    u.fallback.as_ref(),
                                )
                            })
                            .collect(),
                    )
                }
                EntryRef::Maintenance(m) => {
                    let mt = &site.maintenances[m];
                    let updates = mt.updates.iter();
                    (
                        &mt.id,
                        &mt.title,
                        links::maintenance(&mt.id),
                        updates
                            .map(|u| {
                                (
                                    u.at,
                                    self.cat.maintenance_status(u.status),
                                    &u.message,
                                    None,
                                    u.fallback.as_ref(),
                                )
                            })
                            .collect(),
                    )
                }
            };
            let anchors = ids::update_anchors(updates.iter().map(|u| u.0));
            for ((at, label, message, next, fallback), anchor) in updates.into_iter().zip(anchors) {
                if kept(at) {
                    let mut item = self.update_item(id, title, &page, &anchor, at, label, message, next);
                    item.lang = fallback.cloned();
                    out.push(item);
                }
            }
            if let EntryRef::Incident(i) = e
                && let Some(item) = self.postmortem_item(i).filter(|item| kept(item.date))
            {
                out.push(item);
            }
        }
        out
    }

    /// An incident's published postmortem as an item of the per-update
    /// feeds, dated `postmortem_published_at`, linking to the postmortem's
    /// heading; its id `tag:HOST,2005:IncidentPostmortem/API_ID` is the
    /// incident's, so editing the postmortem updates one item.
    fn postmortem_item(&self, i: usize) -> Option<Item> {
        let inc = &self.snap.site.incidents[i];
        let (body, at) = (inc.postmortem.as_ref()?, inc.postmortem_published_at?);
        let page = links::public_url(&self.url, &links::incident(&inc.id));
        let tag = self.tag(&format!("IncidentPostmortem/{}", ids::api_id("incident", &inc.id)));
        let label = self.cat.text("postmortem");
        let html = format!(
            "<p><strong>{label}</strong> - {}</p>{}",
            self.locale.date_time(at, self.zone),
            body.html
        );
        Some(Item {
            title: xml_text(&self.item_title(&label, &inc.title)),
            link: format!("{page}#h-postmortem"),
            guid: tag.clone(),
            guid_is_permalink: false,
            tag,
            date: at,
            published: at,
            updated: at,
            html: xml_text(&html),
            maintenance_end: None,
            lang: inc.fallback.body.clone(),
        })
    }

    #[allow(clippy::too_many_arguments)]
    fn update_item(
        &self,
        entry_id: &str,
        title: &str,
        page: &str,
        anchor: &str,
        at: DateTime<Utc>,
        label: &str,
        message: &Markdown,
        next_update: Option<DateTime<Utc>>,
    ) -> Item {
        let link = format!("{}#{anchor}", links::public_url(&self.url, page));
        let tag = self.tag(&format!(
            "IncidentUpdate/{}",
            ids::api_id("update", &ids::update_key(entry_id, at))
        ));
        let mut html = format!(
            "<p><strong>{label}</strong> - {}</p>{}",
            self.locale.date_time(at, self.zone),
            message.html
        );
        if let Some(next) = next_update {
            let text = self.cat.text_with(
                "feed-next-update",
                &[("time", self.locale.date_time(next, self.zone).into())],
            );
            html.push_str(&format!("<p>{text}</p>"));
        }
        Item {
            title: xml_text(&self.item_title(label, title)),
            link,
            guid: tag.clone(),
            guid_is_permalink: false,
            tag,
            date: at,
            published: at,
            updated: at,
            html: xml_text(&html),
            maintenance_end: None,
            lang: None,
        }
    }
}
