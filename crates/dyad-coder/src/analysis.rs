//! The token layer of one sentence: tokens with their word classes, dictionary words and the
//! actor-name mentions that cover them.

use dyad_dict::{Compiled, NameHit, NameKind, Origin, WordId};
use dyad_model::Span;
use dyad_text::{Lexicon, Tags, Token, TokenKind};

/// Marks "no index" in the compact index fields below.
pub(crate) const NONE: u32 = u32::MAX;

/// A token with everything the parser needs to know about it.
#[derive(Clone, Debug)]
pub(crate) struct Tok {
    pub span: Span,
    pub kind: TokenKind,
    pub tags: Tags,
    pub word: Option<WordId>,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// Has a verb reading in the dictionaries.
    pub verbal: bool,
    /// Index of the mention covering the token, or `NONE`.
    pub mention: u32,
    /// Index of the actor phrase covering the token, or `NONE`.
    pub phrase: u32,
    /// Index of the verb group this token heads, or `NONE`.
    pub group: u32,
}

/// A dictionary name found in the sentence, as a token range.
#[derive(Clone, Debug)]
pub(crate) struct Mention {
    pub first: usize,
    pub end: usize,
    pub kinds: Vec<NameKind>,
    pub origin: Origin,
}

/// Tokens and mentions of one sentence.
#[derive(Clone, Debug)]
pub(crate) struct Tokens {
    pub toks: Vec<Tok>,
    pub mentions: Vec<Mention>,
}

/// Builds the token layer for a sentence from the document-wide name hits.
pub(crate) fn analyse(
    text: &str,
    lower: &str,
    sentence: Span,
    raw: Vec<Token>,
    hits: &[NameHit],
    lexicon: &Lexicon,
    dict: &Compiled,
) -> Tokens {
    let mut toks: Vec<Tok> = raw
        .into_iter()
        .map(|t| {
            let l = &lower[t.span];
            let tags = if t.kind == TokenKind::Word { lexicon.tags(l) } else { Tags::NONE };
            let word = if t.kind == TokenKind::Word || t.kind == TokenKind::Number { dict.word_id(l) } else { None };
            let cap = text[t.span].chars().next().is_some_and(char::is_uppercase);
            let verbal = word.is_some_and(|w| !dict.entries[w as usize].verbs.is_empty());
            Tok { span: t.span, kind: t.kind, tags, word, cap, verbal, mention: NONE, phrase: NONE, group: NONE }
        })
        .collect();
    mark_quantifiers(&mut toks, lower);
    let mut mentions = Vec::new();
    let first_hit = hits.partition_point(|h| h.start < sentence.start);
    let mut ti = 0;
    for h in &hits[first_hit..] {
        if h.start >= sentence.end {
            break;
        }
        while ti < toks.len() && toks[ti].span.start < h.start {
            ti += 1;
        }
        if ti >= toks.len() || toks[ti].span.start != h.start {
            continue;
        }
        let mut tj = ti;
        while tj < toks.len() && toks[tj].span.end < h.end {
            tj += 1;
        }
        if tj >= toks.len() || toks[tj].span.end != h.end {
            continue;
        }
        let id = mentions.len() as u32;
        for t in &mut toks[ti..=tj] {
            t.mention = id;
        }
        mentions.push(Mention { first: ti, end: tj + 1, kinds: h.kinds.clone(), origin: h.origin });
        ti = tj + 1;
    }
    Tokens { toks, mentions }
}

impl Tok {
    /// The token is a possessive marker ('s or ’s or a bare apostrophe after a plural).
    pub fn is_possessive(&self, text: &str) -> bool {
        matches!(&text[self.span], "'s" | "’s" | "'S" | "’S" | "'" | "’")
    }

    /// The token is this punctuation.
    pub fn is_punct(&self, text: &str, p: &str) -> bool {
        self.kind == TokenKind::Punct && &text[self.span] == p
    }
}

/// Whether the token ends a clause for the purposes of slot filling.
pub(crate) fn is_clause_break(t: &Tok, text: &str) -> bool {
    t.kind == TokenKind::Punct && matches!(&text[t.span], ";" | ":" | "." | "!" | "?" | "--" | "—" | "–")
}

/// Quantity words before a number ("up to 16", "more than 500", "at least 20", "as many as 40")
/// behave as modifiers, so patterns and phrases skip them like adjectives.
fn mark_quantifiers(toks: &mut [Tok], lower: &str) {
    let n = toks.len();
    let word = |toks: &[Tok], i: usize| toks.get(i).map(|t| &lower[t.span]).unwrap_or("");
    let numeric =
        |toks: &[Tok], i: usize| toks.get(i).is_some_and(|t| t.kind == TokenKind::Number || t.tags.has(Tags::NUM));
    for i in 0..n {
        let len = match (word(toks, i), word(toks, i + 1), word(toks, i + 2)) {
            ("up" | "more" | "fewer" | "less", "to" | "than", _) => 2,
            ("at", "least" | "most", _) => 2,
            ("as", "many" | "much", "as") => 3,
            (
                "about" | "around" | "some" | "nearly" | "almost" | "roughly" | "approximately" | "over" | "under",
                _,
                _,
            ) => 1,
            _ => 0,
        };
        if len > 0 && numeric(toks, i + len) {
            for t in &mut toks[i..i + len] {
                t.tags = Tags::ADV;
            }
        }
    }
}
