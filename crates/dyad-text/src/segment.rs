//! Sentence segmentation that survives abbreviations, initials, decimals, quotes and headlines.

use dyad_model::Span;

/// Words that end with a period without ending a sentence (lower case, without the period).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt", "adm", "cmdr",
    "gov", "sen", "rep", "rev", "fr", "st", "mt", "ft", "jr", "sr", "sens", "reps", "govs", "gens", "hon", "pres",
    "amb", "supt", "insp", "brig", "cdr", "inc", "corp", "co", "ltd", "bros", "no", "nos", "vs", "v", "approx", "dept",
    "est", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue",
    "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "al", "ave", "blvd", "rd", "e.g", "i.e", "cf", "ca",
    "op", "vol", "pp", "para", "art", "sec", "mln", "bln", "mn", "bn",
];

/// Capitalised words that commonly start a sentence; after an initialism ("U.S.") they signal a
/// boundary, anything else does not ("the U.S. Senate").
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "But",
    "And",
    "In",
    "On",
    "At",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "After",
    "Before",
    "When",
    "While",
    "However",
    "Meanwhile",
    "Also",
    "Yet",
    "Some",
    "Many",
    "Most",
    "As",
    "If",
    "For",
    "Officials",
    "Earlier",
    "Later",
    "On",
    "Last",
    "Since",
    "Both",
    "Such",
    "What",
    "Why",
    "How",
    "Who",
    "No",
    "Not",
    "One",
    "Two",
];

/// Whether `word` (without its final period) is an abbreviation or an initial.
fn is_abbreviation(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    // A single capital letter is an initial ("George W. Bush").
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

/// Whether `word` (without its final period) is an initialism with inner periods ("U.S", "U.N").
fn is_initialism(word: &str) -> bool {
    word.contains('.') && word.split('.').all(|p| p.len() <= 2 && p.chars().all(|c| c.is_alphabetic()))
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

fn is_opening(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '«' | '`')
}

/// Splits `text[span]` into sentences; the returned spans are absolute, trimmed, and never empty.
pub fn sentences(text: &str, span: Span) -> Vec<Span> {
    let block = &text[span];
    let mut out = Vec::new();
    let mut start = 0usize;
    let chars: Vec<(usize, char)> = block.char_indices().collect();
    let n = chars.len();
    let mut i = 0;
    while i < n {
        let (pos, c) = chars[i];
        let mut cut: Option<usize> = None;
        if c == '\n' {
            // A blank line always ends a sentence; a single newline ends one when the line before
            // does not continue (a headline, a list item) and the next starts a new thought.
            let mut j = i + 1;
            while j < n && chars[j].1 != '\n' && chars[j].1.is_whitespace() {
                j += 1;
            }
            let blank = j < n && chars[j].1 == '\n';
            let prev = block[start..pos].trim_end().chars().last();
            let next = block[pos..].trim_start().chars().next();
            let continues =
                matches!(prev, Some(p) if p.is_lowercase() || p == ',' || p == ';' || p == ':' || p == '-' || p == '(');
            let starts = matches!(next, Some(x) if x.is_uppercase() || x.is_ascii_digit() || is_opening(x));
            if blank || (!continues && starts) {
                cut = Some(pos);
            }
        } else if matches!(c, '.' | '!' | '?' | '…') {
            // Extend over repeated terminators and closing quotes or brackets.
            let mut j = i + 1;
            while j < n && (matches!(chars[j].1, '.' | '!' | '?') || is_closing(chars[j].1)) {
                j += 1;
            }
            let end = if j < n { chars[j].0 } else { block.len() };
            let followed_by_space = j == n || chars[j].1.is_whitespace();
            if followed_by_space && boundary_after(block, start, pos, c, end) {
                push_trimmed(&mut out, block, start, end, span.start);
                start = end;
            }
            i = j.max(i + 1);
            continue;
        }
        if let Some(end) = cut {
            push_trimmed(&mut out, block, start, end, span.start);
            start = end;
        }
        i += 1;
    }
    push_trimmed(&mut out, block, start, block.len(), span.start);
    out
}

/// Decides whether a terminator at `pos` (sentence so far starts at `start`) ends the sentence.
fn boundary_after(block: &str, start: usize, pos: usize, c: char, end: usize) -> bool {
    let next_word: &str = block[end..].split_whitespace().next().unwrap_or("");
    let next_char = next_word.chars().next();
    let Some(nc) = next_char else { return true };
    let starts_new = nc.is_uppercase() || nc.is_ascii_digit() || is_opening(nc) || matches!(nc, '—' | '–' | '-');
    if !starts_new {
        return false;
    }
    if c != '.' {
        return true;
    }
    // The word the period belongs to.
    let before = &block[start..pos];
    let word = before.rsplit(|ch: char| ch.is_whitespace() || ch == '(' || is_opening(ch)).next().unwrap_or("");
    if word.is_empty() {
        return true;
    }
    // Periods after a closing quote or bracket end sentences.
    if word.ends_with(is_closing) {
        return true;
    }
    let next_clean = next_word.trim_start_matches(is_opening).trim_end_matches(|ch: char| !ch.is_alphanumeric());
    if is_initialism(word) {
        return SENTENCE_STARTERS.contains(&next_clean);
    }
    if is_abbreviation(word) {
        // "No. 10", "Gen. Smith": never a boundary; a month before a year or day neither.
        return false;
    }
    true
}

fn push_trimmed(out: &mut Vec<Span>, block: &str, start: usize, end: usize, offset: usize) {
    let piece = &block[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        let s = start + lead;
        out.push(Span::new(offset + s, offset + s + trimmed.len()));
    }
}

/// Abbreviation, initial or initialism (used by the tokenizer to keep the final period).
pub(crate) fn is_abbreviation_or_initialism(word: &str) -> bool {
    is_abbreviation(word) || is_initialism(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text, Span::new(0, text.len())).into_iter().map(|s| &text[s]).collect()
    }

    #[test]
    fn survives_abbreviations_and_initials() {
        assert_eq!(
            split("Gen. Smith met U.S. officials in St. Petersburg on Jan. 5. The talks ended."),
            ["Gen. Smith met U.S. officials in St. Petersburg on Jan. 5.", "The talks ended."]
        );
        assert_eq!(
            split("F.W. de Klerk met George W. Bush. They talked."),
            ["F.W. de Klerk met George W. Bush.", "They talked."]
        );
        assert_eq!(split("He flew to the U.S. The talks began."), ["He flew to the U.S.", "The talks began."]);
    }

    #[test]
    fn repeated_terminators_and_quotes() {
        assert_eq!(split("Really?!\" he asked. \"Yes.\" Fine..."), ["Really?!\" he asked.", "\"Yes.\"", "Fine..."]);
        assert_eq!(split("Wait... What?"), ["Wait...", "What?"]);
    }

    #[test]
    fn keeps_decimals_and_quotes() {
        assert_eq!(
            split("Growth was 3.5 percent. \"We agree.\" He left!"),
            ["Growth was 3.5 percent.", "\"We agree.\"", "He left!"]
        );
        assert_eq!(split("He said: “It is over.” Then he left."), ["He said: “It is over.”", "Then he left."]);
    }

    #[test]
    fn splits_headlines_and_paragraphs() {
        assert_eq!(
            split(
                "Kazakhstan Signs Minerals Deal With UK\nASTANA (Reuters) - Kazakhstan signed a deal.\n\nSecond paragraph"
            ),
            [
                "Kazakhstan Signs Minerals Deal With UK",
                "ASTANA (Reuters) - Kazakhstan signed a deal.",
                "Second paragraph"
            ]
        );
        assert_eq!(
            split("a line wrapped\nin the middle of a sentence."),
            ["a line wrapped\nin the middle of a sentence."]
        );
    }

    #[test]
    fn spans_are_absolute() {
        let text = "xx One. Two.";
        let s = sentences(text, Span::new(3, text.len()));
        assert_eq!(s.iter().map(|s| &text[*s]).collect::<Vec<_>>(), ["One.", "Two."]);
    }
}
