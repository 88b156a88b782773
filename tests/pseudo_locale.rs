//! A third language is one new resource file: a pseudo-locale made from the English one (every
//! text wrapped in ⟦ ⟧) is added at run time, and every view, menu and window renders in it
//! without one English word from the resources, so none fell back to English.

mod support;

use std::collections::BTreeSet;

use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable, by};
use fluent_syntax::ast::{Entry, Expression, Pattern, PatternElement};
use support::app;
use trade_explorer::l10n::{Lang, add_language};
use trade_explorer::settings::State;

const ENGLISH: &str = include_str!("../i18n/en/trade_explorer.ftl");

/// Every text of a pattern wrapped in ⟦ ⟧, placeables and variants kept.
fn pseudo(pattern: &mut Pattern<String>) {
    for element in &mut pattern.elements {
        match element {
            PatternElement::TextElement { value } if !value.trim().is_empty() => *value = format!("⟦{value}⟧"),
            PatternElement::Placeable { expression: Expression::Select { variants, .. } } => {
                for v in variants {
                    pseudo(&mut v.value);
                }
            }
            _ => {}
        }
    }
}

/// The pseudo-locale's resource, and the English texts that have no placeable (a label shown
/// as one of those fell back to English).
fn pseudo_resource() -> (String, BTreeSet<String>) {
    let mut resource = fluent_syntax::parser::parse(ENGLISH.to_string()).expect("the English resource parses");
    let mut plain = BTreeSet::new();
    for entry in &mut resource.body {
        if let Entry::Message(m) = entry
            && let Some(value) = &mut m.value
        {
            // A language's own name is shown in that language, whichever is chosen.
            if let [PatternElement::TextElement { value: text }] = value.elements.as_slice()
                && m.id.name != "language-name"
            {
                plain.insert(text.trim().to_string());
            }
            // The money scale is a setting, not words: it stays.
            if m.id.name != "money-scale" {
                pseudo(value);
            }
        }
    }
    (fluent_syntax::serializer::serialize(&resource), plain)
}

/// Every label and value the window shows.
fn texts(harness: &egui_kittest::Harness<'_, trade_explorer::app::TradeExplorerApp>) -> Vec<String> {
    harness
        .query_all(by().predicate(|_| true))
        .flat_map(|n| {
            let node = n.accesskit_node();
            [node.label(), node.value()]
        })
        .flatten()
        .collect()
}

#[test]
fn a_pseudo_locale_renders_every_view_without_falling_back_to_english() {
    let (resource, english) = pseudo_resource();
    let lang = add_language("en-XA", &resource).expect("the pseudo-locale loads");
    assert_eq!(Lang::from_tag("en-XA"), Some(lang));
    assert!(Lang::all().contains(&lang) && Lang::all().contains(&Lang::ZH), "{:?}", Lang::all());

    let mut harness = app(State { lang, ..State::default() }, None);
    let mut seen = Vec::new();
    for tab in ["⟦Over time⟧", "⟦Compare⟧", "⟦Industry shares⟧", "⟦Table⟧", "⟦Sources⟧"] {
        harness.get_by_role_and_label(Role::Button, tab).click();
        harness.run();
        seen.extend(texts(&harness));
    }
    for menu in ["⟦File⟧", "⟦View⟧", "⟦Help⟧"] {
        harness.get_by_label(menu).click();
        harness.run();
        seen.extend(texts(&harness));
        harness.key_press(egui::Key::Escape);
        harness.run();
    }
    harness.get_by_label("⟦Help⟧").click();
    harness.run();
    harness.get_by_label("⟦About Trade Explorer⟧").click();
    harness.run();
    seen.extend(texts(&harness));

    let fell_back: BTreeSet<&String> = seen.iter().filter(|t| english.contains(t.trim())).collect();
    assert!(fell_back.is_empty(), "English words in the pseudo-locale: {fell_back:?}");
    assert!(seen.iter().any(|t| t.contains("⟦Exports⟧") || t.contains("⟦")), "nothing was localised: {seen:?}");
    // The chart's words (title, axis, legend) are the language's too.
    assert!(harness.state().words().line.title.is_empty() || !english.contains(&harness.state().words().line.title));
}
