//! Date resolution accuracy on the hand-labelled set in `fixtures/dates.tsv`.
//!
//! The date a coder would pick is the mention nearest the main verb; this test approximates it
//! with the first mention in the sentence, else the publication date (day precision), and checks
//! both the date and its precision.

use chrono::NaiveDate;
use dyad_model::{DatePrecision, Span};
use dyad_text::find_dates;

const FIXTURE: &str = include_str!("fixtures/dates.tsv");

struct Case<'a> {
    line: usize,
    sentence: &'a str,
    published: NaiveDate,
    expected: NaiveDate,
    precision: DatePrecision,
}

fn cases() -> Vec<Case<'static>> {
    let date = |s: &str, line: usize| {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_else(|e| panic!("dates.tsv:{line}: bad date {s:?}: {e}"))
    };
    FIXTURE
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        .map(|(line, l)| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 4, "dates.tsv:{line}: expected 4 tab-separated fields, got {}", f.len());
            let precision = match f[3] {
                "day" => DatePrecision::Day,
                "month" => DatePrecision::Month,
                "year" => DatePrecision::Year,
                other => panic!("dates.tsv:{line}: unknown precision {other:?}"),
            };
            Case { line, sentence: f[0], published: date(f[1], line), expected: date(f[2], line), precision }
        })
        .collect()
}

#[test]
fn date_resolution_accuracy() {
    let cases = cases();
    assert!(cases.len() >= 60, "the test set needs at least 60 sentences, has {}", cases.len());
    let mut right = 0;
    for c in &cases {
        let found = find_dates(c.sentence, Span::new(0, c.sentence.len()), Some(c.published));
        let (date, precision) = found.first().map_or((c.published, DatePrecision::Day), |m| (m.date, m.precision));
        if (date, precision) == (c.expected, c.precision) {
            right += 1;
        } else {
            println!(
                "miss dates.tsv:{}: {:?}\n  expected {} {:?}, got {} {:?} from {:?}",
                c.line,
                c.sentence,
                c.expected,
                c.precision,
                date,
                precision,
                found.first().map(|m| &c.sentence[m.span])
            );
        }
    }
    let accuracy = right as f64 / cases.len() as f64;
    println!("date resolution accuracy: {right}/{} = {accuracy:.3}", cases.len());
    assert!(accuracy >= 0.9, "date resolution accuracy {accuracy:.3} is below 0.9");
}
