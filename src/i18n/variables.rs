//! The variables a message uses (`{ $title }`), so that `check` can say
//! when a theme's or a site's message file uses one the code never passes:
//! the message then fails to format, and the pages show the English one
//! (`message-unknown-variable`). The code passes a message the variables
//! its English text uses (`themes/default/i18n/en.ftl`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast::{CallArguments, Entry, Expression, InlineExpression, Pattern, PatternElement};

use crate::diagnostics::Diagnostic;
use crate::model::MessageFile;

/// The variables of every message of one Fluent source, by message id
/// (value and attributes together).
fn variables(text: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource = match fluent_syntax::parser::parse(text) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    let mut out = BTreeMap::new();
    for entry in &resource.body {
        if let Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(value) = &m.value {
                pattern(value, &mut vars);
            }
            for attribute in &m.attributes {
                pattern(&attribute.value, &mut vars);
            }
            out.insert(m.id.name.to_string(), vars);
        }
    }
    out
}

fn pattern(p: &Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &p.elements {
        if let PatternElement::Placeable { expression } = element {
            expr(expression, vars);
        }
    }
}

fn expr(e: &Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        Expression::Inline(i) => inline(i, vars),
        Expression::Select { selector, variants } => {
            inline(selector, vars);
            for v in variants {
                pattern(&v.value, vars);
            }
        }
    }
}

fn inline(i: &InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match i {
        InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        InlineExpression::FunctionReference { arguments, .. } => call(arguments, vars),
        InlineExpression::Placeable { expression } => expr(expression, vars),
        // A term's arguments are the term's own, never the message's.
        _ => {}
    }
}

fn call(args: &CallArguments<&str>, vars: &mut BTreeSet<String>) {
    for p in &args.positional {
        inline(p, vars);
    }
    for n in &args.named {
        inline(&n.value, vars);
    }
}

/// One warning per variable that a message of a theme's or the site's own
/// message file (one with a path) uses and the same message in English
/// does not: the code does not pass it, so the pages show the English
/// message. At the message's line, naming the variables it can use.
pub fn unknown_variable_warnings(messages: &[MessageFile]) -> Vec<Diagnostic> {
    let mut english: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for m in messages
        .iter()
        .filter(|m| m.language == super::ENGLISH && m.source.is_none())
    {
        for (id, vars) in variables(&m.text) {
            english.entry(id).or_default().extend(vars);
        }
    }
    let mut out = Vec::new();
    for file in messages {
        let Some(path) = &file.source else { continue };
        for (id, vars) in variables(&file.text) {
            let Some(known) = english.get(&id) else { continue };
            for var in vars.difference(known) {
                out.push(unknown(path, &file.text, &id, var, known));
            }
        }
    }
    out
}

fn unknown(path: &Path, text: &str, id: &str, var: &str, known: &BTreeSet<String>) -> Diagnostic {
    let line = text
        .lines()
        .position(|l| {
            l.strip_prefix(id)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map_or(0, |i| i + 1);
    let has = if known.is_empty() {
        "it takes none".to_string()
    } else {
        format!(
            "it can use {}",
            known
                .iter()
                .map(|v| format!("`{{ ${v} }}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    Diagnostic {
        line,
        ..Diagnostic::file_error(
            path,
            format!("message `{id}` uses `{{ ${var} }}`, which allclear never passes it: the pages show the English message there instead"),
        )
    }
    .warning()
    .with_code("message-unknown-variable")
    .with_help(format!("{has} (as the theme's i18n/en.ftl does); check the spelling"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variables_are_found_in_placeables_selectors_and_functions() {
        let vars = variables(
            "a = { $x } and { $n ->\n    [one] { $y }\n   *[other] { NUMBER($z) }\n}\nb = plain\n    .title = { $t }\n",
        );
        assert_eq!(vars["a"], ["n", "x", "y", "z"].iter().map(|s| s.to_string()).collect());
        assert_eq!(vars["b"], ["t"].iter().map(|s| s.to_string()).collect());
    }
}
