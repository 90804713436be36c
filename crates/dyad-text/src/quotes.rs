//! Quotations: direct quotes between double quote marks and indirect speech ("X said that …"),
//! each with the words that credit a speaker and the reporting verb.
//!
//! [`find_quotes`] works on a paragraph as well as on a sentence: a direct quote may run over
//! several sentences. The speaker is returned as the words of the text (a name, a noun phrase or
//! a pronoun); resolving it to an actor is the coder's job.
//!
//! # Choices
//!
//! - Quote marks: straight `"`, curly `“ ”`, PTB ` `` ` and `''`, and guillemets. A straight
//!   quote opens only when it is not glued to the word before it (so a stray `DeVos"` is not an
//!   opening mark); a closing mark with no open quote is ignored. A quote left open at the end of
//!   the span runs to its end when it opens the span (news continues a quote into the next
//!   paragraph by leaving it open) or follows a colon (a quote cut by sentence splitting);
//!   otherwise it is dropped as noise.
//! - The quote span is the quoted words without the marks and without a trailing comma.
//! - Attribution after the quote: `"…," X said`, `"…," said X`, `"…," according to X`; before it:
//!   `X said: "…"`, `X said "…"`, `X told reporters "…"`, `X said that "…"`, `According to X,
//!   "…"`. After a colon the words before win; otherwise the words after win.
//! - A quote with no attribution continues the previous speaker when only the previous quote's
//!   attribution (and at most five more words) separates them: `"A," he said. "B."`.
//! - Unattributed quotes of one or two words are scare quotes and are skipped.
//! - Indirect speech: a reporting verb followed within eight words (no punctuation other than
//!   commas) by "that" ("told reporters on Monday that"); the quote is the clause after "that" up
//!   to the end of the sentence, a semicolon or a quote mark. "said"/"says" without "that" count
//!   too when a speaker stands before the verb and the clause has at least three words
//!   ("Lavrov said Russia would respond"). Reporting verbs inside a direct quote are ignored.
//! - The speaker is the pronoun next to the verb, or the maximal run of capitalised words and
//!   nouns with their determiner, possessives and "of"/"for" ("a spokesman for the ministry",
//!   "Russia's foreign minister", "Secretary of State Mike Pompeo"); adverbs and auxiliaries
//!   between speaker and verb are skipped ("Lavrov has also said"). Past an appositive or a
//!   relative "who", the speaker is the phrase before the comma ("Xie Wei, a manager at Apple,
//!   says", "Nikki Haley, who said").

use crate::scan::{Passage, Words, kw};
use crate::tokenize::TokenKind;
use dyad_model::Span;

/// A quotation: the quoted words, who is credited with them and the verb that does it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quote {
    /// The quoted words, without the quote marks (for indirect speech, the clause after "that").
    pub span: Span,
    /// The noun phrase or pronoun credited ("Lavrov", "he", "the minister"), if any.
    pub speaker: Option<Span>,
    /// The reporting verb ("said", "warned") or "according to", if any.
    pub verb: Option<Span>,
}

/// Finds direct quotes and indirect speech in `text[span]` (a sentence or a paragraph), in order.
pub fn find_quotes(text: &str, span: Span) -> Vec<Quote> {
    Passage::new(text, span).quotes()
}

impl Passage<'_> {
    /// The quotations in the passage; see [`find_quotes`].
    pub fn quotes(&self) -> Vec<Quote> {
        if self.seen() & (kw::QUOTE_MARK | kw::SPEECH) == 0 {
            return Vec::new();
        }
        scan_quotes(self.words(), self.text(), self.span(), self.seen())
    }
}

fn scan_quotes(w: &Words, text: &str, span: Span, seen: u32) -> Vec<Quote> {
    let pairs = if seen & kw::QUOTE_MARK != 0 { pair_marks(w) } else { Vec::new() };
    let mut out = Vec::new();
    let mut used_verbs = Vec::new();
    // The previous attributed quote: where its attribution ends, its speaker and verb.
    let mut prev: Option<(usize, Option<Span>, Option<Span>)> = None;
    for &(o, c) in &pairs {
        let from = w.toks[o].span.end;
        let to = if c < w.len() { w.toks[c].span.start } else { span.end };
        let Some(q) = trimmed(text, from, to) else { continue };
        let attr = if matches!(w.low_back(o, 1), ":" | "that") {
            before(w, o).or_else(|| after(w, c))
        } else {
            after(w, c).or_else(|| before(w, o))
        };
        let words = (o + 1..c.min(w.len())).filter(|&i| w.kind(i) != Some(TokenKind::Punct)).count();
        let (speaker, verb) = match &attr {
            Some(a) => {
                used_verbs.push(a.verb.0);
                (a.speaker.map(|(x, y)| w.span(x, y)), Some(w.span(a.verb.0, a.verb.1)))
            }
            None => match prev {
                Some((end, s, v)) if end < o && (end + 1..o).filter(|&i| w.word(i)).count() <= 5 => (s, v),
                _ if words < 3 => continue,
                _ => (None, None),
            },
        };
        if words == 0 {
            continue;
        }
        let end = attr.as_ref().map_or(c, |a| a.end.max(c));
        prev = (speaker.is_some() || verb.is_some()).then_some((end, speaker, verb));
        out.push(Quote { span: q, speaker, verb });
    }
    if seen & kw::THAT_VERB != 0 {
        indirect(w, text, &pairs, &used_verbs, &mut out);
    }
    out.sort_by_key(|q| (q.span.start, q.span.end));
    out
}

/// An attribution: speaker tokens, verb tokens (both inclusive), last token used.
struct Attr {
    speaker: Option<(usize, usize)>,
    verb: (usize, usize),
    end: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    Either,
}

fn mark(raw: &str) -> Option<Mark> {
    match raw {
        "\"" | "''" => Some(Mark::Either),
        "“" | "``" | "«" | "„" => Some(Mark::Open),
        "”" | "»" => Some(Mark::Close),
        _ => None,
    }
}

/// Pairs of (opening mark, closing mark) token indices; the closing index is `w.len()` for a quote
/// left open at the end of the span.
fn pair_marks(w: &Words) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for i in 0..w.len() {
        let Some(m) = mark(w.raw(i)) else { continue };
        match (m, open) {
            (Mark::Open, _) => open = Some(i),
            (Mark::Close | Mark::Either, Some(o)) => {
                out.push((o, i));
                open = None;
            }
            (Mark::Either, None) => {
                let glued =
                    i > 0 && w.toks[i - 1].span.end == w.toks[i].span.start && w.kind(i - 1) != Some(TokenKind::Punct);
                if !glued {
                    open = Some(i);
                }
            }
            (Mark::Close, None) => {}
        }
    }
    // Left open: a quote that opens the span, or follows "said:", runs to its end.
    if let Some(o) = open.filter(|&o| o == 0 || w.low_back(o, 1) == ":") {
        out.push((o, w.len()));
    }
    out
}

/// `text[from..to]` without surrounding white space and a trailing comma; `None` when empty.
fn trimmed(text: &str, from: usize, to: usize) -> Option<Span> {
    if from >= to {
        return None;
    }
    let s = &text[from..to];
    let lead = s.len() - s.trim_start().len();
    let body = s.trim().trim_end_matches(',').trim_end();
    (!body.is_empty()).then(|| Span::new(from + lead, from + lead + body.len()))
}

/// Attribution after a quote closing at token `c`.
fn after(w: &Words, c: usize) -> Option<Attr> {
    let mut k = c + 1;
    if w.low(k) == "," {
        k += 1;
    }
    if w.is(k, kw::SPEECH) {
        let speaker = np_right(w, k + 1);
        return Some(Attr { speaker, verb: (k, k), end: speaker.map_or(k, |s| s.1) });
    }
    if w.low(k) == "according" && w.low(k + 1) == "to" {
        let speaker = np_right(w, k + 2)?;
        return Some(Attr { speaker: Some(speaker), verb: (k, k + 1), end: speaker.1 });
    }
    // "…," the foreign minister also told reporters
    let mut j = k;
    while j < w.len() && j < k + 12 {
        let low = w.low(j);
        if w.is(j, kw::SPEECH) {
            let speaker = np_left(w, j, k)?;
            return Some(Attr { speaker: Some(speaker), verb: (j, j), end: j });
        }
        let np_part = np_word(w, j) || determiner(low) || pronoun(low) || skippable(low) || joiner(low);
        if !np_part {
            return None;
        }
        j += 1;
    }
    None
}

/// Attribution before a quote opening at token `o`.
fn before(w: &Words, o: usize) -> Option<Attr> {
    let mut k = o.checked_sub(1)?;
    let comma = w.low(k) == ",";
    if matches!(w.low(k), ":" | ",") {
        k = k.checked_sub(1)?;
    }
    if w.low(k) == "that" {
        k = k.checked_sub(1)?;
    }
    if comma {
        // According to the ministry, "…"
        let mut j = k;
        while j > 0 && k - j < 10 && (np_word(w, j) || determiner(w.low(j)) || joiner(w.low(j))) {
            j -= 1;
        }
        if w.low(j) == "to" && w.low_back(j, 1) == "according" && j < k {
            return Some(Attr { speaker: Some((j + 1, k)), verb: (j - 1, j), end: o });
        }
    }
    // "X said", "X told reporters", "X said in a statement"
    let mut v = k;
    loop {
        if w.is(v, kw::SPEECH) {
            let speaker = np_left(w, v, 0);
            return Some(Attr { speaker, verb: (v, v), end: o });
        }
        if !w.word(v) || v == 0 || k - v >= 6 {
            return None;
        }
        v -= 1;
    }
}

/// "X said/warned/told reporters that …" and "X said the talks failed".
fn indirect(w: &Words, text: &str, pairs: &[(usize, usize)], used: &[usize], out: &mut Vec<Quote>) {
    let n = w.len();
    for v in (0..n).filter(|&v| w.is(v, kw::THAT_VERB)) {
        let low = w.low(v);
        if used.contains(&v) || pairs.iter().any(|&(o, c)| o < v && v < c) {
            continue;
        }
        let mut that = None;
        for j in v + 1..n.min(v + 10) {
            let lj = w.low(j);
            if lj == "that" {
                that = Some(j);
                break;
            }
            if (w.kind(j) == Some(TokenKind::Punct) && lj != ",") || w.is(j, kw::SPEECH) {
                break;
            }
        }
        let speaker = np_left(w, v, 0);
        let start = match that {
            Some(j) => j + 1,
            None if matches!(low, "said" | "says") && speaker.is_some() => {
                let s = v + 1 + time_len(w, v + 1);
                if !(np_word(w, s) || determiner(w.low(s)) || pronoun(w.low(s))) || w.kind(s) == Some(TokenKind::Punct)
                {
                    continue;
                }
                s
            }
            None => continue,
        };
        let mut end = start;
        while end < n && !matches!(w.low(end), "." | "!" | "?" | ";" | "...") && mark(w.raw(end)).is_none() {
            end += 1;
        }
        if end == start || (that.is_none() && end - start < 3) {
            continue;
        }
        let Some(q) = trimmed(text, w.toks[start].span.start, w.toks[end - 1].span.end) else { continue };
        out.push(Quote { span: q, speaker: speaker.map(|(a, b)| w.span(a, b)), verb: Some(w.span(v, v)) });
    }
}

/// The noun phrase or pronoun ending just before the verb at `v`, not reaching before `lo`:
/// "Lavrov [also] said", "Lavrov, who said", "Xie Wei, a manager at Apple, says".
fn np_left(w: &Words, v: usize, lo: usize) -> Option<(usize, usize)> {
    let mut e = v;
    while e > lo && skippable(w.low(e - 1)) {
        e -= 1;
    }
    let b = e.checked_sub(1).filter(|&b| b >= lo)?;
    match w.low(b) {
        "who" if b >= lo + 2 && w.low(b - 1) == "," => np_ending(w, b - 2, lo),
        "," => {
            // an appositive between two commas
            let c = (b.saturating_sub(12).max(lo)..b).rev().find(|&c| w.low(c) == ",")?;
            let apposition = (c + 1..b).all(|k| {
                w.word(k)
                    && !w.is(k, kw::SPEECH)
                    && !matches!(
                        w.low(k),
                        "is" | "was"
                            | "are"
                            | "were"
                            | "has"
                            | "have"
                            | "had"
                            | "will"
                            | "would"
                            | "can"
                            | "could"
                            | "should"
                            | "must"
                            | "may"
                            | "might"
                            | "do"
                            | "does"
                            | "did"
                            | "not"
                            | "n't"
                            | "that"
                            | "which"
                            | "and"
                            | "but"
                            | "he"
                            | "she"
                            | "they"
                            | "it"
                            | "we"
                            | "i"
                    )
            });
            if apposition && c > lo && c + 1 < b { np_ending(w, c - 1, lo) } else { None }
        }
        _ => np_ending(w, b, lo),
    }
}

/// The noun phrase or pronoun whose last token is `b`, not reaching before `lo`.
fn np_ending(w: &Words, b: usize, lo: usize) -> Option<(usize, usize)> {
    if pronoun(w.low(b)) {
        return Some((b, b));
    }
    if !np_word(w, b) {
        return None;
    }
    let mut a = b;
    while a > lo && b - a < 10 {
        let t = a - 1;
        let low = w.low(t);
        if determiner(low) {
            a = t;
            break;
        }
        let inner = joiner(low) && t > lo && (np_word(w, t - 1) || (low == "and" && w.cap(t - 1) && w.cap(a)));
        if np_word(w, t) || inner {
            a = t;
        } else {
            break;
        }
    }
    while a < b && joiner(w.low(a)) {
        a += 1;
    }
    Some((a, b))
}

/// The noun phrase or pronoun starting at `k` ("said Lavrov", "said the minister").
fn np_right(w: &Words, k: usize) -> Option<(usize, usize)> {
    if pronoun(w.low(k)) {
        return Some((k, k));
    }
    let first = if determiner(w.low(k)) { k + 1 } else { k };
    if !np_word(w, first) {
        return None;
    }
    let mut b = first;
    while b + 1 < w.len() && b - k < 10 {
        let j = b + 1;
        let low = w.low(j);
        let inner = joiner(low) && (np_word(w, j + 1) || determiner(w.low(j + 1)));
        if np_word(w, j) || inner || (determiner(low) && joiner(w.low(b))) {
            b = j;
        } else {
            break;
        }
    }
    while b > first && joiner(w.low(b)) {
        b -= 1;
    }
    Some((k, b))
}

/// A word that can be part of a speaker's noun phrase: capitalised or a content word, not a
/// function word, verb of speech or time word.
fn np_word(w: &Words, i: usize) -> bool {
    if !w.word(i) {
        return false;
    }
    let low = w.low(i);
    if low == "'s" || low == "’s" {
        return true;
    }
    if function_word(low) || w.is(i, kw::SPEECH) || time_word(low) || pronoun(low) || determiner(low) {
        return false;
    }
    w.cap(i) || !(low.ends_with("ly") || low.ends_with("ing") || low.starts_with('\'') || low.starts_with('’'))
}

/// Words that join parts of one noun phrase: "of", "for", possessive "'s", "-", "and".
fn joiner(low: &str) -> bool {
    matches!(low, "of" | "for" | "'s" | "’s" | "-" | "and" | "at")
}

fn pronoun(low: &str) -> bool {
    matches!(low, "he" | "she" | "they" | "it" | "we" | "i" | "you")
}

fn determiner(low: &str) -> bool {
    matches!(
        low,
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "my"
            | "your"
            | "this"
            | "these"
            | "those"
            | "another"
            | "one"
            | "some"
            | "two"
            | "three"
            | "both"
            | "several"
            | "many"
    )
}

/// Adverbs, auxiliaries and negation that may stand between a speaker and the verb.
fn skippable(low: &str) -> bool {
    matches!(
        low,
        "also"
            | "has"
            | "have"
            | "had"
            | "later"
            | "then"
            | "again"
            | "previously"
            | "earlier"
            | "once"
            | "would"
            | "will"
            | "did"
            | "does"
            | "do"
            | "not"
            | "n't"
            | "never"
            | "further"
            | "reportedly"
            | "allegedly"
            | "publicly"
            | "repeatedly"
            | "recently"
            | "separately"
            | "subsequently"
            | "today"
            | "yesterday"
    ) || (low.len() > 4 && low.ends_with("ly"))
}

/// How many tokens of a time phrase start at `i` ("Monday", "on Monday", "last week").
fn time_len(w: &Words, i: usize) -> usize {
    match w.low(i) {
        x if day_word(x) => 1,
        "on" if day_word(w.low(i + 1)) => 2,
        "last" | "this" if matches!(w.low(i + 1), "week" | "month" | "year" | "night" | "weekend" | "morning") => 2,
        _ => 0,
    }
}

/// A day or a relative time of day ("Monday", "yesterday", "later"): a time phrase on its own.
fn day_word(low: &str) -> bool {
    matches!(
        low,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "today"
            | "yesterday"
            | "tonight"
            | "overnight"
            | "earlier"
            | "later"
    )
}

fn time_word(low: &str) -> bool {
    day_word(low) || matches!(low, "week" | "month" | "year" | "morning" | "afternoon" | "evening" | "night")
}

fn function_word(low: &str) -> bool {
    crate::scan::preposition_or_subordinator(low)
        || crate::scan::auxiliary(low)
        || matches!(
            low,
            "because"
                | "although"
                | "though"
                | "if"
                | "whom"
                | "whose"
                | "where"
                | "and"
                | "or"
                | "but"
                | "nor"
                | "so"
                | "yet"
                | "being"
                | "shall"
                | "not"
                | "n't"
                | "no"
                | "also"
                | "then"
                | "there"
                | "here"
                | "however"
                | "meanwhile"
                | "moreover"
                | "still"
                | "even"
                | "just"
                | "now"
                | "again"
                | "of"
                | "for"
                | "'s"
                | "’s"
                | "what"
                | "how"
                | "why"
                | "amid"
                | "via"
                | "per"
                | "like"
                | "unlike"
                | "despite"
                | "without"
                | "within"
                | "through"
                | "across"
                | "toward"
                | "towards"
                | "upon"
                | "whether"
                | "either"
                | "neither"
                | "who"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (quote, speaker, verb) as text.
    fn quotes(text: &str) -> Vec<(String, String, String)> {
        let s = |x: Option<Span>| x.map_or(String::new(), |x| text[x].to_string());
        find_quotes(text, Span::new(0, text.len()))
            .into_iter()
            .map(|q| (text[q.span].to_string(), s(q.speaker), s(q.verb)))
            .collect()
    }

    fn q(quote: &str, speaker: &str, verb: &str) -> (String, String, String) {
        (quote.to_string(), speaker.to_string(), verb.to_string())
    }

    #[test]
    fn attribution_after_the_quote() {
        assert_eq!(quotes("\"We will respond,\" Lavrov said."), [q("We will respond", "Lavrov", "said")]);
        assert_eq!(quotes("“We will respond,” said the minister."), [q("We will respond", "the minister", "said")]);
        assert_eq!(quotes("\"We will respond,\" he warned on Monday."), [q("We will respond", "he", "warned")]);
        assert_eq!(
            quotes("“This is unacceptable,” Russian Foreign Minister Sergei Lavrov told reporters."),
            [q("This is unacceptable", "Russian Foreign Minister Sergei Lavrov", "told")]
        );
        assert_eq!(
            quotes("\"Talks are over\", Russia's foreign minister also said."),
            [q("Talks are over", "Russia's foreign minister", "said")]
        );
        assert_eq!(
            quotes("\"Talks are over,\" said a spokesman for the ministry, who declined to be named."),
            [q("Talks are over", "a spokesman for the ministry", "said")]
        );
        assert_eq!(
            quotes("\"Talks are over,\" according to the Kremlin."),
            [q("Talks are over", "the Kremlin", "according to")]
        );
    }

    #[test]
    fn attribution_before_the_quote() {
        assert_eq!(quotes("Lavrov said: \"We will respond.\""), [q("We will respond.", "Lavrov", "said")]);
        assert_eq!(quotes("The minister said \"we will respond\"."), [q("we will respond", "The minister", "said")]);
        assert_eq!(
            quotes("Lavrov told reporters in Moscow: “We will respond.”"),
            [q("We will respond.", "Lavrov", "told")]
        );
        assert_eq!(quotes("He said that \"we will respond\"."), [q("we will respond", "He", "said")]);
        assert_eq!(
            quotes("According to the ministry, \"the strikes hit military targets.\""),
            [q("the strikes hit military targets.", "the ministry", "According to")]
        );
        assert_eq!(quotes("``We will respond,'' he said."), [q("We will respond", "he", "said")]);
    }

    #[test]
    fn quotes_span_sentences_and_continue_speakers() {
        let text = "“We will respond. This is unacceptable,” Lavrov said. “Our patience has limits.”";
        assert_eq!(
            quotes(text),
            [
                q("We will respond. This is unacceptable", "Lavrov", "said"),
                q("Our patience has limits.", "Lavrov", "said")
            ]
        );
        let text = "\"We will respond,\" he said, \"and soon.\"";
        assert_eq!(quotes(text), [q("We will respond", "he", "said"), q("and soon.", "he", "said")]);
    }

    #[test]
    fn scare_quotes_and_stray_marks() {
        assert!(quotes("Russia called it a “special operation” in Ukraine.").is_empty());
        assert!(quotes("The DeVos\"?highly contentious nomination passed.").is_empty());
        // A quote left open at the start of a paragraph runs to its end.
        assert_eq!(
            quotes("“We will not accept this. The sanctions are illegal."),
            [q("We will not accept this. The sanctions are illegal.", "", "")]
        );
        // Unattributed but long quotes are kept.
        assert_eq!(quotes("The banner read “no more war in Europe”."), [q("no more war in Europe", "", "")]);
    }

    #[test]
    fn appositives_and_relatives() {
        assert_eq!(
            quotes("Xie Wei, a marketing manager from Apple Inc, says that demand is strong."),
            [q("demand is strong", "Xie Wei", "says")]
        );
        assert_eq!(
            quotes("It was rejected by Nikki Haley, who said that Washington must see action."),
            [q("Washington must see action", "Nikki Haley", "said")]
        );
        assert_eq!(
            quotes("In Moscow, Russia is ready, said Lavrov, adding that talks continue."),
            [q("talks continue", "", "adding")]
        );
        assert_eq!(
            quotes("Hyder said: \"We are told the toll will climb."),
            [q("We are told the toll will climb.", "Hyder", "said")]
        );
    }

    #[test]
    fn indirect_speech() {
        assert_eq!(quotes("Lavrov said that Russia would respond."), [q("Russia would respond", "Lavrov", "said")]);
        assert_eq!(
            quotes("The minister told reporters on Monday that the talks had failed; others disagreed."),
            [q("the talks had failed", "The minister", "told")]
        );
        assert_eq!(
            quotes("NATO's secretary general warned that the alliance would defend every ally."),
            [q("the alliance would defend every ally", "NATO's secretary general", "warned")]
        );
        assert_eq!(
            quotes("He stressed that sanctions would stay, and insisted that talks continue."),
            [
                q("sanctions would stay, and insisted that talks continue", "He", "stressed"),
                q("talks continue", "", "insisted")
            ]
        );
        assert_eq!(
            quotes("Lavrov said on Monday the talks had failed."),
            [q("the talks had failed", "Lavrov", "said")]
        );
        assert!(quotes("Russia is ready, said the minister.").is_empty());
        assert!(quotes("Lavrov said Monday.").is_empty());
    }

    #[test]
    fn reporting_verbs_inside_quotes_are_part_of_them() {
        let text = "“He said that we would lose,” Blinken said.";
        assert_eq!(quotes(text), [q("He said that we would lose", "Blinken", "said")]);
    }

    #[test]
    fn spans_are_absolute() {
        let text = "Intro. \"We will respond,\" he said.";
        let found = find_quotes(text, Span::new(7, text.len()));
        assert_eq!(&text[found[0].span], "We will respond");
        assert_eq!(&text[found[0].speaker.unwrap()], "he");
    }
}
