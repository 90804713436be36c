//! Plain text: one document per file.

use crate::source::{DocError, DocStream, ReadOptions, read_capped};
use dyad_model::{Document, content_id};
use std::io::Read;

/// Builds a document from text, with a content-hash id.
pub fn text_document(text: String, origin: &str, opts: &ReadOptions) -> Document {
    Document { id: content_id(&text), body: text, published: opts.default_date, origin: origin.to_string(), ..Document::default() }
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
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").map(<[u8]>::to_vec).unwrap_or(bytes);
    let text = String::from_utf8(bytes).map_err(|e| {
        DocError::new(name, format!("invalid UTF-8 at byte {}: convert the file to UTF-8 (for example with iconv)", e.utf8_error().valid_up_to()))
    })?;
    if text.trim().is_empty() {
        return Err(DocError::new(name, "empty input: no text to code"));
    }
    Ok(text_document(text, name, opts))
}
