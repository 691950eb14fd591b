//! The build's phases on a generated 2,000-incident site, with criterion:
//! `load`, `Snapshot::new`, `render::render` (every output) and
//! `output::write_site` into a fresh folder.
//!
//! `cargo bench -p allclear-dev --bench pipeline`; one phase:
//! `cargo bench -p allclear-dev --bench pipeline -- render`. The whole
//! build, as a user runs it, is measured by `cargo dev bench`
//! (docs/performance.md).

use std::hint::black_box;
use std::time::Duration;

use criterion::{BatchSize, Criterion, SamplingMode, criterion_group, criterion_main};

use allclear::load::{self, LoadOptions};
use allclear::model::Snapshot;
use allclear::{output, render};
use allclear_dev::{GenOptions, generate, reference_now};

const INCIDENTS: usize = 2_000;

fn pipeline(c: &mut Criterion) {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let site_dir = tmp.path().join("site");
    generate(
        &site_dir,
        &GenOptions {
            incidents: INCIDENTS,
            seed: 1,
            translations: false,
        },
    )
    .expect("the synthetic site");
    let now = reference_now();
    let options = LoadOptions::default();

    let mut group = c.benchmark_group(format!("pipeline-{INCIDENTS}"));
    // Each phase takes from milliseconds to a few hundred: ten samples of
    // the same number of iterations each.
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .measurement_time(Duration::from_secs(10));

    group.bench_function("load", |b| {
        b.iter_with_large_drop(|| load::load(black_box(&site_dir), &options).expect("the site loads"))
    });

    let loaded = load::load(&site_dir, &options).expect("the site loads");
    let site = loaded.site.as_of(now);
    group.bench_function("snapshot", |b| {
        b.iter_with_large_drop(|| Snapshot::new(black_box(&site), now))
    });

    let snapshot = Snapshot::new(&site, now);
    group.bench_function("render", |b| {
        b.iter_with_large_drop(|| render::render(black_box(&snapshot)).expect("the site renders"))
    });

    // Each write goes to a new folder, and none is removed before the end:
    // on ext4 without a journal (as on the reference machine), creating
    // files right after deleting many is several times slower
    // (docs/performance.md), which would measure the deletion, not the write.
    let files = render::render(&snapshot).expect("the site renders");
    let mut n = 0;
    group
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    group.bench_function("write_site", |b| {
        b.iter_batched(
            || {
                n += 1;
                tmp.path().join(format!("public-{n}"))
            },
            |out| output::write_site(&out, black_box(&files)).expect("the site is written"),
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
