//! `dyad series --plot`: an SVG chart of a dyad series, stacked bars of event counts by quad
//! class per period (left axis) and the mean Goldstein score as a line (right axis, −10 … +10).
//! Drawn with plotters' SVG backend: text is written as SVG `<text>`, so no font files are read.

use dyad_store::{Period, SeriesRow};
use plotters::prelude::*;
use std::path::Path;

const QUADS: [(&str, RGBColor); 4] = [
    ("verbal cooperation", RGBColor(116, 173, 209)),
    ("material cooperation", RGBColor(49, 54, 149)),
    ("verbal conflict", RGBColor(253, 174, 97)),
    ("material conflict", RGBColor(215, 48, 39)),
];

fn label(rows: &[SeriesRow], period: Period, x: f64) -> String {
    let i = x.floor();
    if i < 0.0 || (i as usize) >= rows.len() || (x - i).abs() > 1e-9 {
        return String::new();
    }
    let d = rows[i as usize].start;
    match period {
        Period::Month => d.format("%Y-%m").to_string(),
        _ => d.format("%Y-%m-%d").to_string(),
    }
}

/// Draws the chart.
pub fn series_svg(path: &Path, title: &str, period: Period, rows: &[SeriesRow]) -> anyhow::Result<()> {
    let n = rows.len().max(1) as f64;
    let max = rows.iter().map(|r| r.count).max().unwrap_or(0).max(1) as f64;
    let root = SVGBackend::new(path, (1100, 520)).into_drawing_area();
    root.fill(&WHITE)?;
    let by = match period {
        Period::Day => "day",
        Period::Week => "week",
        Period::Month => "month",
    };
    let mut chart = ChartBuilder::on(&root)
        .caption(format!("{title}: events per {by} by quad class, and mean Goldstein score"), ("sans-serif", 20))
        .margin(12)
        .x_label_area_size(45)
        .y_label_area_size(55)
        .right_y_label_area_size(55)
        .build_cartesian_2d(0f64..n, 0f64..max * 1.45)?
        .set_secondary_coord(0f64..n, -10f64..10f64);
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(10.min(rows.len()).max(2))
        .x_label_formatter(&|x| label(rows, period, *x))
        .y_label_formatter(&|v| format!("{v:.0}"))
        .y_desc("events")
        .draw()?;
    chart.configure_secondary_axes().y_desc("mean Goldstein score").draw()?;
    for (q, (name, color)) in QUADS.iter().enumerate() {
        let bars = rows.iter().enumerate().map(|(i, r)| {
            let below: u64 = r.quad[..q].iter().sum();
            let x = i as f64;
            Rectangle::new([(x + 0.1, below as f64), (x + 0.9, (below + r.quad[q]) as f64)], color.filled())
        });
        let color = *color;
        chart
            .draw_series(bars)?
            .label(*name)
            .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 12, y + 5)], color.filled()));
    }
    // Neutral Goldstein (0) as a reference line on the right axis.
    chart.draw_secondary_series(LineSeries::new([(0.0, 0.0), (n, 0.0)], RGBColor(150, 150, 150).stroke_width(1)))?;
    // The mean is undefined in empty periods: draw each run of defined periods as its own line.
    let points: Vec<Option<(f64, f64)>> =
        rows.iter().enumerate().map(|(i, r)| r.goldstein_mean.map(|m| (i as f64 + 0.5, m))).collect();
    let mut legend = true;
    for run in points.split(|p| p.is_none()).filter(|r| !r.is_empty()) {
        let run: Vec<(f64, f64)> = run.iter().flatten().copied().collect();
        let series = chart.draw_secondary_series(LineSeries::new(run.clone(), BLACK.stroke_width(2)))?;
        if legend {
            series
                .label("mean Goldstein")
                .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 12, y)], BLACK.stroke_width(2)));
            legend = false;
        }
        chart.draw_secondary_series(run.into_iter().map(|p| Circle::new(p, 3, BLACK.filled())))?;
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .background_style(WHITE.mix(0.85))
        .border_style(BLACK)
        .draw()?;
    root.present()?;
    Ok(())
}
