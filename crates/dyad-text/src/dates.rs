//! Date mentions in news text, resolved to calendar dates against the publication date.
//!
//! [`find_dates`] scans tokens (no regular expressions) and returns every date mention in a span
//! with its byte span, the date, how precise it is, and whether it needed the publication date.
//!
//! # Conventions
//!
//! - A month-precision date is the first of its month; a year-precision date is 1 January. The
//!   precision says which fields mean anything, and equal mentions compare equal.
//! - `relative` is true whenever the publication date was used: "yesterday", "on Wednesday", "a
//!   month ago", and also "on March 20" or "in June" without a year. Without a publication date
//!   such mentions are skipped; fully written dates ("20 March 2019", "in 2019") are still found.
//! - The span covers the date words, not the preposition before them: "on [Wednesday]",
//!   "in [June 2022]", "[two years ago]", "[last week]", "[earlier this month]".
//!
//! # Absolute dates
//!
//! "20 March 2019", "20th of March, 2019", "March 20, 2019", "Sept. 11, 2001", "2019-03-20" (day);
//! "June 2022", "March, 2019" (month); a four-digit year from 1900 to 2100 only in a date context:
//! after "in", "since", "by", "until", "from", "during", "before", "after", "between", "early",
//! "late", "mid(-)", "the end/summer/half … of", or "and/to/or" right after another year, and not
//! before a plural noun ("in 2019 troops …"); or before an event noun ("the 2019 election",
//! "Turkey's 2023 elections", "the 2014 invasion"). "2019 troops", "the 2019 figures" are not
//! dates. "mid-2019", "early-2020" are years. Slash dates ("3/4/2019") are skipped: day and month
//! order is ambiguous.
//!
//! # Dates completed from the publication date
//!
//! - "on March 20", "20 March" (no year): the publication year, or the year before if that date
//!   falls after publication (news reports the past).
//! - "in June", "since March", "mid-March" (a full month name after a date preposition): the
//!   latest such month on or before the publication month; "last June" is the latest strictly
//!   before it, "next June" the first strictly after it, "this June" the publication year's.
//! - "on the 7th" (an ordinal after "on/since/until/by the"): the latest 7th on or before
//!   publication.
//! - A weekday ("on Wednesday", "Wednesday's vote"): the latest such day on or before publication,
//!   so "Wednesday" in a Wednesday paper is that day. "last Wednesday" is strictly before
//!   publication, "next Wednesday" strictly after, "this Wednesday" the one in the publication's
//!   Monday-to-Sunday week. A weekday followed by a written date ("Wednesday, March 20") yields
//!   only the written date.
//! - Future: when a future marker governs a year-less date, a bare month or a weekday ("will",
//!   "'ll", "shall", "plans", "upcoming", "is expected/scheduled/due/set/going to" earlier in the
//!   same clause, with no reporting verb in between), the date is the first one on or after
//!   publication instead: "Trump will visit Brussels on Thursday" is the coming Thursday, "a
//!   summit expected in May" the coming May; "Russia will respond, Lavrov said on Monday" is the
//!   Monday past.
//!
//! # Relative expressions (all day precision unless stated)
//!
//! - "today", "tonight", "this morning/afternoon/evening", "earlier today": the publication day;
//!   "yesterday", "last night": the day before; "tomorrow": the day after.
//! - "last week": seven days before publication (a day, as event datasets want one date);
//!   "this week": the publication day; "next week": seven days after; "earlier this week": two days
//!   before publication but not before that week's Monday; "later this week": two days after but
//!   not past Sunday; "last weekend": the latest Saturday strictly before publication; "at/over
//!   the weekend": the latest Saturday on or before publication.
//! - "last month", "this month", "earlier/later this month", "next month": month precision.
//!   "last year", "this year", "earlier/later this year", "next year": year precision.
//! - "N days/weeks/hours ago": N days (or weeks) before publication. "N months ago": month
//!   precision; "N years/decades ago": year precision; with "exactly" in front, all are day
//!   precision. N is a digit string, "a"/"an", or a number word from one to ninety-nine.
//! - Durations are not dates and are skipped: "the last week", "over the past month",
//!   "in the last three days", "two days later", as are vague counts ("a few days ago").

use crate::scan::{Passage, Words, int, kw, small_number_word};
use crate::tokenize::TokenKind;
use chrono::{Datelike, Months, NaiveDate, TimeDelta, Weekday};
use dyad_model::{DatePrecision, Span};
use std::cmp::Ordering;

/// A date mentioned in the text, resolved to a calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateMention {
    /// The date words in the text (absolute byte offsets).
    pub span: Span,
    /// The resolved date; the first of the month or of the year for coarser precisions.
    pub date: NaiveDate,
    /// Whether the date names a day, a month or a year.
    pub precision: DatePrecision,
    /// Whether resolving the date needed the publication date.
    pub relative: bool,
}

/// Finds the date mentions in `text[span]`, in order, resolving relative ones against
/// `published` (and skipping them when it is `None`).
pub fn find_dates(text: &str, span: Span, published: Option<NaiveDate>) -> Vec<DateMention> {
    Passage::new(text, span).dates(published)
}

impl Passage<'_> {
    /// The date mentions in the passage; see [`find_dates`].
    pub fn dates(&self, published: Option<NaiveDate>) -> Vec<DateMention> {
        let needed = if published.is_some() {
            kw::DIGIT | kw::MONTH | kw::WEEKDAY | kw::DAY_WORD | kw::DATE_UNIT
        } else {
            kw::DIGIT | kw::MONTH
        };
        if self.seen() & needed == 0 {
            return Vec::new();
        }
        scan_dates(self.words(), published)
    }
}

fn scan_dates(w: &Words, published: Option<NaiveDate>) -> Vec<DateMention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < w.len() {
        match hit_at(w, i, published) {
            Some(h) => {
                out.push(DateMention {
                    span: w.span(i, h.end - 1),
                    date: h.date,
                    precision: h.precision,
                    relative: h.relative,
                });
                i = h.end;
            }
            None => i += 1,
        }
    }
    out
}

/// A match starting at some token and ending before token `end`.
struct Hit {
    end: usize,
    date: NaiveDate,
    precision: DatePrecision,
    relative: bool,
}

fn day(end: usize, date: NaiveDate, relative: bool) -> Hit {
    Hit { end, date, precision: DatePrecision::Day, relative }
}

fn month(end: usize, y: i32, m: u32, relative: bool) -> Option<Hit> {
    Some(Hit { end, date: NaiveDate::from_ymd_opt(y, m, 1)?, precision: DatePrecision::Month, relative })
}

fn year(end: usize, y: i32, relative: bool) -> Option<Hit> {
    Some(Hit { end, date: NaiveDate::from_ymd_opt(y, 1, 1)?, precision: DatePrecision::Year, relative })
}

fn hit_at(w: &Words, i: usize, published: Option<NaiveDate>) -> Option<Hit> {
    match w.kind(i)? {
        TokenKind::Number => number_at(w, i, published),
        TokenKind::Word => word_at(w, i, published),
        TokenKind::Punct => None,
    }
}

/// "2019-03-20", "20 March 2019", "20th of March", "in 2019".
fn number_at(w: &Words, i: usize, published: Option<NaiveDate>) -> Option<Hit> {
    let raw = w.raw(i);
    if let Some(d) = iso(raw) {
        return Some(day(i + 1, d, false));
    }
    if let Some(d) = day_number(raw) {
        let j = if w.low(i + 1) == "of" { i + 2 } else { i + 1 };
        if let Some((m, _)) = month_name(w.low(j)).filter(|_| w.cap(j)) {
            return completed_day(w, i, j + 1, m, d, published);
        }
    }
    // "2014-2016" is one token: its first year.
    if let Some(y) = year_number(raw.split(['-', '–']).next()?)
        && ((year_context(w, i) && !noun_follows(w, i + 1)) || event_noun(w.low(i + 1)))
    {
        return year(i + 1, y, false);
    }
    // "on the 7th": the latest such day of the month on or before publication
    if let Some(d) = day_number(raw).filter(|_| raw.ends_with(|c: char| c.is_ascii_alphabetic()))
        && w.low_back(i, 1) == "the"
        && matches!(w.low_back(i, 2), "on" | "since" | "until" | "by")
        && (!w.word(i + 1)
            || matches!(w.low(i + 1), "for" | "in" | "at" | "to" | "and" | "when" | "after" | "before" | "with"))
        && let Some(p) = published
    {
        let mut m = p.with_day(1)?;
        for _ in 0..3 {
            if let Some(date) = m.with_day(d).filter(|x| *x <= p) {
                return Some(day(i + 1, date, true));
            }
            m = shift_months(m, -1)?;
        }
        return None;
    }
    ago(w, i, published?)
}

fn word_at(w: &Words, i: usize, published: Option<NaiveDate>) -> Option<Hit> {
    let starts = kw::MONTH | kw::WEEKDAY | kw::DAY_WORD | kw::DATE_MODIFIER | kw::NUMBER | kw::ARTICLE;
    let low = w.low(i);
    if !w.is(i, starts) && !low.contains('-') && low != "the" {
        return None;
    }
    // "mid-2019", "late-2020"
    if let Some((head, rest)) = low.split_once('-')
        && matches!(head, "mid" | "early" | "late")
        && let Some(y) = year_number(rest)
    {
        return year(i + 1, y, false);
    }
    if w.cap(i)
        && let Some((m, full)) = month_name(low)
    {
        return month_at(w, i, m, full, published);
    }
    if w.cap(i)
        && let Some(wd) = weekday(low)
    {
        // "Wednesday, March 20": let the written date speak.
        let j = if w.low(i + 1) == "," { i + 2 } else { i + 1 };
        let written = (month_name(w.low(j)).is_some() && w.cap(j) && day_number(w.raw(j + 1)).is_some())
            || (day_number(w.raw(j)).is_some() && month_name(w.low(j + 1)).is_some());
        if written {
            return None;
        }
        let p = published?;
        let date = if future(w, i) { next_weekday(p, wd, false) } else { latest_weekday(p, wd, false) };
        return Some(day(i + 1, date, true));
    }
    let p = published?;
    match low {
        "today" | "tonight" => return Some(day(i + 1, p, true)),
        "yesterday" => return Some(day(i + 1, add_days(p, -1)?, true)),
        "tomorrow" => return Some(day(i + 1, add_days(p, 1)?, true)),
        "last" | "next" | "this" => return modified(w, i, low, p),
        // "at the weekend", "over the weekend"
        "the" if w.low(i + 1) == "weekend" && matches!(w.low_back(i, 1), "at" | "over" | "during") => {
            return Some(day(i + 2, latest_weekday(p, Weekday::Sat, false), true));
        }
        "earlier" | "later" => return earlier_later(w, i, low == "earlier", p),
        _ => {}
    }
    ago(w, i, p)
}

/// A month name at `i`: "March 20[, 2019]", "June 2022", "March, 2019", or "in June".
fn month_at(w: &Words, i: usize, m: u32, full: bool, published: Option<NaiveDate>) -> Option<Hit> {
    if let Some(d) = day_number(w.raw(i + 1)) {
        return completed_day(w, i, i + 2, m, d, published);
    }
    if let Some(y) = year_number(w.raw(i + 1)) {
        return month(i + 2, y, m, false);
    }
    if w.low(i + 1) == ","
        && let Some(y) = year_number(w.raw(i + 2))
    {
        return month(i + 3, y, m, false);
    }
    if !full || w.low(i + 1) == "'s" || w.low(i + 1) == "’s" || !month_context(w, i) {
        return None;
    }
    let p = published?;
    let y = match (future(w, i), m.cmp(&p.month())) {
        (true, Ordering::Less) => p.year() + 1,
        (true, _) | (false, Ordering::Less | Ordering::Equal) => p.year(),
        (false, Ordering::Greater) => p.year() - 1,
    };
    month(i + 1, y, m, true)
}

/// Day `d` of month `m`, then an optional year at `j` ("March 20, 2019", "20 March 2019"), else
/// the year that puts the date on or before publication.
fn completed_day(w: &Words, start: usize, j: usize, m: u32, d: u32, published: Option<NaiveDate>) -> Option<Hit> {
    let (y_at, end) = if w.low(j) == "," { (j + 1, j + 2) } else { (j, j + 1) };
    if let Some(y) = year_number(w.raw(y_at)) {
        return Some(day(end, NaiveDate::from_ymd_opt(y, m, d)?, false));
    }
    let p = published?;
    let this_year = NaiveDate::from_ymd_opt(p.year(), m, d);
    let date = match this_year {
        Some(x) if future(w, start) && x >= p => x,
        _ if future(w, start) => NaiveDate::from_ymd_opt(p.year() + 1, m, d)?,
        Some(x) if x <= p => x,
        _ => NaiveDate::from_ymd_opt(p.year() - 1, m, d)?,
    };
    Some(day(j, date, true))
}

/// "last/next/this" + week, weekend, month, year, night, morning, a month name or a weekday.
fn modified(w: &Words, i: usize, which: &str, p: NaiveDate) -> Option<Hit> {
    // "the last week", "over the past month" are durations.
    if matches!(w.low_back(i, 1), "the" | "past" | "first" | "those" | "these") {
        return None;
    }
    let next = w.low(i + 1);
    let end = i + 2;
    let mon = p.weekday().num_days_from_monday() as i64;
    match (which, next) {
        ("this", "morning" | "afternoon" | "evening" | "week") => Some(day(end, p, true)),
        ("last", "night") => Some(day(end, add_days(p, -1)?, true)),
        ("last", "week") => Some(day(end, add_days(p, -7)?, true)),
        ("next", "week") => Some(day(end, add_days(p, 7)?, true)),
        ("last", "weekend") => Some(day(end, latest_weekday(p, Weekday::Sat, true), true)),
        ("this", "weekend") => Some(day(end, add_days(p, 5 - mon)?, true)),
        ("next", "weekend") => Some(day(end, add_days(p, 12 - mon)?, true)),
        (_, "month") => {
            let d = shift_months(p, if which == "last" { -1 } else { (which == "next") as i32 })?;
            month(end, d.year(), d.month(), true)
        }
        (_, "year") => year(end, p.year() + if which == "last" { -1 } else { (which == "next") as i32 }, true),
        _ if w.cap(i + 1) => {
            if let Some((m, true)) = month_name(next) {
                let y = match which {
                    "last" if m < p.month() => p.year(),
                    "last" => p.year() - 1,
                    "next" if m > p.month() => p.year(),
                    "next" => p.year() + 1,
                    _ => p.year(),
                };
                return month(end, y, m, true);
            }
            let wd = weekday(next)?;
            let date = match which {
                "last" => latest_weekday(p, wd, true),
                "next" => next_weekday(p, wd, true),
                _ => add_days(p, wd.num_days_from_monday() as i64 - mon)?,
            };
            Some(day(end, date, true))
        }
        _ => None,
    }
}

/// "earlier today", "earlier this week/month/year", "later this week/month/year".
fn earlier_later(w: &Words, i: usize, earlier: bool, p: NaiveDate) -> Option<Hit> {
    if w.low(i + 1) == "today" {
        return Some(day(i + 2, p, true));
    }
    if w.low(i + 1) != "this" {
        return None;
    }
    let end = i + 3;
    let mon = p.weekday().num_days_from_monday() as i64;
    match w.low(i + 2) {
        "week" if earlier => Some(day(end, add_days(p, -(mon.min(2)))?, true)),
        "week" => Some(day(end, add_days(p, (6 - mon).min(2))?, true)),
        "month" => month(end, p.year(), p.month(), true),
        "year" => year(end, p.year(), true),
        "morning" | "afternoon" | "evening" => Some(day(end, p, true)),
        _ => None,
    }
}

/// "[exactly] two years ago", "a month ago", "3 days ago".
fn ago(w: &Words, i: usize, p: NaiveDate) -> Option<Hit> {
    let exact = w.low(i) == "exactly";
    let n_at = i + exact as usize;
    let n = count(w, n_at)?;
    if w.low(n_at + 2) != "ago" {
        return None;
    }
    let end = n_at + 3;
    let unit = w.low(n_at + 1);
    let unit = unit.strip_suffix('s').unwrap_or(unit);
    let n = n as i64;
    match unit {
        "minute" | "hour" => Some(day(end, p, true)),
        "day" => Some(day(end, add_days(p, -n)?, true)),
        "week" => Some(day(end, add_days(p, -7 * n)?, true)),
        "month" | "year" | "decade" => {
            let months = n * if unit == "month" {
                1
            } else if unit == "year" {
                12
            } else {
                120
            };
            let d = shift_months(p, -(i32::try_from(months).ok()?))?;
            if exact {
                Some(day(end, d, true))
            } else if unit == "month" {
                month(end, d.year(), d.month(), true)
            } else {
                year(end, d.year(), true)
            }
        }
        _ => None,
    }
}

/// A count before a time unit: digits, "a"/"an", "two", "twenty-five".
fn count(w: &Words, i: usize) -> Option<u32> {
    if w.kind(i)? == TokenKind::Number {
        return int(w.raw(i)).filter(|n| *n <= 1000);
    }
    let low = w.low(i);
    if let Some((tens, ones)) = low.split_once('-') {
        let (t, o) = (small_number_word(tens)?, small_number_word(ones)?);
        return (t >= 20 && t % 10 == 0 && o < 10 && !matches!(ones, "a" | "an")).then_some(t + o);
    }
    small_number_word(low)
}

/// Whether a future marker governs the date at `i`: "will", "is expected to", "plans to" …
/// before it in the same clause (not behind a reporting verb: "Russia will respond, Lavrov said
/// on Monday" is about Monday past).
fn future(w: &Words, i: usize) -> bool {
    for j in (i.saturating_sub(12)..i).rev() {
        let low = w.low(j);
        if matches!(low, "." | ";" | "!" | "?" | ":") || w.is(j, kw::SPEECH) {
            return false;
        }
        if matches!(
            low,
            "will"
                | "'ll"
                | "’ll"
                | "shall"
                | "wo"
                | "expected"
                | "scheduled"
                | "due"
                | "plans"
                | "planned"
                | "plan"
                | "upcoming"
                | "slated"
                | "intends"
                | "set"
                | "going"
        ) {
            return !matches!(low, "set" | "going" | "due") || matches!(w.low(j + 1), "to" | "for");
        }
    }
    false
}

/// Whether the token before a four-digit number at `i` makes it a year.
fn year_context(w: &Words, i: usize) -> bool {
    match w.low_back(i, 1) {
        "in" | "since" | "by" | "until" | "till" | "from" | "during" | "before" | "after" | "between" | "through"
        | "throughout" | "early" | "late" | "mid" | "around" | "circa" | "year" | "spring" | "summer" | "autumn"
        | "fall" | "winter" => true,
        "of" => matches!(
            w.low_back(i, 2),
            "end"
                | "start"
                | "beginning"
                | "middle"
                | "half"
                | "quarter"
                | "spring"
                | "summer"
                | "autumn"
                | "fall"
                | "winter"
                | "rest"
                | "course"
        ),
        "-" if matches!(w.low_back(i, 2), "mid" | "early" | "late") => true,
        "and" | "to" | "or" | "-" | "–" => i >= 2 && year_number(w.raw(i - 2)).is_some() && year_context(w, i - 2),
        _ => false,
    }
}

/// Nouns of events a year can name: "the 2019 election", "Turkey's 2023 elections".
fn event_noun(low: &str) -> bool {
    matches!(
        low,
        "election"
            | "elections"
            | "vote"
            | "referendum"
            | "summit"
            | "war"
            | "invasion"
            | "coup"
            | "uprising"
            | "revolution"
            | "protests"
            | "agreement"
            | "accord"
            | "accords"
            | "deal"
            | "ceasefire"
            | "truce"
            | "attack"
            | "attacks"
            | "crisis"
            | "talks"
            | "census"
            | "olympics"
            | "games"
            | "earthquake"
            | "offensive"
            | "massacre"
            | "treaty"
            | "budget"
            | "campaign"
            | "polls"
            | "poll"
            | "riots"
            | "visit"
    )
}

/// Whether the word at `j` is a noun the number counts ("2019 troops").
fn noun_follows(w: &Words, j: usize) -> bool {
    if !w.word(j) || w.cap(j) {
        return matches!(w.low(j), "%");
    }
    let low = w.low(j);
    if matches!(low, "people" | "police" | "personnel" | "staff" | "percent" | "million" | "billion" | "thousand") {
        return true;
    }
    low.len() > 3
        && low.ends_with('s')
        && !low.ends_with("ss")
        && !matches!(
            low,
            "was"
                | "has"
                | "this"
                | "thus"
                | "plus"
                | "towards"
                | "afterwards"
                | "unless"
                | "whereas"
                | "besides"
                | "perhaps"
                | "always"
                | "nevertheless"
                | "its"
                | "his"
        )
}

/// Whether a bare month name at `i` is used as a date ("in June", "since March", "mid-March").
fn month_context(w: &Words, i: usize) -> bool {
    match w.low_back(i, 1) {
        "in" | "since" | "by" | "until" | "till" | "from" | "during" | "before" | "after" | "between" | "through"
        | "early" | "late" | "mid" => true,
        "-" => matches!(w.low_back(i, 2), "mid" | "early" | "late"),
        "of" => matches!(w.low_back(i, 2), "end" | "start" | "beginning" | "middle" | "rest"),
        "and" | "to" | "or" => i >= 2 && month_name(w.low(i - 2)).is_some() && w.cap(i - 2),
        _ => false,
    }
}

/// Month number and whether the name is unambiguous on its own (full, or abbreviated with a
/// period): "Jan" alone may be a name, "Jan." and "January" are months.
fn month_name(low: &str) -> Option<(u32, bool)> {
    let (stem, dot) = match low.strip_suffix('.') {
        Some(s) => (s, true),
        None => (low, false),
    };
    let (m, full) = match stem {
        "january" => (1, true),
        "february" => (2, true),
        "march" => (3, true),
        "april" => (4, true),
        "may" => (5, true),
        "june" => (6, true),
        "july" => (7, true),
        "august" => (8, true),
        "september" => (9, true),
        "october" => (10, true),
        "november" => (11, true),
        "december" => (12, true),
        "jan" => (1, false),
        "feb" => (2, false),
        "mar" => (3, false),
        "apr" => (4, false),
        "jun" => (6, false),
        "jul" => (7, false),
        "aug" => (8, false),
        "sep" | "sept" => (9, false),
        "oct" => (10, false),
        "nov" => (11, false),
        "dec" => (12, false),
        _ => return None,
    };
    Some((m, full || dot))
}

fn weekday(low: &str) -> Option<Weekday> {
    Some(match low {
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    })
}

/// A day of the month: "20", "20th", "1st", or the first day of a range ("20-21").
fn day_number(raw: &str) -> Option<u32> {
    let head = raw.split(['-', '–']).next()?;
    let digits = head.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &head[digits.len()..];
    if digits.len() > 2 || !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || (head != raw && !suffix.is_empty()) {
        return None;
    }
    int(digits).filter(|d| (1..=31).contains(d))
}

/// A four-digit year from 1900 to 2100.
fn year_number(raw: &str) -> Option<i32> {
    if raw.len() != 4 {
        return None;
    }
    int(raw).filter(|y| (1900..=2100).contains(y)).map(|y| y as i32)
}

/// "2019-03-20".
fn iso(raw: &str) -> Option<NaiveDate> {
    let b = raw.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y = year_number(&raw[..4])?;
    NaiveDate::from_ymd_opt(y, int(&raw[5..7])?, int(&raw[8..])?)
}

fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    d.checked_add_signed(TimeDelta::try_days(n)?)
}

fn shift_months(d: NaiveDate, n: i32) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_months(Months::new(n as u32))
    } else {
        d.checked_sub_months(Months::new(n.unsigned_abs()))
    }
}

/// The first `wd` on or after `p` (strictly after when `strict`).
fn next_weekday(p: NaiveDate, wd: Weekday, strict: bool) -> NaiveDate {
    let mut ahead = (wd.num_days_from_monday() as i64 - p.weekday().num_days_from_monday() as i64).rem_euclid(7);
    if strict && ahead == 0 {
        ahead = 7;
    }
    add_days(p, ahead).unwrap_or(p)
}

/// The latest `wd` on or before `p` (strictly before when `strict`).
fn latest_weekday(p: NaiveDate, wd: Weekday, strict: bool) -> NaiveDate {
    let mut back = (p.weekday().num_days_from_monday() as i64 - wd.num_days_from_monday() as i64).rem_euclid(7);
    if strict && back == 0 {
        back = 7;
    }
    add_days(p, -back).unwrap_or(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// (matched text, date, precision letter, relative) for every mention.
    fn dates(text: &str, published: &str) -> Vec<(String, String, char, bool)> {
        let p = (!published.is_empty()).then(|| d(published));
        find_dates(text, Span::new(0, text.len()), p)
            .into_iter()
            .map(|m| {
                let prec = match m.precision {
                    DatePrecision::Day => 'D',
                    DatePrecision::Month => 'M',
                    DatePrecision::Year => 'Y',
                };
                (text[m.span].to_string(), m.date.to_string(), prec, m.relative)
            })
            .collect()
    }

    fn one(text: &str, published: &str) -> (String, String, char) {
        let all = dates(text, published);
        assert_eq!(all.len(), 1, "expected one date in {text:?}, got {all:?}");
        let (s, date, p, _) = all.into_iter().next().unwrap();
        (s, date, p)
    }

    fn check(text: &str, published: &str, words: &str, date: &str, prec: char) {
        assert_eq!(one(text, published), (words.to_string(), date.to_string(), prec), "in {text:?}");
    }

    #[test]
    fn written_dates() {
        check("The treaty was signed on 20 March 2019 in Moscow.", "", "20 March 2019", "2019-03-20", 'D');
        check("It was signed on March 20, 2019, in Moscow.", "", "March 20, 2019", "2019-03-20", 'D');
        check("Attacks on Sept. 11, 2001 changed that.", "", "Sept. 11, 2001", "2001-09-11", 'D');
        check("on the 3rd of April, 2020 they met", "", "3rd of April, 2020", "2020-04-03", 'D');
        check("Published 2019-03-20 by the ministry.", "", "2019-03-20", "2019-03-20", 'D');
        check("The war began in June 2022.", "", "June 2022", "2022-06-01", 'M');
        check("in March, 2019, talks stalled", "", "March, 2019", "2019-03-01", 'M');
        check("Elections were held in 2019.", "", "2019", "2019-01-01", 'Y');
        check("in mid-2019 the talks resumed", "", "mid-2019", "2019-01-01", 'Y');
        check("in the summer of 2014 fighting grew", "", "2014", "2014-01-01", 'Y');
        check("Russia has occupied it since 1991.", "", "1991", "1991-01-01", 'Y');
    }

    #[test]
    fn years_need_a_date_context() {
        check("The 2019 election was close.", "", "2019", "2019-01-01", 'Y');
        assert!(dates("The 2019 figures were close.", "").is_empty());
        assert!(dates("They sent 2019 troops to the border.", "").is_empty());
        assert!(dates("In 2019 troops were sent.", "").is_empty());
        assert!(dates("Some 1950 people died.", "").is_empty());
        assert_eq!(dates("between 2014 and 2016", "").len(), 2);
        assert_eq!(dates("from 2014-2016, prices rose", "")[0].1, "2014-01-01");
    }

    #[test]
    fn year_completed_from_publication() {
        check("The talks began on March 20.", "2019-04-02", "March 20", "2019-03-20", 'D');
        check("The talks began on March 20.", "2019-03-19", "March 20", "2018-03-20", 'D');
        check("The talks began on 20 March.", "2019-03-20", "20 March", "2019-03-20", 'D');
        check("Protests have grown since March.", "2019-04-02", "March", "2019-03-01", 'M');
        check("Protests began in June.", "2019-04-02", "June", "2018-06-01", 'M');
        check("Prices fell in mid-March.", "2019-04-02", "March", "2019-03-01", 'M');
        // Without a publication date only written-out dates are found.
        assert!(dates("The talks began on March 20.", "").is_empty());
        assert!(dates("They met on Wednesday and yesterday.", "").is_empty());
    }

    #[test]
    fn ordinal_day_of_month() {
        check("He flew to Ankara on the 7th for talks.", "2025-04-02", "7th", "2025-03-07", 'D');
        check("He flew to Ankara on the 2nd.", "2025-04-02", "2nd", "2025-04-02", 'D');
        check("It has been shut since the 31st.", "2025-03-02", "31st", "2025-01-31", 'D');
        assert!(dates("on the 7th floor", "2025-04-02").is_empty());
    }

    #[test]
    fn month_names_that_are_not_dates() {
        assert!(dates("Theresa May said so.", "2019-04-02").is_empty());
        assert!(dates("Ministers may meet again.", "2019-04-02").is_empty());
        assert!(dates("Jan Smith arrived.", "2019-04-02").is_empty());
        assert!(dates("Protesters march on the capital.", "2019-04-02").is_empty());
        assert!(dates("A March report found", "2019-04-02").is_empty());
    }

    #[test]
    fn weekdays_are_the_latest_on_or_before_publication() {
        // 2019-03-20 is a Wednesday.
        check("They met on Wednesday.", "2019-03-20", "Wednesday", "2019-03-20", 'D');
        check("They met on Tuesday.", "2019-03-20", "Tuesday", "2019-03-19", 'D');
        check("They met on Thursday.", "2019-03-20", "Thursday", "2019-03-14", 'D');
        check("Sunday's vote was close.", "2019-03-20", "Sunday", "2019-03-17", 'D');
        check("They met last Wednesday.", "2019-03-20", "last Wednesday", "2019-03-13", 'D');
        check("They meet next Wednesday.", "2019-03-20", "next Wednesday", "2019-03-27", 'D');
        check("They meet next Friday.", "2019-03-20", "next Friday", "2019-03-22", 'D');
        check("They meet this Friday.", "2019-03-20", "this Friday", "2019-03-22", 'D');
        check("On Wednesday, March 13, they met.", "2019-03-20", "March 13", "2019-03-13", 'D');
    }

    #[test]
    fn future_markers_look_ahead() {
        // 2019-03-20 is a Wednesday.
        check("Trump will visit Brussels on Thursday.", "2019-03-20", "Thursday", "2019-03-21", 'D');
        check("Talks are expected to resume on Wednesday.", "2019-03-20", "Wednesday", "2019-03-20", 'D');
        check("Russia will respond, Lavrov said on Monday.", "2019-03-20", "Monday", "2019-03-18", 'D');
        check("He said on Monday that Russia will respond.", "2019-03-20", "Monday", "2019-03-18", 'D');
        check("Leaders will meet in May.", "2019-03-20", "May", "2019-05-01", 'M');
        check("Leaders will meet in February.", "2019-03-20", "February", "2020-02-01", 'M');
        check("The vote is due to take place on March 10.", "2019-03-20", "March 10", "2020-03-10", 'D');
        check("The vote is set for March 28.", "2019-03-20", "March 28", "2019-03-28", 'D');
    }

    #[test]
    fn relative_days() {
        check("Troops withdrew yesterday.", "2019-03-20", "yesterday", "2019-03-19", 'D');
        check("The vote is today.", "2019-03-20", "today", "2019-03-20", 'D');
        check("He speaks tonight.", "2019-03-20", "tonight", "2019-03-20", 'D');
        check("They meet tomorrow.", "2019-03-20", "tomorrow", "2019-03-21", 'D');
        check("Shelling resumed last night.", "2019-03-20", "last night", "2019-03-19", 'D');
        check("Earlier today, he left.", "2019-03-20", "Earlier today", "2019-03-20", 'D');
        check("He arrived this morning.", "2019-03-20", "this morning", "2019-03-20", 'D');
    }

    #[test]
    fn relative_weeks_months_years() {
        check("They met last week.", "2019-03-20", "last week", "2019-03-13", 'D');
        check("They meet this week.", "2019-03-20", "this week", "2019-03-20", 'D');
        check("They meet next week.", "2019-03-20", "next week", "2019-03-27", 'D');
        check("They met earlier this week.", "2019-03-20", "earlier this week", "2019-03-18", 'D');
        check("They met earlier this week.", "2019-03-19", "earlier this week", "2019-03-18", 'D');
        check("They met last weekend.", "2019-03-20", "last weekend", "2019-03-16", 'D');
        check("They met over the weekend.", "2019-03-18", "the weekend", "2019-03-16", 'D');
        check("They met at the weekend.", "2019-03-16", "the weekend", "2019-03-16", 'D');
        check("Talks collapsed last month.", "2019-01-10", "last month", "2018-12-01", 'M');
        check("Talks collapsed earlier this month.", "2019-03-20", "earlier this month", "2019-03-01", 'M');
        check("Talks collapsed last year.", "2019-03-20", "last year", "2018-01-01", 'Y');
        check("Talks collapsed earlier this year.", "2019-03-20", "earlier this year", "2019-01-01", 'Y');
        check("Talks resume next month.", "2019-12-20", "next month", "2020-01-01", 'M');
        check("Talks collapsed last June.", "2019-06-20", "last June", "2018-06-01", 'M');
        check("Talks collapsed last June.", "2019-07-20", "last June", "2019-06-01", 'M');
    }

    #[test]
    fn ago() {
        check("He arrived a month ago.", "2019-03-20", "a month ago", "2019-02-01", 'M');
        check("He arrived exactly a month ago.", "2019-03-20", "exactly a month ago", "2019-02-20", 'D');
        check("He arrived two years ago.", "2019-03-20", "two years ago", "2017-01-01", 'Y');
        check("He arrived three days ago.", "2019-03-20", "three days ago", "2019-03-17", 'D');
        check("He arrived 3 days ago.", "2019-03-20", "3 days ago", "2019-03-17", 'D');
        check("He arrived a week ago.", "2019-03-20", "a week ago", "2019-03-13", 'D');
        check("He arrived two weeks ago.", "2019-03-20", "two weeks ago", "2019-03-06", 'D');
        check("It began twenty-five years ago.", "2019-03-20", "twenty-five years ago", "1994-01-01", 'Y');
        check("It began a decade ago.", "2019-03-20", "a decade ago", "2009-01-01", 'Y');
        check("It happened two hours ago.", "2019-03-20", "two hours ago", "2019-03-20", 'D');
        assert!(dates("It happened hours ago.", "2019-03-20").is_empty());
    }

    #[test]
    fn durations_are_not_dates() {
        assert!(dates("Prices rose over the last week.", "2019-03-20").is_empty());
        assert!(dates("in the past month, prices rose", "2019-03-20").is_empty());
        assert!(dates("Two days later, they met.", "2019-03-20").is_empty());
        assert!(dates("a few days ago", "2019-03-20").is_empty());
    }

    #[test]
    fn every_mention_in_order() {
        let all =
            dates("On Monday, a week after the March 3 vote, Lavrov said talks begun in 2019 failed.", "2019-03-20");
        let words: Vec<&str> = all.iter().map(|m| m.0.as_str()).collect();
        assert_eq!(words, ["Monday", "March 3", "2019"]);
        assert!(all[0].3 && all[1].3 && !all[2].3);
    }

    #[test]
    fn spans_are_absolute() {
        let text = "Header. They met on Tuesday.";
        let span = Span::new(8, text.len());
        let m = find_dates(text, span, Some(d("2019-03-20")));
        assert_eq!(&text[m[0].span], "Tuesday");
    }
}
