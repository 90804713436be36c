//! Verb groups: the main verb with its auxiliaries, and what they say about voice, negation and
//! modality ("has not been attacked", "will visit", "might send").

use crate::analysis::{NONE, Tok};
use dyad_dict::{Compiled, Form};
use dyad_model::Modality;
use dyad_text::{Tags, TokenKind};

/// A verb group.
#[derive(Clone, Debug)]
pub(crate) struct VerbGroup {
    /// First token (first auxiliary or the verb).
    pub start: usize,
    /// The main verb.
    pub head: usize,
    /// Lemma ids of the main verb's readings.
    pub lemmas: Vec<u32>,
    /// Form of the main verb.
    pub form: Form,
    pub passive: bool,
    pub negated: bool,
    pub modality: Modality,
    /// An infinitive ("to visit"), a bare verb after a modal or a participle without auxiliary.
    pub nonfinite: bool,
    /// "would not", "will not": a declared refusal.
    pub refusal: bool,
    /// "must", "should": an obligation the speaker puts on the subject.
    pub obligation: bool,
}

/// Words after which "to" + verb states a plan rather than an act.
const FUTURE_GOVERNORS: &[&str] = &[
    "plan",
    "plans",
    "planned",
    "planning",
    "intend",
    "intends",
    "intended",
    "intending",
    "expect",
    "expects",
    "expected",
    "scheduled",
    "set",
    "due",
    "going",
    "aim",
    "aims",
    "aimed",
    "aiming",
    "seek",
    "seeks",
    "sought",
    "seeking",
    "want",
    "wants",
    "wanted",
    "hope",
    "hopes",
    "hoped",
    "hoping",
    "prepare",
    "prepares",
    "prepared",
    "preparing",
    "likely",
    "try",
    "tries",
    "tried",
    "trying",
    "attempt",
    "attempts",
    "attempted",
    "poised",
];

/// Whether a verb reading of the token at `i` is used as a verb here.
fn verb_use(toks: &[Tok], text: &str, i: usize, form: Form) -> bool {
    let prev = i.checked_sub(1).map(|j| &toks[j]);
    let prev_tags = prev.map(|t| t.tags).unwrap_or(Tags::NONE);
    let after_det = prev_tags.has(Tags(Tags::DET.0 | Tags::POSS.0 | Tags::NUM.0))
        || prev.is_some_and(|p| p.kind == TokenKind::Number);
    let after_possessive = prev.is_some_and(|p| p.is_possessive(text));
    // "his visit", "Russia's attack", "the talks", "an attack": nouns.
    if (after_det || after_possessive) && !prev_tags.is_aux() {
        return false;
    }
    // "a deadly attack", "all further talks", "its public funds": one modifier between a
    // determiner and the word leaves it a noun.
    let before = i.checked_sub(2).map(|j| &toks[j]);
    let modifier = prev.is_some_and(|p| {
        p.kind == TokenKind::Word
            && !p.cap
            && !p.verbal
            && p.mention == NONE
            && (p.tags == Tags::ADJ || p.tags == Tags::ADV || (p.tags == Tags::NONE && p.word.is_none()))
    });
    // Past forms stay verbs: "he's also welcomed".
    if modifier
        && matches!(form, Form::Base | Form::Third)
        && before.is_some_and(|b| {
            (b.tags.has(Tags(Tags::DET.0 | Tags::POSS.0 | Tags::NUM.0)) && !b.tags.is_aux())
                || b.kind == TokenKind::Number
                || b.is_possessive(text)
                // "misusing public funds", "prohibited further talks": a modified plural after a
                // verb or a preposition is its object.
                || (form == Form::Third && ((b.verbal && !b.cap) || b.tags.has(Tags(Tags::PREP.0 | Tags::TO.0))))
        })
    {
        return false;
    }
    match form {
        Form::Past | Form::PastOrParticiple | Form::Participle | Form::Third => {
            // "peace talks", "air strikes": a noun modifier before a plural is not a subject;
            // "lift embargoes", "to reports": a plural right after a verb or a preposition is
            // its object.
            !(form == Form::Third
                && prev.is_some_and(|p| {
                    (p.kind == TokenKind::Word
                        && !p.cap
                        && p.tags == Tags::NONE
                        && p.word.is_none()
                        && p.mention == NONE)
                        || p.verbal
                        || p.tags.has(Tags(Tags::PREP.0 | Tags::TO.0))
                }))
        }
        Form::Gerund => true,
        Form::Base => {
            // Base forms are verbs after "to", a modal, "do", a negation or a subject.
            prev.is_none()
                || prev_tags.has(Tags(
                    Tags::TO.0
                        | Tags::MODAL.0
                        | Tags::DO.0
                        | Tags::NEG.0
                        | Tags::PRON.0
                        | Tags::ADV.0
                        | Tags::REL.0
                        | Tags::THAT.0
                        | Tags::COORD.0,
                ))
                || prev
                    .is_some_and(|p| (p.phrase != NONE || p.mention != NONE) && !indefinite_phrase(toks, text, i - 1))
        }
    }
}

/// Whether the actor phrase ending at token `last` opens with "a" or "an" ("a U.S. request", "an
/// Iranian offer"): a singular noun phrase, so a base form after it is a noun, not its verb.
fn indefinite_phrase(toks: &[Tok], text: &str, last: usize) -> bool {
    let ph = toks[last].phrase;
    if ph == NONE {
        return false;
    }
    let mut s = last;
    while s > 0 && toks[s - 1].phrase == ph {
        s -= 1;
    }
    matches!(text[toks[s].span].to_ascii_lowercase().as_str(), "a" | "an")
}

/// Finds every verb group of a sentence and records it on the head tokens.
pub(crate) fn groups(toks: &mut [Tok], text: &str, dict: &Compiled) -> Vec<VerbGroup> {
    let mut out = Vec::new();
    // Groups read as reduced relatives, with the form they had before.
    let mut reduced: Vec<(usize, Form)> = Vec::new();
    let n = toks.len();
    let mut i = 0;
    while i < n {
        let t = &toks[i];
        let Some(w) = t.word else {
            i += 1;
            continue;
        };
        let readings = &dict.entries[w as usize].verbs;
        let possessive = t.is_possessive(text);
        // "Saudi-backed", "US-led": the second half of a hyphen compound is an adjective.
        let compound = i >= 2 && toks[i - 1].is_punct(text, "-") && toks[i - 2].cap;
        if readings.is_empty()
            || possessive
            || compound
            || t.phrase != NONE
            || (t.mention != NONE && t.cap)
            || t.tags.is_aux() && !is_main_aux(toks, i, dict)
        {
            i += 1;
            continue;
        }
        let form = readings[0].1;
        if !verb_use(toks, text, i, form) {
            i += 1;
            continue;
        }
        let lemmas: Vec<u32> = readings.iter().map(|r| r.0).collect();
        let mut g = VerbGroup {
            start: i,
            head: i,
            lemmas,
            form,
            passive: false,
            negated: false,
            modality: Modality::Asserted,
            nonfinite: false,
            refusal: false,
            obligation: false,
        };
        // Walk left over auxiliaries, negation and adverbs.
        let mut j = i;
        let mut saw_be = false;
        let mut saw_aux = false;
        while j > 0 {
            let p = &toks[j - 1];
            if p.tags.has(Tags::NEG) {
                g.negated = true;
            } else if p.tags.has(Tags::BE) {
                saw_be = true;
                saw_aux = true;
            } else if p.tags.has(Tags(Tags::HAVE.0 | Tags::DO.0)) {
                saw_aux = true;
            } else if p.tags.has(Tags::MODAL) {
                saw_aux = true;
                if matches!(text[p.span].to_ascii_lowercase().as_str(), "must" | "should") {
                    g.obligation = true;
                }
                if p.tags.has(Tags::FUTURE) {
                    g.modality = Modality::Future;
                } else if p.tags.has(Tags::HYPOTHETICAL) {
                    g.modality = Modality::Hypothetical;
                }
            } else if p.tags.has(Tags::TO) {
                g.nonfinite = true;
                // "failed to reach", "refrained from": an act that did not happen.
                if j >= 2
                    && matches!(
                        text[toks[j - 2].span].to_ascii_lowercase().as_str(),
                        "fail" | "fails" | "failed" | "failing"
                    )
                {
                    g.negated = true;
                }
                if j >= 2 && FUTURE_GOVERNORS.contains(&text[toks[j - 2].span].to_ascii_lowercase().as_str()) {
                    g.modality = Modality::Future;
                }
                j -= 1;
                break;
            } else if !(p.tags.has(Tags::ADV) && p.mention == NONE) {
                break;
            }
            j -= 1;
        }
        // "no longer" negates too.
        if j >= 2
            && text[toks[j - 1].span].eq_ignore_ascii_case("longer")
            && text[toks[j - 2].span].eq_ignore_ascii_case("no")
        {
            g.negated = true;
        }
        g.start = j;
        // "Israel is opposed to French mediation": an adjective with "to", the subject's own stance.
        let stance = text[t.span].eq_ignore_ascii_case("opposed")
            && toks.get(i + 1).is_some_and(|n| text[n.span].eq_ignore_ascii_case("to"));
        g.passive = saw_be
            && !stance
            && matches!(form, Form::Participle | Form::PastOrParticiple)
            && readings.iter().any(|r| matches!(r.1, Form::Participle | Form::PastOrParticiple));
        if g.passive {
            g.form = Form::Participle;
        } else if let Some(r) = readings
            .iter()
            .find(|r| matches!(r.1, Form::Past | Form::PastOrParticiple | Form::Third | Form::Gerund | Form::Base))
        {
            g.form = r.1;
        }
        if !saw_aux && g.form == Form::Gerund && !g.nonfinite {
            g.nonfinite = true;
        }
        // "the deal struck with the EU", "weapons seized last year": a participle right after a
        // common noun is a reduced relative clause, not the clause's verb.
        let after_noun = j > 0 && {
            let p = &toks[j - 1];
            p.kind == TokenKind::Word && !p.cap && p.phrase == NONE && p.tags == Tags::NONE
        };
        // An object after it ("the wing refused to", "the group declared a ceasefire") makes it the
        // finite verb of a clause whose subject ends in that noun.
        let has_object = toks.get(i + 1).is_some_and(|n| {
            n.phrase != NONE
                || n.tags.has(Tags(Tags::DET.0 | Tags::POSS.0 | Tags::TO.0 | Tags::THAT.0 | Tags::ADJ.0 | Tags::NUM.0))
                || n.kind == TokenKind::Number
        });
        if !saw_aux && after_noun && !has_object && matches!(g.form, Form::PastOrParticiple | Form::Participle) {
            reduced.push((out.len(), g.form));
            g.nonfinite = true;
            g.form = Form::Gerund;
        }
        // "civilians killed by Israeli strikes": a participle followed by "by" is a passive even
        // without an auxiliary.
        let by_follows = toks.get(i + 1).is_some_and(|n| n.tags.has(Tags::BY));
        if !saw_aux && by_follows && matches!(g.form, Form::PastOrParticiple | Form::Participle | Form::Past) {
            g.passive = true;
            g.form = Form::Participle;
        }
        g.refusal = g.negated && g.modality == Modality::Future;
        toks[i].group = out.len() as u32;
        out.push(g);
        i += 1;
    }
    // "Soldiers in the town opened fire on the crowd, witnesses said": a participle read as a
    // reduced relative is the clause's verb after all when the sentence has no other finite verb
    // but reporting verbs and relative clauses.
    for (k, form) in reduced {
        let other_finite = out.iter().enumerate().any(|(o, g)| {
            o != k && !g.nonfinite && !toks[g.head].tags.has(Tags::REPORT) && !after_relative(toks, text, g.start)
        });
        if !other_finite {
            out[k].nonfinite = false;
            out[k].form = form;
        }
    }
    out
}

/// Whether a verb group opens a relative clause ("protesters who blocked the road").
fn after_relative(toks: &[Tok], text: &str, start: usize) -> bool {
    start > 0 && matches!(text[toks[start - 1].span].to_ascii_lowercase().as_str(), "who" | "which" | "that")
}

/// An auxiliary is the main verb when no verb follows it ("Russia is ready to …", "has talks").
fn is_main_aux(toks: &[Tok], i: usize, dict: &Compiled) -> bool {
    let mut j = i + 1;
    while j < toks.len() && toks[j].tags.has(Tags(Tags::NEG.0 | Tags::ADV.0)) {
        j += 1;
    }
    let Some(t) = toks.get(j) else { return true };
    if t.tags.is_aux() {
        return false;
    }
    // The auxiliary's own kind decides which form may follow it: "is agreed/agreeing", "has
    // agreed", "did agree"; "is ready", "has talks" leave it as the main verb.
    let readings = t.word.map(|w| &dict.entries[w as usize].verbs[..]).unwrap_or(&[]);
    let a = toks[i].tags;
    let follows = |f: &dyad_dict::Form| match f {
        Form::Participle | Form::PastOrParticiple => a.has(Tags(Tags::BE.0 | Tags::HAVE.0)),
        Form::Gerund => a.has(Tags::BE),
        Form::Base => a.has(Tags::DO),
        Form::Past | Form::Third => false,
    };
    !readings.iter().any(|r| follows(&r.1))
}
