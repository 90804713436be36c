//! Line reading shared by every dictionary format: comments, indentation, `key: a | b` fields.

/// One meaningful line of a dictionary file.
#[derive(Clone, Copy, Debug)]
pub struct Line<'a> {
    /// One-based line number.
    pub number: usize,
    /// The line as written (for error display).
    pub raw: &'a str,
    /// The content without comment and surrounding whitespace.
    pub text: &'a str,
    /// Whether the line starts with whitespace (a field of the block above).
    pub indented: bool,
}

/// Iterates the non-empty, non-comment lines of a file.
pub fn lines(text: &str) -> impl Iterator<Item = Line<'_>> {
    text.lines().enumerate().filter_map(|(i, raw)| {
        let content = strip_comment(raw).trim();
        if content.is_empty() {
            return None;
        }
        let indented = raw.starts_with(' ') || raw.starts_with('\t');
        Some(Line { number: i + 1, raw, text: content, indented })
    })
}

/// Removes a `#` comment; a `#` inside a word (C#) is kept.
pub fn strip_comment(raw: &str) -> &str {
    let bytes = raw.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'#' && (i == 0 || bytes[i - 1].is_ascii_whitespace()) {
            return &raw[..i];
        }
    }
    raw
}

/// Splits `key: value` at the first colon followed by a space or the end of the line.
pub fn split_key(text: &str) -> Option<(&str, &str)> {
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b':' && (i + 1 == bytes.len() || bytes[i + 1] == b' ' || bytes[i + 1] == b'\t') {
            return Some((text[..i].trim(), text[i + 1..].trim()));
        }
    }
    None
}

/// Splits a `a | b | c` list, dropping empty items.
pub fn split_list(value: &str) -> impl Iterator<Item = &str> {
    value.split('|').map(str::trim).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_lines_and_fields() {
        let text = "# header\nKazakhstan: KAZ  # the country\n  names: Kazakstan | Republic of Kazakhstan\n\n";
        let ls: Vec<_> = lines(text).collect();
        assert_eq!(ls.len(), 2);
        assert_eq!(ls[0].number, 2);
        assert_eq!(ls[0].text, "Kazakhstan: KAZ");
        assert!(ls[1].indented);
        let (k, v) = split_key(ls[1].text).unwrap();
        assert_eq!(k, "names");
        assert_eq!(split_list(v).collect::<Vec<_>>(), ["Kazakstan", "Republic of Kazakhstan"]);
    }

    #[test]
    fn keeps_colons_inside_names() {
        assert_eq!(split_key("Côte d'Ivoire: CIV"), Some(("Côte d'Ivoire", "CIV")));
        assert_eq!(split_key("role: 2019-03-20.. KAZGOV president"), Some(("role", "2019-03-20.. KAZGOV president")));
        assert_eq!(split_key("10:30 talks"), None);
        assert_eq!(strip_comment("C# is fine # but this is a comment"), "C# is fine ");
    }
}
