//! `cargo dev bench`: time `allclear build` on synthetic sites of several
//! sizes, as a child process of the product binary (a release build that
//! `cargo build --release -p allclear` makes first, or the one given with
//! `--exe`), and compare it with the I/O floor: what reading the site and
//! writing the same files costs with nothing else to do.
//!
//! For each size, each of `runs` times: run `allclear build SITE --out OUT
//! --now REFERENCE_NOW` into a new folder, and read the child's wall time,
//! CPU time (user + system) and peak RSS from `wait4`; then measure the
//! floor once, into another new folder. Every figure reported is the median
//! over the runs. Then one update to the ongoing incident and a rebuild
//! into the first run's output, counting the files that changed
//! ([`super::incremental`]).
//!
//! Nothing is deleted until every size is measured: on ext4 without a
//! journal, creating a file scans the inodes deleted in the last one to six
//! minutes (`recently_deleted` in `fs/ext4/ialloc.c`), so writing 10,000
//! files right after deleting 10,000 others costs several times as much,
//! and each run would slow the next.
//!
//! Peak RSS: a child started with `posix_spawn` (which `std::process` uses)
//! inherits the parent's peak RSS in its own `ru_maxrss`, because the
//! kernel records the peak of the address space it replaces at `exec`.
//! Before each build this process resets its own peak (`5` into
//! `/proc/self/clear_refs`), so the figure is the child's own, or this
//! process's current RSS if that is larger (a few MiB, shown in the notes).

use std::collections::HashSet;
use std::fs;
use std::io::{self, Read, Seek};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use super::r#gen::{self as generator, GenOptions, REFERENCE_NOW};
use super::report::{median, median_duration, mib, report, targets};

/// What to measure.
#[derive(Debug, Clone)]
pub struct BenchOptions {
    /// The `allclear` binary to time; `None`: build the workspace's with
    /// `cargo build --release -p allclear --bin allclear` (see
    /// [`build_release`]) and time that.
    pub exe: Option<PathBuf>,
    /// Numbers of incidents, one site each.
    pub sizes: Vec<usize>,
    /// Builds (and floor measurements) per size; the median is reported.
    pub runs: usize,
    /// Keep the sites and outputs here (`DIR/incidents-N/{site,public}`)
    /// instead of a temporary folder; a site already there is reused.
    pub keep: Option<PathBuf>,
    pub seed: u64,
    /// Exit 1 when a target is missed.
    pub check: bool,
    /// Edits to time in `serve` per size (see [`super::preview`]); 0 skips.
    pub edits: usize,
    /// Sites with a second language (`gen-site --translations`), for the
    /// cost of publishing two.
    pub translations: bool,
}

/// The figures for one size (medians over the runs).
#[derive(Debug, Clone)]
pub struct Measurement {
    pub incidents: usize,
    pub wall: Duration,
    /// User + system CPU time of the build; `None` where not measured.
    pub cpu: Option<Duration>,
    /// Peak resident set size of the build in bytes; `None` where not measured.
    pub peak_rss: Option<u64>,
    /// Files and bytes in the output folder.
    pub files: usize,
    pub bytes: u64,
    /// Read every input file, then write as many files of the same sizes.
    pub floor: Duration,
    pub input_files: usize,
    pub input_bytes: u64,
    /// Time to generate the site; `None` when a kept one was reused.
    pub generated_in: Option<Duration>,
    /// Every run's wall time, in order.
    pub walls: Vec<Duration>,
    /// Warnings the build printed (there should be none).
    pub warnings: usize,
    /// `serve`: the time from each saved edit to the changed page.
    pub edits: Vec<Duration>,
    /// One update, then a rebuild into the first run's output (see
    /// [`super::incremental`]), in the steady state: the folder already has
    /// the previous build's kept site and load cache beside it. Of the
    /// `runs` such rebuilds, the one with the median wall time.
    pub incremental: Option<super::incremental::Incremental>,
    /// Every steady-state rebuild's wall time, in order.
    pub next_rebuild_walls: Vec<Duration>,
    /// The same before that: the first rebuild into a folder built without
    /// a kept site or load cache beside it.
    pub first_rebuild: Option<super::incremental::Incremental>,
}

impl Measurement {
    /// Build time over the I/O floor.
    pub fn over_floor(&self) -> f64 {
        self.wall.as_secs_f64() / self.floor.as_secs_f64().max(1e-9)
    }
}

/// The product binary the bench times, and what the report says of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Product {
    pub exe: PathBuf,
    /// The first line of `EXE --version`, e.g. `allclear 0.1.0`.
    pub version: String,
    /// How it was found: built by cargo in release, or given with `--exe`.
    pub built_here: bool,
}

/// `cargo dev bench`: find or build the binary, measure, print the tables,
/// and with `--check` exit 1 when a target is missed. Exit 2 for bad usage.
pub fn command(options: &BenchOptions) -> ExitCode {
    if options.sizes.is_empty() || options.sizes.contains(&0) || options.runs == 0 {
        eprintln!("error: --sizes needs at least one size above 0, and --runs at least 1");
        return ExitCode::from(2);
    }
    if cfg!(debug_assertions) {
        eprintln!(
            "warning: the bench itself is a debug build: the I/O floor and the preview's latency it measures say little.\n  \
             Run it as: cargo dev bench (a release build)"
        );
    }
    let product = match product(options.exe.as_deref()) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(if options.exe.is_some() { 2 } else { 1 });
        }
    };
    let measurements = match run(&product.exe, options) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    let targets = targets(&measurements);
    print!("{}", report(options, &product, &measurements, &targets));
    if options.check {
        if targets.is_empty() {
            eprintln!("error: --check needs 10000 or 100000 among --sizes: the targets are for those sizes");
            return ExitCode::from(2);
        }
        let missed = targets.iter().filter(|t| !t.met).count();
        if missed > 0 {
            eprintln!("{missed} target{} missed", if missed == 1 { "" } else { "s" });
            return ExitCode::from(1);
        }
        eprintln!("every target met");
    }
    ExitCode::SUCCESS
}

/// The binary to time: `exe` when given (it must run `--version` and say
/// `allclear`), else the workspace's own, built by [`build_release`].
///
/// # Errors
/// A message when `exe` does not run or is not allclear, or the build fails.
pub fn product(exe: Option<&Path>) -> Result<Product, String> {
    let (exe, built_here) = match exe {
        Some(exe) => (exe.to_path_buf(), false),
        None => (build_release()?, true),
    };
    let out = Command::new(&exe)
        .arg("--version")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| {
            format!(
                "cannot run {}: {e}; give the allclear binary with --exe PATH",
                exe.display()
            )
        })?;
    let version = String::from_utf8_lossy(&out.stdout)
        .lines()
        .next()
        .unwrap_or_default()
        .trim()
        .to_string();
    if !out.status.success() || !version.starts_with("allclear ") {
        return Err(format!(
            "{} --version did not print `allclear VERSION`; give the allclear binary with --exe PATH",
            exe.display()
        ));
    }
    Ok(Product {
        exe,
        version,
        built_here,
    })
}

/// `cargo build --release -p allclear --bin allclear` in this workspace
/// (the `cargo` that runs `cargo dev`, from `$CARGO`, else the one on
/// `PATH`), through escargot, which reads the binary's path from cargo's
/// JSON messages (wherever `CARGO_TARGET_DIR` puts it). Cargo's progress
/// is not shown: it says when it starts and how long it took.
///
/// # Errors
/// A message with cargo's own when the build fails.
pub fn build_release() -> Result<PathBuf, String> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../Cargo.toml");
    eprint!("building allclear: cargo build --release -p allclear --bin allclear… ");
    let started = Instant::now();
    let built = escargot::CargoBuild::new()
        .manifest_path(&manifest)
        .package("allclear")
        .bin("allclear")
        .release()
        .run()
        .map_err(|e| format!("cannot build allclear in release ({}): {e}", manifest.display()))?;
    eprintln!("{:.1} s", started.elapsed().as_secs_f64());
    Ok(built.path().to_path_buf())
}

/// Measure every size, timing `exe`.
///
/// # Errors
/// A message when a site cannot be generated, a build fails, or a file
/// cannot be read or written.
pub fn run(exe: &Path, options: &BenchOptions) -> Result<Vec<Measurement>, String> {
    let temp;
    let root = match &options.keep {
        Some(dir) => {
            fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
            dir.clone()
        }
        None => {
            temp = tempfile::Builder::new()
                .prefix("allclear-bench-")
                .tempdir()
                .map_err(|e| format!("cannot create a temporary folder: {e}"))?;
            temp.path().to_path_buf()
        }
    };
    let mut out = Vec::new();
    for &n in &options.sizes {
        out.push(measure(exe, &root.join(format!("incidents-{n}")), n, options)?);
    }
    if options.keep.is_some() {
        for &n in &options.sizes {
            keep_first_output(&root.join(format!("incidents-{n}")), options.runs)?;
        }
    }
    Ok(out)
}

/// The folders of run `run`: the build's output and the floor's.
fn run_dirs(dir: &Path, run: usize) -> (PathBuf, PathBuf) {
    (dir.join(format!("public-{run}")), dir.join(format!("floor-{run}")))
}

/// After every size is measured: keep the first build as `DIR/public` and
/// remove the other runs' folders.
fn keep_first_output(dir: &Path, runs: usize) -> Result<(), String> {
    let remove = |p: &Path| match fs::remove_dir_all(p) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(format!("cannot remove {}: {e}", p.display())),
        _ => Ok(()),
    };
    let public = dir.join("public");
    remove(&public)?;
    for run in 0..runs {
        let (build, floor) = run_dirs(dir, run);
        remove(&floor)?;
        if run == 0 {
            fs::rename(&build, &public).map_err(|e| format!("cannot rename {}: {e}", build.display()))?;
        } else {
            remove(&build)?;
        }
    }
    Ok(())
}

fn measure(exe: &Path, dir: &Path, n: usize, options: &BenchOptions) -> Result<Measurement, String> {
    let site = dir.join("site");
    let gen_options = GenOptions {
        incidents: n,
        seed: options.seed,
        translations: options.translations,
    };
    let generated_in = if generator::is_generated(&site, &gen_options) {
        eprintln!("{n} incidents: reusing the site in {}", site.display());
        None
    } else {
        if site.exists() {
            return Err(format!(
                "{} exists but is not a site generated with --incidents {n} --seed {}{}; remove it or choose another --keep",
                site.display(),
                options.seed,
                if options.translations { " --translations" } else { "" }
            ));
        }
        eprint!("{n} incidents: generating the site… ");
        let started = Instant::now();
        let summary = generator::generate(&site, &gen_options).map_err(|e| format!("cannot generate the site: {e}"))?;
        let took = started.elapsed();
        eprintln!("{} files in {:.2} s", summary.files, took.as_secs_f64());
        Some(took)
    };
    let (input_files, input_bytes) = tree_size(&site).map_err(|e| format!("cannot read {}: {e}", site.display()))?;

    let mut walls = Vec::new();
    let mut cpus = Vec::new();
    let mut rsss = Vec::new();
    let mut floors = Vec::new();
    let mut outputs: Vec<(PathBuf, u64)> = Vec::new();
    let mut warnings = 0;
    for run in 0..options.runs {
        let (public, floor_dir) = run_dirs(dir, run);
        for stale in [&public, &floor_dir] {
            // Left by an interrupted bench in --keep's folder.
            if stale.exists() {
                fs::remove_dir_all(stale).map_err(|e| format!("cannot remove {}: {e}", stale.display()))?;
            }
        }
        // A load cache left by an earlier bench in --keep's folder would
        // make this "build into an empty folder" skip parsing.
        let cache = dir.join(format!(".public-{run}.allclear-cache"));
        match fs::remove_file(&cache) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => {
                return Err(format!("cannot remove {}: {e}", cache.display()));
            }
            _ => {}
        }
        settle();
        eprint!("{n} incidents: build {}/{}… ", run + 1, options.runs);
        let child = run_build(exe, &site, &public, REFERENCE_NOW)?;
        eprintln!("{:.3} s", child.wall.as_secs_f64());
        if run == 0 {
            warnings = child.stderr.matches("warning").count();
            if warnings > 0 {
                eprintln!("the build printed warnings:\n{}", child.stderr);
            }
            outputs = list_files(&public).map_err(|e| format!("cannot read {}: {e}", public.display()))?;
        }
        walls.push(child.wall);
        cpus.extend(child.cpu);
        rsss.extend(child.peak_rss);

        settle();
        let floor = io_floor(&site, &outputs, &floor_dir).map_err(|e| format!("measuring the I/O floor: {e}"))?;
        eprintln!(
            "{n} incidents: I/O floor {}/{}: {:.3} s",
            run + 1,
            options.runs,
            floor.as_secs_f64()
        );
        floors.push(floor);
    }
    settle();
    // Rounds into the first run's folder: the first rebuild finds no kept
    // site or load cache beside it (a folder built before this version, or
    // after they were deleted); the next ones, `--runs` of them, are every
    // rebuild after that, the steady state the 30% target is about, and
    // the one with the median wall time is reported, as for full builds.
    let rebuild = |site: &Path, out: &Path, now: &str| run_build(exe, site, out, now).map(|c| c.wall);
    let mut rounds = Vec::new();
    for round in 0..=options.runs {
        settle();
        let label = if round == 0 {
            "first rebuild".to_string()
        } else {
            format!("next rebuild {round}/{}", options.runs)
        };
        eprint!("{n} incidents: one update, then a rebuild into the same folder ({label})… ");
        let shift = round as i64 * super::incremental::ROUND_SHIFT;
        let incremental = super::incremental::measure(exe, &site, &run_dirs(dir, 0).0, n, shift, rebuild)?;
        eprintln!(
            "{:.3} s, {} of {} files changed",
            incremental.wall.as_secs_f64(),
            incremental.changed,
            incremental.files
        );
        rounds.push(incremental);
    }
    let mut next = rounds.split_off(1.min(rounds.len()));
    let first_rebuild = rounds.pop();
    let next_rebuild_walls: Vec<Duration> = next.iter().map(|r| r.wall).collect();
    next.sort_by_key(|r| r.wall);
    let incremental = (!next.is_empty()).then(|| next.swap_remove((next.len() - 1) / 2));
    let edits = if options.edits > 0 {
        eprint!("{n} incidents: timing {} edits in allclear serve… ", options.edits);
        let edits = super::preview::edit_latencies(exe, &site, options.edits)?;
        eprintln!(
            "{}",
            edits
                .iter()
                .map(|d| format!("{:.0} ms", d.as_secs_f64() * 1000.0))
                .collect::<Vec<_>>()
                .join(", ")
        );
        edits
    } else {
        Vec::new()
    };
    Ok(Measurement {
        incidents: n,
        wall: median_duration(&walls),
        cpu: (!cpus.is_empty()).then(|| median_duration(&cpus)),
        peak_rss: (!rsss.is_empty()).then(|| median(&rsss)),
        files: outputs.len(),
        bytes: outputs.iter().map(|(_, s)| s).sum(),
        floor: median_duration(&floors),
        input_files,
        input_bytes,
        generated_in,
        walls,
        warnings,
        edits,
        incremental,
        first_rebuild,
        next_rebuild_walls,
    })
}

/// What one build cost.
struct ChildRun {
    wall: Duration,
    cpu: Option<Duration>,
    peak_rss: Option<u64>,
    stderr: String,
}

fn run_build(exe: &Path, site: &Path, out: &Path, now: &str) -> Result<ChildRun, String> {
    let mut log = tempfile::tempfile().map_err(|e| format!("cannot create a temporary file: {e}"))?;
    let mut cmd = Command::new(exe);
    cmd.arg("build")
        .arg(site)
        .arg("--out")
        .arg(out)
        .args(["--now", now])
        .env_remove("SOURCE_DATE_EPOCH")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::from(
            log.try_clone()
                .map_err(|e| format!("cannot share a temporary file: {e}"))?,
        ));
    reset_peak_rss();
    let (wall, success, cpu, peak_rss) =
        wait_measured(&mut cmd).map_err(|e| format!("cannot run {}: {e}", exe.display()))?;
    let mut stderr = String::new();
    log.rewind()
        .and_then(|()| log.read_to_string(&mut stderr))
        .map_err(|e| format!("cannot read the build's messages: {e}"))?;
    if !success {
        return Err(format!("the build of {} failed:\n{stderr}", site.display()));
    }
    Ok(ChildRun {
        wall,
        cpu,
        peak_rss,
        stderr,
    })
}

/// Spawn `cmd` and wait for it with `wait4`: wall time, success, CPU time
/// and peak RSS (bytes).
#[cfg(target_os = "linux")]
fn wait_measured(cmd: &mut Command) -> io::Result<(Duration, bool, Option<Duration>, Option<u64>)> {
    let started = Instant::now();
    let child = cmd.spawn()?;
    let pid = child.id() as libc::pid_t;
    let mut status: libc::c_int = 0;
    // SAFETY: rusage is plain data, for which all zeroes is a valid value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: `pid` is our child, not yet reaped (std's `Child` only
        // reaps in `wait`/`try_wait`, which are never called on it); the
        // pointers are to live locals.
        let rc = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if rc == pid {
            break;
        }
        let e = io::Error::last_os_error();
        if e.kind() != io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
    let wall = started.elapsed();
    drop(child);
    let tv = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    let cpu = tv(usage.ru_utime) + tv(usage.ru_stime);
    // ru_maxrss is in KiB on Linux.
    let rss = usage.ru_maxrss as u64 * 1024;
    let success = libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
    Ok((wall, success, Some(cpu), Some(rss)))
}

#[cfg(not(target_os = "linux"))]
fn wait_measured(cmd: &mut Command) -> io::Result<(Duration, bool, Option<Duration>, Option<u64>)> {
    let started = Instant::now();
    let status = cmd.status()?;
    Ok((started.elapsed(), status.success(), None, None))
}

/// Reset this process's peak RSS, which a spawned child would inherit
/// (see the module's documentation).
fn reset_peak_rss() {
    #[cfg(target_os = "linux")]
    {
        use std::sync::atomic::{AtomicBool, Ordering};
        static WARNED: AtomicBool = AtomicBool::new(false);
        if fs::write("/proc/self/clear_refs", "5").is_err() && !WARNED.swap(true, Ordering::Relaxed) {
            eprintln!(
                "warning: cannot reset this process's peak RSS; the builds' peak RSS may include this process's ({})",
                own_rss().map_or_else(|| "unknown".to_string(), mib)
            );
        }
    }
}

/// This process's current RSS in bytes (Linux).
pub(crate) fn own_rss() -> Option<u64> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

/// Let the previous run's writes reach the disk, so that one run's
/// write-back does not slow the next (Linux; untimed).
fn settle() {
    #[cfg(target_os = "linux")]
    // SAFETY: sync(2) takes no arguments and cannot fail.
    unsafe {
        libc::sync();
    }
}

/// The I/O floor: walk the site and read every file, then write files of
/// the given sizes at the same paths into the new folder `target`. Plain
/// `std::fs`, one thread.
fn io_floor(site: &Path, outputs: &[(PathBuf, u64)], target: &Path) -> io::Result<Duration> {
    let largest = outputs.iter().map(|&(_, s)| s).max().unwrap_or(0);
    let data: Vec<u8> = (0..largest).map(|i| b"allclear floor\n"[(i % 15) as usize]).collect();

    let started = Instant::now();
    let mut read = 0u64;
    for entry in walkdir::WalkDir::new(site) {
        let entry = entry.map_err(io::Error::from)?;
        if entry.file_type().is_file() {
            read += fs::read(entry.path())?.len() as u64;
        }
    }
    let mut made: HashSet<PathBuf> = HashSet::new();
    for (rel, size) in outputs {
        let path = target.join(rel);
        if let Some(parent) = path.parent()
            && !made.contains(parent)
        {
            fs::create_dir_all(parent)?;
            made.insert(parent.to_path_buf());
        }
        fs::write(&path, &data[..*size as usize])?;
    }
    let took = started.elapsed();
    std::hint::black_box(read);
    Ok(took)
}

/// Files under `dir` and their total size.
fn tree_size(dir: &Path) -> io::Result<(usize, u64)> {
    let files = list_files(dir)?;
    Ok((files.len(), files.iter().map(|(_, s)| s).sum()))
}

/// Every file under `dir`: path relative to it and size, sorted by path.
fn list_files(dir: &Path) -> io::Result<Vec<(PathBuf, u64)>> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.map_err(io::Error::from)?;
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(dir).expect("under dir").to_path_buf();
            out.push((rel, entry.metadata().map_err(io::Error::from)?.len()));
        }
    }
    out.sort();
    Ok(out)
}
