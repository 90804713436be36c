//! Dyad's text layer: sentences, tokens with byte offsets into the document body, the
//! closed-class word table the shallow parser builds on, and the finders for what a clause says
//! beyond its verb: [`find_dates`] (resolved against the publication date), [`find_quotes`] and
//! [`find_quantities`]. [`Passage`] runs all three over one tokenization.
//!
//! Every span this crate returns indexes the original text, so any later layer can show exactly
//! the words it came from.
//!
//! ```
//! use dyad_model::Span;
//! use dyad_text::{sentences, tokenize};
//!
//! let text = "Gen. Smith arrived in the U.S. on Monday. Talks began.";
//! let sents = sentences(text, Span::new(0, text.len()));
//! assert_eq!(sents.len(), 2);
//! let toks = tokenize(text, sents[0]);
//! assert_eq!(&text[toks[0].span], "Gen.");
//! ```
#![deny(missing_docs)]

mod dates;
mod lexicon;
mod quantities;
mod quotes;
mod scan;
mod segment;
mod tokenize;

/// Event dates come from the clause, not the dateline: mentions resolved against publication.
pub use dates::{DateMention, find_dates};
pub use lexicon::{Lexicon, Tags};
/// Figures ("61% of voters", "at least 40 people") become their own records, like GDELT's GKG.
pub use quantities::{Quantity, find_quantities};
/// Quotations with the words crediting a speaker, for quote records and speaker resolution.
pub use quotes::{Quote, find_quotes};
/// One prescan and one tokenization shared by the three finders, as they run on every sentence.
pub use scan::Passage;
pub use segment::sentences;
pub use tokenize::{Token, TokenKind, tokenize};

/// Whether a word (without its final period) takes the period with it: an abbreviation, an
/// initial or an initialism.
pub(crate) fn segment_abbrev(word: &str) -> bool {
    segment::is_abbreviation_or_initialism(word)
}

/// Lower-cases ASCII letters only, so byte offsets in the copy equal offsets in the original.
pub fn fold(text: &str) -> String {
    text.to_ascii_lowercase()
}

#[cfg(test)]
mod proptests {
    use super::*;
    use dyad_model::Span;
    use proptest::prelude::*;

    /// Words and marks the finders react to, glued in random orders.
    #[rustfmt::skip]
    const NEWS_WORDS: &[&str] = &[
        " ", " ", " ", ", ", ". ", ": ", "\"", "“", "”", "``", "''", "'s", "-", "$", "US$", "€", "%", " said", " says",
        " told", " that", " according to", " he", " the minister", " Lavrov", " March", " May", " Jan.", " 20", " 20th",
        " 2019", " 1,000.5", " 2,000", " 1,2", " 12bn", " 30-40", " 2019-03-20", " mid-2019", " on", " in", " since",
        " last", " next", " this", " earlier", " week", " month", " year", " weekend", " ago", " a", " two",
        " twenty-five", " exactly", " hundreds", " of", " million", " at least", " people", " troops", " Wednesday",
        " yesterday", " will", " percent", " per cent", "é", "Қ", "\n",
    ];

    proptest! {
        #[test]
        fn spans_are_valid_slices(text in prop_oneof!["\\PC{0,200}", "[A-Za-z .!?…\"'()“”’\n,:-]{0,200}"]) {
            for s in sentences(&text, Span::new(0, text.len())) {
                prop_assert!(text.get(s.start..s.end).is_some());
                for t in tokenize(&text, s) {
                    prop_assert!(s.contains(t.span));
                    prop_assert!(text.get(t.span.start..t.span.end).is_some());
                    prop_assert!(!t.span.is_empty());
                }
            }
        }

        #[test]
        fn finders_never_panic_and_return_slices_of_their_span(
            text in prop_oneof![
                "\\PC{0,200}",
                prop::collection::vec(prop::sample::select(NEWS_WORDS), 0..40).prop_map(|w| w.concat()),
            ],
            a in 0usize..300,
            b in 0usize..300,
            days in prop_oneof![0i32..200_000, Just(i32::MIN), Just(i32::MAX)],
        ) {
            let (mut s, mut e) = (a.min(b).min(text.len()), a.max(b).min(text.len()));
            while !text.is_char_boundary(s) { s -= 1; }
            while !text.is_char_boundary(e) { e += 1; }
            let span = Span::new(s, e);
            let published = match days {
                i32::MIN => chrono::NaiveDate::MIN,
                i32::MAX => chrono::NaiveDate::MAX,
                d => chrono::NaiveDate::from_num_days_from_ce_opt(d).unwrap(),
            };
            let ok = |x: Span| span.contains(x) && !x.is_empty() && text.get(x.start..x.end).is_some();
            for m in find_dates(&text, span, Some(published)).into_iter().chain(find_dates(&text, span, None)) {
                prop_assert!(ok(m.span), "date span {:?} in {:?}", m.span, span);
            }
            for q in find_quotes(&text, span) {
                prop_assert!(ok(q.span), "quote span {:?} in {:?}", q.span, span);
                prop_assert!(q.speaker.is_none_or(ok) && q.verb.is_none_or(ok));
            }
            for q in find_quantities(&text, span) {
                prop_assert!(ok(q.span) && q.value.is_finite() && q.value >= 0.0, "{:?}", q);
            }
            let p = Passage::new(&text, span);
            prop_assert_eq!(p.dates(Some(published)), find_dates(&text, span, Some(published)));
            prop_assert_eq!(p.quotes(), find_quotes(&text, span));
            prop_assert_eq!(p.quantities(), find_quantities(&text, span));
        }

        #[test]
        fn tokens_cover_every_non_space_char(text in "[A-Za-z0-9 .,'’\\-]{0,80}") {
            let toks = tokenize(&text, Span::new(0, text.len()));
            let covered: usize = toks.iter().map(|t| t.span.len()).sum();
            let non_space = text.chars().filter(|c| !c.is_whitespace()).map(char::len_utf8).sum::<usize>();
            prop_assert_eq!(covered, non_space);
        }
    }
}
