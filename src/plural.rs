//! Counts in English for the command line's own messages: "1 incident",
//! "2 incidents", "3 entries". The pages count in their language with
//! Fluent's CLDR plural rules instead (`{ $count -> [one] … *[other] … }`
//! in the theme's messages, [`crate::i18n`]); the templates' `plural`
//! filter stays for themes written before the messages.
//!
//! The rule is English's (CLDR `en`: `one` for exactly 1, `other` for
//! every other count, 0 included).

/// `one` for exactly one, `other` for every other count:
/// `choose(n, "entry", "entries")`.
pub fn choose<'a>(n: usize, one: &'a str, other: &'a str) -> &'a str {
    if n == 1 { one } else { other }
}

/// `""` for one, `"s"` otherwise: for words whose plural adds an s
/// (`format!("{n} update{}", plural(n))`).
pub fn plural(n: usize) -> &'static str {
    choose(n, "", "s")
}

/// `n` and the noun, singular for exactly one: `count(1, "maintenance")`
/// is "1 maintenance", `count(0, "maintenance")` "0 maintenances". Only for
/// nouns whose plural adds an s; [`choose`] for the others.
pub fn count(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", plural(n))
}

/// The templates' `plural` filter: `{{ n | plural(one="entry",
/// other="entries") }}` writes the word for the count `n` ([`choose`]).
/// `other` defaults to `one` with an `s`.
///
/// # Errors
/// A Tera error when `n` is not a whole number of zero or more, or `one`
/// is missing.
pub fn tera_filter(n: tera::Value, kwargs: tera::Kwargs, _: &tera::State) -> tera::TeraResult<String> {
    let Some(n) = n.as_i128().and_then(|n| usize::try_from(n).ok()) else {
        return Err(tera::Error::message(format!(
            "the plural filter needs a count (a whole number, 0 or more), got `{}`",
            n.name()
        )));
    };
    let one: &str = kwargs.must_get("one")?;
    let other = kwargs
        .get::<&str>("other")?
        .map_or_else(|| format!("{one}s"), str::to_owned);
    Ok(choose(n, one, &other).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(count(1, "maintenance"), "1 maintenance");
        assert_eq!(count(0, "incident"), "0 incidents");
        assert_eq!(count(2, "incident"), "2 incidents");
        assert_eq!(choose(1, "entry", "entries"), "entry");
        assert_eq!(choose(0, "entry", "entries"), "entries");
    }

    #[test]
    fn the_template_filter() {
        let mut tera = tera::Tera::new();
        tera.register_filter("plural", tera_filter);
        tera.add_raw_template(
            "t",
            r#"{% for n in counts %}{{ n }} {{ n | plural(one="entry", other="entries") }}, {{ n | plural(one="day") }}; {% endfor %}"#,
        )
        .unwrap();
        let mut cx = tera::Context::new();
        cx.insert("counts", &[0, 1, 2]);
        assert_eq!(
            tera.render("t", &cx).unwrap(),
            "0 entries, days; 1 entry, day; 2 entries, days; "
        );
        tera.add_raw_template("bad", r#"{{ "x" | plural(one="a") }}"#).unwrap();
        let err = tera.render("bad", &tera::Context::new()).unwrap_err();
        assert!(format!("{err:?}").contains("needs a count"), "{err:?}");
    }
}
