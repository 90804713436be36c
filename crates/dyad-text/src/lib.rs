//! Dyad's text layer: sentences, tokens with byte offsets into the document body, and the
//! closed-class word table the shallow parser builds on.
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

mod lexicon;
mod segment;
mod tokenize;

pub use lexicon::{Lexicon, Tags};
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
        fn tokens_cover_every_non_space_char(text in "[A-Za-z0-9 .,'’\\-]{0,80}") {
            let toks = tokenize(&text, Span::new(0, text.len()));
            let covered: usize = toks.iter().map(|t| t.span.len()).sum();
            let non_space = text.chars().filter(|c| !c.is_whitespace()).map(char::len_utf8).sum::<usize>();
            prop_assert_eq!(covered, non_space);
        }
    }
}
