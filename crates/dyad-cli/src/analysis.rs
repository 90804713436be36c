//! `dyad series`, `dyad actors`, `dyad dyads` and `dyad shifts`: analyses over the store, with
//! actors given as codes ("KAZ", "KAZGOV") or names ("Kazakhstan") resolved by the dictionaries.

use crate::args::{FilterArgs, SeriesArgs, ShiftsArgs, TopArgs};
use crate::{Outcome, load_coder};
use anyhow::Context;
use dyad_dict::Dictionaries;
use dyad_store::shifts::{Penalty, Shift, ShiftKind, ShiftOptions};
use dyad_store::{ActorSel, Filter, Metric, Period, SeriesQuery, SeriesRow, Store};
use std::io::Write;
use std::path::Path;

/// Opens a store that must exist already.
pub fn open_existing(path: &Path) -> anyhow::Result<Store> {
    if !path.exists() {
        anyhow::bail!("no store at {}: run `dyad ingest INPUT… --db {}` first", path.display(), path.display());
    }
    Store::open(path).with_context(|| format!("cannot open the store {}", path.display()))
}

/// Dates and root from the common arguments.
pub fn filter_from(f: &FilterArgs) -> anyhow::Result<Filter> {
    let date = |s: &Option<String>, what: &str| -> anyhow::Result<Option<chrono::NaiveDate>> {
        match s {
            Some(d) => {
                Ok(Some(dyad_ingest::parse_date(d).with_context(|| format!("bad --{what} '{d}': use YYYY-MM-DD"))?))
            }
            None => Ok(None),
        }
    };
    let root = match &f.root {
        Some(r) => {
            let n: u8 =
                r.trim().parse().ok().filter(|n| (1..=20).contains(n)).with_context(|| {
                    format!("bad --root '{r}': use a CAMEO root from 01 to 20 (e.g. 14 for protests)")
                })?;
            Some(n)
        }
        None => None,
    };
    Ok(Filter { from: date(&f.from, "from")?, to: date(&f.to, "to")?, root, ..Filter::default() })
}

fn looks_like_code(s: &str) -> bool {
    s.len() >= 3 && s.len().is_multiple_of(3) && s.bytes().all(|b| b.is_ascii_uppercase() || b == b'-')
}

/// An actor as the user typed it: `*` (anyone), a code ("KAZ", "KAZGOV", "IGOUNO"), or the name,
/// variant, adjective or capital of a country ("Kazakhstan", "Kazakh", "Astana") or the name of an
/// organisation ("United Nations", "NATO").
pub fn resolve_actor(s: &str, dicts: &Dictionaries) -> anyhow::Result<ActorSel> {
    let s = s.trim();
    if s.is_empty() || s == "*" {
        return Ok(ActorSel::Any);
    }
    let known_code =
        dicts.countries.iter().any(|c| c.code == s) || dicts.organisations.iter().any(|o| o.code.to_string() == s);
    if known_code {
        return Ok(ActorSel::from_code(s));
    }
    let folded = s.to_lowercase();
    for c in &dicts.countries {
        let names = std::iter::once(c.name.as_str())
            .chain(c.names.iter().map(|n| n.text.as_str()))
            .chain(c.adjectives.iter().map(|n| n.text.as_str()))
            .chain(c.people.iter().map(|n| n.text.as_str()))
            .chain(c.capitals.iter().map(|n| n.text.as_str()));
        if names.into_iter().any(|n| n.to_lowercase() == folded) {
            return Ok(ActorSel::Country(c.code.clone()));
        }
    }
    for o in &dicts.organisations {
        let names = std::iter::once(o.name.as_str()).chain(o.names.iter().map(|n| n.text.as_str()));
        if names.into_iter().any(|n| n.to_lowercase() == folded) {
            return Ok(ActorSel::from_code(&o.code.to_string()));
        }
    }
    if looks_like_code(s) {
        return Ok(ActorSel::from_code(s));
    }
    let all: Vec<&str> = dicts
        .countries
        .iter()
        .map(|c| c.name.as_str())
        .chain(dicts.organisations.iter().map(|o| o.name.as_str()))
        .collect();
    let hint = dyad_dict::nearest(s, all.iter().copied()).map(|n| format!(" (did you mean {n}?)")).unwrap_or_default();
    anyhow::bail!("unknown actor '{s}'{hint}: give a code such as KAZ or KAZGOV, or a country or organisation name")
}

fn resolve_pair(source: &str, target: &str, dict: Option<&Path>) -> anyhow::Result<(ActorSel, ActorSel)> {
    let coder = load_coder(dict)?;
    Ok((resolve_actor(source, coder.dictionaries())?, resolve_actor(target, coder.dictionaries())?))
}

const QUAD_NAMES: [&str; 4] = ["verbal_coop", "material_coop", "verbal_conflict", "material_conflict"];

fn series_columns(metric: Metric) -> Vec<&'static str> {
    let mut cols = vec!["period"];
    match metric {
        Metric::All => {
            cols.extend(["events", "goldstein_sum", "goldstein_mean"]);
            cols.extend(QUAD_NAMES);
        }
        Metric::Count => cols.push("events"),
        Metric::Goldstein => cols.extend(["events", "goldstein_sum", "goldstein_mean"]),
        Metric::Quad => cols.extend(QUAD_NAMES),
    }
    cols
}

fn series_cells(r: &SeriesRow, metric: Metric) -> Vec<String> {
    let mut cells = vec![r.start.to_string()];
    let gold = |cells: &mut Vec<String>| {
        cells.push(r.count.to_string());
        cells.push(format!("{:.1}", r.goldstein_sum));
        cells.push(r.goldstein_mean.map(|m| format!("{m:.2}")).unwrap_or_default());
    };
    match metric {
        Metric::All => {
            gold(&mut cells);
            cells.extend(r.quad.iter().map(u64::to_string));
        }
        Metric::Count => cells.push(r.count.to_string()),
        Metric::Goldstein => gold(&mut cells),
        Metric::Quad => cells.extend(r.quad.iter().map(u64::to_string)),
    }
    cells
}

/// Writes rows as CSV or as right-aligned columns.
fn print_rows(header: &[&str], rows: &[Vec<String>], csv: bool) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    if csv {
        let mut w = csv::Writer::from_writer(out);
        w.write_record(header)?;
        for r in rows {
            w.write_record(r)?;
        }
        w.flush()?;
        return Ok(());
    }
    let mut widths: Vec<usize> = header.iter().map(|h| h.len()).collect();
    for r in rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: Vec<&str>| {
        cells
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(i, (c, w))| if i == 0 { format!("{c:<w$}") } else { format!("{c:>w$}") })
            .collect::<Vec<_>>()
            .join("  ")
    };
    writeln!(out, "{}", line(header.to_vec()))?;
    for r in rows {
        writeln!(out, "{}", line(r.iter().map(String::as_str).collect()))?;
    }
    Ok(())
}

pub fn series(a: SeriesArgs) -> anyhow::Result<Outcome> {
    let period = Period::parse(&a.by).with_context(|| format!("bad --by '{}': use day, week or month", a.by))?;
    let metric = Metric::parse(&a.metric)
        .with_context(|| format!("bad --metric '{}': use all, count, goldstein or quad", a.metric))?;
    let (source, target) = resolve_pair(&a.source, &a.target, a.dict.as_deref())?;
    let store = open_existing(&a.db.db)?;
    let filter = Filter { source, target, both_directions: a.both_directions, ..filter_from(&a.filter)? };
    let q = SeriesQuery { filter: filter.clone(), period, one_a_day: a.one_a_day };
    let rows = store.series(&q)?;
    let header = series_columns(metric);
    let cells: Vec<Vec<String>> = rows.iter().map(|r| series_cells(r, metric)).collect();
    print_rows(&header, &cells, a.csv)?;
    let total: u64 = rows.iter().map(|r| r.count).sum();
    let arrow = if a.both_directions { "↔" } else { "→" };
    let title = format!("{} {arrow} {}", filter.source.label(), filter.target.label());
    if !a.csv {
        eprintln!("dyad: {title}: {total} events in {} periods", rows.len());
    }
    if let Some(path) = &a.plot {
        crate::plot::series_svg(path, &title, period, &rows)
            .with_context(|| format!("cannot draw {}", path.display()))?;
        eprintln!("dyad: chart written to {}", path.display());
    }
    Ok(Outcome::Ok)
}

/// `dyad actors` (`dyads` false) and `dyad dyads`.
pub fn actors(a: TopArgs, dyads: bool) -> anyhow::Result<Outcome> {
    let store = open_existing(&a.db.db)?;
    let filter = filter_from(&a.filter)?;
    if dyads {
        let rows = store.dyads(&filter, a.top, a.codes)?;
        let header = ["source", "target", "events", "cooperation", "conflict", "balance", "goldstein_mean"];
        let cells: Vec<Vec<String>> = rows
            .iter()
            .map(|r| {
                vec![
                    r.source.clone(),
                    r.target.clone(),
                    r.count.to_string(),
                    r.cooperation.to_string(),
                    r.conflict.to_string(),
                    format!("{:+.2}", r.balance()),
                    format!("{:+.2}", r.goldstein_mean),
                ]
            })
            .collect();
        print_rows(&header, &cells, a.csv)?;
    } else {
        let rows = store.actors(&filter, a.top, a.codes)?;
        let header =
            ["actor", "events", "as_source", "as_target", "cooperation", "conflict", "balance", "goldstein_mean"];
        let cells: Vec<Vec<String>> = rows
            .iter()
            .map(|r| {
                vec![
                    r.actor.clone(),
                    (r.as_source + r.as_target).to_string(),
                    r.as_source.to_string(),
                    r.as_target.to_string(),
                    r.cooperation.to_string(),
                    r.conflict.to_string(),
                    format!("{:+.2}", r.balance()),
                    format!("{:+.2}", r.goldstein_mean),
                ]
            })
            .collect();
        print_rows(&header, &cells, a.csv)?;
    }
    if !a.csv {
        eprintln!("dyad: balance = (cooperation − conflict) / events: +1 all cooperation, −1 all conflict");
    }
    Ok(Outcome::Ok)
}

fn describe(s: &Shift) -> String {
    match s.kind {
        ShiftKind::Tone => format!(
            "tone {}: mean Goldstein {:+.2} → {:+.2} ({:+.2}, {:+.1} sd)",
            s.direction(),
            s.before,
            s.after,
            s.change(),
            s.size
        ),
        ShiftKind::Volume => {
            format!("volume: {}: {:.1} → {:.1} events per period (×{:.1})", s.direction(), s.before, s.after, s.size)
        }
    }
}

pub fn shifts(a: ShiftsArgs) -> anyhow::Result<Outcome> {
    let period = Period::parse(&a.by).with_context(|| format!("bad --by '{}': use day, week or month", a.by))?;
    let penalty = Penalty::parse(&a.penalty)
        .with_context(|| format!("bad --penalty '{}': use mbic, bic or a number", a.penalty))?;
    let opts = ShiftOptions { period, penalty, min_records: a.min_records.max(2), min_periods: 3, drivers: a.drivers };
    let store = open_existing(&a.db.db)?;
    let base = filter_from(&a.filter)?;
    let dyads: Vec<(ActorSel, ActorSel)> = match (&a.source, &a.target) {
        (Some(s), Some(t)) => vec![resolve_pair(s, t, a.dict.as_deref())?],
        (Some(_), None) | (None, Some(_)) => {
            anyhow::bail!("give both SOURCE and TARGET, or neither to scan the most active dyads")
        }
        (None, None) => store
            .dyads(&base, a.top, false)?
            .into_iter()
            .filter(|d| d.source != d.target)
            .map(|d| (ActorSel::Country(d.source), ActorSel::Country(d.target)))
            .collect(),
    };
    let mut out = std::io::stdout().lock();
    let mut found = 0;
    for (source, target) in dyads {
        let filter = Filter { source, target, both_directions: a.both_directions, ..base.clone() };
        let shifts = store.shifts(&filter, &opts)?;
        let arrow = if a.both_directions { "↔" } else { "→" };
        let name = format!("{} {arrow} {}", filter.source.label(), filter.target.label());
        if shifts.is_empty() {
            writeln!(out, "{name}: no shift")?;
            continue;
        }
        for s in &shifts {
            found += 1;
            writeln!(out, "{name}  {}  {}", s.date, describe(s))?;
            writeln!(
                out,
                "    before {} … {}, after {} … {}",
                s.before_span.0, s.before_span.1, s.after_span.0, s.after_span.1
            )?;
            for m in store.mentions_by_id(&s.drivers)? {
                let e = &m.record;
                let t = e.target.as_ref().map(|t| t.code.as_str()).unwrap_or("-");
                let date = e.date.map(|d| d.to_string()).unwrap_or_default();
                writeln!(
                    out,
                    "    {date}  {} → {t}  {} ({:+.1})  \"{}\"  [{}]",
                    e.source.code,
                    e.cameo,
                    e.goldstein,
                    e.sentence.trim(),
                    e.doc_id
                )?;
            }
        }
    }
    eprintln!("dyad: {found} shifts (PELT, penalty {}, tone segments ≥ {} records)", a.penalty, opts.min_records);
    Ok(Outcome::Ok)
}
