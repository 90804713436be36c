//! Byte spans into a document body: the one coordinate system every layer shares.

use serde::{Deserialize, Serialize};
use std::ops::Index;

/// A half-open byte range `[start, end)` into `Document::body`.
///
/// Every layer (blocks, sentences, tokens, actors, triggers) points back into the original text
/// with a `Span`, so any output can show exactly the words it came from. The invariant
/// `start <= end` is checked at construction.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// Builds a span; panics if `start > end`, because such a span is always a bug upstream.
    #[inline]
    pub fn new(start: usize, end: usize) -> Span {
        assert!(start <= end, "invalid span: start {start} > end {end}");
        Span { start, end }
    }

    /// Length in bytes, for sizing buffers and comparing matches.
    #[inline]
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True for an empty range, which some layers use as "no text".
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The smallest span covering both, used to join adjacent tokens into phrases.
    #[inline]
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// Whether `other` lies inside this span, for assigning tokens to sentences and blocks.
    #[inline]
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Shifts a span relative to a sub-slice back into absolute coordinates.
    #[inline]
    pub fn offset(&self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }

    /// The text of this span, or `None` when it is out of range or splits a character, so callers
    /// never panic on a stale span.
    pub fn get<'a>(&self, text: &'a str) -> Option<&'a str> {
        text.get(self.start..self.end)
    }
}

impl Index<Span> for str {
    type Output = str;
    #[inline]
    fn index(&self, span: Span) -> &str {
        &self[span.start..span.end]
    }
}

impl Index<Span> for String {
    type Output = str;
    #[inline]
    fn index(&self, span: Span) -> &str {
        &self.as_str()[span]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_text_by_span() {
        let text = "Kazakh foreign minister";
        let s = Span::new(7, 14);
        assert_eq!(&text[s], "foreign");
        assert_eq!(s.len(), 7);
        assert!(Span::new(0, 23).contains(s));
        assert_eq!(s.cover(Span::new(15, 23)), Span::new(7, 23));
        assert_eq!(Span::new(1, 2).offset(10), Span::new(11, 12));
    }

    #[test]
    fn get_refuses_char_boundaries() {
        let text = "Қазақстан";
        assert_eq!(Span::new(0, 1).get(text), None);
        assert_eq!(Span::new(0, 2).get(text), Some("Қ"));
    }

    #[test]
    #[should_panic(expected = "invalid span")]
    fn rejects_reversed_span() {
        let _ = Span::new(3, 2);
    }
}
