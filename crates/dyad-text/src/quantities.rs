//! Figures in news text: a value, its unit, what it counts and whether it is approximate
//! ("61% of voters", "$2 billion in aid", "at least 40 people were killed").
//!
//! [`find_quantities`] scans tokens (no regular expressions).
//!
//! # Choices
//!
//! - Values: digits with thousands commas and decimals ("2,000", "2.5"), suffixed scales ("$2bn",
//!   "5m", "10k"), number words ("forty", "twenty-five", "two hundred"), scale words ("hundred",
//!   "thousand", "million", "billion", "trillion"), "a dozen" (12), "a million" (1,000,000).
//!   "dozens/hundreds/thousands/millions of …" (and "tens of thousands of …") take the value of
//!   one unit of the word (12, 100, 1,000 …) and are approximate. A range ("30-40") takes its
//!   first value and is approximate.
//! - Approximate: after "at least", "about", "around", "roughly", "nearly", "almost", "some",
//!   "more/less/fewer than", "over", "under", "up to", "as many as", "close to", "an estimated" and
//!   the like; the qualifier is part of the span.
//! - Units: "%", "percent", "per cent", "pct" → "%"; "percentage points"; currencies by symbol or
//!   word or ISO code ("$", "US$", "dollars", "USD" → "USD"; "€", "euros" → "EUR"; "£" → "GBP";
//!   "pounds" is "GBP" with a scale word, else "lb"; yen, yuan, rubles, rupees, hryvnias);
//!   measures ("km", "miles" → "mi", "tonnes"/"tons" → "tonnes", "barrels", "kg", "hectares" →
//!   "ha", "square kilometres" → "km2", "acres", "megawatts" → "MW").
//! - Counted: with a unit, the head noun after "of" ("61% of voters", "barrels of oil") or, for
//!   money, after "in" ("$2 billion in aid"); without a unit, the head of the noun phrase right
//!   after the number ("40 Ukrainian soldiers" → "soldiers") or after "of" ("hundreds of
//!   protesters"). The head is the first plural or the last of up to four content words, as
//!   written; a possessive moves on to its head ("one of Trump's rivals" → "rivals").
//! - Not figures: dates and times ("20 March", "March 20", "2019" after a date preposition,
//!   "10:30"), ordinals ("20th"), decades ("1990s"), numbers right after a capitalised word
//!   ("Resolution 2334", "Boeing 737", "Article 5"), a bare year-like number (1800–2100) unless a
//!   plural noun follows ("2000 troops"), and number words with nothing counted ("the two").
//! - The span runs from the qualifier or currency symbol to the last word used (the counted
//!   noun when there is one).

use crate::scan::{Passage, Words, kw, small_number_word};
use crate::tokenize::TokenKind;
use dyad_model::Span;

/// A figure: value, unit, what it counts, and whether the text hedges it.
#[derive(Clone, Debug, PartialEq)]
pub struct Quantity {
    /// From the qualifier or currency sign to the counted noun (absolute byte offsets).
    pub span: Span,
    /// The value, with scale words applied ("$2 billion" → 2e9).
    pub value: f64,
    /// "%", "percentage points", an ISO currency code, or a measure ("km", "tonnes", "barrels").
    pub unit: Option<String>,
    /// The head noun of what is counted ("voters", "people", "troops", "aid"), as written.
    pub counted: Option<String>,
    /// Whether the value is hedged ("at least", "about", "hundreds of").
    pub approximate: bool,
}

/// Finds the figures in `text[span]`, in order.
pub fn find_quantities(text: &str, span: Span) -> Vec<Quantity> {
    Passage::new(text, span).quantities()
}

impl Passage<'_> {
    /// The figures in the passage; see [`find_quantities`].
    pub fn quantities(&self) -> Vec<Quantity> {
        if self.seen() & (kw::DIGIT | kw::NUMBER | kw::SCALE) == 0 {
            return Vec::new();
        }
        scan_quantities(self.words())
    }
}

fn scan_quantities(w: &Words) -> Vec<Quantity> {
    let starts = kw::NUMBER | kw::ARTICLE | kw::SCALE | kw::QUANT_START;
    let mut out = Vec::new();
    let mut i = 0;
    while i < w.len() {
        let start = match w.kind(i) {
            Some(TokenKind::Word) => w.is(i, starts) || w.low(i).contains('-'),
            _ => true,
        };
        match if start { quantity_at(w, i) } else { None } {
            Some((q, end)) => {
                out.push(q);
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// A quantity starting at token `i`, and the token after it.
fn quantity_at(w: &Words, i: usize) -> Option<(Quantity, usize)> {
    let (mut j, mut approximate) = match qualifier(w, i) {
        0 => (i, false),
        n => (i + n, true),
    };
    let mut unit: Option<&'static str> = None;
    if let Some((u, n)) = currency_before(w, j) {
        unit = Some(u);
        j += n;
    }
    let num_at = j;
    let (mut value, next, suffix, hedged, word) = number(w, j)?;
    if !plausible(w, num_at, i) {
        return None;
    }
    approximate |= hedged;
    j = next;
    let mut scaled = suffix.is_some_and(|s| s.1);
    if let Some((u, _)) = suffix.filter(|s| !s.1) {
        unit = unit.or(Some(u));
    }
    if let Some(s) = suffix.filter(|s| s.1) {
        value *= scale_of(s.0)?;
    }
    while let Some(s) = scale_word(w.low(j)) {
        value *= s;
        scaled = true;
        j += 1;
    }
    match unit_after(w, j, scaled) {
        // "$5 million dollars" keeps one unit
        Some((u, n)) if unit.is_none() || unit == Some(u) => {
            unit = Some(u);
            j += n;
        }
        _ => {}
    }
    let last = j - 1;
    let (counted, end) = counted(w, j, unit, word).map_or((None, last), |(c, e)| (Some(c), e));
    if word && counted.is_none() && unit.is_none() && !hedged && !scaled {
        return None;
    }
    if year_like(w, num_at) && unit.is_none() && !scaled && (counted.is_none() || !plural(w.raw(end))) {
        return None;
    }
    let q = Quantity {
        span: w.span(i, end),
        value,
        unit: unit.map(str::to_owned),
        counted: counted.map(|c| w.raw(c).to_owned()),
        approximate,
    };
    Some((q, end + 1))
}

/// Tokens of a hedging qualifier at `i` ("at least", "about"), if a number follows.
fn qualifier(w: &Words, i: usize) -> usize {
    let n = match (w.low(i), w.low(i + 1), w.low(i + 2)) {
        ("in", "excess", "of") | ("as", "many", "as") | ("as", "much", "as") => 3,
        ("at", "least" | "most", _)
        | ("more" | "less" | "fewer", "than", _)
        | ("up", "to", _)
        | ("close", "to", _)
        | ("upwards", "of", _)
        | ("an" | "some", "estimated", _) => 2,
        (
            "about" | "around" | "roughly" | "nearly" | "almost" | "some" | "approximately" | "over" | "under"
            | "estimated" | "circa" | "~" | "approx." | "below" | "above",
            _,
            _,
        ) => 1,
        _ => 0,
    };
    if n > 0 && (currency_before(w, i + n).is_some() || number(w, i + n).is_some()) { n } else { 0 }
}

/// A currency sign or code before the number ("$", "US$", "€", "USD"), and its token count.
fn currency_before(w: &Words, i: usize) -> Option<(&'static str, usize)> {
    let (u, n) = match (w.raw(i), w.raw(i + 1)) {
        ("US" | "U.S." | "A" | "C", "$") if w.toks[i].span.end == w.toks[i + 1].span.start => (
            if w.raw(i) == "A" {
                "AUD"
            } else if w.raw(i) == "C" {
                "CAD"
            } else {
                "USD"
            },
            2,
        ),
        ("$", _) => ("USD", 1),
        ("€", _) => ("EUR", 1),
        ("£", _) => ("GBP", 1),
        ("¥", _) => ("JPY", 1),
        ("₹", _) => ("INR", 1),
        ("₽", _) => ("RUB", 1),
        ("₴", _) => ("UAH", 1),
        (code, _) => (iso_code(code)?, 1),
    };
    (w.kind(i + n) == Some(TokenKind::Number)).then_some((u, n))
}

fn iso_code(raw: &str) -> Option<&'static str> {
    Some(match raw {
        "USD" => "USD",
        "EUR" => "EUR",
        "GBP" => "GBP",
        "JPY" => "JPY",
        "CNY" => "CNY",
        "RUB" => "RUB",
        "INR" => "INR",
        "UAH" => "UAH",
        "CHF" => "CHF",
        _ => return None,
    })
}

/// A suffix glued to a numeral: a scale ("bn", "m", "k") or a unit ("km", "kg").
type Suffix = (&'static str, bool);

/// The number at `j`: value, next token, glued suffix, whether hedged, whether written in words.
fn number(w: &Words, j: usize) -> Option<(f64, usize, Option<Suffix>, bool, bool)> {
    if w.kind(j)? == TokenKind::Number {
        let (v, suffix, range) = numeral(w.raw(j))?;
        return Some((v, j + 1, suffix, range, false));
    }
    let low = w.low(j);
    if let Some(base) = plural_scale(low)
        && w.low(j + 1) == "of"
    {
        if let Some(more) = plural_scale(w.low(j + 2)).filter(|_| w.low(j + 3) == "of") {
            return Some((base * more, j + 4, None, true, true));
        }
        return Some((base, j + 2, None, true, true));
    }
    if matches!(low, "a" | "an") {
        if w.low(j + 1) == "dozen" {
            return Some((12.0, j + 2, None, false, true));
        }
        return scale_word(w.low(j + 1)).map(|s| (s, j + 2, None, false, true));
    }
    if low == "dozen" {
        return Some((12.0, j + 1, None, false, true));
    }
    if low == "one" && matches!(w.low_back(j, 1), "no" | "any" | "every" | "each" | "the" | "which" | "this" | "that") {
        return None;
    }
    let v = match low.split_once('-') {
        Some((t, o)) => {
            let (t, o) = (small_number_word(t)?, small_number_word(o)?);
            if t < 20 || t % 10 != 0 || o >= 10 || matches!(low.split_once('-')?.1, "a" | "an") {
                return None;
            }
            t + o
        }
        None if matches!(low, "a" | "an") => return None,
        None => small_number_word(low)?,
    };
    Some((v as f64, j + 1, None, false, true))
}

/// "2,000" → 2000; "2.5bn" → 2.5 with scale "bn"; "30-40" → 30, a range. Ordinals and decades
/// are not numerals.
fn numeral(raw: &str) -> Option<(f64, Option<Suffix>, bool)> {
    let (head, range) = match raw.split_once(['-', '–']) {
        Some((h, rest)) => {
            if !rest.bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.') || rest.is_empty() {
                return None;
            }
            (h, true)
        }
        None => (raw, false),
    };
    let digits_end = head.find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.')).unwrap_or(head.len());
    let (digits, suffix) = head.split_at(digits_end);
    let suffix = if suffix.is_empty() {
        None
    } else {
        let is = |x: &str| suffix.eq_ignore_ascii_case(x);
        Some(if is("bn") || is("b") {
            ("bn", true)
        } else if is("m") || is("mn") || is("mln") {
            ("m", true)
        } else if is("k") {
            ("k", true)
        } else if is("tn") || is("trn") {
            ("tn", true)
        } else if is("km") {
            ("km", false)
        } else if is("kg") {
            ("kg", false)
        } else if is("mw") {
            ("MW", false)
        } else {
            return None;
        })
    };
    Some((digits_value(digits)?, suffix, range))
}

/// "2,000.5" → 2000.5; thousands commas must group by three ("1,2" is a list, not a number).
fn digits_value(digits: &str) -> Option<f64> {
    let (int_part, frac) = match digits.split_once('.') {
        Some((a, f)) if !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()) => (a, f),
        Some(_) => return None,
        None => (digits, ""),
    };
    let mut groups = int_part.split(',');
    let first = groups.next().filter(|g| !g.is_empty())?;
    let mut buf = [0u8; 40];
    let mut n = 0;
    for (k, g) in std::iter::once(first).chain(groups).enumerate() {
        if k > 0 && (g.len() != 3 || first.len() > 3) {
            return None;
        }
        for b in g.bytes() {
            *buf.get_mut(n)? = b;
            n += 1;
        }
    }
    if !frac.is_empty() {
        *buf.get_mut(n)? = b'.';
        n += 1;
        for b in frac.bytes() {
            *buf.get_mut(n)? = b;
            n += 1;
        }
    }
    std::str::from_utf8(&buf[..n]).ok()?.parse().ok()
}

fn scale_of(suffix: &str) -> Option<f64> {
    Some(match suffix {
        "k" => 1e3,
        "m" => 1e6,
        "bn" => 1e9,
        "tn" => 1e12,
        _ => return None,
    })
}

fn scale_word(low: &str) -> Option<f64> {
    Some(match low {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" | "mln" | "mn" => 1e6,
        "billion" | "bln" | "bn" => 1e9,
        "trillion" | "tn" => 1e12,
        _ => return None,
    })
}

fn plural_scale(low: &str) -> Option<f64> {
    Some(match low {
        "tens" => 10.0,
        "dozens" | "scores" => 12.0,
        "hundreds" => 1e2,
        "thousands" => 1e3,
        "millions" => 1e6,
        "billions" => 1e9,
        _ => return None,
    })
}

/// A unit after the number, and its token count.
fn unit_after(w: &Words, j: usize, scaled: bool) -> Option<(&'static str, usize)> {
    let two = (w.low(j), w.low(j + 1));
    Some(match two {
        ("per", "cent") => ("%", 2),
        ("percentage", "points" | "point") => ("percentage points", 2),
        ("square", "kilometres" | "kilometers" | "km" | "kilometre" | "kilometer") => ("km2", 2),
        ("square", "miles" | "mile") => ("mi2", 2),
        ("metric", "tons" | "tonnes") => ("tonnes", 2),
        ("%" | "percent" | "pct", _) => ("%", 1),
        ("dollars" | "dollar", _) => ("USD", 1),
        ("euros" | "euro", _) => ("EUR", 1),
        ("pounds", _) if scaled => ("GBP", 1),
        ("pounds" | "lb" | "lbs", _) => ("lb", 1),
        ("yuan" | "renminbi", _) => ("CNY", 1),
        ("yen", _) => ("JPY", 1),
        ("rubles" | "roubles", _) => ("RUB", 1),
        ("rupees", _) => ("INR", 1),
        ("hryvnias" | "hryvnia", _) => ("UAH", 1),
        ("km" | "kilometres" | "kilometers" | "kilometre" | "kilometer", _) => ("km", 1),
        ("miles" | "mile", _) => ("mi", 1),
        ("metres" | "meters" | "metre" | "meter", _) => ("m", 1),
        ("kg" | "kilograms" | "kilogrammes" | "kilogram", _) => ("kg", 1),
        ("tonnes" | "tons" | "tonne" | "ton", _) => ("tonnes", 1),
        ("barrels" | "barrel", _) => ("barrels", 1),
        ("hectares" | "hectare", _) => ("ha", 1),
        ("acres" | "acre", _) => ("acres", 1),
        ("megawatts" | "mw", _) => ("MW", 1),
        ("gigawatts" | "gw", _) => ("GW", 1),
        _ => iso_code(w.raw(j)).map(|c| (c, 1))?,
    })
}

/// What the figure counts, starting at `j`: the head noun's token and the last token used.
fn counted(w: &Words, j: usize, unit: Option<&str>, word: bool) -> Option<(usize, usize)> {
    let money = unit.is_some_and(|u| u.len() == 3 && u.bytes().all(|b| b.is_ascii_uppercase()));
    let low = w.low(j);
    let start = if low == "of" || (low == "in" && money) {
        j + 1
    } else if unit.is_none() || word {
        j
    } else {
        return None;
    };
    let start =
        if matches!(w.low(start), "the" | "its" | "their" | "his" | "her") && start > j { start + 1 } else { start };
    if low == "in" && w.cap(start) {
        return None;
    }
    let mut end = None;
    let mut k = start;
    while k < start + 4 && content_word(w, k) {
        end = Some(k);
        // The first plural ends the phrase: "40 Ukrainian soldiers", "40 people killed".
        if participle(w.low(k)) || head_noun(w.raw(k), w.low(k)) {
            break;
        }
        k += 1;
        // "one of Trump's rivals"
        if matches!(w.low(k), "'s" | "’s") {
            end = None;
            k += 1;
        }
        if participle(w.low(k)) {
            break;
        }
    }
    end.map(|e| (e, e))
}

/// A word that can head or modify what is counted.
fn content_word(w: &Words, k: usize) -> bool {
    if !w.word(k) {
        return false;
    }
    let low = w.low(k);
    if participle(low) {
        return true;
    }
    !(stop_word(low)
        || low.ends_with("ed")
        || (low.ends_with("ing") && !w.cap(k))
        || low.ends_with("ly")
        || low.starts_with('\'')
        || low.starts_with('’')
        || scale_word(low).is_some())
}

/// A word that ends what is counted: a plural ("troops", but not "US") or a collective noun.
fn head_noun(raw: &str, low: &str) -> bool {
    plural(raw)
        || matches!(
            low,
            "people"
                | "police"
                | "personnel"
                | "staff"
                | "children"
                | "men"
                | "women"
                | "aid"
                | "oil"
                | "gas"
                | "cattle"
                | "livestock"
                | "equipment"
                | "ammunition"
                | "money"
                | "funding"
        )
}

/// Whether a word looks like a plural noun ("troops", not "US", "census", "crisis").
fn plural(raw: &str) -> bool {
    raw.len() > 2 && raw.ends_with('s') && !raw.ends_with("ss") && !raw.ends_with("us") && !raw.ends_with("is")
}

fn participle(low: &str) -> bool {
    matches!(low, "dead" | "wounded" | "injured" | "killed" | "displaced" | "detained" | "arrested" | "missing")
}

fn stop_word(low: &str) -> bool {
    crate::scan::preposition_or_subordinator(low)
        || crate::scan::auxiliary(low)
        || matches!(
            low,
            "who"
                | "where"
                | "and"
                | "or"
                | "but"
                | "not"
                | "of"
                | "for"
                | "the"
                | "a"
                | "an"
                | "this"
                | "these"
                | "those"
                | "it"
                | "they"
                | "he"
                | "she"
                | "we"
                | "its"
                | "their"
                | "his"
                | "her"
                | "per"
                | "each"
                | "more"
                | "less"
                | "percent"
                | "also"
                | "said"
                | "says"
                | "out"
                | "up"
                | "so"
                | "ago"
                | "if"
                | "most"
                | "another"
                | "other"
                | "others"
                | "them"
                | "us"
                | "you"
                | "i"
                | "our"
        )
}

/// Whether the number at `n` (with a qualifier from `start`) can be a figure at all.
fn plausible(w: &Words, n: usize, start: usize) -> bool {
    let before = w.low_back(n, 1);
    let after = w.low(n + 1);
    // times, dates, list numbering
    if matches!(after, ":" | "a.m." | "p.m." | "am" | "pm" | "gmt" | "utc")
        || before == ":"
        || after == "/"
        || before == "/"
    {
        return false;
    }
    if month(after) || month(before) {
        return false;
    }
    // "Resolution 2334", "Boeing 737", "Article 5"
    !(n == start && w.kind(n) == Some(TokenKind::Number) && n > 0 && w.cap(n - 1) && iso_code(w.raw(n - 1)).is_none())
}

/// A four-digit number that reads as a year: 1800–2100, or from 1000 after a date preposition
/// ("in 1517").
fn year_like(w: &Words, n: usize) -> bool {
    let raw = w.raw(n);
    if raw.len() != 4 || !raw.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let y: u32 = raw.parse().unwrap_or(0);
    let dated = matches!(w.low_back(n, 1), "in" | "since" | "from" | "by" | "until" | "before" | "after" | "of");
    (1800..=2100).contains(&y) || (dated && (1000..1800).contains(&y))
}

fn month(low: &str) -> bool {
    matches!(
        low,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan."
            | "feb."
            | "mar."
            | "apr."
            | "jun."
            | "jul."
            | "aug."
            | "sep."
            | "sept."
            | "oct."
            | "nov."
            | "dec."
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (text, value, unit, counted, approximate).
    fn quantities(text: &str) -> Vec<(String, f64, String, String, bool)> {
        find_quantities(text, Span::new(0, text.len()))
            .into_iter()
            .map(|q| {
                (
                    text[q.span].to_string(),
                    q.value,
                    q.unit.unwrap_or_default(),
                    q.counted.unwrap_or_default(),
                    q.approximate,
                )
            })
            .collect()
    }

    fn one(text: &str) -> (String, f64, String, String, bool) {
        let all = quantities(text);
        assert_eq!(all.len(), 1, "expected one figure in {text:?}, got {all:?}");
        all.into_iter().next().unwrap()
    }

    fn check(text: &str, words: &str, value: f64, unit: &str, counted: &str, approximate: bool) {
        let got = one(text);
        assert_eq!(got, (words.to_string(), value, unit.to_string(), counted.to_string(), approximate), "in {text:?}");
    }

    #[test]
    fn percentages() {
        check("61% of voters backed him.", "61% of voters", 61.0, "%", "voters", false);
        check("He won 61 percent.", "61 percent", 61.0, "%", "", false);
        check("He won 52.3 per cent of the vote.", "52.3 per cent of the vote", 52.3, "%", "vote", false);
        check("Support fell 4 percentage points.", "4 percentage points", 4.0, "percentage points", "", false);
    }

    #[test]
    fn money() {
        check("It pledged $2 billion in aid.", "$2 billion in aid", 2e9, "USD", "aid", false);
        check("It pledged €500 million.", "€500 million", 5e8, "EUR", "", false);
        check("It pledged US$1.5bn in military aid.", "US$1.5bn in military aid", 1.5e9, "USD", "aid", false);
        check("It pledged 300 million euros.", "300 million euros", 3e8, "EUR", "", false);
        check("a fine of £20,000", "£20,000", 20000.0, "GBP", "", false);
        check("It paid $5 million dollars.", "$5 million dollars", 5e6, "USD", "", false);
        check("It pledged $2 billion in Ukraine.", "$2 billion", 2e9, "USD", "", false);
    }

    #[test]
    fn measures() {
        check(
            "It exports 2.5 million barrels of oil a day.",
            "2.5 million barrels of oil",
            2.5e6,
            "barrels",
            "oil",
            false,
        );
        check("a 5km exclusion zone", "5km", 5.0, "km", "", false);
        check("They seized 40 tonnes of grain.", "40 tonnes of grain", 40.0, "tonnes", "grain", false);
    }

    #[test]
    fn counts_and_hedges() {
        check("At least 40 people were killed.", "At least 40 people", 40.0, "", "people", true);
        check("More than 2,000 troops arrived.", "More than 2,000 troops", 2000.0, "", "troops", true);
        check("Hundreds of protesters gathered.", "Hundreds of protesters", 100.0, "", "protesters", true);
        check("Tens of thousands of people fled.", "Tens of thousands of people", 10000.0, "", "people", true);
        check("A dozen soldiers were captured.", "A dozen soldiers", 12.0, "", "soldiers", false);
        check("about a dozen soldiers", "about a dozen soldiers", 12.0, "", "soldiers", true);
        check("Forty Ukrainian soldiers died.", "Forty Ukrainian soldiers", 40.0, "", "soldiers", false);
        check("twenty-five people died", "twenty-five people", 25.0, "", "people", false);
        check("two hundred people", "two hundred people", 200.0, "", "people", false);
        check("some 300 civilians in Gaza", "some 300 civilians", 300.0, "", "civilians", true);
        check("the 30-40 fighters", "30-40 fighters", 30.0, "", "fighters", true);
        check("the two sides met", "two sides", 2.0, "", "sides", false);
        check("40 dead in the attack", "40 dead", 40.0, "", "dead", false);
        check("40 people killed in the attack", "40 people", 40.0, "", "people", false);
        check("a million people marched", "a million people", 1e6, "", "people", false);
        check("They sent 2000 troops.", "2000 troops", 2000.0, "", "troops", false);
        check("He was one of Trump's rivals.", "one of Trump's rivals", 1.0, "", "rivals", false);
        check("The index rose to 5,028.16.", "5,028.16", 5028.16, "", "", false);
    }

    #[test]
    fn not_figures() {
        for text in [
            "The talks began on 20 March 2019.",
            "The talks began on March 20, 2019.",
            "The 2019 election was close.",
            "It happened in 2019.",
            "UN Resolution 2334 condemned it.",
            "He met them at 10:30 a.m.",
            "the 20th anniversary",
            "in the 1990s",
            "the two of them met",
            "no one was hurt",
            "a Boeing 737 crashed",
            "He is one of the most senior officials.",
            "the 2017 census",
            "Luther nailed them up in 1517.",
        ] {
            assert_eq!(quantities(text), [], "in {text:?}");
        }
    }

    #[test]
    fn numerals() {
        assert_eq!(numeral("1,000,000"), Some((1e6, None, false)));
        assert_eq!(numeral("2.5bn"), Some((2.5, Some(("bn", true)), false)));
        assert_eq!(numeral("1,2"), None);
        assert_eq!(numeral("1234,567"), None);
        assert_eq!(numeral("20th"), None);
        assert_eq!(numeral("1990s"), None);
        assert_eq!(numeral("2019-03-20"), None);
    }

    #[test]
    fn spans_are_absolute() {
        let text = "Intro. At least 40 people died.";
        let found = find_quantities(text, Span::new(7, text.len()));
        assert_eq!(&text[found[0].span], "At least 40 people");
    }
}
