//! The resource files: every language has every message of every other, each using no argument
//! the code does not pass (the English, the fallback, declares them: `tr!` checks the code
//! against it) and showing every one the English shows, and the words reach the user without
//! Fluent's invisible isolation marks.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

/// The variables a message uses: all of them, and those it shows (not only chooses a plural by).
#[derive(Debug, Default)]
struct Vars {
    all: BTreeSet<String>,
    shown: BTreeSet<String>,
}

/// Message id → the variables it uses, for one resource file.
fn messages(path: &Path) -> BTreeMap<String, Vars> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let resource = fluent_syntax::parser::parse(text.as_str())
        .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
    let mut all = BTreeMap::new();
    for entry in resource.body {
        if let Entry::Message(m) = entry {
            let mut vars = Vars::default();
            if let Some(value) = &m.value {
                variables(value, &mut vars);
            }
            for a in &m.attributes {
                variables(&a.value, &mut vars);
            }
            assert!(all.insert(m.id.name.to_string(), vars).is_none(), "{}: {} twice", path.display(), m.id.name);
        }
    }
    all
}

fn variables(pattern: &Pattern<&str>, into: &mut Vars) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, into);
        }
    }
}

fn expression_variables(expression: &Expression<&str>, into: &mut Vars) {
    match expression {
        Expression::Inline(inline) => inline_variables(inline, into, true),
        Expression::Select { selector, variants } => {
            inline_variables(selector, into, false);
            for v in variants {
                variables(&v.value, into);
            }
        }
    }
}

fn inline_variables(inline: &InlineExpression<&str>, into: &mut Vars, shown: bool) {
    match inline {
        InlineExpression::VariableReference { id } => {
            into.all.insert(id.name.to_string());
            if shown {
                into.shown.insert(id.name.to_string());
            }
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, into),
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_variables(a, into, shown);
            }
        }
        _ => {}
    }
}

fn languages() -> Vec<(String, BTreeMap<String, Vars>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("i18n");
    let mut all: Vec<_> = std::fs::read_dir(&dir)
        .expect("the i18n folder")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.is_dir())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), messages(&p.join("trade_explorer.ftl"))))
        .collect();
    all.sort_by(|a, b| a.0.cmp(&b.0));
    all
}

#[test]
fn every_language_has_every_message_and_the_same_arguments() {
    let all = languages();
    assert!(all.len() >= 2, "{:?}", all.iter().map(|(l, _)| l).collect::<Vec<_>>());
    let (first, reference) = all.iter().find(|(l, _)| l == "en").expect("the English resource");
    let mut problems = Vec::new();
    for (lang, messages) in all.iter().filter(|(l, _)| l != first) {
        for (id, vars) in reference {
            match messages.get(id) {
                None => problems.push(format!("{lang}: no {id} (it is in {first})")),
                // A language never uses an argument the code does not pass, and shows every
                // one the English shows; it may leave out a number English only chooses a
                // plural by (Chinese has no plural forms).
                Some(v) if !v.all.is_subset(&vars.all) => {
                    problems.push(format!("{lang}: {id} uses {:?}, {first} only {:?}", v.all, vars.all))
                }
                Some(v) if !vars.shown.is_subset(&v.all) => problems
                    .push(format!("{lang}: {id} leaves out {:?}", vars.shown.difference(&v.all).collect::<Vec<_>>())),
                Some(_) => {}
            }
        }
        for id in messages.keys().filter(|id| !reference.contains_key(*id)) {
            problems.push(format!("{first}: no {id} (it is in {lang})"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Fluent's Unicode isolation marks (U+2068, U+2069) around placeables.
fn has_isolation_marks(text: &str) -> bool {
    text.contains(['\u{2068}', '\u{2069}'])
}

#[test]
fn words_reach_the_csv_and_the_clipboard_without_isolation_marks() {
    use trade_explorer::data::{Filter, PeriodChoice, load_bundled};
    use trade_explorer::l10n::Lang;
    // A message with placeables, as a toast or copied text shows it.
    let copied = trade_explorer::tr!(Lang::ZH, "app-copied", line = "trade-explorer export --view over-time");
    assert!(!has_isolation_marks(&copied), "{copied:?}");
    // The CSV of a chart whose rows carry words made with placeables (periods: 1–11月).
    let d = load_bundled().expect("the bundled dataset").dataset;
    let f = Filter {
        entities: ["jinhua".to_string()].into(),
        metrics: ["total_trade".to_string()].into(),
        period: PeriodChoice::Named("jan_nov".into()),
        ..Filter::default()
    };
    let table = trade_explorer::export::view_table(&d, &f, trade_explorer::export::ChartView::OverTime);
    assert!(!table.is_empty());
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("rows.csv");
    trade_explorer::export::save_csv(&path, &d, &table, Lang::ZH).expect("written");
    let csv = std::fs::read_to_string(&path).expect("read back");
    assert!(csv.contains("1–11月"), "{csv}");
    assert!(!has_isolation_marks(&csv), "{csv:?}");
}
