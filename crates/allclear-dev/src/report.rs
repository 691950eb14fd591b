//! The bench's figures as Markdown: medians, the table, the growth between
//! sizes, the targets of the performance issue and the notes.

use std::fmt::Write as _;
use std::time::Duration;

use super::bench::{BenchOptions, Measurement, Product, own_rss};
use super::r#gen::REFERENCE_NOW;

pub(crate) const MIB: u64 = 1024 * 1024;

/// A target of `--check`.
#[derive(Debug, Clone)]
pub struct Target {
    pub what: String,
    pub measured: String,
    pub met: bool,
}

/// The median: the middle value, or the mean of the two middle ones.
pub fn median(values: &[u64]) -> u64 {
    let mut v = values.to_vec();
    v.sort_unstable();
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2
    }
}

/// The median of durations, to the nanosecond.
pub fn median_duration(values: &[Duration]) -> Duration {
    let nanos: Vec<u64> = values.iter().map(|d| d.as_nanos() as u64).collect();
    Duration::from_nanos(median(&nanos))
}

/// The targets that apply to the sizes measured.
pub fn targets(ms: &[Measurement]) -> Vec<Target> {
    let at = |n: usize| ms.iter().find(|m| m.incidents == n);
    let mut out = Vec::new();
    let mut time_and_memory = |m: &Measurement, wall_max: f64, rss_max: u64, rss_text: &str| {
        out.push(Target {
            what: format!("{} incidents: wall ≤ {wall_max} s", thousands(m.incidents as u64)),
            measured: secs(m.wall),
            met: m.wall.as_secs_f64() <= wall_max,
        });
        out.push(Target {
            what: format!("{} incidents: peak RSS ≤ {rss_text}", thousands(m.incidents as u64)),
            measured: m.peak_rss.map_or_else(|| "not measured".into(), mib),
            met: m.peak_rss.is_some_and(|r| r <= rss_max),
        });
    };
    if let Some(m) = at(10_000) {
        time_and_memory(m, 0.5, 300 * MIB, "300 MiB");
    }
    if let Some(m) = at(100_000) {
        time_and_memory(m, 6.0, 2048 * MIB, "2 GiB");
    }
    if let (Some(a), Some(b)) = (at(10_000), at(100_000)) {
        let growth = b.wall.as_secs_f64() / a.wall.as_secs_f64();
        out.push(Target {
            what: "wall growth 10,000 → 100,000 incidents ≤ 12×".into(),
            measured: format!("{growth:.1}×"),
            met: growth <= 12.0,
        });
    }
    if let Some(m) = at(10_000) {
        out.push(Target {
            what: "10,000 incidents: build ≤ 3× the I/O floor".into(),
            measured: format!("{:.1}×", m.over_floor()),
            met: m.over_floor() <= 3.0,
        });
        if let Some(inc) = &m.incremental {
            let share = inc.changed as f64 / inc.files.max(1) as f64;
            out.push(Target {
                what: "10,000 incidents: one update changes ≤ 1% of the files".into(),
                measured: format!("{:.2}%", share * 100.0),
                met: share <= 0.01,
            });
            let ratio = inc.wall.as_secs_f64() / m.wall.as_secs_f64();
            let first = m
                .first_rebuild
                .as_ref()
                .map(|f| {
                    format!(
                        " (the first rebuild, without a kept site or load cache yet: {:.0}%)",
                        f.wall.as_secs_f64() / m.wall.as_secs_f64() * 100.0
                    )
                })
                .unwrap_or_default();
            out.push(Target {
                what: "10,000 incidents: the rebuild after one update takes ≤ 30% of a full build".into(),
                measured: format!("{:.0}%{first}", ratio * 100.0),
                met: ratio <= 0.3,
            });
        }
        if !m.edits.is_empty() {
            let edit = median_duration(&m.edits);
            out.push(Target {
                what: "10,000 incidents: serve shows a saved edit ≤ 100 ms".into(),
                measured: format!("{:.0} ms", edit.as_secs_f64() * 1000.0),
                met: edit <= Duration::from_millis(100),
            });
        }
    }
    out
}

/// The Markdown report on `product`: the table, the growth between sizes,
/// the targets and notes.
pub fn report(options: &BenchOptions, product: &Product, ms: &[Measurement], targets: &[Target]) -> String {
    let mut s = String::new();
    let cpus = std::thread::available_parallelism().map_or(0, |n| n.get());
    let _ = writeln!(
        s,
        "{} ({}), {cpus} CPUs, median of {} run{}, seed {}, built at {REFERENCE_NOW}\n",
        product.version,
        if product.built_here {
            "release build".to_string()
        } else {
            format!("--exe {}", product.exe.display())
        },
        options.runs,
        if options.runs == 1 { "" } else { "s" },
        options.seed
    );
    if cfg!(debug_assertions) {
        s.push_str(
            "> **Debug build of the bench**: the I/O floor and the `serve` latencies are not representative.\n\n",
        );
    }
    s.push_str("| incidents | wall (median) | CPU | peak RSS | files | bytes | I/O floor | build / floor |\n");
    s.push_str("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for m in ms {
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {} | {} | {:.1}× |",
            thousands(m.incidents as u64),
            secs(m.wall),
            m.cpu.map_or_else(|| "n/a".into(), secs),
            m.peak_rss.map_or_else(|| "n/a".into(), mib),
            thousands(m.files as u64),
            mib(m.bytes),
            secs(m.floor),
            m.over_floor()
        );
    }
    if ms.len() > 1 {
        s.push_str("\n| growth | incidents | wall | CPU | peak RSS | bytes written |\n");
        s.push_str("| --- | ---: | ---: | ---: | ---: | ---: |\n");
        for pair in ms.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            let ratio = |x: Option<f64>, y: Option<f64>| match (x, y) {
                (Some(x), Some(y)) if x > 0.0 => format!("{:.1}×", y / x),
                _ => "n/a".into(),
            };
            let secs_of = |d: Option<Duration>| d.map(|d| d.as_secs_f64());
            let _ = writeln!(
                s,
                "| {} → {} | {} | {} | {} | {} | {} |",
                thousands(a.incidents as u64),
                thousands(b.incidents as u64),
                ratio(Some(a.incidents as f64), Some(b.incidents as f64)),
                ratio(Some(a.wall.as_secs_f64()), Some(b.wall.as_secs_f64())),
                ratio(secs_of(a.cpu), secs_of(b.cpu)),
                ratio(a.peak_rss.map(|r| r as f64), b.peak_rss.map(|r| r as f64)),
                ratio(Some(a.bytes as f64), Some(b.bytes as f64)),
            );
        }
    }
    if ms.iter().any(|m| !m.edits.is_empty()) {
        s.push_str("\n| `serve`: save to changed page | edits | median | slowest |\n");
        s.push_str("| ---: | ---: | ---: | ---: |\n");
        for m in ms.iter().filter(|m| !m.edits.is_empty()) {
            let ms_of = |d: Duration| format!("{:.0} ms", d.as_secs_f64() * 1000.0);
            let _ = writeln!(
                s,
                "| {} incidents | {} | {} | {} |",
                thousands(m.incidents as u64),
                m.edits.len(),
                ms_of(median_duration(&m.edits)),
                ms_of(m.edits.iter().copied().max().unwrap_or_default())
            );
        }
    }
    if ms.iter().any(|m| m.incremental.is_some()) {
        s.push_str("\n| one update, then a rebuild | rebuild wall | / full build | files changed | bytes changed | files removed |\n");
        s.push_str("| ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for m in ms {
            let rows = [("first rebuild", &m.first_rebuild), ("next rebuild", &m.incremental)];
            for (label, inc) in rows {
                let Some(inc) = inc else { continue };
                let _ = writeln!(
                    s,
                    "| {} incidents, {label} | {} | {:.0}% | {} of {} ({:.2}%) | {} | {} |",
                    thousands(m.incidents as u64),
                    secs(inc.wall),
                    inc.wall.as_secs_f64() / m.wall.as_secs_f64() * 100.0,
                    thousands(inc.changed as u64),
                    thousands(inc.files as u64),
                    inc.changed as f64 / inc.files.max(1) as f64 * 100.0,
                    mib(inc.changed_bytes),
                    inc.removed
                );
            }
        }
    }
    if !targets.is_empty() {
        s.push_str("\nTargets:\n\n");
        for t in targets {
            let _ = writeln!(
                s,
                "- {} {}: {}",
                if t.met { "met" } else { "MISSED" },
                t.what,
                t.measured
            );
        }
    }
    s.push_str("\nNotes:\n\n");
    for m in ms {
        let runs: Vec<String> = m.walls.iter().map(|&d| secs(d)).collect();
        let _ = writeln!(
            s,
            "- {} incidents: the site has {} files ({}){}; build runs {}{}",
            thousands(m.incidents as u64),
            thousands(m.input_files as u64),
            mib(m.input_bytes),
            m.generated_in
                .map(|d| format!(", generated in {}", secs(d)))
                .unwrap_or_default(),
            runs.join(", "),
            if m.warnings > 0 {
                format!("; the build printed {} warning(s)", m.warnings)
            } else {
                String::new()
            }
        );
        if !m.next_rebuild_walls.is_empty() {
            let rebuilds: Vec<String> = m.next_rebuild_walls.iter().map(|&d| secs(d)).collect();
            let _ = writeln!(
                s,
                "- {} incidents: next rebuilds (one update each) {}; the median is reported",
                thousands(m.incidents as u64),
                rebuilds.join(", ")
            );
        }
    }
    if let Some(rss) = own_rss() {
        let _ = writeln!(
            s,
            "- this process's RSS is {}, the least a build's peak RSS can show",
            mib(rss)
        );
    }
    s
}

fn secs(d: Duration) -> String {
    format!("{:.3} s", d.as_secs_f64())
}

/// Bytes in MiB with one decimal: `12.5 MiB`.
pub(crate) fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / MIB as f64)
}

/// `12345` as `12,345`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians() {
        assert_eq!(median(&[3, 1, 2]), 2);
        assert_eq!(median(&[4, 1, 3, 2]), 2);
        assert_eq!(median(&[5]), 5);
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(100_000), "100,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    fn measurement(n: usize, wall: f64, rss_mib: u64, floor: f64) -> Measurement {
        Measurement {
            incidents: n,
            wall: Duration::from_secs_f64(wall),
            cpu: Some(Duration::from_secs_f64(wall)),
            peak_rss: Some(rss_mib * MIB),
            files: 10,
            bytes: 10,
            floor: Duration::from_secs_f64(floor),
            input_files: 1,
            input_bytes: 1,
            generated_in: None,
            walls: vec![Duration::from_secs_f64(wall)],
            warnings: 0,
            edits: Vec::new(),
            incremental: None,
            first_rebuild: None,
            next_rebuild_walls: Vec::new(),
        }
    }

    #[test]
    fn targets_apply_to_the_sizes_measured() {
        assert!(targets(&[measurement(1000, 0.1, 50, 0.1)]).is_empty());
        let t = targets(&[measurement(10_000, 0.4, 200, 0.2), measurement(100_000, 5.0, 1500, 2.0)]);
        assert_eq!(t.len(), 6);
        // 5.0 / 0.4 = 12.5× growth is the one missed.
        let missed: Vec<&str> = t.iter().filter(|t| !t.met).map(|t| t.what.as_str()).collect();
        assert_eq!(missed, ["wall growth 10,000 → 100,000 incidents ≤ 12×"]);
    }
}
