//! Any bytes as site.yaml: a site or diagnostics, never a panic.
#![no_main]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use allclear::load::{LoadOptions, load};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let overrides = BTreeMap::from([(PathBuf::from("site.yaml"), text.to_string())]);
    let _ = load(Path::new("/nonexistent-allclear-fuzz"), &LoadOptions { overrides, ..LoadOptions::default() });
});
