//! Input type detection from the first bytes of a file.

/// The formats Dyad reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain UTF-8 text: one document per file.
    Text,
    /// One JSON document per line: `{"id","url","title","date","text"}`.
    Jsonl,
    /// An HTML page.
    Html,
    /// An RSS or Atom feed.
    Feed,
    /// A WARC archive (plain or gzip).
    Warc,
    /// Gzip-compressed data of another kind.
    Gzip,
    /// Not text: NUL bytes or many control characters early on.
    Binary,
}

impl Format {
    /// Lower-case name for messages.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Jsonl => "jsonl",
            Format::Html => "html",
            Format::Feed => "feed",
            Format::Warc => "warc",
            Format::Gzip => "gzip",
            Format::Binary => "binary",
        }
    }
}

/// Detects the format of an input from its first bytes (a few KB are plenty).
pub fn detect(prefix: &[u8]) -> Format {
    if prefix.starts_with(&[0x1f, 0x8b]) {
        return Format::Gzip;
    }
    let body = prefix.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(prefix);
    let start = body.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(body.len());
    let head = &body[start..];
    if head.starts_with(b"WARC/") {
        return Format::Warc;
    }
    if head.iter().take(8192).any(|&b| b == 0) {
        return Format::Binary;
    }
    let lower: Vec<u8> = head.iter().take(2048).map(u8::to_ascii_lowercase).collect();
    let has = |needle: &[u8]| lower.windows(needle.len()).any(|w| w == needle);
    let xml_start = lower.starts_with(b"<?xml")
        || lower.starts_with(b"<rss")
        || lower.starts_with(b"<feed")
        || lower.starts_with(b"<rdf");
    if xml_start && (has(b"<rss") || has(b"<feed") || has(b"<rdf:rdf") || has(b"<channel")) {
        return Format::Feed;
    }
    if lower.starts_with(b"<!doctype html")
        || lower.starts_with(b"<html")
        || (lower.starts_with(b"<") && (has(b"<head") || has(b"<body") || has(b"<div") || has(b"<p>") || has(b"<meta")))
    {
        return Format::Html;
    }
    if head.starts_with(b"{") {
        let line_end = head.iter().position(|&b| b == b'\n').unwrap_or(head.len());
        let first = &head[..line_end];
        if first.ends_with(b"}") || first.ends_with(b"}\r") || line_end == head.len() {
            return Format::Jsonl;
        }
    }
    // Invalid UTF-8 is text in a legacy encoding unless control characters say it is binary.
    match std::str::from_utf8(head) {
        Ok(_) => Format::Text,
        Err(e) if e.error_len().is_none() => Format::Text,
        Err(_) => {
            let sample = &head[..head.len().min(8192)];
            let controls = sample
                .iter()
                .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b)) || b == 0x7f)
                .count();
            if controls * 100 > sample.len() { Format::Binary } else { Format::Text }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_from_content() {
        assert_eq!(detect(b"<!DOCTYPE html><html><body>x</body></html>"), Format::Html);
        assert_eq!(detect(b"  <html lang=en>"), Format::Html);
        assert_eq!(detect(b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"), Format::Feed);
        assert_eq!(detect(b"<feed xmlns=\"http://www.w3.org/2005/Atom\">"), Format::Feed);
        assert_eq!(detect(b"WARC/1.0\r\nWARC-Type: warcinfo"), Format::Warc);
        assert_eq!(detect(&[0x1f, 0x8b, 8, 0]), Format::Gzip);
        assert_eq!(detect(b"{\"text\": \"a\"}\n{\"text\": \"b\"}"), Format::Jsonl);
        assert_eq!(detect(b"\x00\x01\x02binary"), Format::Binary);
        assert_eq!(detect(b"abc \xff\xfe def"), Format::Text);
        assert_eq!(detect(b"\x89PNG\r\n\x1a\n\x01\x02\x03\x04\x05\xff"), Format::Binary);
        assert_eq!(detect(b"Plain text with < and {braces}."), Format::Text);
        assert_eq!(detect("Қазақстан".as_bytes()), Format::Text);
    }
}
