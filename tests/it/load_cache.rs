//! The load cache (`.NAME.allclear-cache` next to the output folder, issue
//! 13): a rebuild parses only the entry files that changed, and whatever
//! happened in between (an update, an edited site.yaml, a deleted file, a
//! file with an error, a damaged cache or one from another version), it
//! publishes byte for byte what a build without the cache into an empty
//! folder does. Real builds of the example site with the real binary; the
//! count of cached entries comes from `ALLCLEAR_TIMINGS`.

use crate::common;
use std::fs;
use std::path::{Path, PathBuf};

struct Fixture {
    _tmp: tempfile::TempDir,
    root: PathBuf,
    site: PathBuf,
    out: PathBuf,
    cache: PathBuf,
}

/// `(from the cache, entry files)` as `ALLCLEAR_TIMINGS` prints them.
fn hits(stderr: &str) -> Option<(usize, usize)> {
    let line = stderr.lines().find(|l| l.ends_with(" entries from cache"))?;
    let rest = line
        .strip_prefix("timing: load: ")?
        .strip_suffix(" entries from cache")?;
    let (hits, total) = rest.split_once(" of ")?;
    Some((hits.parse().ok()?, total.parse().ok()?))
}

impl Fixture {
    fn new() -> Fixture {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().to_path_buf();
        let site = root.join("site");
        common::copy_tree(&common::example_site(), &site);
        Fixture {
            out: root.join("public"),
            cache: root.join(".public.allclear-cache"),
            site,
            root,
            _tmp: tmp,
        }
    }

    fn build(&self, out: &Path) -> assert_cmd::Command {
        let mut cmd = common::build_pinned(&self.site, Some(out));
        cmd.env("ALLCLEAR_TIMINGS", "1").env_remove("ALLCLEAR_NO_CACHE");
        cmd
    }

    /// Build into the output folder with the cache, and without it into an
    /// empty folder; the two trees must be the same. Returns how many
    /// entries came from the cache, of how many.
    fn rebuild_matches_fresh(&self, what: &str) -> (usize, usize) {
        let out = self.build(&self.out).assert().success().get_output().clone();
        let stderr = String::from_utf8(out.stderr).unwrap();
        let counted = hits(&stderr).unwrap_or_else(|| panic!("{what}: no cache count in {stderr}"));
        let fresh = self.root.join("fresh");
        let out = self
            .build(&fresh)
            .arg("--no-cache")
            .assert()
            .success()
            .get_output()
            .clone();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(hits(&stderr), None, "{what}: --no-cache does not use the cache");
        assert!(
            !self.root.join(".fresh.allclear-cache").exists(),
            "{what}: --no-cache writes no cache"
        );
        assert!(
            common::snapshot_tree(&self.out) == common::snapshot_tree(&fresh),
            "{what}: the rebuild with the cache differs from a fresh build without it"
        );
        fs::remove_dir_all(&fresh).unwrap();
        assert!(self.cache.is_file(), "{what}: the cache is written");
        counted
    }

    fn edit(&self, rel: &str, from: &str, to: &str) {
        let path = self.site.join(rel);
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{rel} has {from}");
        fs::write(&path, text.replacen(from, to, 1)).unwrap();
    }
}

const ONGOING: &str = "incidents/2026/11/2026-11-20-api-errors.md";
const ENTRIES: usize = 35;

#[test]
fn a_rebuild_with_the_cache_equals_a_fresh_build_after_every_kind_of_change() {
    let f = Fixture::new();
    assert_eq!(f.rebuild_matches_fresh("the first build"), (0, ENTRIES));
    assert_eq!(f.rebuild_matches_fresh("no change"), (ENTRIES, ENTRIES));

    f.edit(ONGOING, "title: ", "title: Still - ");
    assert_eq!(
        f.rebuild_matches_fresh("an update to one file"),
        (ENTRIES - 1, ENTRIES),
        "only the edited file is parsed"
    );

    f.edit("site.yaml", "name: Dashboard", "name: Web console");
    assert_eq!(
        f.rebuild_matches_fresh("a renamed component"),
        (0, ENTRIES),
        "site.yaml changed: every file is parsed"
    );
    assert_eq!(f.rebuild_matches_fresh("no change after it"), (ENTRIES, ENTRIES));

    let site_yaml = fs::read_to_string(f.site.join("site.yaml")).unwrap();
    let zone = site_yaml
        .lines()
        .find(|l| l.starts_with("time_zone:"))
        .expect("the example site names its zone")
        .to_string();
    f.edit("site.yaml", &zone, "time_zone: Asia/Tokyo");
    assert_eq!(f.rebuild_matches_fresh("another time zone"), (0, ENTRIES));

    fs::remove_file(f.site.join(ONGOING)).unwrap();
    // Its German translation goes with it (a translation without its
    // entry is an error).
    fs::remove_file(f.site.join(ONGOING.replace(".md", ".de.md"))).unwrap();
    assert_eq!(f.rebuild_matches_fresh("a deleted file"), (ENTRIES - 1, ENTRIES - 1));
}

#[test]
fn a_nearly_current_cache_is_left_as_it_is_until_enough_files_changed() {
    // Writing the whole cache after every update costs more than parsing a
    // few changed files again: up to 16 files (or 1%) the cache stays.
    let f = Fixture::new();
    assert_eq!(f.rebuild_matches_fresh("the first build"), (0, ENTRIES));
    let cache = fs::read(&f.cache).unwrap();
    f.edit(ONGOING, "title: ", "title: Still - ");
    assert_eq!(f.rebuild_matches_fresh("an update"), (ENTRIES - 1, ENTRIES));
    assert_eq!(fs::read(&f.cache).unwrap(), cache, "one file changed: the cache stays");
    assert_eq!(
        f.rebuild_matches_fresh("no change after it"),
        (ENTRIES - 1, ENTRIES),
        "the changed file is parsed again"
    );

    // Seventeen changed files: more than the slack, so the cache is written.
    let mut edited = 0;
    for entry in walkdir::WalkDir::new(f.site.join("incidents")).sort_by_file_name() {
        let entry = entry.unwrap();
        if !entry.file_type().is_file() || edited == 17 {
            continue;
        }
        let text = fs::read_to_string(entry.path()).unwrap();
        if !text.contains("title: ") {
            continue;
        }
        fs::write(entry.path(), text.replacen("title: ", "title: Edited - ", 1)).unwrap();
        edited += 1;
    }
    assert_eq!(edited, 17);
    let (hits, total) = f.rebuild_matches_fresh("seventeen edits");
    assert_eq!(total, ENTRIES);
    assert!(hits <= ENTRIES - 17, "{hits} hits");
    assert_ne!(fs::read(&f.cache).unwrap(), cache, "the cache is written again");
    assert_eq!(f.rebuild_matches_fresh("no change after that"), (ENTRIES, ENTRIES));
}

#[test]
fn a_file_with_an_error_fails_the_same_with_the_cache_and_leaves_the_cache_alone() {
    let f = Fixture::new();
    f.rebuild_matches_fresh("the first build");
    let cache = fs::read(&f.cache).unwrap();
    let original = fs::read_to_string(f.site.join(ONGOING)).unwrap();
    f.edit(ONGOING, "impact: ", "impact: enormous\nx_impact: ");

    let with = f.build(&f.out).assert().failure().get_output().clone();
    let without = f
        .build(&f.root.join("fresh"))
        .arg("--no-cache")
        .assert()
        .failure()
        .get_output()
        .clone();
    let errors = |stderr: Vec<u8>| {
        String::from_utf8(stderr)
            .unwrap()
            .lines()
            .filter(|l| !l.starts_with("timing: "))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let message = errors(with.stderr);
    assert!(message.contains("2026-11-20-api-errors.md"), "{message}");
    assert_eq!(
        message,
        errors(without.stderr),
        "the same errors with and without the cache"
    );
    assert_eq!(
        fs::read(&f.cache).unwrap(),
        cache,
        "a failed build leaves the cache as it was"
    );

    // Again: an error is never cached, so it is found again.
    let again = f.build(&f.out).assert().failure().get_output().clone();
    assert_eq!(errors(again.stderr), message);

    fs::write(f.site.join(ONGOING), &original).unwrap();
    assert_eq!(
        f.rebuild_matches_fresh("the error undone"),
        (ENTRIES, ENTRIES),
        "the same bytes as before: the cache from before the error still has them"
    );
    f.edit(ONGOING, "title: ", "title: Fixed - ");
    assert_eq!(f.rebuild_matches_fresh("fixed another way"), (ENTRIES - 1, ENTRIES));
}

#[test]
fn a_build_that_fails_while_rendering_leaves_the_cache_alone() {
    // The cache is written while the site renders: a render that fails
    // after that must leave neither the new cache nor its temporary file.
    let f = Fixture::new();
    f.rebuild_matches_fresh("the first build");
    let cache = fs::read(&f.cache).unwrap();
    let site_before = common::snapshot_tree(&f.out);
    // A changed entry (so the new cache would differ) and a template that
    // fails on every incident page (an undefined variable).
    f.edit(ONGOING, "title: ", "title: Changed - ");
    let templates = f.site.join("templates");
    fs::create_dir_all(&templates).unwrap();
    fs::write(templates.join("incident.html"), "{{ no_such_value.at_all }}").unwrap();

    let failed = f.build(&f.out).assert().failure().get_output().clone();
    let stderr = String::from_utf8(failed.stderr).unwrap();
    assert!(stderr.contains("incident.html"), "{stderr}");
    assert_eq!(
        fs::read(&f.cache).unwrap(),
        cache,
        "a failed build leaves the cache as it was"
    );
    let left: Vec<String> = fs::read_dir(&f.root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("cache-tmp"))
        .collect();
    assert!(left.is_empty(), "temporary cache files left: {left:?}");
    assert!(common::snapshot_tree(&f.out) == site_before, "the output is as it was");

    fs::remove_file(templates.join("incident.html")).unwrap();
    assert_eq!(
        f.rebuild_matches_fresh("the template fixed"),
        (ENTRIES - 1, ENTRIES),
        "the old cache is used: only the changed entry is parsed"
    );
}

#[test]
fn a_damaged_or_foreign_cache_is_ignored_and_replaced() {
    let f = Fixture::new();
    f.rebuild_matches_fresh("the first build");
    let good = fs::read(&f.cache).unwrap();
    let version = env!("CARGO_PKG_VERSION").as_bytes();
    let at = good
        .windows(version.len())
        .position(|w| w == version)
        .expect("the cache names allclear's version");
    let mut other_version = good.clone();
    other_version[at..at + version.len()].copy_from_slice(&b"9.9.9-other"[..version.len()]);
    let mut flipped = good.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x20;
    let cases: [(&str, Vec<u8>); 5] = [
        ("garbage", b"this is not an allclear cache\n".repeat(100)),
        ("truncated", good[..good.len() / 2].to_vec()),
        ("empty", Vec::new()),
        ("one byte changed", flipped),
        ("another version", other_version),
    ];
    for (what, bytes) in cases {
        fs::write(&f.cache, &bytes).unwrap();
        assert_eq!(
            f.rebuild_matches_fresh(what),
            (0, ENTRIES),
            "{what}: nothing is trusted"
        );
        assert_ne!(fs::read(&f.cache).unwrap(), bytes, "{what}: the cache is replaced");
        assert_eq!(
            f.rebuild_matches_fresh(&format!("{what}, then a rebuild")),
            (ENTRIES, ENTRIES),
            "{what}: the replaced cache is used"
        );
    }
    // A folder of someone else's where the cache goes: the build works,
    // and says it could not write the cache.
    fs::remove_file(&f.cache).unwrap();
    fs::create_dir(&f.cache).unwrap();
    fs::write(f.cache.join("notes.txt"), "mine").unwrap();
    let out = f.build(&f.out).assert().success().get_output().clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("cannot write the load cache"), "{stderr}");
    assert_eq!(fs::read_to_string(f.cache.join("notes.txt")).unwrap(), "mine");
}

#[test]
fn no_cache_neither_reads_nor_writes_it() {
    let f = Fixture::new();
    common::build_pinned(&f.site, Some(&f.out))
        .arg("--no-cache")
        .assert()
        .success();
    assert!(!f.cache.exists(), "--no-cache writes no cache");
    common::build_pinned(&f.site, Some(&f.out))
        .env("ALLCLEAR_NO_CACHE", "1")
        .assert()
        .success();
    assert!(!f.cache.exists(), "ALLCLEAR_NO_CACHE=1 writes no cache");
    fs::write(&f.cache, b"left alone").unwrap();
    let out = f
        .build(&f.out)
        .env("ALLCLEAR_NO_CACHE", "1")
        .assert()
        .success()
        .get_output()
        .clone();
    assert_eq!(hits(&String::from_utf8(out.stderr).unwrap()), None);
    assert_eq!(fs::read(&f.cache).unwrap(), b"left alone");
    // The default layout: the cache is next to SITE/public.
    common::allclear()
        .arg("build")
        .arg(&f.site)
        .args(["--now", common::NOW])
        .env_remove("ALLCLEAR_NO_CACHE")
        .assert()
        .success();
    assert!(f.site.join(".public.allclear-cache").is_file());
}

/// `load_cached` gives exactly what `load` gives: the same site, the same
/// warnings, whether each entry was parsed or came from the cache.
fn same_site_with_and_without_cache(site: &Path) {
    let tmp = tempfile::tempdir().unwrap();
    let options = allclear::load::LoadOptions::default();
    let parsed = allclear::load::load(site, &options).unwrap();
    let file = tmp.path().join(".public.allclear-cache");
    let mut first = allclear::load::LoadCache::open(&file);
    let filled = allclear::load::load_cached(site, &options, &mut first).unwrap();
    let entries = parsed.site.incidents.len() + parsed.site.maintenances.len();
    assert_eq!(first.hits(), Some((0, entries)));
    first.save(&filled).unwrap();
    let mut second = allclear::load::LoadCache::open(&file);
    let cached = allclear::load::load_cached(site, &options, &mut second).unwrap();
    assert_eq!(second.hits(), Some((entries, entries)), "every entry from the cache");
    for loaded in [&filled, &cached] {
        assert_eq!(format!("{:#?}", loaded.site), format!("{:#?}", parsed.site));
        assert_eq!(format!("{:?}", loaded.warnings), format!("{:?}", parsed.warnings));
    }
}

#[test]
fn a_cached_entry_is_exactly_the_parsed_entry_in_the_example_site() {
    same_site_with_and_without_cache(&common::example_site());
}

#[test]
fn a_cached_entry_is_exactly_the_parsed_entry_in_a_generated_site() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    // 400 incidents and 20 maintenances: every kind of entry the generator
    // writes (.md and .yaml, postmortems, cancelled, rescheduled, ongoing).
    allclear_dev::generate(
        &site,
        &allclear_dev::GenOptions {
            incidents: 400,
            seed: 7,
            translations: false,
        },
    )
    .unwrap();
    same_site_with_and_without_cache(&site);
}
