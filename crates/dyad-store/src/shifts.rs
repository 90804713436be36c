//! When did a relationship move? Change points on a dyad's records, found with PELT
//! ([`crate::pelt`]) under a BIC-family penalty (by default the modified BIC of Zhang & Siegmund
//! 2007, 3·ln n, which the R `changepoint` package also uses by default: plain BIC over-segments
//! noise now and then), in two views:
//!
//! * **tone**: the Goldstein score of each record in date order, a change in Gaussian mean with
//!   the variance estimated from consecutive differences (robust to the shifts themselves);
//! * **volume**: records per period (day, week or month), a change in Poisson rate.
//!
//! Each shift reports its date, direction and size (tone: Goldstein points and standard
//! deviations; volume: events per period before and after) and the records that drove it: in
//! the new segment, those that pull furthest in the direction of the change, most-reported first.

use crate::analysis::Period;
use crate::changepoint::{Cost, difference_variance, pelt};
use crate::{Result, Store, day_date, query::Filter};
use chrono::NaiveDate;
use rusqlite::params_from_iter;

/// One dated record of a dyad.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Observation {
    /// Event date.
    pub date: NaiveDate,
    /// Goldstein score.
    pub goldstein: f64,
    /// Mention row id.
    pub mention: i64,
    /// How often its aggregate event was reported (NumMentions).
    pub reported: u32,
}

/// The penalty per change point.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Penalty {
    /// Schwarz's BIC: 2·ln n (a location and a parameter per change point).
    Bic,
    /// Zhang & Siegmund's modified BIC, 3·ln n: fewer, surer change points.
    Mbic,
    /// A fixed value.
    Value(f64),
}

impl Penalty {
    /// Parses `bic`, `mbic` or a number.
    pub fn parse(s: &str) -> Option<Penalty> {
        match s {
            "bic" => Some(Penalty::Bic),
            "mbic" => Some(Penalty::Mbic),
            n => n.parse().ok().filter(|v: &f64| *v >= 0.0).map(Penalty::Value),
        }
    }

    fn value(self, n: usize) -> f64 {
        let ln = (n.max(2) as f64).ln();
        match self {
            Penalty::Bic => 2.0 * ln,
            Penalty::Mbic => 3.0 * ln,
            Penalty::Value(v) => v,
        }
    }
}

/// How to look for shifts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ShiftOptions {
    /// Period of the volume series.
    pub period: Period,
    /// Penalty per change point.
    pub penalty: Penalty,
    /// Fewest records in a tone segment.
    pub min_records: usize,
    /// Fewest periods in a volume segment.
    pub min_periods: usize,
    /// Records listed as drivers of each shift.
    pub drivers: usize,
}

impl Default for ShiftOptions {
    fn default() -> Self {
        ShiftOptions { period: Period::Week, penalty: Penalty::Mbic, min_records: 10, min_periods: 3, drivers: 3 }
    }
}

/// Which view a shift was found in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShiftKind {
    /// Mean Goldstein score per record.
    Tone,
    /// Records per period.
    Volume,
}

/// A change in a dyad's relationship.
#[derive(Clone, Debug, PartialEq)]
pub struct Shift {
    /// Tone or volume.
    pub kind: ShiftKind,
    /// First day of the new regime.
    pub date: NaiveDate,
    /// First and last day of the regime before.
    pub before_span: (NaiveDate, NaiveDate),
    /// First and last day of the new regime.
    pub after_span: (NaiveDate, NaiveDate),
    /// Level before: mean Goldstein (tone) or records per period (volume).
    pub before: f64,
    /// Level after.
    pub after: f64,
    /// Size in standard units: standard deviations of a record's score (tone), or after/before
    /// rate ratio (volume).
    pub size: f64,
    /// Mention ids of the records that drove the change, strongest first.
    pub drivers: Vec<i64>,
}

impl Shift {
    /// `after − before`.
    pub fn change(&self) -> f64 {
        self.after - self.before
    }

    /// "toward cooperation"/"toward conflict" (tone), "more events"/"fewer events" (volume).
    pub fn direction(&self) -> &'static str {
        match (self.kind, self.change() >= 0.0) {
            (ShiftKind::Tone, true) => "toward cooperation",
            (ShiftKind::Tone, false) => "toward conflict",
            (ShiftKind::Volume, true) => "more events",
            (ShiftKind::Volume, false) => "fewer events",
        }
    }
}

/// Finds tone and volume shifts in a dyad's observations (sorted by date), tone first.
pub fn detect(obs: &[Observation], opts: &ShiftOptions) -> Vec<Shift> {
    let mut out = tone(obs, opts);
    out.extend(volume(obs, opts));
    out
}

fn mean(v: impl Iterator<Item = f64>) -> f64 {
    let (mut s, mut n) = (0.0, 0usize);
    for x in v {
        s += x;
        n += 1;
    }
    if n == 0 { 0.0 } else { s / n as f64 }
}

/// Drivers: records of the new segment ranked by their pull in the direction of the change,
/// then by how often their event was reported.
fn drivers(segment: &[Observation], before: f64, up: bool, n: usize) -> Vec<i64> {
    let mut ranked: Vec<&Observation> = segment.iter().collect();
    let pull = |o: &Observation| if up { o.goldstein - before } else { before - o.goldstein };
    ranked
        .sort_by(|a, b| pull(b).total_cmp(&pull(a)).then(b.reported.cmp(&a.reported)).then(a.mention.cmp(&b.mention)));
    ranked.into_iter().filter(|o| pull(o) > 0.0).take(n).map(|o| o.mention).collect()
}

fn tone(obs: &[Observation], opts: &ShiftOptions) -> Vec<Shift> {
    let data: Vec<f64> = obs.iter().map(|o| o.goldstein).collect();
    let variance = difference_variance(&data, 0.25);
    let cps = pelt(&data, Cost::NormalMean { variance }, opts.penalty.value(data.len()), opts.min_records);
    let mut bounds = vec![0];
    bounds.extend(&cps);
    bounds.push(obs.len());
    let sd = variance.sqrt();
    bounds
        .windows(3)
        .map(|w| {
            let (a, b) = (&obs[w[0]..w[1]], &obs[w[1]..w[2]]);
            let before = mean(a.iter().map(|o| o.goldstein));
            let after = mean(b.iter().map(|o| o.goldstein));
            Shift {
                kind: ShiftKind::Tone,
                date: b[0].date,
                before_span: (a[0].date, a[a.len() - 1].date),
                after_span: (b[0].date, b[b.len() - 1].date),
                before,
                after,
                size: (after - before) / sd,
                drivers: drivers(b, before, after > before, opts.drivers),
            }
        })
        .collect()
}

fn volume(obs: &[Observation], opts: &ShiftOptions) -> Vec<Shift> {
    let (Some(first), Some(last)) = (obs.first(), obs.last()) else { return Vec::new() };
    let p = opts.period;
    let mut starts = vec![p.start(first.date)];
    while let Some(&s) = starts.last() {
        let next = p.next(s);
        if next > last.date {
            break;
        }
        starts.push(next);
    }
    let mut counts = vec![0.0; starts.len()];
    let mut slot = 0;
    let mut index = Vec::with_capacity(obs.len());
    for o in obs {
        while slot + 1 < starts.len() && starts[slot + 1] <= o.date {
            slot += 1;
        }
        counts[slot] += 1.0;
        index.push(slot);
    }
    let cps = pelt(&counts, Cost::PoissonRate, opts.penalty.value(counts.len()), opts.min_periods);
    let mut bounds = vec![0];
    bounds.extend(&cps);
    bounds.push(counts.len());
    let end_of =
        |i: usize| if i < starts.len() { p.next(starts[i]).pred_opt().unwrap_or(starts[i]) } else { last.date };
    bounds
        .windows(3)
        .map(|w| {
            let before = mean(counts[w[0]..w[1]].iter().copied());
            let after = mean(counts[w[1]..w[2]].iter().copied());
            // The records of the first periods of the new regime, most reported first.
            let lead = (w[1] + opts.min_periods).min(w[2]);
            let mut seg: Vec<&Observation> =
                obs.iter().zip(&index).filter(|(_, s)| (w[1]..lead).contains(*s)).map(|(o, _)| o).collect();
            seg.sort_by(|a, b| b.reported.cmp(&a.reported).then(a.mention.cmp(&b.mention)));
            Shift {
                kind: ShiftKind::Volume,
                date: starts[w[1]],
                before_span: (starts[w[0]], end_of(w[1] - 1)),
                after_span: (starts[w[1]], end_of(w[2] - 1)),
                before,
                after,
                size: if before > 0.0 { after / before } else { f64::INFINITY },
                drivers: seg.into_iter().take(opts.drivers).map(|o| o.mention).collect(),
            }
        })
        .collect()
}

impl Store {
    /// A dyad's dated records as observations for [`detect`], in date order.
    pub fn dyad_observations(&self, filter: &Filter) -> Result<Vec<Observation>> {
        let (cond, args) = filter.sql("m");
        let sql = format!(
            "SELECT m.day, m.goldstein, m.id, e.num_mentions FROM mentions m JOIN events e ON e.id = m.event
             WHERE {cond} AND {} ORDER BY m.day, m.id",
            filter.dated("m")
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows =
            stmt.query_map(params_from_iter(args), |r| Ok((r.get::<_, i64>(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (day, goldstein, mention, reported) = row?;
            if let Some(date) = day_date(day) {
                out.push(Observation { date, goldstein, mention, reported });
            }
        }
        Ok(out)
    }

    /// Tone and volume shifts of one dyad.
    pub fn shifts(&self, filter: &Filter, opts: &ShiftOptions) -> Result<Vec<Shift>> {
        Ok(detect(&self.dyad_observations(filter)?, opts))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obs(days: &[(u32, f64)]) -> Vec<Observation> {
        let d0 = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
        days.iter()
            .enumerate()
            .map(|(i, &(d, g))| Observation {
                date: d0 + chrono::Duration::days(d as i64),
                goldstein: g,
                mention: i as i64 + 1,
                reported: 1,
            })
            .collect()
    }

    #[test]
    fn a_turn_to_conflict_is_found_with_its_drivers() {
        // 60 days of consultations (+1.0 … +4.0), then 40 days of threats and fighting.
        let mut days = Vec::new();
        for d in 0..60u32 {
            days.push((d, [1.0, 4.0, 1.9, 3.4][d as usize % 4]));
        }
        for d in 60..100u32 {
            days.push((d, [-4.4, -10.0, -6.0, -2.0][d as usize % 4]));
        }
        let shifts = detect(&obs(&days), &ShiftOptions::default());
        let tone: Vec<&Shift> = shifts.iter().filter(|s| s.kind == ShiftKind::Tone).collect();
        assert_eq!(tone.len(), 1, "{shifts:#?}");
        assert_eq!(tone[0].date, NaiveDate::from_ymd_opt(2024, 3, 1).unwrap());
        assert_eq!(tone[0].direction(), "toward conflict");
        assert!(tone[0].change() < -8.0);
        // The strongest pull toward conflict: the −10 records of the new segment.
        assert_eq!(tone[0].drivers, vec![62, 66, 70]);
    }

    #[test]
    fn a_surge_in_volume_is_found() {
        let mut days = Vec::new();
        for d in 0..70u32 {
            let per_day = if (35..49).contains(&d) { 6 } else { 1 };
            for _ in 0..per_day {
                days.push((d, 1.0));
            }
        }
        let opts = ShiftOptions { period: Period::Day, min_periods: 5, ..ShiftOptions::default() };
        let shifts: Vec<Shift> =
            detect(&obs(&days), &opts).into_iter().filter(|s| s.kind == ShiftKind::Volume).collect();
        assert_eq!(shifts.len(), 2, "{shifts:#?}");
        assert_eq!(shifts[0].date, NaiveDate::from_ymd_opt(2024, 2, 5).unwrap());
        assert_eq!(shifts[0].direction(), "more events");
        assert!((shifts[0].size - 6.0).abs() < 0.01);
        assert_eq!(shifts[1].direction(), "fewer events");
        assert_eq!(shifts[0].drivers.len(), 3);
    }

    #[test]
    fn steady_relations_have_no_shift() {
        let days: Vec<(u32, f64)> = (0..200u32).map(|d| (d / 2, [1.0, 3.0, -2.0, 1.9, 0.0][d as usize % 5])).collect();
        assert!(detect(&obs(&days), &ShiftOptions::default()).is_empty());
        assert_eq!(Penalty::parse("mbic"), Some(Penalty::Mbic));
        assert_eq!(Penalty::parse("12.5"), Some(Penalty::Value(12.5)));
        assert_eq!(Penalty::parse("-1"), None);
    }
}
