//! A full build of a one-entry site into memory: load, model and every
//! renderer, from any bytes as the entry. Never a panic.
#![no_main]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use allclear::load::{LoadOptions, load};
use allclear::model::Snapshot;
use libfuzzer_sys::fuzz_target;

const SITE: &str = "title: Fuzz\nbase_url: https://fuzz.example\ntime_zone: Europe/Berlin\naccent_color: \"#ffcc00\"\ncomponents:\n  - {id: api, name: API, group: Core}\n  - {id: web, name: Web}\n";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let overrides = BTreeMap::from([
        (PathBuf::from("site.yaml"), SITE.to_string()),
        (PathBuf::from("incidents/2026-11-20-x.md"), text.to_string()),
    ]);
    let Ok(loaded) = load(Path::new("/nonexistent-allclear-fuzz"), &LoadOptions { overrides, ..LoadOptions::default() }) else {
        return;
    };
    let now = chrono::DateTime::from_timestamp(1_795_186_800, 0).expect("a valid time");
    let site = loaded.site.as_of(now);
    let _ = allclear::render::render(&Snapshot::new(&site, now));
});
