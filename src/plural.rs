//! Counts in English messages: "1 incident", "2 incidents". The one place
//! the command line's messages choose between singular and plural (issue
//! 14 gathers the rest here).

/// `""` for one, `"s"` otherwise: for words whose plural adds an s
/// (`format!("{n} update{}", plural(n))`).
pub fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// `n` and the noun, singular for exactly one: `count(1, "maintenance")`
/// is "1 maintenance", `count(0, "maintenance")` "0 maintenances". Only for
/// nouns whose plural adds an s.
pub fn count(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", plural(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(count(1, "maintenance"), "1 maintenance");
        assert_eq!(count(0, "incident"), "0 incidents");
        assert_eq!(count(2, "incident"), "2 incidents");
    }
}
