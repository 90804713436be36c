//! Pattern matching: the elements after a trigger matched against the tokens that follow it,
//! skipping filler words, with backtracking over alternatives and gaps.

use crate::analysis::{NONE, Tok, is_clause_break};
use crate::phrases::Phrase;
use dyad_dict::{Compiled, Form, Item};
use dyad_text::{Tags, TokenKind};

/// How many filler words may sit between two pattern elements.
const MAX_FILL: usize = 3;
/// How many words a `*` gap may cover.
const MAX_GAP: usize = 4;

/// What matching the elements after a trigger found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct ItemsMatch {
    /// Token after the last matched element.
    pub end: usize,
    /// Phrase that filled `$T`.
    pub target: Option<usize>,
    /// Token of the embedded verb (`$V`).
    pub verb: Option<usize>,
    /// A country named attributively between pattern words ("shell Iraqi towns"), the party a
    /// pattern without `$T` is directed at.
    pub attributive: Option<usize>,
}

/// A set of word ids as a bitset over the word table.
pub(crate) struct Present(Vec<u64>);

impl Present {
    /// The words of `toks`, for a word table of `size` entries.
    pub fn new(toks: &[Tok], size: usize) -> Present {
        let mut bits = vec![0u64; size / 64 + 1];
        for w in toks.iter().filter_map(|t| t.word) {
            bits[w as usize / 64] |= 1 << (w % 64);
        }
        Present(bits)
    }

    /// Whether word `w` occurs.
    #[inline]
    pub fn has(&self, w: u32) -> bool {
        self.0.get(w as usize / 64).is_some_and(|b| b & (1 << (w % 64)) != 0)
    }
}

/// The tokens and phrases of a sentence as seen by the matcher.
pub(crate) struct Matcher<'a> {
    /// Dictionary words present in the sentence (a bit per word id), for rejecting patterns
    /// before trying them.
    pub present: Present,
    pub toks: &'a [Tok],
    pub phrases: &'a [Phrase],
    pub text: &'a str,
    pub dict: &'a Compiled,
}

impl Matcher<'_> {
    /// How many required word elements of a pattern have none of their words in the sentence,
    /// and whether the last one is among them.
    pub fn missing(&self, required: &[Vec<u32>]) -> (usize, bool) {
        let absent = |r: &Vec<u32>| !r.iter().any(|&w| self.present.has(w));
        let n = required.iter().filter(|r| absent(r)).count();
        (n, required.last().is_some_and(absent))
    }

    /// Words that may be skipped between elements: determiners, adjectives, adverbs, numbers and
    /// unknown lower-case words.
    fn is_filler(&self, t: &Tok) -> bool {
        if t.phrase != NONE || t.kind == TokenKind::Punct {
            return false;
        }
        if t.kind == TokenKind::Number {
            return true;
        }
        let blocking = Tags::PREP.0
            | Tags::COORD.0
            | Tags::SUBORD.0
            | Tags::REL.0
            | Tags::THAT.0
            | Tags::BE.0
            | Tags::HAVE.0
            | Tags::DO.0
            | Tags::MODAL.0
            | Tags::PRON.0
            | Tags::PRON_OBJ.0
            | Tags::REPORT.0
            | Tags::NEG.0;
        if t.tags.0 & blocking != 0 {
            return false;
        }
        if t.tags.has(Tags(Tags::DET.0 | Tags::POSS.0 | Tags::ADJ.0 | Tags::ADV.0 | Tags::NUM.0 | Tags::TIME.0)) {
            return true;
        }
        let verbal = t.word.is_some_and(|w| !self.dict.entries[w as usize].verbs.is_empty());
        !t.cap && !verbal
    }

    /// A country named attributively before a pattern word ("against Western criticism", "lifted
    /// US sanctions"): a bare country or region with no agent, not a possessive.
    fn attributive_country(&self, ph: usize) -> bool {
        let p = &self.phrases[ph];
        let possessive = self.toks.get(p.end).is_some_and(|t| t.is_possessive(self.text));
        !p.pronoun
            && !possessive
            && !p.members.is_empty()
            && p.members.iter().all(|m| m.kind == crate::resolve::MemberKind::Country && m.code.agents.is_empty())
    }

    /// A lower-case word with no class: a content noun or adjective the lexicon does not know.
    fn unknown(&self, t: &Tok) -> bool {
        t.kind == TokenKind::Word
            && t.tags == Tags::NONE
            && t.phrase == NONE
            && !t.cap
            && !crate::phrases::looks_adjectival(&self.text[t.span])
    }

    /// A lower-case word with no class and no actor, verbal or not.
    fn plain_word(&self, t: &Tok) -> bool {
        t.kind == TokenKind::Word && t.tags == Tags::NONE && t.phrase == NONE && !t.cap && t.group == NONE
    }

    /// A locative phrase naming a place at `pos` ("in the Gaza Strip", "at Kabul"): the token
    /// after it.
    fn place_phrase(&self, pos: usize, limit: usize) -> Option<usize> {
        let t = self.toks.get(pos)?;
        let w = self.text[t.span].to_ascii_lowercase();
        if !matches!(w.as_str(), "in" | "at" | "near" | "outside" | "inside" | "across" | "throughout") {
            return None;
        }
        let mut j = pos + 1;
        while j < limit && self.toks[j].phrase == NONE && self.toks[j].tags.has(Tags(Tags::DET.0 | Tags::ADJ.0)) {
            j += 1;
        }
        let ph = self.toks.get(j).filter(|_| j < limit)?.phrase;
        if ph == NONE {
            return None;
        }
        let p = &self.phrases[ph as usize];
        let place = !p.members.is_empty() && p.members.iter().all(|m| m.kind == crate::resolve::MemberKind::Country);
        (place && p.start == j && p.end < limit).then_some(p.end)
    }

    /// A time or manner adverbial at `pos` ("on Saturday", "in principle", "on 12 March", "late
    /// last week"): the token after it. Such a phrase says when or how, never who, so a pattern
    /// passes over it ("agreed on Saturday to provide aid").
    fn adverbial_phrase(&self, pos: usize, limit: usize) -> Option<usize> {
        let t = self.toks.get(pos).filter(|_| pos < limit)?;
        let w = self.text[t.span].to_ascii_lowercase();
        if !matches!(w.as_str(), "on" | "in" | "at" | "during" | "by" | "early" | "late" | "earlier" | "later") {
            return None;
        }
        let word = |j: usize| self.toks.get(j).filter(|_| j < limit).map(|t| self.text[t.span].to_ascii_lowercase());
        if w == "in" && word(pos + 1).as_deref() == Some("principle") {
            return Some(pos + 2);
        }
        // Determiners and time words, at least one time word; numbers only with one ("on 12 March").
        let mut j = pos + 1;
        let mut time = false;
        while j < limit {
            let t = &self.toks[j];
            if t.phrase != NONE {
                break;
            }
            if t.tags.has(Tags::TIME) {
                time = true;
            } else if !(t.kind == TokenKind::Number || t.tags.has(Tags::DET)) {
                break;
            }
            j += 1;
        }
        (time && j > pos + 1).then_some(j)
    }

    fn seq_at(&self, pos: usize, seq: &[u32], limit: usize) -> bool {
        pos + seq.len() <= limit && seq.iter().enumerate().all(|(k, id)| self.toks[pos + k].word == Some(*id))
    }

    /// Matches `items` starting at token `pos`, not crossing `limit`.
    pub fn items(&self, items: &[Item], pos: usize, limit: usize) -> Option<ItemsMatch> {
        self.go(items, pos, limit, ItemsMatch::default(), true)
    }

    fn go(&self, items: &[Item], pos: usize, limit: usize, acc: ItemsMatch, may_fill: bool) -> Option<ItemsMatch> {
        let Some((first, rest)) = items.split_first() else {
            return Some(ItemsMatch { end: pos, ..acc });
        };
        let fill = if may_fill { MAX_FILL } else { 0 };
        match first {
            Item::Words { options, optional } => {
                let mut last = false;
                let mut acc = acc;
                for skip in 0..=fill {
                    let p = pos + skip;
                    // Before a literal word, the determiners and modifiers of an actor phrase may be
                    // skipped too ("withdrew its troops from" matches "withdraw &troops from").
                    if p > limit || last {
                        break;
                    }
                    if skip > 0 {
                        let t = &self.toks[p - 1];
                        let modifier = t.phrase != NONE
                            && (t.kind == TokenKind::Number
                                || t.tags.has(Tags(Tags::DET.0 | Tags::POSS.0 | Tags::ADJ.0 | Tags::NUM.0))
                                || self.attributive_country(t.phrase as usize));
                        if t.phrase != NONE && acc.attributive.is_none() && self.attributive_country(t.phrase as usize)
                        {
                            acc.attributive = Some(t.phrase as usize);
                        }
                        if !self.is_filler(t) && !modifier {
                            // A noun that is also a verb may still modify the word right after it
                            // ("a loan agreement", "a trade deal"), but nothing further.
                            if !self.plain_word(t) {
                                break;
                            }
                            last = true;
                        }
                        // At most one unknown word in a row ("peace talks"), so a pattern does not
                        // reach across a whole noun phrase ("interest in Russian projects").
                        if skip >= 2 && self.unknown(&self.toks[p - 1]) && self.unknown(&self.toks[p - 2]) {
                            break;
                        }
                    }
                    for opt in options.iter() {
                        if self.seq_at(p, opt, limit)
                            && let Some(m) = self.go(rest, p + opt.len(), limit, acc, true)
                        {
                            return Some(m);
                        }
                    }
                }
                // "staged rallies in the Gaza Strip against …": a place named between two pattern
                // words is passed over as a whole.
                if may_fill
                    && let Some(end) = self.place_phrase(pos, limit)
                    && let Some(m) = self.go(items, end, limit, acc, true)
                {
                    return Some(m);
                }
                if may_fill
                    && let Some(end) = self.adverbial_phrase(pos, limit)
                    && let Some(m) = self.go(items, end, limit, acc, true)
                {
                    return Some(m);
                }
                if *optional {
                    return self.go(rest, pos, limit, acc, may_fill);
                }
                None
            }
            Item::Target => {
                for skip in 0..=fill {
                    let p = pos + skip;
                    if p >= limit || (skip > 0 && !self.is_filler(&self.toks[p - 1])) {
                        break;
                    }
                    let ph = self.toks[p].phrase;
                    if ph != NONE && self.phrases[ph as usize].start == p {
                        let end = self.phrases[ph as usize].end.min(limit);
                        if let Some(m) =
                            self.go(rest, end, limit, ItemsMatch { target: Some(ph as usize), ..acc }, true)
                        {
                            return Some(m);
                        }
                    }
                }
                None
            }
            Item::Verb => {
                for skip in 0..=1 {
                    let p = pos + skip;
                    if p >= limit || (skip > 0 && !self.toks[p - 1].tags.has(Tags::ADV)) {
                        break;
                    }
                    let t = &self.toks[p];
                    // A known verb in its base form, or an unknown lower-case word standing in for
                    // a verb the dictionaries do not list ("demanded that X match …").
                    let readings = t.word.map(|w| &self.dict.entries[w as usize].verbs[..]).unwrap_or(&[]);
                    let base = if readings.is_empty() {
                        t.kind == TokenKind::Word && !t.cap && t.tags == Tags::NONE && t.mention == NONE
                    } else {
                        readings.iter().any(|r| r.1 == Form::Base)
                    };
                    if base && t.phrase == NONE {
                        return self.go(rest, p + 1, limit, ItemsMatch { verb: Some(p), ..acc }, true);
                    }
                }
                None
            }
            Item::Gap => {
                // Up to MAX_GAP words, within the clause; a time adverbial in the gap counts as
                // none ("complained to the United Nations on Tuesday over …").
                let (mut p, mut words) = (pos, 0);
                loop {
                    if let Some(m) = self.go(rest, p, limit, acc, false) {
                        return Some(m);
                    }
                    p = match self.adverbial_phrase(p, limit) {
                        Some(end) => end,
                        None if words < MAX_GAP && p < limit && !is_clause_break(&self.toks[p], self.text) => {
                            words += 1;
                            p + 1
                        }
                        None => return None,
                    };
                }
            }
        }
    }
}
