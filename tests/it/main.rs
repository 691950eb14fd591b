//! The integration tests, as one test binary (the layout of ripgrep's and
//! Cargo's `tests/`): it links once. Each module is one area, run alone
//! with `cargo test --test it AREA::` (for example `cargo test --test it
//! serve::`). The helpers every area shares are `tests/common/mod.rs`, a
//! folder of its own so that a test file outside this binary can use it
//! too with `mod common;`; the `notify` areas share `notify_support/`, the `serve` areas
//! `serve_harness/`.

#[path = "../common/mod.rs"]
mod common;
mod notify_support;
mod serve_harness;

mod action;
mod api;
mod atomic_output;
mod author;
mod author_lang;
mod bad_input;
mod badges;
mod breadcrumbs;
mod build_site;
mod calendar_revisions;
mod check;
mod completions_man;
mod concurrent_builds;
mod derived_state;
mod exit_codes;
mod feeds;
mod help;
mod hostile_text;
mod i18n;
mod ical;
mod import_statuspage;
mod incremental_output;
mod init;
mod kept_pages;
mod kept_site;
mod language;
mod languages;
mod limits;
mod live;
mod load_cache;
mod maintenance_completed;
mod notify;
mod notify_history;
mod notify_secrets;
mod one_pipeline;
mod output_folder;
mod overdue;
mod packaging;
mod page_state;
mod pinned_clock;
mod postmortem;
mod serve;
mod serve_watch;
mod site_files;
mod theme;
mod translations;
mod usage;
mod window_history;
mod xss;
