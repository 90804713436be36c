//! What the date, quote and quantity finders share: a byte prescan that rules a passage out
//! before any tokenizing, and a token view (one tokenization, one lower-cased copy, keyword
//! classes per token) so patterns compare words without allocating.

use crate::tokenize::{Token, TokenKind, tokenize};
use dyad_model::Span;
use rustc_hash::FxHashMap;
use std::cell::OnceCell;
use std::sync::OnceLock;

/// A sentence or paragraph prepared once for [`find_dates`](crate::find_dates),
/// [`find_quotes`](crate::find_quotes) and [`find_quantities`](crate::find_quantities): call
/// [`dates`](Passage::dates), [`quotes`](Passage::quotes) and
/// [`quantities`](Passage::quantities) on it to prescan and tokenize the text once for all three.
///
/// ```
/// use dyad_model::Span;
/// use dyad_text::Passage;
///
/// let text = "\"We will respond,\" Lavrov said on Wednesday, after 40 people were killed.";
/// let p = Passage::new(text, Span::new(0, text.len()));
/// assert_eq!(p.dates(chrono::NaiveDate::from_ymd_opt(2019, 3, 20)).len(), 1);
/// assert_eq!(&text[p.quotes()[0].span], "We will respond");
/// assert_eq!(p.quantities()[0].value, 40.0);
/// ```
pub struct Passage<'a> {
    text: &'a str,
    span: Span,
    seen: u32,
    words: OnceCell<Words<'a>>,
}

impl<'a> Passage<'a> {
    /// Prescans `text[span]`; tokens are made on first use.
    pub fn new(text: &'a str, span: Span) -> Passage<'a> {
        Passage { text, span, seen: prescan(&text[span]), words: OnceCell::new() }
    }

    pub(crate) fn seen(&self) -> u32 {
        self.seen
    }

    pub(crate) fn text(&self) -> &'a str {
        self.text
    }

    pub(crate) fn span(&self) -> Span {
        self.span
    }

    pub(crate) fn words(&self) -> &Words<'a> {
        self.words.get_or_init(|| Words::new(self.text, self.span))
    }
}

/// Keyword classes, as bit flags: what a word can start or signal in one of the finders.
pub(crate) mod kw {
    /// A month name or abbreviation.
    pub const MONTH: u32 = 1;
    /// A weekday name.
    pub const WEEKDAY: u32 = 1 << 1;
    /// "today", "tonight", "yesterday", "tomorrow".
    pub const DAY_WORD: u32 = 1 << 2;
    /// A unit a relative date is built on ("week", "month", "morning") or "ago".
    pub const DATE_UNIT: u32 = 1 << 3;
    /// Starts a relative date: "last", "next", "this", "earlier", "later", "exactly".
    pub const DATE_MODIFIER: u32 = 1 << 4;
    /// A number word ("one" … "ninety").
    pub const NUMBER: u32 = 1 << 5;
    /// "a", "an": a count of one before a unit.
    pub const ARTICLE: u32 = 1 << 6;
    /// A scale word, singular or plural ("million", "hundreds", "dozen").
    pub const SCALE: u32 = 1 << 7;
    /// A word that can start a hedge ("about", "at least", "more than") or a currency code.
    pub const QUANT_START: u32 = 1 << 8;
    /// A verb that introduces a direct quote.
    pub const SPEECH: u32 = 1 << 9;
    /// A reporting verb that takes a "that" clause.
    pub const THAT_VERB: u32 = 1 << 10;
    /// Set by [`super::prescan`] when the text has an ASCII digit.
    pub const DIGIT: u32 = 1 << 30;
    /// Set by [`super::prescan`] when the text has a double quote mark.
    pub const QUOTE_MARK: u32 = 1 << 31;
}

#[rustfmt::skip]
const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "jan.", "feb.",
    "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
];
const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const DAY_WORDS: &[&str] = &["today", "tonight", "yesterday", "tomorrow"];
const DATE_UNITS: &[&str] = &["week", "weekend", "month", "year", "night", "morning", "afternoon", "evening", "ago"];
const DATE_MODIFIERS: &[&str] = &["last", "next", "this", "earlier", "later", "exactly"];
#[rustfmt::skip]
const NUMBERS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty",
    "sixty", "seventy", "eighty", "ninety",
];
#[rustfmt::skip]
const SCALES: &[&str] = &[
    "hundred", "thousand", "million", "billion", "trillion", "hundreds", "thousands", "millions", "billions", "tens",
    "scores", "dozen", "dozens",
];
#[rustfmt::skip]
const QUANT_STARTS: &[&str] = &[
    "about", "around", "roughly", "nearly", "almost", "some", "approximately", "over", "under", "estimated", "circa",
    "approx.", "below", "above", "at", "more", "less", "fewer", "up", "close", "upwards", "in", "as", "an", "usd",
    "eur", "gbp", "jpy", "cny", "rub", "inr", "uah", "chf", "us", "u.s.", "c",
];

/// Verbs that introduce a direct quote but rarely a "that" clause.
#[rustfmt::skip]
pub(crate) const SPEECH_ONLY: &[&str] = &[
    "asked", "asks", "continued", "continues", "urged", "urges", "remarked", "quipped", "shouted", "posted",
    "exclaimed", "writing",
];

/// Reporting verbs that take a "that" clause (and introduce direct quotes too).
#[rustfmt::skip]
pub(crate) const THAT_VERBS: &[&str] = &[
    "said", "says", "say", "saying", "told", "tells", "warned", "warns", "stressed", "stresses", "insisted", "insists",
    "added", "adds", "noted", "notes", "argued", "argues", "claimed", "claims", "announced", "stated", "declared",
    "explained", "acknowledged", "admitted", "conceded", "suggested", "maintained", "emphasized", "emphasised",
    "reiterated", "confirmed", "denied", "predicted", "vowed", "pledged", "promised", "threatened", "complained",
    "alleged", "cautioned", "indicated", "signalled", "signaled", "assured", "informed", "reminded", "wrote", "tweeted",
    "recalled", "observed", "asserted", "contended", "underlined", "underscored", "replied", "responded", "countered",
    "writes", "announces", "warn", "insist", "adding", "warning", "insisting", "stressing", "noting", "arguing",
    "claiming",
];

/// Longest keyword, in bytes.
const MAX_LEN: usize = 13;

/// The keyword table, with a quick filter: for each length and first letter, a bit per last
/// letter that some keyword has, so most words are rejected without hashing.
struct Table {
    map: FxHashMap<&'static [u8], u32>,
    filter: [[u32; 27]; MAX_LEN + 1],
}

/// Letter index 0–25, or 26 for anything else ('.').
#[inline]
fn letter(b: u8) -> usize {
    if b.is_ascii_lowercase() { (b - b'a') as usize } else { 26 }
}

impl Table {
    #[inline]
    fn get(&self, lower: &[u8]) -> u32 {
        let (Some(&first), Some(&last)) = (lower.first(), lower.last()) else { return 0 };
        if lower.len() > MAX_LEN || self.filter[lower.len()][letter(first)] & (1 << letter(last)) == 0 {
            return 0;
        }
        self.map.get(lower).copied().unwrap_or(0)
    }
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map: FxHashMap<&'static [u8], u32> = FxHashMap::default();
        let mut filter = [[0u32; 27]; MAX_LEN + 1];
        let lists: [(&[&str], u32); 12] = [
            (MONTHS, kw::MONTH),
            (WEEKDAYS, kw::WEEKDAY),
            (DAY_WORDS, kw::DAY_WORD),
            (DATE_UNITS, kw::DATE_UNIT),
            (DATE_MODIFIERS, kw::DATE_MODIFIER),
            (NUMBERS, kw::NUMBER),
            (&["a", "an"], kw::ARTICLE),
            (SCALES, kw::SCALE),
            (QUANT_STARTS, kw::QUANT_START),
            (SPEECH_ONLY, kw::SPEECH),
            (THAT_VERBS, kw::SPEECH | kw::THAT_VERB),
            (&["according"], 0),
        ];
        for (list, flag) in lists {
            for w in list {
                let b = w.as_bytes();
                assert!(b.len() <= MAX_LEN, "keyword {w:?} is longer than {MAX_LEN} bytes");
                *map.entry(b).or_default() |= flag;
                filter[b.len()][letter(b[0])] |= 1 << letter(b[b.len() - 1]);
            }
        }
        Table { map, filter }
    })
}

/// The keyword classes of a lower-case word (0 for most words).
#[inline]
pub(crate) fn keyword(lower: &str) -> u32 {
    table().get(lower.as_bytes())
}

/// The keyword classes of every ASCII word in `text`, plus [`kw::DIGIT`] and [`kw::QUOTE_MARK`]:
/// a byte scan that lets a finder return before tokenizing a sentence that cannot match.
pub(crate) fn prescan(text: &str) -> u32 {
    let b = text.as_bytes();
    let table = table();
    let mut mask = 0;
    let mut buf = [0u8; MAX_LEN];
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_alphabetic() {
            let s = i;
            i += 1;
            while i < b.len() && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            let n = i - s;
            let (first, last) = (letter(c.to_ascii_lowercase()), letter(b[i - 1].to_ascii_lowercase()));
            if n <= MAX_LEN && table.filter[n][first] & (1 << last) != 0 {
                for (d, x) in buf.iter_mut().zip(&b[s..i]) {
                    *d = x.to_ascii_lowercase();
                }
                mask |= table.get(&buf[..n]);
            }
            continue;
        }
        mask |= match c {
            b'0'..=b'9' => kw::DIGIT,
            b'"' | b'`' => kw::QUOTE_MARK,
            b'\'' if b.get(i + 1) == Some(&b'\'') => kw::QUOTE_MARK,
            0xE2 if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x9C..=0x9E)) => kw::QUOTE_MARK,
            0xC2 if matches!(b.get(i + 1), Some(0xAB | 0xBB)) => kw::QUOTE_MARK,
            _ => 0,
        };
        i += 1;
    }
    mask
}

/// Tokens of one span with their original and ASCII-lower-cased text.
pub(crate) struct Words<'a> {
    text: &'a str,
    base: usize,
    folded: String,
    pub(crate) toks: Vec<Token>,
    flags: Vec<u32>,
}

impl<'a> Words<'a> {
    /// Tokenizes `text[span]` once.
    pub(crate) fn new(text: &'a str, span: Span) -> Words<'a> {
        let toks = tokenize(text, span);
        let folded = text[span].to_ascii_lowercase();
        let flags = toks
            .iter()
            .map(|t| {
                if t.kind == TokenKind::Word {
                    keyword(&folded[t.span.start - span.start..t.span.end - span.start])
                } else {
                    0
                }
            })
            .collect();
        Words { text, base: span.start, folded, toks, flags }
    }

    /// Keyword classes of token `i` (see [`kw`]), 0 past either end.
    #[inline]
    pub(crate) fn flags(&self, i: usize) -> u32 {
        self.flags.get(i).copied().unwrap_or(0)
    }

    /// Whether token `i` has any of the keyword classes in `mask`.
    #[inline]
    pub(crate) fn is(&self, i: usize, mask: u32) -> bool {
        self.flags(i) & mask != 0
    }

    /// Number of tokens.
    #[inline]
    pub(crate) fn len(&self) -> usize {
        self.toks.len()
    }

    /// Original text of token `i`, or "" past either end.
    #[inline]
    pub(crate) fn raw(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.text[t.span])
    }

    /// Lower-cased text of token `i`, or "" past either end.
    #[inline]
    pub(crate) fn low(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &self.folded[t.span.start - self.base..t.span.end - self.base])
    }

    /// Lower-cased text of token `i - back`, or "" before the start.
    #[inline]
    pub(crate) fn low_back(&self, i: usize, back: usize) -> &str {
        i.checked_sub(back).map_or("", |j| self.low(j))
    }

    /// Kind of token `i`, if any.
    #[inline]
    pub(crate) fn kind(&self, i: usize) -> Option<TokenKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// Whether token `i` is a word starting with an upper-case letter.
    #[inline]
    pub(crate) fn cap(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Word) && self.raw(i).starts_with(|c: char| c.is_uppercase())
    }

    /// Whether token `i` is a word.
    #[inline]
    pub(crate) fn word(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Word)
    }

    /// The span from the start of token `a` to the end of token `b` (inclusive).
    #[inline]
    pub(crate) fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.toks[a].span.start, self.toks[b].span.end)
    }
}

/// Parses a plain unsigned integer ("20", "1991"); `None` for anything else.
pub(crate) fn int(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 9 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Auxiliaries and modals: like prepositions, they end a speaker's name or a counted noun phrase.
pub(crate) fn auxiliary(low: &str) -> bool {
    matches!(
        low,
        "is" | "was"
            | "are"
            | "were"
            | "be"
            | "been"
            | "has"
            | "have"
            | "had"
            | "do"
            | "does"
            | "did"
            | "will"
            | "would"
            | "should"
            | "can"
            | "could"
            | "may"
            | "might"
            | "must"
    )
}

/// Prepositions and subordinators: a speaker's name or a counted noun phrase stops at them, so
/// quotations and figures share the list.
pub(crate) fn preposition_or_subordinator(low: &str) -> bool {
    matches!(
        low,
        "in" | "on"
            | "at"
            | "to"
            | "from"
            | "with"
            | "by"
            | "after"
            | "before"
            | "during"
            | "as"
            | "than"
            | "over"
            | "under"
            | "into"
            | "about"
            | "against"
            | "between"
            | "since"
            | "until"
            | "while"
            | "when"
            | "that"
            | "which"
    )
}

/// The value of a number word from one to twenty, the tens, and "a"/"an" as one.
pub(crate) fn small_number_word(lower: &str) -> Option<u32> {
    Some(match lower {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}
