//! A site kept loaded between builds: after an edit, only the entry files
//! that changed are read and parsed again (`serve` at 10,000 incidents
//! re-reads one file, not 10,000). [`super::load`] is a [`LiveSite`] opened
//! once, so both give the same site and the same diagnostics.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::cache::{self, Fresh, LoadCache, Previous, Sha};
use super::entry::EntryContext;
use super::{
    Entry, EntryFile, LoadOptions, Loaded, check_static_refs, discover, entry_bytes, entry_stem, load_entry,
    parse_entry, read_site_yaml, shown_root, theme, translation,
};
use translation::TranslationFile;

/// What reading one entry file gives.
type EntryResult = Result<(Entry, super::Source), Vec<Diagnostic>>;
use crate::diagnostics::Diagnostic;
use crate::model::{EntryTexts, Incident, Maintenance, Site, Translations};

/// What [`LiveSite::update`] read again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Changed {
    /// The whole site: `site.yaml`, the theme or something other than an
    /// entry file changed, or the site did not load before.
    Everything,
    /// Only these entries, by id: edited, added or removed.
    Entries(Vec<String>),
}

/// A site folder, loaded, that can be brought up to date file by file.
#[derive(Debug)]
pub struct LiveSite {
    site_dir: PathBuf,
    options: LoadOptions,
    /// Errors in `site.yaml` (or the one error that it cannot be read).
    site_errors: Vec<Diagnostic>,
    /// The entry files found, sorted by path, and the ids rejected on the way.
    files: Vec<EntryFile>,
    discover_errors: Vec<Diagnostic>,
    /// Each entry file that does not load, and why.
    entry_errors: BTreeMap<PathBuf, Vec<Diagnostic>>,
    /// The translation files found (`NAME.LANG.md`), sorted by path.
    translation_files: Vec<TranslationFile>,
    /// Every problem in the translation files.
    translation_errors: Vec<Diagnostic>,
    /// Errors in the theme and in `site.yaml`'s references to static files.
    theme_errors: Vec<Diagnostic>,
    /// What entries are checked against; `None` when `site.yaml` failed.
    checks: Option<Checks>,
    /// The site with every entry that loads; `None` when `site.yaml` or the
    /// theme failed.
    loaded: Option<Loaded>,
}

/// The parts of `site.yaml` that entries are checked against.
#[derive(Debug)]
struct Checks {
    zone: chrono_tz::Tz,
    components: HashMap<String, usize>,
    allow_raw_html: bool,
    /// The site's languages, the default first.
    languages: Vec<String>,
}

impl LiveSite {
    /// Read the whole site in `site_dir`. Never fails: the problems found
    /// are what [`LiveSite::loaded`] returns.
    pub fn open(site_dir: &Path, options: LoadOptions) -> LiveSite {
        LiveSite::open_cached(site_dir, options, None)
    }

    /// [`LiveSite::open`], taking unchanged entry files from `cache` (see
    /// [`super::cache`]) and noting in it what was loaded.
    pub(super) fn open_cached(site_dir: &Path, options: LoadOptions, cache: Option<&mut LoadCache>) -> LiveSite {
        let shown = shown_root(site_dir);
        let mut live = LiveSite {
            site_dir: site_dir.to_path_buf(),
            options,
            site_errors: Vec::new(),
            files: Vec::new(),
            discover_errors: Vec::new(),
            entry_errors: BTreeMap::new(),
            translation_files: Vec::new(),
            translation_errors: Vec::new(),
            theme_errors: Vec::new(),
            checks: None,
            loaded: None,
        };
        let site_yaml = match read_site_yaml(site_dir, &shown, &live.options, &mut live.site_errors) {
            Ok(s) => s,
            Err(unreadable) => {
                live.site_errors.push(unreadable);
                return live;
            }
        };
        live.checks = site_yaml.as_ref().map(|(s, _)| Checks {
            zone: s.config.time_zone,
            components: s
                .components
                .iter()
                .enumerate()
                .map(|(i, c)| (c.id.clone(), i))
                .collect(),
            allow_raw_html: s.config.allow_raw_html,
            languages: s.config.languages.clone(),
        });
        (live.files, live.translation_files) = crate::timing::phase("load: discover", || {
            discover(site_dir, &shown, &live.options.overrides, &mut live.discover_errors)
        });
        let mut entries = Entries::default();
        // The cache is used only with a `site.yaml` that loads: its text is
        // part of the cache's key.
        let site_key = site_yaml
            .as_ref()
            .filter(|_| cache.is_some())
            .map(|(_, src)| cache::site_key(&src.text));
        let previous = match (cache.as_deref(), &site_key) {
            (Some(c), Some(key)) => c.previous(key),
            _ => None,
        };
        let results: Vec<_> = crate::timing::phase("load: entries", || {
            if site_key.is_some() {
                live.files
                    .par_iter()
                    .map(|file| live.read_cached(file, previous))
                    .collect()
            } else {
                live.files
                    .par_iter()
                    .map(|file| (live.read(file), None, None))
                    .collect()
            }
        });
        let mut fresh = Fresh::default();
        for (file, (result, digest, from)) in live.files.iter().zip(results) {
            match result {
                Ok((entry, source)) => {
                    if let Some(digest) = digest {
                        fresh.hits += usize::from(from.is_some());
                        fresh.digests.insert(file.rel.clone(), (digest, from));
                    }
                    entries.add(file.rel.clone(), entry, source);
                }
                Err(e) => {
                    live.entry_errors.insert(file.rel.clone(), e);
                }
            }
        }
        if let (Some(cache), Some(site_key)) = (cache, site_key) {
            fresh.site_key = site_key;
            fresh.total = live.files.len();
            crate::timing::note(&format!("load: {} of {} entries from cache", fresh.hits, fresh.total));
            cache.fresh = Some(fresh);
        }

        let translated = live.translations(&entries.incidents, &entries.maintenances);
        let Some((s, src)) = site_yaml else { return live };
        let mut warnings = Vec::new();
        let theme = match theme::load_theme(site_dir, &shown, &s.config.theme, &s.config.language, &s.publish_hidden) {
            Ok((t, w)) => {
                warnings.extend(w);
                Some(t)
            }
            Err(e) => {
                live.theme_errors.extend(e);
                None
            }
        };
        check_static_refs(site_dir, &shown, &src, &s, &mut live.theme_errors);
        let Some(theme) = theme else { return live };
        live.theme_errors.extend(translation::languages_without_messages(
            &src,
            &s.config.languages,
            &theme.messages,
        ));
        entries.sources.insert(PathBuf::from("site.yaml"), src);
        let mut site = Site {
            config: s.config,
            components: s.components,
            groups: s.groups,
            incidents: entries.incidents,
            maintenances: entries.maintenances,
            theme,
            translations: Translations {
                site: s.translations,
                entries: translated,
            },
            next_publication: None,
        };
        sort_entries(&mut site);
        live.loaded = Some(Loaded {
            site,
            warnings,
            sources: entries.sources,
        });
        live
    }

    /// Read again what `changed` (paths inside the site folder) touched.
    /// Edited, added and removed entry files are read on their own; any
    /// other change reads the whole site again.
    ///
    /// A translation file edited, added or removed reads the whole site
    /// again ([`Changed::Everything`]): a translation changes every page
    /// of its language, and they are few. After entry files are read
    /// again, the translations of those entries (by id) are read and
    /// checked again against them (an original's update times may have
    /// moved); the others are kept as they were.
    pub fn update(&mut self, changed: &[PathBuf]) -> Changed {
        let entries_only = !changed.is_empty() && changed.iter().all(|p| is_entry_path(p) && !is_translation_path(p));
        if self.loaded.is_none() || !entries_only {
            *self = LiveSite::open(&self.site_dir, std::mem::take(&mut self.options));
            return Changed::Everything;
        }
        let mut again: Vec<PathBuf> = changed.to_vec();
        again.sort();
        again.dedup();
        let mut ids = Vec::new();
        let known: HashSet<&PathBuf> = self.files.iter().map(|f| &f.rel).collect();
        // A path not among the entry files may be new, or may have been
        // refused (an id that clashes); a known one may be gone. While the
        // last listing had errors (an unreadable folder, a link), list
        // again too: they may be gone, and nothing else would notice.
        let appeared_or_went = again
            .iter()
            .any(|p| !known.contains(p) || !self.site_dir.join(p).is_file());
        if appeared_or_went || !self.discover_errors.is_empty() {
            // Find the entry files again: ids may now clash or stop clashing.
            let shown = shown_root(&self.site_dir);
            let mut errors = Vec::new();
            let (files, translation_files) = discover(&self.site_dir, &shown, &self.options.overrides, &mut errors);
            self.translation_files = translation_files;
            let new: HashSet<&PathBuf> = files.iter().map(|f| &f.rel).collect();
            for f in self.files.iter().filter(|f| !new.contains(&f.rel)) {
                again.push(f.rel.clone());
                ids.push(f.id.clone());
            }
            let old: HashSet<&PathBuf> = self.files.iter().map(|f| &f.rel).collect();
            again.extend(files.iter().filter(|f| !old.contains(&f.rel)).map(|f| f.rel.clone()));
            again.sort();
            again.dedup();
            self.files = files;
            self.discover_errors = errors;
        }
        for rel in &again {
            self.forget(rel);
            let Some(file) = self.files.iter().find(|f| &f.rel == rel) else {
                continue;
            };
            ids.push(file.id.clone());
            let result = self.read(file);
            let loaded = self.loaded.as_mut().expect("checked above");
            match result {
                Ok((Entry::Incident(i), source)) => {
                    loaded.site.incidents.push(i);
                    loaded.sources.insert(rel.clone(), source);
                }
                Ok((Entry::Maintenance(m), source)) => {
                    loaded.site.maintenances.push(m);
                    loaded.sources.insert(rel.clone(), source);
                }
                Err(e) => {
                    self.entry_errors.insert(rel.clone(), e);
                }
            }
        }
        ids.sort();
        ids.dedup();
        if let Some(mut loaded) = self.loaded.take() {
            let mut translated = std::mem::take(&mut loaded.site.translations.entries);
            let again: HashSet<&str> = ids.iter().map(String::as_str).collect();
            let fresh = self.translations_of(Some(&again), &loaded.site.incidents, &loaded.site.maintenances);
            for entries in translated.values_mut() {
                entries.retain(|id, _| !again.contains(id.as_str()));
            }
            for (lang, entries) in fresh {
                translated.entry(lang).or_default().extend(entries);
            }
            translated.retain(|_, entries| !entries.is_empty());
            let loaded = self.loaded.insert(loaded);
            loaded.site.translations.entries = translated;
            sort_entries(&mut loaded.site);
        }
        Changed::Entries(ids)
    }

    /// The site, or every problem found when there is an error.
    ///
    /// # Errors
    /// Every error and warning found, sorted by file, line and column.
    pub fn loaded(&self) -> Result<&Loaded, Vec<Diagnostic>> {
        let errors = self.errors();
        match &self.loaded {
            Some(loaded) if errors.is_empty() => Ok(loaded),
            _ => Err(errors),
        }
    }

    /// [`LiveSite::loaded`], taking the site.
    ///
    /// # Errors
    /// As [`LiveSite::loaded`].
    pub fn into_loaded(self) -> Result<Loaded, Vec<Diagnostic>> {
        let errors = self.errors();
        match self.loaded {
            Some(loaded) if errors.is_empty() => Ok(loaded),
            _ => Err(errors),
        }
    }

    fn errors(&self) -> Vec<Diagnostic> {
        let mut errors: Vec<Diagnostic> = self
            .site_errors
            .iter()
            .chain(&self.discover_errors)
            .chain(self.entry_errors.values().flatten())
            .chain(&self.translation_errors)
            .chain(&self.theme_errors)
            .cloned()
            .collect();
        errors.sort_by(|a, b| (&a.file, a.line, a.col).cmp(&(&b.file, b.line, b.col)));
        errors
    }

    /// Read and check every translation file against the entries that
    /// loaded, keeping their errors; the translations by language.
    fn translations(
        &mut self,
        incidents: &[Incident],
        maintenances: &[Maintenance],
    ) -> BTreeMap<String, BTreeMap<String, EntryTexts>> {
        self.translations_of(None, incidents, maintenances)
    }

    /// [`LiveSite::translations`] of the entries `ids` only (all with
    /// `None`): their translation files are read and checked again, and
    /// their errors replace the ones those files had; the translations of
    /// `ids` by language. Every error of a translation file is reported at
    /// that file, and every check involves only the files of one id (its
    /// original, two translations into one language), so the files of
    /// other ids keep their results.
    fn translations_of(
        &mut self,
        ids: Option<&HashSet<&str>>,
        incidents: &[Incident],
        maintenances: &[Maintenance],
    ) -> BTreeMap<String, BTreeMap<String, EntryTexts>> {
        let files: Vec<TranslationFile> = self
            .translation_files
            .iter()
            .filter(|t| ids.is_none_or(|ids| ids.contains(t.file.id.as_str())))
            .cloned()
            .collect();
        let shown: HashSet<&Path> = files.iter().map(|t| t.file.shown.as_path()).collect();
        match ids {
            None => self.translation_errors.clear(),
            Some(_) => self.translation_errors.retain(|d| !shown.contains(d.file.as_path())),
        }
        if files.is_empty() {
            return BTreeMap::new();
        }
        let (translated, errors) = crate::timing::phase("load: translations", || {
            let originals = translation::originals(incidents, maintenances);
            self.with_context(|cx| {
                translation::load(
                    &files,
                    &self.files,
                    &originals,
                    self.checks.as_ref().map(|c| c.languages.as_slice()),
                    cx,
                    &self.options.overrides,
                )
            })
        });
        self.translation_errors.extend(errors);
        translated
    }

    /// Read and check one entry file.
    fn read(&self, file: &EntryFile) -> Result<(Entry, super::Source), Vec<Diagnostic>> {
        self.with_context(|cx| load_entry(file, cx, self.options.overrides.get(&file.rel)))
    }

    /// Read one entry file, and check it unless `previous`, the load
    /// cache's entries, has it with these very bytes; with the SHA-256 of its bytes
    /// (when they could be read) and, when the cache had it, where.
    fn read_cached(
        &self,
        file: &EntryFile,
        previous: Option<&Previous>,
    ) -> (EntryResult, Option<Sha>, Option<Range<usize>>) {
        let bytes = match entry_bytes(file, self.options.overrides.get(&file.rel)) {
            Ok(bytes) => bytes,
            Err(e) => return (Err(e), None, None),
        };
        let digest = cache::sha(&bytes);
        let (known, from) = previous
            .and_then(|p| p.get(&file.rel, &digest))
            .filter(|(entry, _)| entry.path() == file.rel && entry.kind() == file.kind)
            .unzip();
        let result = self.with_context(|cx| parse_entry(file, cx, bytes, known));
        (result, Some(digest), from)
    }

    /// Call `f` with what entries are checked against.
    fn with_context<T>(&self, f: impl FnOnce(&EntryContext<'_>) -> T) -> T {
        let components: Option<HashMap<&str, usize>> = self
            .checks
            .as_ref()
            .map(|c| c.components.iter().map(|(id, &i)| (id.as_str(), i)).collect());
        let cx = EntryContext {
            zone: self.checks.as_ref().map_or(chrono_tz::UTC, |c| c.zone),
            components: components.as_ref(),
            allow_raw_html: self.checks.as_ref().is_some_and(|c| c.allow_raw_html),
        };
        f(&cx)
    }

    /// Drop what was loaded from the entry file `rel`.
    fn forget(&mut self, rel: &Path) {
        self.entry_errors.remove(rel);
        if let Some(loaded) = &mut self.loaded {
            loaded.site.incidents.retain(|i| i.path != rel);
            loaded.site.maintenances.retain(|m| m.path != rel);
            loaded.sources.remove(rel);
        }
    }
}

/// Entries as they load, before the site is assembled.
#[derive(Default)]
struct Entries {
    incidents: Vec<Incident>,
    maintenances: Vec<Maintenance>,
    sources: HashMap<PathBuf, super::Source>,
}

impl Entries {
    fn add(&mut self, rel: PathBuf, entry: Entry, source: super::Source) {
        match entry {
            Entry::Incident(i) => self.incidents.push(i),
            Entry::Maintenance(m) => self.maintenances.push(m),
        }
        self.sources.insert(rel, source);
    }
}

/// The model's order: incidents by start, maintenances by window start,
/// then id.
fn sort_entries(site: &mut Site) {
    site.incidents
        .sort_by(|a, b| (a.started, &a.id).cmp(&(b.started, &b.id)));
    site.maintenances
        .sort_by(|a, b| (a.window().from, &a.id).cmp(&(b.window().from, &b.id)));
}

/// Whether `rel` (a path inside the site folder) names a translation
/// file: an entry path whose stem is `NAME.LANG`.
fn is_translation_path(rel: &Path) -> bool {
    entry_stem(rel).is_some_and(|(stem, _)| translation::split_stem(&stem).is_some())
}

/// Whether `rel` (a path inside the site folder) names an entry file: a
/// `.md`, `.yaml` or `.yml` file under `incidents/` or `maintenance/`.
fn is_entry_path(rel: &Path) -> bool {
    let top = rel.components().next().and_then(|c| c.as_os_str().to_str());
    matches!(top, Some("incidents" | "maintenance")) && rel.components().count() > 1 && entry_stem(rel).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entry_paths() {
        assert!(is_entry_path(Path::new("incidents/a.md")));
        assert!(is_entry_path(Path::new("maintenance/2026/b.yaml")));
        assert!(!is_entry_path(Path::new("incidents")));
        assert!(!is_entry_path(Path::new("incidents/2026")));
        assert!(!is_entry_path(Path::new("site.yaml")));
        assert!(!is_entry_path(Path::new("templates/index.html")));
        assert!(!is_entry_path(Path::new("incidents/README.md")));
        assert!(is_translation_path(Path::new("incidents/2026/a.de.md")));
        assert!(is_translation_path(Path::new("maintenance/b.pt-BR.yml")));
        assert!(!is_translation_path(Path::new("incidents/a.md")));
        assert!(!is_translation_path(Path::new("incidents/A.B.md")));
    }
}
