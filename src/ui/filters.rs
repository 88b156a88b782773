//! The side panel: every control edits the [`Filter`] copy-on-write (nothing is copied until
//! the person changes something); a changed copy is returned as one [`Command::SetFilter`], so
//! filters apply at once and the app stays the only writer.

use std::borrow::Cow;

use egui::{CollapsingHeader, RichText, Ui};

use super::Command;
use crate::data::query::{PlaceKinds, PlaceSearch, search_entities};
use crate::data::{Dataset, EntityId, Filter, MetricId, PeriodChoice, PeriodId, Trust, Unit, UnitScale, ValueMode};
use crate::l10n::Lang;
use crate::l10n::{dimension_label, period_label};
use crate::l10n::{entity_name, metric_name};
use crate::tr;

/// Above this many entities, the picker is a searchable list instead of a tree.
const TREE_LIMIT: usize = 60;

/// The side panel's own state that is not part of the filter.
#[derive(Debug, Default)]
pub(crate) struct PanelState {
    /// Text typed into the metric search box.
    pub metric_search: String,
    /// What narrows the list of places: text typed, kinds, attribute values.
    pub place_search: PlaceSearch,
    /// The entities matching the search, for a dataset generation and search.
    entity_matches: Option<(u64, PlaceSearch, Vec<EntityId>)>,
}

/// Names of metric groups people read; a group the app does not know is shown as its id.
fn group_label(group: &str, lang: Lang) -> String {
    match group {
        "trade" => tr!(lang, "group-trade"),
        "trade_by_destination" => tr!(lang, "group-trade-by-destination"),
        "trade_by_product" => tr!(lang, "group-trade-by-product"),
        "ecommerce" => tr!(lang, "group-ecommerce"),
        "industry_share" => tr!(lang, "group-industry-share"),
        "economy" => tr!(lang, "group-economy"),
        "market" => tr!(lang, "group-market"),
        "logistics" => tr!(lang, "group-logistics"),
        "" => tr!(lang, "group-other"),
        _ => group.replace('_', " "),
    }
}

fn mode_label(mode: ValueMode, lang: Lang) -> String {
    match mode {
        ValueMode::Absolute => tr!(lang, "filters-values-as-reported"),
        ValueMode::Yoy => tr!(lang, "filters-growth-on-previous-year"),
        ValueMode::Index => tr!(lang, "filters-index-first-year-100"),
        ValueMode::ShareOfParent => tr!(lang, "filters-share-of-the-parent-area"),
        ValueMode::ShareOfTotal => tr!(lang, "filters-share-of-a-total"),
    }
}

fn mode_help(mode: ValueMode, lang: Lang) -> String {
    match mode {
        ValueMode::Absolute => tr!(lang, "filters-the-figures-as-the-sources-state"),
        ValueMode::Yoy => tr!(lang, "filters-change-on-the-previous-year-computed"),
        ValueMode::Index => {
            tr!(lang, "filters-each-line-relative-to-its-first")
        }
        ValueMode::ShareOfParent => tr!(lang, "filters-yiwu-as-a-share-of-jinhua"),
        ValueMode::ShareOfTotal => tr!(lang, "filters-each-metric-as-a-share-of"),
    }
}

/// What the panel shows that follows from the filter, made when the filter changes (not every
/// frame): why the log scale or a value mode cannot be chosen, the totals a share can be of.
pub(crate) struct PanelFacts<'a> {
    /// Why the log scale cannot be used, in words.
    pub log_unavailable: Option<&'a str>,
    /// Why each mode of `ValueMode::ALL` cannot be chosen, in words.
    pub modes_unavailable: &'a [Option<String>],
    /// The metrics "share of a total" can divide by.
    pub total_candidates: &'a [MetricId],
}

/// Draws the filters; returns the commands they produce.
pub(crate) fn show(
    ui: &mut Ui,
    d: &Dataset,
    dataset_generation: u64,
    current: &Filter,
    state: &mut PanelState,
    facts: &PanelFacts<'_>,
    lang: Lang,
) -> Vec<Command> {
    // Borrowed until a control changes something: drawing the panel copies no filter.
    let mut f = Cow::Borrowed(current);
    let mut commands = Vec::new();
    // Always visible: a bar that appears and disappears as the content height crosses the
    // panel height would keep animating, and keep an idle window repainting.
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
        .show(ui, |ui| {
            CollapsingHeader::new(RichText::new(tr!(lang, "filters-places")).strong()).default_open(true).show(
                ui,
                |ui| {
                    state.place_search.attributes.resize(d.attributes.len(), None);
                    narrowing(ui, d, &mut state.place_search, lang);
                    if d.entities.len() <= TREE_LIMIT && !state.place_search.narrows() {
                        entity_tree(ui, d, &mut f, lang);
                    } else {
                        entity_list(ui, d, dataset_generation, &mut f, state, lang);
                    }
                },
            );
            CollapsingHeader::new(RichText::new(tr!(lang, "filters-metrics")).strong()).default_open(true).show(
                ui,
                |ui| {
                    metric_list(ui, d, &mut f, &mut state.metric_search, lang);
                },
            );
            parts(ui, d, &mut f, lang);
            ui.separator();
            years(ui, d, &mut f, lang);
            period(ui, d, &mut f, lang);
            ui.separator();
            modes(ui, d, &mut f, facts, lang);
            ui.separator();
            figures(ui, d, &mut f, facts.log_unavailable, lang);
            ui.separator();
            let reset = ui
                .button(tr!(lang, "filters-reset-filters"))
                .on_hover_text(tr!(lang, "filters-back-to-the-dataset-s-starting"));
            if reset.clicked() {
                commands.push(Command::ResetFilters);
            }
        });
    if let Cow::Owned(f) = f
        && f != *current
    {
        commands.insert(0, Command::SetFilter(f));
    }
    commands
}

/// One entity's checkbox, with its kind and number of figures on hover.
fn entity_checkbox(ui: &mut Ui, d: &Dataset, f: &mut Cow<'_, Filter>, id: EntityId, lang: Lang) {
    let entity = d.entity(id);
    let mut on = f.entities.contains(&entity.id);
    let count = d.stats.per_entity.get(id.0 as usize).copied().unwrap_or(0);
    // Worded only when hovered: a frame draws every place's checkbox.
    let help = |ui: &mut Ui| {
        let figures = tr!(lang, "figure-count", n = count, count = crate::data::format::format_number(count as f64, 0));
        ui.label(if entity.kind.is_empty() { figures } else { format!("{} · {figures}", entity.kind) });
    };
    if ui.checkbox(&mut on, entity_name(entity, lang)).on_hover_ui(help).changed() {
        if on {
            f.to_mut().entities.insert(entity.id.clone());
        } else {
            f.to_mut().entities.remove(&entity.id);
        }
    }
}

/// A searchable, virtualised list for datasets with many entities: only the rows on screen are
/// laid out, and the search runs once per keystroke, not per frame.
fn entity_list(ui: &mut Ui, d: &Dataset, generation: u64, f: &mut Cow<'_, Filter>, state: &mut PanelState, lang: Lang) {
    ui.add(egui::TextEdit::singleline(&mut state.place_search.text).hint_text(tr!(lang, "filters-search-places")))
        .on_hover_text(tr!(lang, "filters-type-part-of-a-name-or"));
    let stale =
        state.entity_matches.as_ref().is_none_or(|(g, search, _)| *g != generation || *search != state.place_search);
    if stale {
        let matches = search_entities(d, &state.place_search);
        state.entity_matches = Some((generation, state.place_search.clone(), matches));
    }
    let matches: &[EntityId] = state.entity_matches.as_ref().map_or(&[], |(_, _, m)| m.as_slice());
    ui.horizontal(|ui| {
        let shown = crate::data::format::format_number(matches.len() as f64, 0);
        let selected = crate::data::format::format_number(f.entities.len() as f64, 0);
        ui.label(
            RichText::new(tr!(lang, "filters-shown-selected", shown = shown.as_str(), selected = selected.as_str()))
                .small(),
        );
    });
    ui.horizontal(|ui| {
        if ui
            .small_button(tr!(lang, "filters-select-shown"))
            .on_hover_text(tr!(lang, "filters-select-every-place-the-search-shows"))
            .clicked()
        {
            f.to_mut().entities.extend(matches.iter().map(|&e| d.entity(e).id.clone()));
        }
        if ui.small_button(tr!(lang, "filters-clear")).on_hover_text(tr!(lang, "filters-select-no-place")).clicked() {
            f.to_mut().entities.clear();
        }
    });
    let row_height = ui.spacing().interact_size.y;
    egui::ScrollArea::vertical().id_salt("entity_list").max_height(260.0).show_rows(
        ui,
        row_height,
        matches.len(),
        |ui, rows| {
            for &e in &matches[rows] {
                entity_checkbox(ui, d, f, e, lang);
            }
        },
    );
}

/// Which kinds of place to list, when the dataset has both, and one value of each attribute
/// (a region, an income group).
fn narrowing(ui: &mut Ui, d: &Dataset, search: &mut PlaceSearch, lang: Lang) {
    let aggregates = d.entities.iter().filter(|e| e.aggregate).count();
    if aggregates > 0 && aggregates < d.entities.len() {
        ui.horizontal(|ui| {
            let choices = [
                (PlaceKinds::Both, tr!(lang, "filters-show-both"), tr!(lang, "filters-show-both-help")),
                (PlaceKinds::Places, tr!(lang, "filters-show-places"), tr!(lang, "filters-show-places-help")),
                (
                    PlaceKinds::Aggregates,
                    tr!(lang, "filters-show-aggregates"),
                    tr!(lang, "filters-show-aggregates-help"),
                ),
            ];
            for (kinds, text, hover) in choices {
                ui.selectable_value(&mut search.kinds, kinds, text).on_hover_text(hover);
            }
        });
    }
    for (attribute, wanted) in d.attributes.iter().zip(search.attributes.iter_mut()) {
        let any = tr!(lang, "filters-attribute-any");
        let shown = wanted.and_then(|v| attribute.values.get(v as usize)).map_or(any.as_str(), String::as_str);
        ui.horizontal(|ui| {
            let label = ui.label(&attribute.name);
            let combo =
                egui::ComboBox::from_id_salt(("attribute", &attribute.name)).selected_text(shown).show_ui(ui, |ui| {
                    ui.selectable_value(wanted, None, any.as_str());
                    for (v, value) in attribute.values.iter().enumerate() {
                        ui.selectable_value(wanted, Some(v as u32), value);
                    }
                });
            combo.response.labelled_by(label.id);
        });
    }
}

fn entity_tree(ui: &mut Ui, d: &Dataset, f: &mut Cow<'_, Filter>, lang: Lang) {
    fn node(ui: &mut Ui, d: &Dataset, f: &mut Cow<'_, Filter>, id: EntityId, lang: Lang, depth: usize) {
        entity_checkbox(ui, d, f, id, lang);
        let children: Vec<EntityId> =
            (0..d.entities.len() as u32).map(EntityId).filter(|&c| d.entity(c).parent == Some(id)).collect();
        if !children.is_empty() && depth < 16 {
            ui.indent(("children", id.0), |ui| {
                for child in children {
                    node(ui, d, f, child, lang, depth + 1);
                }
            });
        }
    }
    for root in (0..d.entities.len() as u32).map(EntityId).filter(|&e| d.entity(e).parent.is_none()) {
        node(ui, d, f, root, lang, 0);
    }
}

fn metric_list(ui: &mut Ui, d: &Dataset, f: &mut Cow<'_, Filter>, search: &mut String, lang: Lang) {
    ui.add(egui::TextEdit::singleline(search).hint_text(tr!(lang, "filters-search-metrics")))
        .on_hover_text(tr!(lang, "filters-type-part-of-a-metric-s"));
    let needle = search.trim().to_lowercase();
    let mut groups: Vec<&str> = Vec::new();
    for m in &d.metrics {
        if !groups.contains(&m.group.as_str()) {
            groups.push(&m.group);
        }
    }
    for group in groups {
        let metrics: Vec<usize> = (0..d.metrics.len())
            .filter(|&i| d.metrics[i].group == group)
            .filter(|&i| {
                let m = &d.metrics[i];
                needle.is_empty()
                    || m.name.to_lowercase().contains(&needle)
                    || m.name_zh.as_deref().is_some_and(|z| z.contains(&needle))
                    || m.id.contains(&needle)
            })
            .collect();
        if metrics.is_empty() {
            continue;
        }
        let selected = metrics.iter().filter(|&&i| f.metrics.contains(&d.metrics[i].id)).count();
        let title = if selected > 0 {
            format!("{} ({selected}/{})", group_label(group, lang), metrics.len())
        } else {
            format!("{} ({})", group_label(group, lang), metrics.len())
        };
        CollapsingHeader::new(title)
            .id_salt(("group", group))
            .default_open(selected > 0)
            .open(if needle.is_empty() { None } else { Some(true) })
            .show(ui, |ui| {
                for i in metrics {
                    let m = &d.metrics[i];
                    let mut on = f.metrics.contains(&m.id);
                    // Worded only when hovered: a frame draws every metric's checkbox.
                    let help = |ui: &mut Ui| {
                        let unit = crate::l10n::unit_label(d, &crate::data::DisplayUnit::of(&m.unit), lang);
                        ui.label(if unit.is_empty() {
                            m.description.clone()
                        } else {
                            format!("{}\n({unit})", m.description)
                        });
                    };
                    if ui.checkbox(&mut on, metric_name(m, lang)).on_hover_ui(help).changed() {
                        if on {
                            f.to_mut().metrics.insert(m.id.clone());
                        } else {
                            f.to_mut().metrics.remove(&m.id);
                        }
                    }
                }
            });
    }
}

/// Names of the dimensions parts of a whole come in.
/// The parts of the selected metrics (exports to Africa, exports of mechanical and electrical
/// products…), by dimension: ticked parts are drawn beside the whole. Shown only when the
/// selected metrics have parts.
fn parts(ui: &mut Ui, d: &Dataset, f: &mut Cow<'_, Filter>, lang: Lang) {
    let mut categories: Vec<crate::data::CategoryId> =
        d.stats.parts.iter().filter(|(m, _)| f.metrics.contains(&d.metric(*m).id)).map(|&(_, c)| c).collect();
    categories.sort_unstable();
    categories.dedup();
    if categories.is_empty() {
        return;
    }
    CollapsingHeader::new(RichText::new(tr!(lang, "filters-parts")).strong()).default_open(true).show(ui, |ui| {
        let mut dimensions: Vec<Option<&str>> =
            categories.iter().map(|&c| d.category(c).dimension.as_deref()).collect();
        dimensions.dedup();
        dimensions.sort_unstable();
        dimensions.dedup();
        for dimension in dimensions {
            ui.label(RichText::new(dimension_label(dimension, lang)).weak());
            for &c in categories.iter().filter(|&&c| d.category(c).dimension.as_deref() == dimension) {
                let category = d.category(c);
                let mut on = f.categories.contains(&category.id);
                let help = |ui: &mut Ui| {
                    ui.label(tr!(lang, "filters-draw-this-part-beside-the-whole"));
                };
                if ui.checkbox(&mut on, crate::l10n::category_name(category, lang)).on_hover_ui(help).changed() {
                    if on {
                        f.to_mut().categories.insert(category.id.clone());
                    } else {
                        f.to_mut().categories.remove(&category.id);
                    }
                }
            }
        }
    });
}

/// A slider over years that shows "500 BCE" for -500 (and still takes -500 typed in).
fn year_slider(year: &mut i32, range: std::ops::RangeInclusive<i32>, lang: Lang) -> egui::Slider<'_> {
    egui::Slider::new(year, range).custom_formatter(move |v, _| crate::l10n::year_label(v.round() as i32, lang))
}

fn years(ui: &mut Ui, d: &Dataset, f: &mut Cow<'_, Filter>, lang: Lang) {
    let Some((first, last)) = d.year_span() else { return };
    ui.label(RichText::new(tr!(lang, "filters-years")).strong());
    let mut from = f.year_from.unwrap_or(first).clamp(first, last);
    let mut to = f.year_to.unwrap_or(last).clamp(first, last);
    let from_changed = ui
        .add(year_slider(&mut from, first..=last, lang).text(tr!(lang, "filters-from")))
        .on_hover_text(tr!(lang, "filters-first-year-shown"))
        .changed();
    let to_changed = ui
        .add(year_slider(&mut to, first..=last, lang).text(tr!(lang, "filters-to")))
        .on_hover_text(tr!(lang, "filters-last-year-shown"))
        .changed();
    if from_changed || to_changed {
        if from > to {
            if from_changed { to = from } else { from = to }
        }
        let (year_from, year_to) = ((from != first).then_some(from), (to != last).then_some(to));
        if (year_from, year_to) != (f.year_from, f.year_to) {
            let f = f.to_mut();
            (f.year_from, f.year_to) = (year_from, year_to);
        }
    }
}

fn period(ui: &mut Ui, d: &Dataset, f: &mut Cow<'_, Filter>, lang: Lang) {
    if d.periods.len() <= 1 {
        return;
    }
    let current = match &f.period {
        PeriodChoice::FullYear => tr!(lang, "filters-full-year"),
        PeriodChoice::Named(name) => period_label(name, lang),
    };
    ui.horizontal(|ui| {
        let label = ui.label(tr!(lang, "filters-period"));
        egui::ComboBox::from_id_salt("period")
            .selected_text(current)
            .show_ui(ui, |ui| {
                let full_year = f.period == PeriodChoice::FullYear;
                if ui.selectable_label(full_year, tr!(lang, "filters-full-year")).clicked() && !full_year {
                    f.to_mut().period = PeriodChoice::FullYear;
                }
                for i in 1..d.periods.len() {
                    let name = d.period(PeriodId(i as u16));
                    let chosen = matches!(&f.period, PeriodChoice::Named(p) if p == name);
                    if ui.selectable_label(chosen, period_label(name, lang)).clicked() && !chosen {
                        f.to_mut().period = PeriodChoice::Named(name.to_string());
                    }
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text(tr!(lang, "filters-part-year-figures-jan-nov-q1"));
    });
}

fn modes(ui: &mut Ui, d: &Dataset, f: &mut Cow<'_, Filter>, facts: &PanelFacts<'_>, lang: Lang) {
    ui.label(RichText::new(tr!(lang, "filters-values")).strong());
    for (i, mode) in ValueMode::ALL.into_iter().enumerate() {
        let reason = facts.modes_unavailable.get(i).cloned().flatten();
        let response = ui
            .add_enabled(reason.is_none(), egui::RadioButton::new(f.mode == mode, mode_label(mode, lang)))
            .on_hover_text(mode_help(mode, lang))
            .on_disabled_hover_text(reason.unwrap_or_default());
        if response.clicked() && f.mode != mode {
            f.to_mut().mode = mode;
        }
    }
    if f.mode == ValueMode::ShareOfTotal {
        let candidates = facts.total_candidates;
        if f.total_metric.as_deref().and_then(|id| d.metric_id(id)).is_none_or(|m| !candidates.contains(&m)) {
            f.to_mut().total_metric = candidates.first().map(|&m| d.metric(m).id.clone());
        }
        let current = f
            .total_metric
            .as_deref()
            .and_then(|id| d.metric_id(id))
            .map(|m| metric_name(d.metric(m), lang).to_string());
        ui.horizontal(|ui| {
            ui.label(tr!(lang, "filters-total"));
            egui::ComboBox::from_id_salt("total_metric")
                .selected_text(current.unwrap_or_default())
                .show_ui(ui, |ui| {
                    for &m in candidates {
                        let id = &d.metric(m).id;
                        let chosen = f.total_metric.as_ref() == Some(id);
                        if ui.selectable_label(chosen, metric_name(d.metric(m), lang)).clicked() && !chosen {
                            f.to_mut().total_metric = Some(id.clone());
                        }
                    }
                })
                .response
                .on_hover_text(tr!(lang, "filters-the-metric-the-selected-ones-are"));
        });
    }
    if d.metrics.iter().any(|m| matches!(m.unit, Unit::Money { .. })) {
        ui.horizontal(|ui| {
            ui.label(tr!(lang, "filters-money-in"));
            for (scale, label, help) in [
                (UnitScale::Billion, tr!(lang, "filters-billions"), tr!(lang, "filters-billion-yuan-or-us-dollars")),
                (
                    UnitScale::HundredMillion,
                    tr!(lang, "filters-hundred-million"),
                    tr!(lang, "filters-100-million-yuan-the-unit-of"),
                ),
                (UnitScale::AsStored, tr!(lang, "filters-as-stored"), tr!(lang, "filters-the-unit-the-dataset-stores")),
            ] {
                if ui.selectable_label(f.unit_scale == scale, label).on_hover_text(help).clicked()
                    && f.unit_scale != scale
                {
                    f.to_mut().unit_scale = scale;
                }
            }
        });
    }
}

fn figures(ui: &mut Ui, d: &Dataset, f: &mut Cow<'_, Filter>, log_unavailable: Option<&str>, lang: Lang) {
    let mut include_derived = f.include_derived;
    if ui
        .checkbox(&mut include_derived, tr!(lang, "filters-include-derived-figures"))
        .on_hover_text(tr!(lang, "filters-figures-computed-from-others-total-minus"))
        .changed()
    {
        f.to_mut().include_derived = include_derived;
    }
    let has_trust = d.stats.any_trust;
    if has_trust {
        let label = |t: Option<Trust>| match t {
            None => tr!(lang, "filters-any"),
            Some(Trust::Low) => tr!(lang, "filters-low-or-better"),
            Some(Trust::Medium) => tr!(lang, "filters-medium-or-better"),
            Some(Trust::High) => tr!(lang, "filters-high-only"),
        };
        ui.horizontal(|ui| {
            ui.label(tr!(lang, "filters-minimum-trust"));
            egui::ComboBox::from_id_salt("min_trust")
                .selected_text(label(f.min_trust))
                .show_ui(ui, |ui| {
                    for t in [None, Some(Trust::Low), Some(Trust::Medium), Some(Trust::High)] {
                        if ui.selectable_label(f.min_trust == t, label(t)).clicked() && f.min_trust != t {
                            f.to_mut().min_trust = t;
                        }
                    }
                })
                .response
                .on_hover_text(tr!(lang, "filters-high-official-releases-and-major-outlets"));
        });
    }
    let log_help = tr!(lang, "filters-logarithmic-y-axis-on-the-over");
    let mut log_scale = f.log_scale;
    let log = ui
        .add_enabled(
            log_unavailable.is_none() || f.log_scale,
            egui::Checkbox::new(&mut log_scale, tr!(lang, "filters-log-scale")),
        )
        .on_hover_text(log_help)
        .on_disabled_hover_text(log_unavailable.unwrap_or_default());
    if log.changed() {
        f.to_mut().log_scale = log_scale;
    }
    if let Some(reason) = log_unavailable.filter(|_| f.log_scale) {
        ui.label(RichText::new(reason).small().color(ui.visuals().warn_fg_color));
    }
}
