//! Character sets: find the encoding of a page or text (BOM, HTTP header, `<meta>`, detection)
//! and convert it to UTF-8.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use std::borrow::Cow;

/// Bytes of a page searched for a `<meta charset>` declaration, as browsers do.
const META_PRESCAN: usize = 4096;
/// Bytes given to the detector; more adds time, not accuracy.
const DETECT_BYTES: usize = 64 << 10;

/// Decodes an HTML page to UTF-8: BOM, then the HTTP `charset`, then `<meta>`, then detection.
pub(crate) fn decode_html<'a>(bytes: &'a [u8], header_charset: Option<&str>) -> (Cow<'a, str>, &'static Encoding) {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        return (enc.decode_without_bom_handling(&bytes[bom..]).0, enc);
    }
    let declared =
        header_charset.and_then(|l| Encoding::for_label(l.trim().as_bytes())).or_else(|| meta_charset(bytes));
    match declared {
        // A page labelled UTF-8 that is not is usually in the site's legacy encoding.
        Some(enc) if enc == UTF_8 && std::str::from_utf8(bytes).is_err() => decode_guessed(bytes),
        Some(enc) => (enc.decode_without_bom_handling(bytes).0, enc),
        None => decode_guessed(bytes),
    }
}

/// Decodes plain text: BOM, else UTF-8 when valid, else the detected legacy encoding.
pub(crate) fn decode_text(bytes: &[u8]) -> (Cow<'_, str>, &'static Encoding) {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        return (enc.decode_without_bom_handling(&bytes[bom..]).0, enc);
    }
    decode_guessed(bytes)
}

fn decode_guessed(bytes: &[u8]) -> (Cow<'_, str>, &'static Encoding) {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return (Cow::Borrowed(s), UTF_8);
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(&bytes[..bytes.len().min(DETECT_BYTES)], bytes.len() <= DETECT_BYTES);
    let enc = det.guess(None, chardetng::Utf8Detection::Allow);
    (enc.decode_without_bom_handling(bytes).0, enc)
}

/// The encoding named by `<meta charset=…>` or `<meta http-equiv=content-type content=…charset=…>`
/// in the first 4 KB, mapped as the HTML standard says (UTF-16 means UTF-8 once bytes are ASCII).
pub(crate) fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(META_PRESCAN)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(i) = find(&lower[from..], b"<meta") {
        let start = from + i;
        let end = lower[start..].iter().position(|&b| b == b'>').map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = find(tag, b"charset=") {
            let value = &tag[c + 8..];
            let value = value.strip_prefix(b"\"").or_else(|| value.strip_prefix(b"'")).unwrap_or(value);
            let stop = value
                .iter()
                .position(|&b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>'))
                .unwrap_or(value.len());
            if let Some(enc) = Encoding::for_label(&value[..stop]) {
                return Some(match enc.name() {
                    "UTF-16LE" | "UTF-16BE" => UTF_8,
                    "x-user-defined" => WINDOWS_1252,
                    _ => enc,
                });
            }
        }
        from = end.max(start + 5);
        if from >= lower.len() {
            break;
        }
    }
    None
}

/// The `charset` parameter of a Content-Type header value.
pub(crate) fn charset_param(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim().eq_ignore_ascii_case("charset").then(|| v.trim().trim_matches(['"', '\'']))
    })
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_charset() {
        assert_eq!(
            meta_charset(b"<html><head><meta charset=\"windows-1251\">").map(Encoding::name),
            Some("windows-1251")
        );
        assert_eq!(
            meta_charset(b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=koi8-r\">")
                .map(Encoding::name),
            Some("KOI8-R")
        );
        assert_eq!(meta_charset(b"<meta charset=utf-16>").map(Encoding::name), Some("UTF-8"));
        assert_eq!(meta_charset(b"<meta name=x>"), None);
        assert_eq!(charset_param("text/html; charset=\"ISO-8859-1\""), Some("ISO-8859-1"));
    }

    #[test]
    fn decodes_legacy_text() {
        let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode("Президент Казахстана провёл переговоры с делегацией.");
        let (text, enc) = decode_text(&cp1251);
        assert_eq!(enc.name(), "windows-1251");
        assert!(text.starts_with("Президент"));
        let (page, enc) = decode_html(b"<meta charset=utf-8><p>caf\xe9 au lait</p>", None);
        assert_ne!(enc, UTF_8);
        assert!(page.contains("café"));
    }
}
