//! Plain text: one document per file, its lines classified by the boilerplate rules so a
//! plain-text scrape of a page loses its "Read More: …" and "Exit mobile version" lines.

use crate::boilerplate::classify_line;
use crate::decode::decode_text;
use crate::source::{DocError, DocStream, ReadOptions, read_capped};
use dyad_model::{Block, BlockKind, Document, Span, content_id};
use std::io::Read;

/// Builds a document from text, with a content-hash id and line-classified blocks.
pub fn text_document(text: String, origin: &str, opts: &ReadOptions) -> Document {
    let blocks = line_blocks(&text);
    Document {
        id: content_id(&text),
        body: text,
        blocks,
        published: opts.default_date,
        origin: origin.to_string(),
        ..Document::default()
    }
}

/// Classifies each line; runs of lines of one kind (blank lines included) become one block.
pub fn line_blocks(text: &str) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let start = pos + (line.len() - line.trim_start().len());
        let end = pos + line.trim_end().len();
        pos += line.len();
        if start >= end {
            continue;
        }
        let kind = classify_line(&text[start..end]).unwrap_or(BlockKind::Body);
        match blocks.last_mut() {
            Some(b) if b.kind == kind => b.span = Span::new(b.span.start, end),
            _ => blocks.push(Block { kind, span: Span::new(start, end) }),
        }
    }
    blocks
}

pub(crate) fn read_text(name: String, reader: impl Read + Send + 'static, opts: &ReadOptions) -> DocStream {
    let opts = opts.clone();
    let mut reader = Some(reader);
    Box::new(std::iter::from_fn(move || {
        let r = reader.take()?;
        Some(read_one(&name, r, &opts))
    }))
}

fn read_one(name: &str, r: impl Read, opts: &ReadOptions) -> Result<Document, DocError> {
    let bytes = read_capped(r, opts.max_doc_bytes).map_err(|m| DocError::new(name, m))?;
    let text = decode_text(&bytes).0.into_owned();
    if text.trim().is_empty() {
        return Err(DocError::new(name, "empty input: no text to code"));
    }
    Ok(text_document(text, name, opts))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_boilerplate_lines() {
        let text = "Astana hosts talks\n\nKazakhstan hosted talks on Monday.\nBoth sides agreed to meet again.\n\nRead More: Talks in Astana\nPhoto: Akorda\n\nThe talks ended late.\nExit mobile version\n";
        let d = text_document(text.to_string(), "t.txt", &ReadOptions::default());
        let got: Vec<(BlockKind, &str)> =
            d.blocks.iter().map(|b| (b.kind, &d.body[b.span.start..b.span.end])).collect();
        assert_eq!(
            got,
            vec![
                (
                    BlockKind::Body,
                    "Astana hosts talks\n\nKazakhstan hosted talks on Monday.\nBoth sides agreed to meet again."
                ),
                (BlockKind::Related, "Read More: Talks in Astana"),
                (BlockKind::Credit, "Photo: Akorda"),
                (BlockKind::Body, "The talks ended late."),
                (BlockKind::Navigation, "Exit mobile version"),
            ]
        );
    }
}
