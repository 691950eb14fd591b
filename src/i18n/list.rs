//! The templates' `list_glue` function: what stands around and between
//! the items of a list of names in the page's language, from CLDR (see
//! [`crate::format::Locale::list_glue`]).

use std::sync::Arc;

use super::Catalogue;

/// Lists this long or shorter have their glue made once per build (an
/// entry affects a handful of components; a page lists hundreds of entries).
const MADE_ONCE: usize = 8;

/// The templates' `list_glue` function for `catalogue`'s language:
/// `list_glue(count=3)` is an array of 4 strings, `glue[i]` written
/// before item `i` and `glue[count]` after the last:
///
/// ```text
/// {% set glue = list_glue(count=e.components | length) %}
/// {% for c in e.components %}{{ glue[loop.index0] }}<a …>{{ c.name }}</a>{% endfor %}{{ glue | last }}
/// ```
///
/// English `A, B, C`, German `A, B und C`, Japanese `A B C`: CLDR's wide
/// unit list pattern for the language whose messages serve the page (so
/// the glue and the words agree). The strings are safe HTML (CLDR's
/// patterns hold no markup).
///
/// # Errors
/// A Tera error when `count` is missing or not a whole number.
pub fn tera_function(
    catalogue: Arc<Catalogue>,
) -> impl Fn(tera::Kwargs, &tera::State) -> tera::TeraResult<tera::Value> + Send + Sync + 'static {
    let locale = catalogue.locale();
    let glue = move |n: usize| -> tera::Value {
        locale
            .list_glue(n)
            .iter()
            .map(|s| tera::Value::safe_string(s))
            .collect::<Vec<_>>()
            .into()
    };
    let made: Vec<tera::Value> = (0..=MADE_ONCE).map(glue).collect();
    move |kwargs: tera::Kwargs, _: &tera::State| {
        let n: usize = kwargs.must_get("count")?;
        Ok(made.get(n).cloned().unwrap_or_else(|| glue(n)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(catalogue: Catalogue, names: &[&str]) -> String {
        let mut tera = tera::Tera::new();
        tera.register_function("list_glue", tera_function(Arc::new(catalogue)));
        tera.add_raw_template(
            "t",
            "{% set glue = list_glue(count=names | length) %}{% for n in names %}{{ glue[loop.index0] }}<b>{{ n }}</b>{% endfor %}{{ glue | last }}",
        )
        .unwrap();
        let mut cx = tera::Context::new();
        cx.insert("names", names);
        tera.render("t", &cx).unwrap()
    }

    #[test]
    fn glue_in_english_and_german() {
        let en = || super::super::tests_support::english();
        assert_eq!(render(en(), &[]), "");
        assert_eq!(render(en(), &["API"]), "<b>API</b>");
        assert_eq!(render(en(), &["API", "Web"]), "<b>API</b>, <b>Web</b>");
        let many: Vec<String> = (0..12).map(|i| i.to_string()).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        assert_eq!(render(en(), &many).matches("</b>, <b>").count(), 11);
        let de = crate::model::MessageFile {
            language: "de".into(),
            text: include_str!("../../themes/default/i18n/de.ftl").into(),
            source: None,
        };
        let de = Catalogue::new(&[de], "de");
        assert_eq!(
            render(de, &["API", "Web", "DB"]),
            "<b>API</b>, <b>Web</b> und <b>DB</b>"
        );
    }
}
