//! Date ranges of dated roles: `FROM..TO` with day, month or year precision and open ends.

use chrono::NaiveDate;

/// An inclusive range of days; `None` ends are open.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DateRange {
    /// First day, if bounded.
    pub from: Option<NaiveDate>,
    /// Last day, if bounded.
    pub to: Option<NaiveDate>,
}

impl DateRange {
    /// A range open at both ends (always true).
    pub const ALWAYS: DateRange = DateRange { from: None, to: None };

    /// Parses `FROM..TO`; each side is `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or empty.
    pub fn parse(s: &str) -> Result<DateRange, String> {
        let (a, b) = s
            .split_once("..")
            .ok_or_else(|| format!("expected a date range such as 2019-03-20.. or 1999..2002-01-28, found '{s}'"))?;
        let from = if a.is_empty() { None } else { Some(parse_bound(a, false)?) };
        let to = if b.is_empty() { None } else { Some(parse_bound(b, true)?) };
        if let (Some(f), Some(t)) = (from, to)
            && f > t
        {
            return Err(format!("range '{s}' ends before it starts"));
        }
        Ok(DateRange { from, to })
    }

    /// Whether the day lies in the range.
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= day) && self.to.is_none_or(|t| day <= t)
    }

    /// Whether the two ranges share at least `days + 1` days.
    pub fn overlaps_by_more_than(&self, other: &DateRange, days: i64) -> bool {
        let start = max_opt(self.from, other.from);
        let end = min_opt(self.to, other.to);
        match (start, end) {
            (Some(s), Some(e)) => (e - s).num_days() > days,
            _ => true,
        }
    }
}

fn max_opt(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

fn min_opt(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Parses one bound; a month or year is widened to its first (or, for an end, last) day.
fn parse_bound(s: &str, end: bool) -> Result<NaiveDate, String> {
    let bad = || format!("'{s}' is not a date: use YYYY-MM-DD, YYYY-MM or YYYY");
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str| p.parse::<u32>().map_err(|_| bad());
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 => NaiveDate::from_ymd_opt(num(y)? as i32, num(m)?, num(d)?).ok_or_else(bad),
        [y, m] if y.len() == 4 => {
            let (y, m) = (num(y)? as i32, num(m)?);
            let first = NaiveDate::from_ymd_opt(y, m, 1).ok_or_else(bad)?;
            if end {
                let next =
                    if m == 12 { NaiveDate::from_ymd_opt(y + 1, 1, 1) } else { NaiveDate::from_ymd_opt(y, m + 1, 1) };
                next.and_then(|n| n.pred_opt()).ok_or_else(bad)
            } else {
                Ok(first)
            }
        }
        [y] if y.len() == 4 => {
            let y = num(y)? as i32;
            if end { NaiveDate::from_ymd_opt(y, 12, 31) } else { NaiveDate::from_ymd_opt(y, 1, 1) }.ok_or_else(bad)
        }
        _ => Err(bad()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn parses_precisions_and_open_ends() {
        let r = DateRange::parse("2019-03-20..").unwrap();
        assert!(r.contains(d("2023-01-01")) && !r.contains(d("2019-03-19")));
        let r = DateRange::parse("1999..2002-01").unwrap();
        assert_eq!(r.from, Some(d("1999-01-01")));
        assert_eq!(r.to, Some(d("2002-01-31")));
        let r = DateRange::parse("..2000").unwrap();
        assert_eq!(r.to, Some(d("2000-12-31")));
        assert!(DateRange::parse("2020..2019").is_err());
        assert!(DateRange::parse("2019-02-30..").is_err());
        assert!(DateRange::parse("2019").is_err());
    }

    #[test]
    fn overlap_tolerance() {
        let a = DateRange::parse("2000..2004-05-07").unwrap();
        let b = DateRange::parse("2004-05-07..").unwrap();
        assert!(!a.overlaps_by_more_than(&b, 1));
        let c = DateRange::parse("2003..").unwrap();
        assert!(a.overlaps_by_more_than(&c, 1));
    }
}
