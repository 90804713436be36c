//! Shared by every target: read the input as one format and check what comes out.

use dyad_ingest::{Deduper, Format, ReadOptions, read_format};

/// Reads `data` as `format` with small caps, and checks every document's spans and dedup.
pub fn run(format: Format, data: &[u8]) {
    let opts = ReadOptions { max_doc_bytes: 1 << 20, max_file_bytes: 16 << 20, ..ReadOptions::default() };
    let mut dedup = Deduper::with_capacity(16);
    for item in read_format(format, "fuzz".into(), std::io::Cursor::new(data.to_vec()), &opts).take(10_000) {
        match item {
            Ok(doc) => {
                let mut last = 0;
                for b in &doc.blocks {
                    assert!(b.span.start >= last, "blocks out of order");
                    assert!(doc.body.get(b.span.start..b.span.end).is_some(), "span does not slice the body");
                    last = b.span.end;
                }
                dedup.check(&doc);
            }
            Err(e) => assert!(!e.origin.is_empty() && !e.message.contains('\n'), "error not on one line: {e}"),
        }
    }
}
