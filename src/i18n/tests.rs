use std::path::Path;

use super::*;

fn file(language: &str, text: &str) -> MessageFile {
    MessageFile {
        language: language.into(),
        text: text.into(),
        source: None,
    }
}

#[test]
fn a_later_file_replaces_messages_one_by_one_and_english_fills_the_rest() {
    let messages = [
        file("en", "a = A\nb = B\nc = C\n"),
        file("de", "a = A-de\nb = B-de\n"),
        file("de", "b = B-site\n"),
    ];
    let cat = Catalogue::new(&messages, "de-AT");
    assert_eq!(cat.language(), "de-AT");
    assert_eq!(cat.format("a", None).unwrap(), "A-de");
    assert_eq!(cat.format("b", None).unwrap(), "B-site");
    assert_eq!(cat.format("c", None).unwrap(), "C");
    assert_eq!(cat.format("d", None), Err(MessageError::Missing("d".into())));
    let warnings = missing_warnings(&messages, "de-AT", Path::new("site.yaml"));
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].message.contains("`de`") && warnings[0].message.contains("`c`"));
}

#[test]
fn a_language_without_messages_is_english() {
    let messages = [file("en", "a = A\n")];
    let cat = Catalogue::new(&messages, "xx");
    assert_eq!(cat.language(), "en");
    assert_eq!(cat.format("a", None).unwrap(), "A");
    assert!(no_catalogue_warning(&messages, "xx", Path::new("s")).is_some());
    assert!(no_catalogue_warning(&messages, "en", Path::new("s")).is_none());
    // en-GB is served by en.ftl, its primary language subtag.
    assert!(no_catalogue_warning(&messages, "en-GB", Path::new("s")).is_none());
    assert_eq!(Catalogue::new(&messages, "en-GB").language(), "en-GB");
}

#[test]
fn plurals_follow_the_language_s_cldr_rules() {
    // Polish: 1 one, 2-4 few, 5 many (CLDR).
    let pl = "n = { $n ->\n    [one] jeden\n    [few] kilka\n   *[many] wiele\n}\n";
    let messages = [
        file("en", "n = { $n ->\n    [one] one\n   *[other] other\n}\n"),
        file("pl", pl),
    ];
    let cat = Catalogue::new(&messages, "pl");
    let got: Vec<String> = [1, 3, 5]
        .iter()
        .map(|&n| cat.text_with("n", &[("n", FluentValue::from(n))]))
        .collect();
    assert_eq!(got, ["jeden", "kilka", "wiele"]);
    let en = Catalogue::new(&messages, "en");
    assert_eq!(en.text_with("n", &[("n", FluentValue::from(0))]), "other");
    assert_eq!(en.text_with("n", &[("n", FluentValue::from(1))]), "one");
}

#[test]
fn syntax_errors_have_a_line_and_column() {
    let err = message_file(
        Path::new("site/i18n/de.ftl"),
        Path::new("de.ftl"),
        b"a = A\nb = { $x\n".to_vec(),
    )
    .unwrap_err();
    assert_eq!((err[0].line, err[0].col > 0), (2, true), "{err:?}");
    assert!(message_file(Path::new("x"), Path::new("notes.txt"), b"a = A\n".to_vec()).is_err());
    assert!(message_file(Path::new("x"), Path::new("not a tag!.ftl"), b"a = A\n".to_vec()).is_err());
    assert_eq!(
        message_file(Path::new("x"), Path::new("pt-BR.ftl"), b"a = A\n".to_vec())
            .unwrap()
            .language,
        "pt-BR"
    );
}

#[test]
fn the_templates_function_escapes_arguments_not_the_message() {
    let messages = [file(
        "en",
        "hi = <b>Hi</b> { $name }, { $n ->\n    [one] one\n   *[other] { $n } more\n}\n",
    )];
    let mut tera = tera::Tera::new();
    tera.register_function("t", tera_function(Arc::new(Catalogue::new(&messages, "en"))));
    tera.add_raw_template(
        "p.html",
        r#"{{ t(key="hi", name=who, n=2) }}|{% set s %}<i>x</i>{% endset %}{{ t(key="hi", name=s, n=1) }}"#,
    )
    .unwrap();
    tera.add_raw_template("missing.html", r#"{{ t(key="nope") }}"#).unwrap();
    let mut cx = tera::Context::new();
    cx.insert("who", "<script>");
    assert_eq!(
        tera.render("p.html", &cx).unwrap(),
        "<b>Hi</b> &lt;script&gt;, 2 more|<b>Hi</b> <i>x</i>, one"
    );
    let err = tera.render("missing.html", &cx).unwrap_err();
    let text = format!("{err:?}");
    assert!(text.contains("nope"), "{text}");
}

/// Every id the code looks up (the labels, the day summaries, "… ago")
/// is in the built-in `en.ftl` and formats with the arguments the code
/// gives it: the code's lookups never fall back to the id.
#[test]
fn every_message_the_code_uses_is_in_en_ftl() {
    let messages = [file(ENGLISH, include_str!("../../themes/default/i18n/en.ftl"))];
    let cat = Catalogue::new(&messages, ENGLISH);
    let mut ids: Vec<String> = Vec::new();
    ids.extend(ComponentStatus::ALL.map(|s| format!("status-{}", s.as_str())));
    ids.extend(IncidentStatus::ALL.map(|s| format!("incident-status-{}", s.as_str())));
    ids.extend(MaintenanceStatus::ALL.map(|s| format!("maintenance-status-{}", s.as_str())));
    ids.extend(Impact::ALL.map(|i| format!("impact-{}", i.as_str())));
    ids.extend(Indicator::ALL.map(|i| format!("indicator-{}", i.as_str())));
    ids.extend(
        [
            "maintenance-status-cancelled",
            "impact-maintenance",
            "time-now",
            "feed-update-same-status",
            "postmortem",
            "maintenance-cancelled",
            "badge-no-data",
        ]
        .map(String::from),
    );
    for id in &ids {
        assert!(cat.format(id, None).is_ok_and(|t| !t.is_empty()), "{id}");
    }
    let with = |id: &str, args: &[(&str, FluentValue<'_>)]| {
        let mut a = FluentArgs::new();
        for (n, v) in args {
            a.set(*n, v.clone());
        }
        cat.format(id, Some(&a))
    };
    assert_eq!(
        with("time-ago", &[("duration", "15 min".into())]).unwrap(),
        "15 min ago"
    );
    assert_eq!(
        with("day-summary-no-data", &[("date", "Nov 20, 2026".into())]).unwrap(),
        "Nov 20, 2026: no data"
    );
    for (status, words) in [
        ("operational", "no incidents"),
        ("partial_outage", "partial outage"),
        ("under_maintenance", "under maintenance"),
    ] {
        assert_eq!(
            with(
                "day-summary",
                &[
                    ("date", "Nov 20, 2026".into()),
                    ("uptime", "99.5%".into()),
                    ("status", status.into())
                ]
            )
            .unwrap(),
            format!("Nov 20, 2026: 99.5% uptime, {words}")
        );
    }
    // The labels are what the model's English label() said before.
    assert_eq!(cat.component_status(ComponentStatus::PartialOutage), "Partial outage");
    assert_eq!(cat.impact(Impact::None), "No impact");
    assert_eq!(cat.indicator(Indicator::Major), "Partial System Outage");
}
