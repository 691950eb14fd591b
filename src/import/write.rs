//! The one writer of imported entries: [`Imported`] to files in a site.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, SecondsFormat};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::source::{ComponentRef, Imported};
use super::{ImportError, Note};
use crate::author::init::scaffold;
use crate::author::yaml_text::{message_lines, scalar};
use crate::author::{AuthorError, PLACEHOLDER_BASE_URL, write_atomically};
use crate::load::{self, LoadOptions};

/// The ledger's file name, in the site folder.
pub const LEDGER: &str = ".allclear-import.json";

/// How to import.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Overwrite entries edited since the last import.
    pub force: bool,
}

/// What an import did, for the closing report.
#[derive(Debug, Clone, Default)]
pub struct ImportReport {
    /// A new site was created (the files written).
    pub created_site: Vec<PathBuf>,
    /// Components in the site (written new, or already there).
    pub components: usize,
    /// Incidents, updates (of incidents and maintenances) and maintenances
    /// read from the source.
    pub incidents: usize,
    /// See `incidents`.
    pub updates: usize,
    /// See `incidents`.
    pub maintenances: usize,
    /// Entry files written new, relative to the site.
    pub created: Vec<PathBuf>,
    /// Entry files rewritten, relative to the site.
    pub updated: Vec<PathBuf>,
    /// Entry files already as the source says.
    pub unchanged: usize,
    /// Entries edited (or deleted) since the last import and kept,
    /// relative to the site.
    pub kept: Vec<PathBuf>,
    /// What could not be mapped exactly.
    pub notes: Vec<Note>,
}

/// `.allclear-import.json`: per `SYSTEM:ID`, the file and the digest of
/// the text last written.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Ledger {
    entries: BTreeMap<String, LedgerEntry>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct LedgerEntry {
    /// Relative to the site, `/`-separated.
    path: String,
    /// SHA-256 of the text written, in hex.
    sha256: String,
}

fn digest(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> ImportError + '_ {
    move |source| {
        ImportError::Author(AuthorError::Io {
            path: path.to_path_buf(),
            source,
        })
    }
}

/// A time as written in the file: RFC 3339 with the source's offset.
fn at(t: DateTime<FixedOffset>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Write `imported` into the site at `site_dir`, creating the site when the
/// folder does not exist or is empty.
///
/// # Errors
/// [`ImportError::Author`]: a file that cannot be read or written, a
/// ledger that is not valid, or a result that would not build (nothing is
/// written then).
pub fn write(site_dir: &Path, imported: Imported, options: &ImportOptions) -> Result<ImportReport, ImportError> {
    let mut report = ImportReport {
        notes: imported.notes.clone(),
        ..ImportReport::default()
    };
    let new_site = !site_dir.join("site.yaml").exists();
    let mut overrides: BTreeMap<PathBuf, String> = BTreeMap::new();
    // Component id by the source's key and by name.
    let mut ids: BTreeMap<String, String> = BTreeMap::new();
    let zone: Tz;
    if new_site {
        if let Ok(entries) = fs::read_dir(site_dir)
            && let Some(found) = entries.flatten().find(|e| e.file_name() != ".git")
        {
            return Err(AuthorError::Usage {
                message: format!(
                    "{} has no site.yaml and is not empty (it holds {})",
                    site_dir.display(),
                    found.file_name().to_string_lossy()
                ),
                help: Some("import into an allclear site, or into a new folder to create one".into()),
            }
            .into());
        }
        let (text, z) = site_yaml(&imported, &mut ids, &mut report);
        zone = z;
        overrides.insert(PathBuf::from("site.yaml"), text);
        for (rel, text) in scaffold() {
            overrides.insert(PathBuf::from(rel), text);
        }
    } else {
        let loaded = load::load(site_dir, &LoadOptions::default()).map_err(AuthorError::Invalid)?;
        zone = loaded.site.config.time_zone;
        for c in &loaded.site.components {
            ids.insert(format!("name:{}", c.name.to_lowercase()), c.id.clone());
            ids.insert(format!("name:{}", c.id), c.id.clone());
        }
        report.components = loaded.site.components.len();
    }
    let ledger_path = site_dir.join(LEDGER);
    let mut ledger: Ledger = match fs::read_to_string(&ledger_path) {
        Ok(text) => serde_json::from_str(&text).map_err(|e| AuthorError::Usage {
            message: format!("{}:{}:{}: {e}", ledger_path.display(), e.line(), e.column()),
            help: Some(format!("{LEDGER} is written by `allclear import`; restore it from git, or remove it (the next import then writes new files)")),
        })?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ledger::default(),
        Err(e) => return Err(io(&ledger_path)(e)),
    };
    let lookup = |c: &ComponentRef, ids: &BTreeMap<String, String>| {
        c.key
            .as_ref()
            .and_then(|k| ids.get(&format!("key:{k}")))
            .or_else(|| ids.get(&format!("name:{}", c.name.to_lowercase())))
            .cloned()
    };
    // Every entry's text, by its ledger key, with the folder and the day
    // that name a new file.
    let mut texts: Vec<(String, &str, String, String, String)> = Vec::new();
    let unknown = |c: &ComponentRef, key: &str, report: &mut ImportReport| {
        report.notes.push(Note {
            origin: key.to_string(),
            message: format!("component `{}` is not in site.yaml: left out of the entry", c.name),
        });
    };
    for i in &imported.incidents {
        let key = format!("{}:{}", imported.system, i.key);
        let mut lines = vec![
            "---".to_string(),
            format!("source: {key}"),
            format!("title: {}", scalar(&i.title)),
            format!("impact: {}", i.impact.as_str()),
        ];
        let mut comps = Vec::new();
        for (c, s) in &i.components {
            match lookup(c, &ids) {
                Some(id) => comps.push(format!("  {id}: {}", s.as_str())),
                None => unknown(c, &key, &mut report),
            }
        }
        if comps.is_empty() {
            lines.push("components: {}".into());
        } else {
            lines.push("components:".into());
            lines.extend(comps);
        }
        // Statuspage's `started_at` before the first update is the
        // incident's `started` (content format): durations and uptime
        // count from it.
        if i.updates.first().is_some_and(|u| i.started < u.at) {
            lines.push(format!("started: {}", at(i.started)));
        }
        lines.push("updates:".into());
        for u in &i.updates {
            lines.push(format!("  - at: {}", at(u.at)));
            lines.push(format!("    status: {}", u.status.as_str()));
            if !u.message.is_empty() {
                lines.extend(message_lines(&u.message, "    "));
            }
            let mut comps = Vec::new();
            for (c, s) in &u.components {
                match lookup(c, &ids) {
                    Some(id) => comps.push(format!("      {id}: {}", s.as_str())),
                    None => unknown(c, &key, &mut report),
                }
            }
            if !comps.is_empty() {
                lines.push("    components:".into());
                lines.extend(comps);
            }
        }
        if let Some(t) = i.postmortem_published_at {
            lines.push(format!("postmortem_published_at: {}", at(t)));
        }
        lines.push("---".into());
        if let Some(p) = &i.postmortem {
            lines.push(p.trim_end().to_string());
        }
        lines.push(String::new());
        report.incidents += 1;
        report.updates += i.updates.len();
        let day = i.started.with_timezone(&zone).format("%Y-%m-%d").to_string();
        texts.push((key, "incidents", day, i.title.clone(), lines.join("\n")));
    }
    for m in &imported.maintenances {
        let key = format!("{}:{}", imported.system, m.key);
        let mut comps = Vec::new();
        for c in &m.components {
            match lookup(c, &ids) {
                Some(id) => comps.push(id),
                None => unknown(c, &key, &mut report),
            }
        }
        let mut lines = vec![
            "---".to_string(),
            format!("source: {key}"),
            format!("title: {}", scalar(&m.title)),
            format!("components: [{}]", comps.join(", ")),
            format!("scheduled_for: {}", at(m.scheduled_for)),
            format!("scheduled_until: {}", at(m.scheduled_until)),
        ];
        if !m.updates.is_empty() {
            lines.push("updates:".into());
        }
        for u in &m.updates {
            lines.push(format!("  - at: {}", at(u.at)));
            lines.push(format!("    status: {}", u.status.as_str()));
            if !u.message.is_empty() {
                lines.extend(message_lines(&u.message, "    "));
            }
        }
        lines.push("---".into());
        lines.push(String::new());
        report.maintenances += 1;
        report.updates += m.updates.len();
        let day = m.scheduled_for.with_timezone(&zone).format("%Y-%m-%d").to_string();
        texts.push((key, "maintenance", day, m.title.clone(), lines.join("\n")));
    }
    // Names: the ledger's for entries imported before; new ones as `new`
    // names them, with `-2`, `-3` … past every id taken on disk or here.
    let mut taken: BTreeSet<String> = BTreeSet::new();
    for folder in ["incidents", "maintenance"] {
        for e in walkdir::WalkDir::new(site_dir.join(folder)).into_iter().flatten() {
            if let Some(stem) = e.path().file_stem() {
                taken.insert(stem.to_string_lossy().into_owned());
            }
        }
    }
    for e in ledger.entries.values() {
        if let Some(stem) = Path::new(&e.path).file_stem() {
            taken.insert(stem.to_string_lossy().into_owned());
        }
    }
    let mut writes: Vec<(String, PathBuf, String, bool)> = Vec::new();
    // Entries with a `source:` the ledger does not know (a ledger lost or
    // not committed): found by that line, so no second file is made.
    let mut found = sources_on_disk(site_dir);
    found.retain(|key, _| !ledger.entries.contains_key(key));
    let mut adopted = Vec::new();
    for (key, folder, day, title, text) in texts {
        let rel = match ledger.entries.get(&key) {
            Some(e) => PathBuf::from(&e.path),
            None if found.contains_key(&key) => found[&key].clone(),
            None => {
                let slug = crate::ids::slug(&title, 50);
                let base = if slug.is_empty() { day } else { format!("{day}-{slug}") };
                let id = (1..)
                    .map(|n| if n == 1 { base.clone() } else { format!("{base}-{n}") })
                    .find(|id| !taken.contains(id))
                    .expect("some suffix is free");
                taken.insert(id.clone());
                PathBuf::from(folder).join(format!("{id}.md"))
            }
        };
        let path = site_dir.join(&rel);
        let on_disk = match fs::read_to_string(&path) {
            Ok(t) => Some(t),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(io(&path)(e)),
        };
        let recorded = ledger.entries.get(&key).map(|e| e.sha256.clone());
        match (&on_disk, &recorded) {
            (Some(current), _) if *current == text => {
                report.unchanged += 1;
                if recorded.is_none() {
                    adopted.push((key, rel, text));
                }
                continue;
            }
            (None, None) => {}
            (Some(current), Some(d)) if digest(current) == *d => {}
            _ if options.force => {}
            _ => {
                report.kept.push(rel.clone());
                continue;
            }
        }
        let new = on_disk.is_none();
        overrides.insert(rel.clone(), text.clone());
        writes.push((key, rel, text, new));
    }
    // Check the site as it will be before writing anything.
    if !writes.is_empty() || new_site {
        let probe = LoadOptions {
            overrides: overrides.clone(),
            ..LoadOptions::default()
        };
        load::load(site_dir, &probe).map_err(AuthorError::Invalid)?;
    }
    if new_site {
        for (rel, text) in &overrides {
            if writes.iter().all(|(_, r, _, _)| r != rel) {
                write_atomically(&site_dir.join(rel), text)?;
                report.created_site.push(site_dir.join(rel));
            }
        }
    }
    for (key, rel, text, new) in writes {
        write_atomically(&site_dir.join(&rel), &text)?;
        ledger.entries.insert(
            key,
            LedgerEntry {
                path: rel.to_string_lossy().replace('\\', "/"),
                sha256: digest(&text),
            },
        );
        if new {
            report.created.push(rel);
        } else {
            report.updated.push(rel);
        }
    }
    for (key, rel, text) in adopted {
        ledger.entries.insert(
            key,
            LedgerEntry {
                path: rel.to_string_lossy().replace('\\', "/"),
                sha256: digest(&text),
            },
        );
    }
    let ledger_text = serde_json::to_string_pretty(&ledger).expect("JSON") + "\n";
    if fs::read_to_string(&ledger_path).ok().as_deref() != Some(ledger_text.as_str()) {
        write_atomically(&ledger_path, &ledger_text)?;
    }
    Ok(report)
}

/// Every entry file under `incidents/` and `maintenance/` whose front
/// matter has a top-level `source:` line, by that source (`statuspage:ID`),
/// relative to the site. Files that cannot be read are left to the loader,
/// which reports them.
fn sources_on_disk(site_dir: &Path) -> BTreeMap<String, PathBuf> {
    let mut out = BTreeMap::new();
    for folder in ["incidents", "maintenance"] {
        for e in walkdir::WalkDir::new(site_dir.join(folder))
            .sort_by_file_name()
            .into_iter()
            .flatten()
        {
            if !e.file_type().is_file() || e.path().extension().is_none_or(|x| x != "md") {
                continue;
            }
            let Ok(text) = fs::read_to_string(e.path()) else {
                continue;
            };
            let front = text
                .lines()
                .skip(1)
                .take_while(|l| l.trim_end() != "---" && l.trim_end() != "...");
            if let Some(source) = front.filter_map(|l| l.strip_prefix("source:")).map(str::trim).next()
                && let Ok(rel) = e.path().strip_prefix(site_dir)
            {
                out.entry(source.to_string()).or_insert_with(|| rel.to_path_buf());
            }
        }
    }
    out
}

/// A component of a new site and the source's key for it.
struct SiteComponent {
    key: Option<String>,
    name: String,
    description: Option<String>,
    group: Option<String>,
    start_date: Option<String>,
}

/// `site.yaml` for a new site: the page's name, address and zone, and its
/// components (ids from their names, as `new` makes ids from titles).
fn site_yaml(imported: &Imported, ids: &mut BTreeMap<String, String>, report: &mut ImportReport) -> (String, Tz) {
    let title = imported.page.name.clone().unwrap_or_else(|| "Status".to_string());
    let base_url = imported
        .page
        .url
        .clone()
        .filter(|u| load::check_base_url(u).is_ok())
        .unwrap_or_else(|| PLACEHOLDER_BASE_URL.to_string());
    let zone: Tz = match imported.page.time_zone.as_deref().map(str::parse::<Tz>) {
        Some(Ok(z)) => z,
        Some(Err(_)) => {
            report.notes.push(Note {
                origin: "page".into(),
                message: format!(
                    "time zone `{}` is not an IANA name: the site uses UTC",
                    imported.page.time_zone.as_deref().unwrap_or_default()
                ),
            });
            chrono_tz::UTC
        }
        None => chrono_tz::UTC,
    };
    // Components: the source's list, or else the names entries mention.
    let mut list: Vec<SiteComponent> = imported
        .components
        .iter()
        .map(|c| SiteComponent {
            key: Some(c.key.clone()),
            name: c.name.clone(),
            description: c.description.clone(),
            group: c.group.clone(),
            start_date: c.start_date.clone(),
        })
        .collect();
    if list.is_empty() {
        let mut seen = BTreeSet::new();
        let mentioned = imported
            .incidents
            .iter()
            .flat_map(|i| {
                i.components
                    .iter()
                    .map(|(c, _)| c)
                    .chain(i.updates.iter().flat_map(|u| u.components.iter().map(|(c, _)| c)))
            })
            .chain(imported.maintenances.iter().flat_map(|m| m.components.iter()));
        for c in mentioned {
            if seen.insert(c.name.to_lowercase()) {
                list.push(SiteComponent {
                    key: c.key.clone(),
                    name: c.name.clone(),
                    description: None,
                    group: None,
                    start_date: None,
                });
            }
        }
        if !list.is_empty() {
            report.notes.push(Note {
                origin: "components".into(),
                message: "the source lists no components: made from the names its entries mention".into(),
            });
        }
    }
    let mut lines = vec![
        "# Imported by `allclear import`; every key is described in docs/content-format.md of allclear.".to_string(),
        format!("title: {}", scalar(&title)),
        format!("base_url: {}", scalar(&base_url)),
        format!("time_zone: {}", zone.name()),
    ];
    if list.is_empty() {
        lines.push("components: []".into());
    } else {
        lines.push("components:".into());
    }
    let mut used = BTreeSet::new();
    for SiteComponent {
        key,
        name,
        description,
        group,
        start_date,
    } in list
    {
        let slug = crate::ids::slug(&name, 50);
        let base = if slug.is_empty() { "component".to_string() } else { slug };
        let id = (1..)
            .map(|n| if n == 1 { base.clone() } else { format!("{base}-{n}") })
            .find(|id| !used.contains(id))
            .expect("some suffix is free");
        used.insert(id.clone());
        if let Some(k) = key {
            ids.insert(format!("key:{k}"), id.clone());
        }
        ids.entry(format!("name:{}", name.to_lowercase()))
            .or_insert_with(|| id.clone());
        lines.push(format!("  - id: {id}"));
        lines.push(format!("    name: {}", scalar(&name)));
        if let Some(d) = description {
            lines.push(format!("    description: {}", scalar(d.lines().next().unwrap_or(""))));
        }
        if let Some(g) = group {
            lines.push(format!("    group: {}", scalar(&g)));
        }
        if let Some(d) = start_date {
            lines.push(format!("    start_date: {d}"));
        }
        report.components += 1;
    }
    lines.push(String::new());
    (lines.join("\n"), zone)
}
