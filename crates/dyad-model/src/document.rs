//! The unit of input: one article, page, feed item or archive record, with its text and blocks.

use crate::Span;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What a block of a page is, decided at ingest; only `Body` and `Heading` blocks are coded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    /// Running article text.
    #[default]
    Body,
    /// Title, headline or sub-heading.
    Heading,
    /// Image or video caption.
    Caption,
    /// Source, photo or author credit ("(Source: …)", "Photo: …").
    Credit,
    /// Links to other stories ("Read More: …", "Also read", related-post lists).
    Related,
    /// Menus, footers, share buttons, comments, cookie banners and other page furniture.
    Navigation,
}

impl BlockKind {
    /// Whether events may be coded from this block.
    pub fn is_coded(self) -> bool {
        matches!(self, BlockKind::Body | BlockKind::Heading)
    }

    /// The lowercase name used in records, CSV and the store.
    pub fn as_str(self) -> &'static str {
        match self {
            BlockKind::Body => "body",
            BlockKind::Heading => "heading",
            BlockKind::Caption => "caption",
            BlockKind::Credit => "credit",
            BlockKind::Related => "related",
            BlockKind::Navigation => "navigation",
        }
    }
}

/// A classified region of `Document::body`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// What the region is.
    pub kind: BlockKind,
    /// Where it is in the body.
    pub span: Span,
}

/// One input document: it owns its text, and every later layer refers to it by byte spans.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The input's own id (JSONL `id`, feed guid, WARC record id) or a content hash.
    pub id: String,
    /// Canonical URL when known.
    pub url: Option<String>,
    /// Headline or page title.
    pub title: Option<String>,
    /// Publishing outlet (site name or domain), used to count sources per event.
    pub outlet: Option<String>,
    /// BCP 47 language tag when detected or declared.
    pub language: Option<String>,
    /// Publication date, the anchor for relative dates and the default event date.
    pub published: Option<NaiveDate>,
    /// The full text; every span in every layer indexes into it.
    pub body: String,
    /// Classified regions of the body in order; empty means the whole body is `Body`.
    pub blocks: Vec<Block>,
    /// Where the document came from (file path, archive and record), for error messages.
    pub origin: String,
}

impl Document {
    /// A plain-text document whose id is the hash of its text.
    pub fn from_text(body: impl Into<String>) -> Document {
        let body = body.into();
        Document { id: content_id(&body), body, ..Document::default() }
    }

    /// The blocks to read, with a single body block standing in when none were set.
    pub fn blocks_or_body(&self) -> Vec<Block> {
        if self.blocks.is_empty() {
            vec![Block { kind: BlockKind::Body, span: Span::new(0, self.body.len()) }]
        } else {
            self.blocks.clone()
        }
    }
}

/// A short, stable content hash (BLAKE3, 16 hex digits) for ids and exact-duplicate detection.
pub fn content_id(text: &str) -> String {
    let hash = blake3::hash(text.as_bytes());
    hash.to_hex()[..16].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_text_hashes_the_body() {
        let a = Document::from_text("Kazakhstan signed a deal.");
        let b = Document::from_text("Kazakhstan signed a deal.");
        assert_eq!(a.id, b.id);
        assert_eq!(a.id.len(), 16);
        assert_ne!(a.id, Document::from_text("Other text.").id);
        assert_eq!(a.blocks_or_body()[0].span, Span::new(0, a.body.len()));
    }
}
