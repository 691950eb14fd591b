//! Phase timings for profiling: with `ALLCLEAR_TIMINGS=1` in the
//! environment, each phase of a build prints its wall time to standard
//! error (`timing: load 812.4 ms`). Off by default; costs one environment
//! read per phase.

use std::time::Instant;

/// Run `f`, printing how long it took when timings are on.
pub fn phase<T>(name: &str, f: impl FnOnce() -> T) -> T {
    if std::env::var_os("ALLCLEAR_TIMINGS").is_none() {
        return f();
    }
    let start = Instant::now();
    let out = f();
    eprintln!("timing: {name} {:.1} ms", start.elapsed().as_secs_f64() * 1000.0);
    out
}

/// Print `what` (`timing: WHAT`) when timings are on: a count that explains
/// a phase's time, like how many entries came from the load cache.
pub fn note(what: &str) {
    if std::env::var_os("ALLCLEAR_TIMINGS").is_some() {
        eprintln!("timing: {what}");
    }
}
