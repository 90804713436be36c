//! Tokens with byte offsets: words, numbers and punctuation, with possessives, contractions and
//! capitalised hyphen compounds split so every name is its own token.

use dyad_model::Span;

/// What kind of token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (with inner periods, hyphens or apostrophes).
    Word,
    /// Starts with a digit ("1,000", "3.5", "12M").
    Number,
    /// Anything else, one character (or "--", "``", "''", "...").
    Punct,
}

/// A token: a kind and a span into the document body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where the token is in the body.
    pub span: Span,
    /// Word, number or punctuation.
    pub kind: TokenKind,
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Splits `text[span]` into tokens with absolute spans.
pub fn tokenize(text: &str, span: Span) -> Vec<Token> {
    let s = &text[span];
    let mut chars: Vec<(usize, char)> = Vec::with_capacity(s.len());
    chars.extend(s.char_indices());
    let n = chars.len();
    let end_of = |j: usize| if j < n { chars[j].0 } else { s.len() };
    let mut out = Vec::with_capacity(n / 5 + 1);
    let mut i = 0;
    while i < n {
        let (pos, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let number = c.is_ascii_digit();
            let mut j = i + 1;
            let mut seg_start = i; // start of the current hyphen-separated segment
            while j < n {
                let cj = chars[j].1;
                if cj.is_alphanumeric() {
                    j += 1;
                    continue;
                }
                let next = chars.get(j + 1).map(|x| x.1);
                let prev = chars[j - 1].1;
                match cj {
                    '.' | ',' if number && prev.is_ascii_digit() && next.is_some_and(|x| x.is_ascii_digit()) => j += 1,
                    '.' if !number
                        && next.is_some_and(|x| x.is_alphabetic())
                        && prev.is_alphabetic()
                        && (j - seg_start) <= 2 =>
                    {
                        j += 1
                    }
                    '-' if prev.is_alphanumeric() && next.is_some_and(|x| x.is_alphanumeric()) => {
                        let left_cap = chars[seg_start].1.is_uppercase();
                        let right_cap = next.is_some_and(|x| x.is_uppercase());
                        if left_cap || right_cap {
                            break;
                        }
                        j += 1;
                        seg_start = j;
                    }
                    c2 if is_apostrophe(c2) && prev.is_alphabetic() && next.is_some_and(|x| x.is_alphabetic()) => {
                        // "'s" and "n't" become their own tokens; "d'Ivoire", "O'Brien" stay whole.
                        let rest_len = chars[j + 1..].iter().take_while(|x| x.1.is_alphabetic()).count();
                        let next_l = next.map(|x| x.to_ascii_lowercase());
                        if rest_len == 1 && matches!(next_l, Some('s' | 'd' | 'm')) {
                            break;
                        }
                        if rest_len == 2 && matches!(next_l, Some('l' | 'r' | 'v')) {
                            break;
                        }
                        if rest_len == 1 && next_l == Some('t') && prev.eq_ignore_ascii_case(&'n') && j - i > 1 {
                            j -= 1;
                            break;
                        }
                        j += 1;
                    }
                    _ => break,
                }
            }
            // A period closes an initialism or an abbreviation ("U.S.", "Gen.").
            if j < n && chars[j].1 == '.' && !number {
                let word = &s[pos..end_of(j)];
                if crate::segment_abbrev(word) {
                    j += 1;
                }
            }
            let kind = if number { TokenKind::Number } else { TokenKind::Word };
            out.push(Token { span: Span::new(span.start + pos, span.start + end_of(j)), kind });
            i = j;
            continue;
        }
        // Contractions split off above start with an apostrophe.
        if is_apostrophe(c) && i > 0 && chars[i - 1].1.is_alphanumeric() {
            let rest: String = chars[i + 1..].iter().take_while(|x| x.1.is_alphabetic()).map(|x| x.1).collect();
            if !rest.is_empty() && rest.len() <= 2 {
                let j = i + 1 + rest.chars().count();
                out.push(Token { span: Span::new(span.start + pos, span.start + end_of(j)), kind: TokenKind::Word });
                i = j;
                continue;
            }
        }
        // Multi-character punctuation.
        let mut j = i + 1;
        let pair = chars.get(i + 1).map(|x| x.1);
        if (c == '-' && pair == Some('-')) || (c == '`' && pair == Some('`')) || (c == '\'' && pair == Some('\'')) {
            j = i + 2;
        } else if c == '.' {
            while j < n && chars[j].1 == '.' {
                j += 1;
            }
        }
        out.push(Token { span: Span::new(span.start + pos, span.start + end_of(j)), kind: TokenKind::Punct });
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        tokenize(text, Span::new(0, text.len())).into_iter().map(|t| &text[t.span]).collect()
    }

    #[test]
    fn splits_possessives_and_contractions() {
        assert_eq!(toks("Russia's troops don't leave."), ["Russia", "'s", "troops", "do", "n't", "leave", "."]);
        assert_eq!(toks("Côte d'Ivoire’s leader"), ["Côte", "d'Ivoire", "’s", "leader"]);
        assert_eq!(toks("he'll go, they've gone"), ["he", "'ll", "go", ",", "they", "'ve", "gone"]);
    }

    #[test]
    fn keeps_abbreviations_numbers_and_compounds() {
        assert_eq!(
            toks("The U.S. sent $1,000.50 in 3.5 days."),
            ["The", "U.S.", "sent", "$", "1,000.50", "in", "3.5", "days", "."]
        );
        assert_eq!(toks("a long-term cease-fire"), ["a", "long-term", "cease-fire"]);
        assert_eq!(
            toks("U.S.-Soviet talks, NATO-member Norway"),
            ["U.S.", "-", "Soviet", "talks", ",", "NATO", "-", "member", "Norway"]
        );
        assert_eq!(toks("al-Qaeda and Syrian-backed"), ["al", "-", "Qaeda", "and", "Syrian", "-", "backed"]);
        assert_eq!(toks("Gen. Smith -- ``quoted''"), ["Gen.", "Smith", "--", "``", "quoted", "''"]);
    }

    #[test]
    fn final_period_is_its_own_token() {
        assert_eq!(toks("They met in Hanoi."), ["They", "met", "in", "Hanoi", "."]);
        assert_eq!(toks("He met Mr. Smith."), ["He", "met", "Mr.", "Smith", "."]);
    }
}
