//! Analyses over stored records: dyad time series (counts, Goldstein sum and mean, quad-class
//! counts per day, week or month), the most active actors and dyads.
//!
//! Aggregation runs inside SQLite over covering indexes, so a series reads only index pages:
//! `mentions_dyad` (source country, target country, source code, target code, day, quad,
//! Goldstein, root) when an actor is given (a code prefix also fixes its country), and
//! `mentions_day` when none is; Rust then folds days into weeks or months.

use crate::query::Filter;
use crate::{Result, Store, day_date};
use chrono::{Datelike, Duration, NaiveDate};
use rusqlite::params_from_iter;
use rusqlite::types::Value;
use std::collections::BTreeMap;

/// The length of a series period.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Period {
    /// Calendar days.
    Day,
    /// ISO weeks, labelled by their Monday.
    #[default]
    Week,
    /// Calendar months, labelled by their first day.
    Month,
}

impl Period {
    /// Parses `day`, `week` or `month`.
    pub fn parse(s: &str) -> Option<Period> {
        match s {
            "day" | "daily" => Some(Period::Day),
            "week" | "weekly" => Some(Period::Week),
            "month" | "monthly" => Some(Period::Month),
            _ => None,
        }
    }

    /// The first day of the period containing `d`.
    pub fn start(self, d: NaiveDate) -> NaiveDate {
        match self {
            Period::Day => d,
            Period::Week => d - Duration::days(d.weekday().num_days_from_monday() as i64),
            Period::Month => d.with_day(1).unwrap_or(d),
        }
    }

    /// The first day of the next period.
    pub fn next(self, start: NaiveDate) -> NaiveDate {
        match self {
            Period::Day => start + Duration::days(1),
            Period::Week => start + Duration::days(7),
            Period::Month => {
                let (y, m) =
                    if start.month() == 12 { (start.year() + 1, 1) } else { (start.year(), start.month() + 1) };
                NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(start)
            }
        }
    }
}

/// Which columns a series shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Metric {
    /// Counts, Goldstein sum and mean, and quad-class counts.
    #[default]
    All,
    /// Event counts.
    Count,
    /// Goldstein sum and mean.
    Goldstein,
    /// Counts per quad class.
    Quad,
}

impl Metric {
    /// Parses `count`, `goldstein`, `quad` or `all`.
    pub fn parse(s: &str) -> Option<Metric> {
        match s {
            "all" => Some(Metric::All),
            "count" => Some(Metric::Count),
            "goldstein" => Some(Metric::Goldstein),
            "quad" => Some(Metric::Quad),
            _ => None,
        }
    }
}

/// A dyad series request.
#[derive(Clone, Debug, Default)]
pub struct SeriesQuery {
    /// Dyad, dates and code root; `both_directions` adds the reverse dyad.
    pub filter: Filter,
    /// Period length.
    pub period: Period,
    /// Count aggregate events (one per day, source, target and code) instead of every record.
    pub one_a_day: bool,
}

/// One period of a series.
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesRow {
    /// First day of the period.
    pub start: NaiveDate,
    /// Events in the period.
    pub count: u64,
    /// Sum of Goldstein scores.
    pub goldstein_sum: f64,
    /// Mean Goldstein score; `None` when there are no events.
    pub goldstein_mean: Option<f64>,
    /// Counts per GDELT quad class: verbal cooperation, material cooperation, verbal conflict,
    /// material conflict.
    pub quad: [u64; 4],
}

/// An actor's activity.
#[derive(Clone, Debug, PartialEq)]
pub struct ActorRow {
    /// Country (or full code with `by_code`).
    pub actor: String,
    /// Events with the actor as source.
    pub as_source: u64,
    /// Events with the actor as target.
    pub as_target: u64,
    /// Cooperation events (quad 1–2) either way.
    pub cooperation: u64,
    /// Conflict events (quad 3–4) either way.
    pub conflict: u64,
    /// Mean Goldstein score either way.
    pub goldstein_mean: f64,
}

impl ActorRow {
    /// (cooperation − conflict) / events, from −1 (all conflict) to +1 (all cooperation).
    pub fn balance(&self) -> f64 {
        let n = self.cooperation + self.conflict;
        if n == 0 { 0.0 } else { (self.cooperation as f64 - self.conflict as f64) / n as f64 }
    }
}

/// A directed dyad's activity.
#[derive(Clone, Debug, PartialEq)]
pub struct DyadRow {
    /// Source country (or code).
    pub source: String,
    /// Target country (or code).
    pub target: String,
    /// Events.
    pub count: u64,
    /// Cooperation events (quad 1–2).
    pub cooperation: u64,
    /// Conflict events (quad 3–4).
    pub conflict: u64,
    /// Mean Goldstein score.
    pub goldstein_mean: f64,
}

impl DyadRow {
    /// (cooperation − conflict) / events, from −1 to +1.
    pub fn balance(&self) -> f64 {
        if self.count == 0 { 0.0 } else { (self.cooperation as f64 - self.conflict as f64) / self.count as f64 }
    }
}

impl Store {
    /// Per-day, per-quad counts and Goldstein sums of one direction of a dyad (dated events only).
    fn day_quads(&self, filter: &Filter, one_a_day: bool, out: &mut BTreeMap<(i64, u8), (u64, f64)>) -> Result<()> {
        let table = if one_a_day { "events" } else { "mentions" };
        let (cond, args) = filter.sql("m");
        let sql = format!(
            "SELECT m.day, m.quad, count(*), sum(m.goldstein) FROM {table} m WHERE {cond} AND {}{} GROUP BY m.day, m.quad",
            filter.dated("m"),
            if one_a_day { " AND m.num_mentions > 0" } else { "" }
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query(params_from_iter(args))?;
        while let Some(r) = rows.next()? {
            let slot = out.entry((r.get(0)?, r.get::<_, i64>(1)? as u8)).or_insert((0, 0.0));
            slot.0 += r.get::<_, i64>(2)? as u64;
            slot.1 += r.get::<_, f64>(3)?;
        }
        Ok(())
    }

    /// A dyad's series: one row per period from the first to the last event (or over `from` …
    /// `to` when given), empty periods included.
    pub fn series(&self, q: &SeriesQuery) -> Result<Vec<SeriesRow>> {
        let mut days = BTreeMap::new();
        let forward = Filter { both_directions: false, ..q.filter.clone() };
        self.day_quads(&forward, q.one_a_day, &mut days)?;
        if q.filter.both_directions && q.filter.source != q.filter.target {
            self.day_quads(&q.filter.reversed(), q.one_a_day, &mut days)?;
        }
        let mut periods: BTreeMap<NaiveDate, SeriesRow> = BTreeMap::new();
        for ((day, quad), (n, sum)) in days {
            let Some(d) = day_date(day) else { continue };
            let start = q.period.start(d);
            let row = periods.entry(start).or_insert_with(|| empty_row(start));
            row.count += n;
            row.goldstein_sum += sum;
            if (1..=4).contains(&quad) {
                row.quad[quad as usize - 1] += n;
            }
        }
        let first = q.filter.from.map(|d| q.period.start(d)).or_else(|| periods.keys().next().copied());
        let last = q.filter.to.map(|d| q.period.start(d)).or_else(|| periods.keys().next_back().copied());
        let mut out = Vec::new();
        if let (Some(mut at), Some(last)) = (first, last) {
            while at <= last {
                let mut row = periods.remove(&at).unwrap_or_else(|| empty_row(at));
                row.goldstein_mean = (row.count > 0).then(|| row.goldstein_sum / row.count as f64);
                out.push(row);
                at = q.period.next(at);
            }
        }
        Ok(out)
    }

    /// The most active actors, by events as source plus as target.
    pub fn actors(&self, filter: &Filter, top: usize, by_code: bool) -> Result<Vec<ActorRow>> {
        let (s, t) = if by_code { ("source", "target") } else { ("source_country", "target_country") };
        let (cond, args) = filter.sql("m");
        let sql = format!(
            "SELECT actor, sum(src), sum(tgt), sum(coop), sum(conf), sum(g) FROM (
                 SELECT m.{s} AS actor, count(*) AS src, 0 AS tgt, sum(m.quad <= 2) AS coop, sum(m.quad >= 3) AS conf, sum(m.goldstein) AS g
                 FROM mentions m WHERE {cond} AND m.{s} IS NOT NULL AND m.{s} <> '' GROUP BY m.{s}
                 UNION ALL
                 SELECT m.{t}, 0, count(*), sum(m.quad <= 2), sum(m.quad >= 3), sum(m.goldstein)
                 FROM mentions m WHERE {cond} AND m.{t} IS NOT NULL AND m.{t} <> '' GROUP BY m.{t})
             GROUP BY actor ORDER BY sum(src) + sum(tgt) DESC, actor LIMIT ?"
        );
        let mut all: Vec<Value> = args.clone();
        all.extend(args);
        all.push(Value::Integer(top as i64));
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(all), |r| {
            let (src, tgt): (i64, i64) = (r.get(1)?, r.get(2)?);
            Ok(ActorRow {
                actor: r.get(0)?,
                as_source: src as u64,
                as_target: tgt as u64,
                cooperation: r.get::<_, i64>(3)? as u64,
                conflict: r.get::<_, i64>(4)? as u64,
                goldstein_mean: r.get::<_, f64>(5)? / (src + tgt).max(1) as f64,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The most active directed dyads (events with both a source and a target).
    pub fn dyads(&self, filter: &Filter, top: usize, by_code: bool) -> Result<Vec<DyadRow>> {
        let (s, t) = if by_code { ("source", "target") } else { ("source_country", "target_country") };
        let (cond, mut args) = filter.sql("m");
        let sql = format!(
            "SELECT m.{s}, m.{t}, count(*), sum(m.quad <= 2), sum(m.quad >= 3), avg(m.goldstein) FROM mentions m
             WHERE {cond} AND m.{s} IS NOT NULL AND m.{s} <> '' AND m.{t} IS NOT NULL AND m.{t} <> ''
             GROUP BY m.{s}, m.{t} ORDER BY count(*) DESC, m.{s}, m.{t} LIMIT ?"
        );
        args.push(Value::Integer(top as i64));
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(args), |r| {
            Ok(DyadRow {
                source: r.get(0)?,
                target: r.get(1)?,
                count: r.get::<_, i64>(2)? as u64,
                cooperation: r.get::<_, i64>(3)? as u64,
                conflict: r.get::<_, i64>(4)? as u64,
                goldstein_mean: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

fn empty_row(start: NaiveDate) -> SeriesRow {
    SeriesRow { start, count: 0, goldstein_sum: 0.0, goldstein_mean: None, quad: [0; 4] }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_start_and_step() {
        let d = NaiveDate::from_ymd_opt(2024, 12, 19).unwrap(); // a Thursday
        assert_eq!(Period::Week.start(d), NaiveDate::from_ymd_opt(2024, 12, 16).unwrap());
        assert_eq!(Period::Month.start(d), NaiveDate::from_ymd_opt(2024, 12, 1).unwrap());
        assert_eq!(Period::Month.next(Period::Month.start(d)), NaiveDate::from_ymd_opt(2025, 1, 1).unwrap());
        assert_eq!(Period::Day.next(d), NaiveDate::from_ymd_opt(2024, 12, 20).unwrap());
        assert_eq!(Period::parse("week"), Some(Period::Week));
        assert_eq!(Metric::parse("quad"), Some(Metric::Quad));
    }
}
