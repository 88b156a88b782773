//! Reducing a long series to what a plot of a given width can show (the M4 scheme, as in
//! Rerun's time-series view): per pixel column of the visible x range keep the first, last,
//! lowest and highest point. Lines drawn through those points are pixel-identical to lines
//! through all points, for a fraction of the work. Gaps stay gaps: each connected run of points
//! is reduced on its own.

use std::ops::Range;

use super::query::{LineChart, Series};

/// The points of a series to draw, as indexes into `series.points`, in order, with the runs
/// (`segments`) to connect with lines.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Decimated {
    /// Indexes of the points kept, ascending.
    pub points: Vec<usize>,
    /// Runs of `points` (as ranges into it) that are drawn as one connected line.
    pub segments: Vec<Range<usize>>,
}

/// Reduces one series for a plot showing `x_range` over `columns` pixel columns.
///
/// Per connected run: points inside the range are bucketed by pixel column and the first,
/// last, min and max of each bucket kept; the nearest point just outside each edge is kept so
/// lines run to the plot's border; and the run's first, last, lowest and highest points are
/// always kept, so the plot's automatic bounds (double-click to reset) still cover everything.
pub(crate) fn decimate(series: &Series, x_range: (f64, f64), columns: usize) -> Decimated {
    let columns = columns.max(1);
    let (x0, x1) = if x_range.0 <= x_range.1 { x_range } else { (x_range.1, x_range.0) };
    let width = (x1 - x0).max(f64::MIN_POSITIVE);
    let mut out = Decimated::default();
    for run in series.segments() {
        let start = out.points.len();
        decimate_run(series, run, (x0, x1, width), columns, &mut out.points);
        out.segments.push(start..out.points.len());
    }
    // Points without a line (a single year between gaps) are segments of one.
    out
}

/// Decimates every visible series of a chart for a plot showing `x_range` (`None`: the
/// chart's whole extent) over `columns` pixel columns; one entry per visible series, in order.
pub fn decimate_chart(chart: &LineChart, x_range: Option<(f64, f64)>, columns: usize) -> Vec<Decimated> {
    let range = x_range.unwrap_or_else(|| {
        let xs = chart.visible_series().flat_map(|s| s.points.iter().map(|p| p.x));
        let (lo, hi) = xs.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), x| (lo.min(x), hi.max(x)));
        if lo <= hi { (lo, hi) } else { (0.0, 1.0) }
    });
    chart.visible_series().map(|s| decimate(s, range, columns)).collect()
}

fn decimate_run(
    series: &Series,
    run: Range<usize>,
    (x0, x1, width): (f64, f64, f64),
    columns: usize,
    keep: &mut Vec<usize>,
) {
    let points = &series.points;
    let value = |i: usize| points[i].value.unwrap_or(f64::NAN);
    let mut chosen: Vec<usize> = Vec::new();
    // The run's extremes, for automatic bounds.
    let (mut lowest, mut highest) = (run.start, run.start);
    for i in run.clone() {
        if value(i) < value(lowest) {
            lowest = i;
        }
        if value(i) > value(highest) {
            highest = i;
        }
    }
    chosen.extend([run.start, run.end - 1, lowest, highest]);
    // Points in view, by binary search (points are in x order).
    let inside_start = run.start + points[run.clone()].partition_point(|p| p.x < x0);
    let inside_end = run.start + points[run.clone()].partition_point(|p| p.x <= x1);
    if inside_start > run.start {
        chosen.push(inside_start - 1);
    }
    if inside_end < run.end {
        chosen.push(inside_end);
    }
    let mut i = inside_start;
    while i < inside_end {
        let column = (((points[i].x - x0) / width) * columns as f64).floor() as i64;
        let (first, mut last, mut min, mut max) = (i, i, i, i);
        i += 1;
        while i < inside_end && (((points[i].x - x0) / width) * columns as f64).floor() as i64 == column {
            last = i;
            if value(i) < value(min) {
                min = i;
            }
            if value(i) > value(max) {
                max = i;
            }
            i += 1;
        }
        chosen.extend([first, last, min, max]);
    }
    chosen.sort_unstable();
    chosen.dedup();
    keep.extend(chosen);
}

#[cfg(test)]
mod tests {
    use super::super::model::{EntityId, MetricId, PeriodId, Resolution, Time};
    use super::super::query::{Point, SeriesKey};
    use super::*;

    fn series(values: &[Option<f64>]) -> Series {
        let mut points = Vec::new();
        for (i, v) in values.iter().enumerate() {
            points.push(Point {
                time: Time::Year(1800 + i as i32),
                x: i as f64,
                value: *v,
                observation: i,
                other: None,
                derived: false,
                trust: None,
                source: None,
                gap_before: false,
            });
        }
        let key = SeriesKey {
            entity: EntityId(0),
            metric: MetricId(0),
            category: None,
            period: PeriodId(0),
            resolution: Resolution::Day,
        };
        Series { key, id: String::new(), points, hidden: false, style: Default::default() }
    }

    /// Per pixel column, the min and max of the kept points equal those of all points: the
    /// drawn envelope is the same.
    fn same_envelope(s: &Series, d: &Decimated, range: (f64, f64), columns: usize) {
        let column = |x: f64| (((x - range.0) / (range.1 - range.0)) * columns as f64).floor() as i64;
        let mut all: std::collections::BTreeMap<i64, (f64, f64)> = Default::default();
        for p in s.points.iter().filter(|p| p.x >= range.0 && p.x <= range.1) {
            let Some(v) = p.value else { continue };
            let e = all.entry(column(p.x)).or_insert((v, v));
            e.0 = e.0.min(v);
            e.1 = e.1.max(v);
        }
        let mut kept: std::collections::BTreeMap<i64, (f64, f64)> = Default::default();
        for &i in &d.points {
            let p = &s.points[i];
            if p.x < range.0 || p.x > range.1 {
                continue;
            }
            let v = p.value.expect("kept points have values");
            let e = kept.entry(column(p.x)).or_insert((v, v));
            e.0 = e.0.min(v);
            e.1 = e.1.max(v);
        }
        assert_eq!(all, kept);
    }

    #[test]
    fn a_spike_survives_decimation() {
        let mut values: Vec<Option<f64>> = (0..10_000).map(|i| Some((i % 7) as f64)).collect();
        values[4_321] = Some(1e6);
        values[8_000] = Some(-1e6);
        let s = series(&values);
        let d = decimate(&s, (0.0, 9_999.0), 100);
        assert!(d.points.contains(&4_321) && d.points.contains(&8_000));
        assert!(d.points.len() <= 4 * 101 + 6, "{} points", d.points.len());
        same_envelope(&s, &d, (0.0, 9_999.0), 100);
    }

    #[test]
    fn gaps_stay_gaps() {
        let mut values: Vec<Option<f64>> = (0..1_000).map(|i| Some(i as f64)).collect();
        for v in &mut values[400..450] {
            *v = None;
        }
        let s = series(&values);
        let d = decimate(&s, (0.0, 999.0), 20);
        assert_eq!(d.segments.len(), 2);
        let first = &d.points[d.segments[0].clone()];
        let second = &d.points[d.segments[1].clone()];
        assert!(first.iter().all(|&i| i < 400) && second.iter().all(|&i| i >= 450));
        assert_eq!((first[0], *first.last().unwrap()), (0, 399), "runs keep their ends");
        assert_eq!((second[0], *second.last().unwrap()), (450, 999));
    }

    #[test]
    fn a_constant_run_keeps_only_what_draws_it() {
        let s = series(&vec![Some(5.0); 100_000]);
        let d = decimate(&s, (0.0, 99_999.0), 800);
        assert!(d.points.len() <= 2 * 801 + 4, "{} points", d.points.len());
        same_envelope(&s, &d, (0.0, 99_999.0), 800);
    }

    #[test]
    fn a_random_walk_keeps_its_envelope_in_every_column() {
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        let mut level = 0.0;
        let values: Vec<Option<f64>> = (0..200_000)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                level += (x % 2001) as f64 / 1000.0 - 1.0;
                Some(level)
            })
            .collect();
        let s = series(&values);
        for (range, columns) in [((0.0, 199_999.0), 1_000), ((50_000.0, 50_900.0), 300), ((10.0, 20.0), 500)] {
            let d = decimate(&s, range, columns);
            same_envelope(&s, &d, range, columns);
            assert!(d.points.windows(2).all(|w| w[0] < w[1]), "in order, no duplicates");
        }
    }

    #[test]
    fn zoomed_in_keeps_the_neighbours_outside_and_the_overall_extremes() {
        let values: Vec<Option<f64>> = (0..10_000).map(|i| Some(((i as f64) / 300.0).sin() * i as f64)).collect();
        let s = series(&values);
        let d = decimate(&s, (5_000.2, 5_100.5), 50);
        assert!(d.points.contains(&5_000) && d.points.contains(&5_101), "the points just outside the edges");
        assert!(d.points.contains(&0) && d.points.contains(&9_999), "the run's ends, for automatic bounds");
        let lowest = (0..10_000).min_by(|&a, &b| values[a].unwrap().total_cmp(&values[b].unwrap())).unwrap();
        assert!(d.points.contains(&lowest));
        assert!(d.points.len() < 250);
    }

    #[test]
    fn short_series_are_kept_whole() {
        let s = series(&[Some(1.0), Some(3.0), Some(2.0)]);
        let d = decimate(&s, (0.0, 2.0), 800);
        assert_eq!(d.points, [0, 1, 2]);
        assert_eq!(d.segments.len(), 1);
        assert_eq!(d.segments[0], 0..3);
    }
}
