//! Any bytes as an incident or maintenance entry, in both forms: the
//! loader returns a site or diagnostics, and never panics.
#![no_main]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use allclear::load::{LoadOptions, load};
use libfuzzer_sys::fuzz_target;

const SITE: &str = "title: Fuzz\nbase_url: https://fuzz.example\ntime_zone: Europe/Berlin\ncomponents:\n  - {id: api, name: API}\n  - {id: web, name: Web}\n";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for entry in ["incidents/x.md", "incidents/x.yaml", "maintenance/x.md", "maintenance/x.yaml"] {
        let overrides = BTreeMap::from([
            (PathBuf::from("site.yaml"), SITE.to_string()),
            (PathBuf::from(entry), text.to_string()),
        ]);
        // The folder does not exist: every file comes from memory.
        let _ = load(Path::new("/nonexistent-allclear-fuzz"), &LoadOptions { overrides, ..LoadOptions::default() });
    }
});
