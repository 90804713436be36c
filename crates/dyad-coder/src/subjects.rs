//! Who is the source: the subject found by scanning left from the verb group inside its clause,
//! skipping prepositional objects, relative clauses and parentheses; coordinated and participial
//! verbs inherit the subject of the verb before them.

use crate::analysis::{NONE, Tok};
use crate::phrases::Phrase;
use crate::verbs::VerbGroup;
use dyad_text::{Tags, TokenKind};

/// The outcome of a subject search.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Subject {
    /// This phrase is the subject.
    Phrase(usize),
    /// The verb shares the subject of the verb before it.
    Inherit,
    /// No subject in reach.
    None,
    /// A non-finite verb whose subject is no actor of this clause ("accused X of violating",
    /// "efforts to end", "gunboats intercepting"): not an event.
    Skip,
}

/// Regions a left scan jumps over: `( … )` and `, which … ,` / `, who … ,` clauses.
pub(crate) fn skip_regions(toks: &[Tok], text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, t) in toks.iter().enumerate() {
        if t.is_punct(text, "(") {
            open = Some(i);
        } else if t.is_punct(text, ")")
            && let Some(o) = open.take()
        {
            out.push((o, i));
        }
    }
    for (i, t) in toks.iter().enumerate() {
        if t.tags.has(Tags::REL)
            && i > 0
            && toks[i - 1].is_punct(text, ",")
            && let Some(close) = (i + 1..toks.len()).find(|&j| toks[j].is_punct(text, ","))
        {
            out.push((i - 1, close));
        }
    }
    out
}

/// Scans left from token `from` (exclusive) for the subject of a verb.
pub(crate) fn subject(
    toks: &[Tok],
    phrases: &[Phrase],
    text: &str,
    regions: &[(usize, usize)],
    g: &VerbGroup,
    nominal: bool,
    inherit: bool,
) -> Subject {
    let mut i = g.start;
    // A verb right after "and", "but" or a comma, or a participle/infinitive, shares the subject
    // of the verb before it ("attacked the town and killed", ", killing", "to disperse").
    let mut k = i;
    while k > 0 && toks[k - 1].tags.has(Tags::ADV) {
        k -= 1;
    }
    if inherit && !nominal && k > 0 {
        let p = &toks[k - 1];
        let joins = (p.tags.has(Tags::COORD) || p.is_punct(text, ",")) && p.phrase == NONE;
        if joins && (g.nonfinite || k >= 2 && toks[k - 2].phrase == NONE || ends_verb_phrase(toks, phrases, k - 1)) {
            return Subject::Inherit;
        }
    }
    if nominal {
        return nominal_source(toks, text, g.start);
    }
    if g.nonfinite {
        if let Some(s) = nonfinite_subject(toks, text, g, k) {
            return s;
        }
        if inherit {
            return Subject::Inherit;
        }
    }
    while i > 0 {
        i -= 1;
        if let Some(&(s, _)) = regions.iter().find(|&&(_, e)| e == i) {
            i = s;
            continue;
        }
        let t = &toks[i];
        if t.phrase != NONE {
            let ph = t.phrase as usize;
            let p = &phrases[ph];
            let possessive_pronoun = p.pronoun && t.tags.has(Tags::POSS) && !t.tags.has(Tags::PRON);
            // The object of a preposition is not a subject ("In Iraq, rebels …").
            // …unless it is the whole of a partitive subject ("members of the Syrian parliament",
            // "thousands of Nigerians", "activists from the Fatah Party").
            let partitive = p.start >= 2
                && matches!(text[toks[p.start - 1].span].to_ascii_lowercase().as_str(), "of" | "from")
                && PARTITIVE.contains(&text[toks[p.start - 2].span].to_ascii_lowercase().as_str());
            let governed = p.start > 0 && toks[p.start - 1].tags.has(Tags::PREP) && !nominal && !partitive;
            if governed || (possessive_pronoun && !nominal) {
                i = p.start;
                continue;
            }
            return Subject::Phrase(ph);
        }
        if t.group != NONE {
            // "aircraft including helicopter gunships killed": a participle modifying the subject.
            if !nominal && participial_modifier(toks, text, i) {
                continue;
            }
            return if nominal { Subject::Inherit } else { Subject::None };
        }
        if t.tags.has(Tags(Tags::REL.0 | Tags::THAT.0)) {
            // "rebels who attacked": the antecedent before the relative pronoun.
            let mut j = i;
            while j > 0 && toks[j - 1].is_punct(text, ",") {
                j -= 1;
            }
            if j > 0 && toks[j - 1].phrase != NONE && t.tags.has(Tags::REL) {
                return Subject::Phrase(toks[j - 1].phrase as usize);
            }
            return Subject::None;
        }
        if t.tags.has(Tags::SUBORD) || crate::analysis::is_clause_break(t, text) {
            return Subject::None;
        }
    }
    Subject::None
}

/// Whether the verb at `i` is a bare participle modifying the noun before it ("aircraft including
/// gunships", "rebels backed by Iran"), so a subject search may continue past it.
fn participial_modifier(toks: &[Tok], text: &str, i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).map(|j| &toks[j]) else { return false };
    let noun = prev.phrase != NONE
        || (prev.kind == dyad_text::TokenKind::Word && prev.tags == Tags::NONE && prev.group == NONE && !prev.verbal);
    let w = text[toks[i].span].to_ascii_lowercase();
    let by = toks.get(i + 1).is_some_and(|n| n.tags.has(Tags::BY));
    noun && (w.ends_with("ing") || (by && w.ends_with("ed")))
}

/// Whether the material before a conjunction ends a verb phrase (its last phrase is an object).
fn ends_verb_phrase(toks: &[Tok], phrases: &[Phrase], conj: usize) -> bool {
    if conj == 0 {
        return false;
    }
    let ph = toks[conj - 1].phrase;
    if ph == NONE {
        return true;
    }
    let p = &phrases[ph as usize];
    p.start > 0 && (toks[p.start - 1].group != NONE || toks[p.start - 1].tags.has(Tags::PREP))
}

/// The agent of a passive verb: the phrase after "by" within a few tokens of the verb.
pub(crate) fn by_agent(toks: &[Tok], text: &str, from: usize, limit: usize) -> Option<usize> {
    // The agent may follow a long complement ("accused of misusing … funds, much of it …, by
    // officials"), so the scan runs to the clause end, but stops at a finite verb with a subject
    // of its own (another clause).
    let stop = limit.min(from + 24);
    let mut i = from;
    while i < stop {
        if toks[i].tags.has(Tags::BY) && i + 1 < toks.len() {
            let mut j = i + 1;
            while j < stop && toks[j].phrase == NONE && toks[j].tags.has(Tags(Tags::DET.0 | Tags::ADJ.0 | Tags::ADV.0))
            {
                j += 1;
            }
            if j < toks.len() && toks[j].phrase != NONE {
                let ph = toks[j].phrase;
                return (!modifies_a_thing(toks, text, ph, stop)).then_some(ph as usize);
            }
        }
        if toks[i].group != NONE && i > 0 && toks[i - 1].phrase != NONE {
            // An aside between commas ("…, much of it believed to have been embezzled, by
            // officials") is skipped when the by-phrase follows its closing comma.
            let opened = (from..i).rev().find(|&k| toks[k].is_punct(text, ","));
            let closed = (i + 1..stop).find(|&k| toks[k].is_punct(text, ","));
            match (opened, closed) {
                (Some(_), Some(c)) if toks.get(c + 1).is_some_and(|t| t.tags.has(Tags::BY)) => {
                    i = c + 1;
                    continue;
                }
                _ => break,
            }
        }
        i += 1;
    }
    attack_agent(toks, text, from, stop)
}

/// Whether the actor phrase `ph` only modifies a noun compound that is not an attack or a
/// weapon: "killed by the Malaysia Airlines flight MH17 crash" names a crash, not an attacker,
/// while "killed by Israeli air strikes" and "hit by a US drone" name their agents.
fn modifies_a_thing(toks: &[Tok], text: &str, ph: u32, stop: usize) -> bool {
    let Some(end) = toks.iter().rposition(|t| t.phrase == ph).map(|i| i + 1) else { return false };
    let mut head = None;
    for t in toks.iter().take(stop.max(end)).skip(end).take(4) {
        // "the U.N. war crimes court": a compound ending in an agent noun is an actor.
        if t.mention != NONE {
            return false;
        }
        let plain = t.kind == TokenKind::Word && t.phrase == NONE && t.group == NONE && !t.verbal;
        let noun = plain && (t.tags == Tags::NONE || t.cap);
        if !noun {
            break;
        }
        head = Some(t);
    }
    head.is_some_and(|h| !ATTACK_NOUNS.contains(&text[h.span].to_ascii_lowercase().as_str()))
}

/// Nouns of attacks whose actor adjective names the agent of a passive ("killed in Israeli air
/// strikes", "wounded in a Russian attack").
const ATTACK_NOUNS: &[&str] = &[
    "attack",
    "attacks",
    "strike",
    "strikes",
    "airstrike",
    "airstrikes",
    "raid",
    "raids",
    "shelling",
    "bombing",
    "bombings",
    "bombardment",
    "fire",
    "offensive",
    "assault",
    "operation",
    "operations",
    "ambush",
    "missile",
    "missiles",
    "rocket",
    "rockets",
    "drone",
    "drones",
    "crackdown",
    "gunfire",
    "barrage",
];

/// "in <actor> <attack noun>" after a passive: the actor is the agent.
fn attack_agent(toks: &[Tok], text: &str, from: usize, stop: usize) -> Option<usize> {
    for i in from..stop {
        if !text[toks[i].span].eq_ignore_ascii_case("in") {
            continue;
        }
        let mut j = i + 1;
        while j < stop && toks[j].phrase == NONE && toks[j].tags.has(Tags(Tags::DET.0 | Tags::ADJ.0)) {
            j += 1;
        }
        let Some(ph) = toks.get(j).map(|t| t.phrase).filter(|&p| p != NONE) else { continue };
        let mut k = j;
        while k < toks.len() && toks[k].phrase == ph {
            k += 1;
        }
        // Modifiers between the actor and the noun ("Israeli tank shelling", "a Russian air strike").
        let mut n = k;
        while n < stop && n < k + 2 && !ATTACK_NOUNS.contains(&text[toks[n].span].to_ascii_lowercase().as_str()) {
            n += 1;
        }
        if n < stop && ATTACK_NOUNS.contains(&text[toks[n].span].to_ascii_lowercase().as_str()) {
            return Some(ph as usize);
        }
    }
    None
}

/// Nouns whose infinitive complement is their content, not an act of the clause's subject
/// ("efforts to end the fighting", "an ultimatum to halt attacks").
const CONTENT_NOUNS: &[&str] = &[
    "effort",
    "efforts",
    "plan",
    "plans",
    "bid",
    "attempt",
    "attempts",
    "decision",
    "proposal",
    "proposals",
    "call",
    "calls",
    "demand",
    "demands",
    "request",
    "requests",
    "offer",
    "offers",
    "move",
    "push",
    "drive",
    "campaign",
    "promise",
    "promises",
    "pledge",
    "pledges",
    "threat",
    "threats",
    "ultimatum",
    "order",
    "orders",
    "deal",
    "agreement",
    "talks",
    "consensus",
    "readiness",
    "willingness",
    "right",
    "need",
    "way",
    "chance",
    "opportunity",
    "mandate",
    "authority",
    "permission",
    "power",
    "resolution",
    "motion",
    "bill",
    "law",
    "initiative",
    "pressure",
    "appeal",
    "appeals",
    "invitation",
    "commitment",
    "determination",
    "refusal",
    "failure",
    "ability",
    "reluctance",
];

/// Who does a non-finite verb: `Some(Skip)` when no actor of this clause does, a phrase for a
/// reduced relative ("rebels operating in Macedonia"), `None` to inherit the clause's subject.
fn nonfinite_subject(toks: &[Tok], text: &str, g: &VerbGroup, k: usize) -> Option<Subject> {
    let prev = toks.get(k.checked_sub(1)?)?;
    let word = text[prev.span].to_ascii_lowercase();
    if g.form == dyad_dict::Form::Gerund {
        if prev.is_punct(text, ",") || prev.tags.has(Tags::COORD) {
            return None;
        }
        if prev.tags.has(Tags::PREP) {
            return match word.as_str() {
                "of" | "for" | "with" | "about" | "against" | "over" | "in" | "on" | "to" => Some(Subject::Skip),
                _ => None,
            };
        }
        if prev.phrase != NONE {
            // "blocked roads in the capital city of Algiers demanding …": a place named as the
            // setting is not who does the participle; it shares the clause's subject.
            if setting(toks, text, prev.phrase) {
                return None;
            }
            return Some(Subject::Phrase(prev.phrase as usize));
        }
        if prev.kind == dyad_text::TokenKind::Word
            && prev.group == NONE
            && !prev.tags.is_aux()
            && prev.tags.0 & (Tags::ADV.0 | Tags::NEG.0) == 0
        {
            return Some(Subject::Skip);
        }
        return None;
    }
    // "to" + verb: the group starts at "to"; look at what stands before it.
    let to = if toks[g.start].tags.has(Tags::TO) {
        g.start
    } else if prev.tags.has(Tags::TO) {
        k - 1
    } else {
        return None;
    };
    let before = toks.get(to.checked_sub(1)?)?;
    let bword = text[before.span].to_ascii_lowercase();
    if CONTENT_NOUNS.contains(&bword.as_str()) && before.group == NONE {
        return Some(Subject::Skip);
    }
    // "forced the UN to leave", "allowed refugees to return": the object of a control verb does
    // the infinitive. After other objects the infinitive is the subject's purpose ("staged a rally
    // in Lagos to protest").
    //
    // "demands from the National Union (UNITA) to overhaul": an abbreviation in parentheses after
    // the phrase belongs to it.
    let mut last = to - 1;
    let open =
        before.is_punct(text, ")").then(|| (0..last).rev().take(6).find(|&j| toks[j].is_punct(text, "("))).flatten();
    if let Some(open) = open {
        last = open.checked_sub(1)?;
    }
    let before = &toks[last];
    if before.phrase != NONE {
        let ph = before.phrase;
        let mut s = last;
        while s > 0 && toks[s - 1].phrase == ph {
            s -= 1;
        }
        let verb = s.checked_sub(1).map(|v| text[toks[v].span].to_ascii_lowercase());
        if verb.as_deref().is_some_and(|v| CONTROL_VERBS.iter().any(|c| v.starts_with(c))) {
            return Some(Subject::Skip);
        }
        // "demanded parties to the conflict in Iraq to allow", "pressuring workers of the Bus
        // Company of Tehran to cancel": the object of a control verb may carry attachments.
        if let Some(v) = object_head_verb(toks, text, s)
            && CONTROL_VERBS.iter().any(|c| text[toks[v].span].to_ascii_lowercase().starts_with(c))
        {
            return Some(Subject::Skip);
        }
        // "an ultimatum to Ecuador to halt attacks", "its call on Israel to stop", "demands from
        // UNITA to overhaul": the addressee of a content noun does the infinitive, as its content.
        if s >= 2 && toks[s - 1].tags.has(Tags::PREP) && content_noun_before(toks, text, s - 1) {
            return Some(Subject::Skip);
        }
    }
    None
}

/// The verb whose object noun phrase contains the phrase starting at `start` through an attachment
/// ("parties to the conflict in Iraq", "workers of the United Bus Company of Tehran"): the scan
/// left passes prepositions of attachment, determiners, modifiers, nouns and other phrases, and
/// needs at least one preposition before it reaches the verb.
fn object_head_verb(toks: &[Tok], text: &str, start: usize) -> Option<usize> {
    let mut i = start;
    let mut preps = 0;
    for _ in 0..12 {
        i = i.checked_sub(1)?;
        let t = &toks[i];
        if t.group != NONE {
            return (preps > 0).then_some(i);
        }
        if t.phrase != NONE {
            continue;
        }
        let w = text[t.span].to_ascii_lowercase();
        if matches!(w.as_str(), "of" | "to" | "in" | "from" | "for" | "at") {
            preps += 1;
            continue;
        }
        let word = t.kind == dyad_text::TokenKind::Word;
        let passable = word
            && (!t.verbal || t.cap)
            && (t.tags.has(Tags(Tags::DET.0 | Tags::ADJ.0 | Tags::NUM.0)) || t.tags == Tags::NONE);
        if !passable {
            return None;
        }
    }
    None
}

/// Whether the phrase `ph` is governed by a locative preposition, over determiners, modifiers
/// and the nouns of a part of a place ("in Gaza", "in the capital city of Algiers").
fn setting(toks: &[Tok], text: &str, ph: u32) -> bool {
    let Some(start) = toks.iter().position(|t| t.phrase == ph) else { return false };
    for t in toks[..start].iter().rev().take(6) {
        let w = text[t.span].to_ascii_lowercase();
        if matches!(w.as_str(), "in" | "at" | "near" | "outside" | "inside" | "across" | "throughout") {
            return true;
        }
        let passable = t.phrase == NONE
            && t.group == NONE
            && t.kind == dyad_text::TokenKind::Word
            && !t.cap
            && (w == "of" || t.tags.has(Tags(Tags::DET.0 | Tags::ADJ.0)) || t.tags == Tags::NONE);
        if !passable {
            return false;
        }
    }
    false
}

/// Whether a content noun ("ultimatum", "call", "demands") heads the words before the
/// preposition at `prep`, allowing a time word or two between them ("a reminder Saturday to").
/// "An agreement with X to invest" is not such a case: its content is the subject's act too.
fn content_noun_before(toks: &[Tok], text: &str, prep: usize) -> bool {
    let word = |i: usize| text[toks[i].span].to_ascii_lowercase();
    if !matches!(word(prep).as_str(), "to" | "on" | "upon" | "for" | "from" | "by" | "of") {
        return false;
    }
    let mut i = prep;
    let mut steps = 0;
    while i > 0 && steps < 3 {
        i -= 1;
        steps += 1;
        let t = &toks[i];
        if t.group != NONE || t.phrase != NONE {
            return false;
        }
        if CONTENT_NOUNS.contains(&word(i).as_str()) {
            return true;
        }
        if !t.tags.has(Tags(Tags::TIME.0 | Tags::ADV.0)) {
            return false;
        }
    }
    false
}

/// The actor behind a nominal trigger: its possessor or adjective ("Japan's talks", "US
/// sanctions"), or — when the noun is the object of a verb ("imposed sanctions") — that verb's
/// subject, reported as `Inherit`. Nothing further away.
fn nominal_source(toks: &[Tok], text: &str, at: usize) -> Subject {
    let mut i = at;
    let mut steps = 0;
    while i > 0 && steps < 5 {
        i -= 1;
        steps += 1;
        let t = &toks[i];
        if t.phrase != NONE {
            return Subject::Phrase(t.phrase as usize);
        }
        if t.group != NONE {
            return Subject::Inherit;
        }
        // "engaged in ethnic cleansing", "took part in talks": a preposition right after the verb.
        if t.tags.has(Tags::PREP) && i > 0 && toks[i - 1].group != NONE {
            return Subject::Inherit;
        }
        let modifier = t.is_possessive(text)
            || t.kind == dyad_text::TokenKind::Number
            || t.tags.has(Tags(Tags::DET.0 | Tags::ADJ.0 | Tags::NUM.0 | Tags::ADV.0))
            || (t.kind == dyad_text::TokenKind::Word && !t.cap && t.tags == Tags::NONE && !t.verbal);
        if !modifier {
            return Subject::None;
        }
    }
    Subject::None
}

/// Words before "of"/"from" whose phrase is the real subject ("members of", "thousands of").
const PARTITIVE: &[&str] = &[
    "member",
    "members",
    "head",
    "supporters",
    "followers",
    "representatives",
    "delegation",
    "part",
    "one",
    "some",
    "many",
    "most",
    "all",
    "dozens",
    "hundreds",
    "thousands",
    "tens",
    "millions",
    "scores",
    "activists",
    "officials",
    "soldiers",
    "troops",
    "fighters",
    "militants",
    "students",
    "workers",
    "group",
    "groups",
    "units",
    "elements",
    "leaders",
    "leadership",
    "wing",
    "faction",
    "team",
    "envoys",
    "opponents",
    "critics",
];

/// Verbs whose object does the infinitive that follows ("urged X to", "forced X to").
const CONTROL_VERBS: &[&str] = &[
    "force", "forcing", "forced", "allow", "demand", "ask", "urg", "want", "persuad", "pressur", "encourag", "invit",
    "order", "tell", "told", "help", "enabl", "prompt", "push", "caus", "expect", "compel", "oblig", "instruct",
    "call", "permit", "authoriz", "authoris", "convinc", "lead", "led", "get", "got",
];
