//! Coding one sentence: tokens → actor phrases → verb groups → patterns and frames → candidate
//! events with their sources, targets, negation and modality.

use crate::Coder;
use crate::analysis::{NONE, Tok, analyse, is_clause_break};
use crate::complaints;
use crate::discourse::{Memory, class_of};
use crate::matching::{ItemsMatch, Matcher};
use crate::phrases::{self, Phrase};
use crate::protests;
use crate::resolve::{Member, MemberKind, Resolver};
use crate::subjects::{Subject, by_agent, skip_regions, subject};
use crate::verbs::{self, VerbGroup};
use dyad_dict::{FrameKind, Item, NameHit, fallback_code, map_code};
use dyad_model::{CameoCode, Modality, Span};
use dyad_text::{Tags, tokenize};

/// An event before it is expanded over compound actors and written as a record.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    pub code: CameoCode,
    pub negated: bool,
    pub modality: Modality,
    pub sources: Vec<Member>,
    pub targets: Vec<Member>,
    pub trigger: Span,
    pub pattern: String,
    pub mutual: bool,
}

/// Appends a line to the explanation when one is being recorded.
macro_rules! note {
    ($trace:expr, $($arg:tt)*) => {
        if let Some(t) = $trace.as_deref_mut() {
            t.push(format!($($arg)*));
        }
    };
}

struct Best {
    pattern: u32,
    m: ItemsMatch,
    passive: bool,
    /// Literal words, then how the target was found: 2 in its slot (or passive), 1 inside the
    /// object phrase, 0 none.
    rank: (u16, u8),
}

/// Codes one sentence; `memory` carries actors across sentences of the document.
/// What coding a sentence found: candidate events, every actor it named (pronouns resolved), and
/// the places it named when a gazetteer was given.
pub(crate) struct SentenceOutput {
    pub candidates: Vec<Candidate>,
    pub actors: Vec<Member>,
    pub places: Vec<crate::places::PlaceMention>,
}

/// Where the document is, for resolving places: the gazetteer and the countries it mentions.
pub(crate) struct PlaceContext<'a> {
    pub geo: &'a dyad_geo::Gazetteer,
    pub countries: &'a [String],
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn code_sentence(
    coder: &Coder,
    text: &str,
    lower: &str,
    span: Span,
    hits: &[NameHit],
    res: &Resolver,
    memory: &mut Memory,
    places: Option<&PlaceContext>,
    mut trace: Option<&mut Vec<String>>,
) -> SentenceOutput {
    let dict = &coder.compiled;
    let mut tk = analyse(text, lower, span, tokenize(text, span), hits, &coder.lexicon, dict);
    let mut phrases = phrases::build(&mut tk, text, lower, res, memory);
    memory.begin_sentence(span.start);
    resolve_pronouns(&mut phrases, &tk.toks, text, memory);
    let groups = verbs::groups(&mut tk.toks, text, dict);
    let toks = &tk.toks;
    if trace.is_some() {
        for p in &phrases {
            let codes: Vec<String> = p
                .members
                .iter()
                .map(|m| format!("{}{}", m.code, m.resolved_by.map(|r| format!(" ({r})")).unwrap_or_default()))
                .collect();
            note!(
                trace,
                "actor    \"{}\" → {}",
                &text[p.span(toks)],
                if codes.is_empty() { "unresolved pronoun".into() } else { codes.join(" + ") }
            );
        }
        for g in &groups {
            let lemma = g.lemmas.first().map(|&l| dict.lemmas[l as usize].as_str()).unwrap_or("?");
            note!(
                trace,
                "verb     \"{}\" (lemma {lemma}{}{}{}{})",
                &text[toks[g.start].span.cover(toks[g.head].span)],
                if g.passive { ", passive" } else { "" },
                if g.negated { ", negated" } else { "" },
                if g.nonfinite { ", non-finite" } else { "" },
                match g.modality {
                    Modality::Asserted => "",
                    Modality::Future => ", future",
                    Modality::Hypothetical => ", hypothetical",
                    Modality::Question => ", question",
                }
            );
        }
    }
    let regions = skip_regions(toks, text);
    let question = text[span].trim_end().ends_with('?');
    let present = crate::matching::Present::new(toks, dict.entries.len());
    let matcher = Matcher { present, toks, phrases: &phrases, text, dict };
    let mut consumed = vec![false; toks.len()];
    let mut subjects: Vec<Option<usize>> = Vec::with_capacity(groups.len());
    let mut out: Vec<Candidate> = Vec::new();
    for (gi, g) in groups.iter().enumerate() {
        let limit = clause_limit(toks, text, g.head);
        let found = subject(toks, &phrases, text, &regions, g, false, true);
        let subj = match found {
            Subject::Phrase(p) => Some(p),
            Subject::Inherit => subjects.iter().rev().flatten().next().copied().or_else(|| {
                match subject(toks, &phrases, text, &regions, g, false, false) {
                    Subject::Phrase(p) => Some(p),
                    _ => None,
                }
            }),
            Subject::None | Subject::Skip => None,
        };
        subjects.push(subj);
        if consumed[g.head] {
            continue;
        }
        if found == Subject::Skip {
            note!(
                trace,
                "skipped  \"{}\": a complement, not an act of this clause's subject",
                &text[toks[g.head].span]
            );
            continue;
        }
        let conditional = in_condition(toks, g.start);
        // "X said that Y must withdraw": a demand by the speaker on Y, not an act of Y.
        if g.obligation && !g.negated {
            if let Some(c) = obligation(coder, &matcher, g, subj, &subjects, limit, text, trace.as_deref_mut()) {
                consumed[g.head] = true;
                if !conditional {
                    out.push(c);
                }
            } else {
                // "Iraq must cooperate": what someone ought to do has not happened.
                note!(trace, "dropped  \"{}\": an obligation, not an act", &text[toks[g.head].span]);
            }
            // A verb the obligation frames ("must be ready to mediate") goes with it.
            if let Some(h) = try_frames(coder, &matcher, g, limit, subj, &phrases, text, None) {
                for c in &mut consumed[g.head..h.end] {
                    *c = true;
                }
            }
            continue;
        }
        // Frames: "agreed to lift sanctions", "urged Iran to release".
        let frame = try_frames(coder, &matcher, g, limit, subj, &phrases, text, trace.as_deref_mut());
        let compound = subj.is_some_and(|p| phrases[p].members.len() > 1);
        let best = best_pattern(coder, &matcher, g, limit, compound);
        // A frame's fallback ("agreed to" + an uncoded verb) yields only to a verb pattern that
        // says more than the frame's own two words.
        // Whatever codes the frame verb, its embedded verb is part of it and is not coded again.
        if let Some(h) = &frame {
            for c in &mut consumed[g.head + 1..h.end] {
                *c = true;
            }
        }
        let frame = match (frame, &best) {
            (Some(h), _) if !h.fallback => Some(h),
            (Some(h), None) => Some(h),
            (Some(h), Some(b)) if b.rank.0 <= 2 => Some(h),
            _ => None,
        };
        if let Some(h) = frame {
            consumed[g.head] = true;
            match h.candidate {
                Some(c) if !conditional => out.push(c),
                Some(c) => note!(trace, "dropped  \"{}\": inside a condition", &text[c.trigger]),
                None => {}
            }
            continue;
        }
        let Some(best) = best else { continue };
        let p = &dict.patterns[best.pattern as usize];
        let at = coder.dicts.locate(p.origin);
        let (source, target) = if best.passive {
            (by_agent(toks, text, g.head + 1, limit).or_else(|| by_agent(toks, text, best.m.end, limit)), subj)
        } else if p.items.contains(&Item::Target) {
            (subj, best.m.target)
        } else {
            (subj, trailing_target(toks, &phrases, text, best.m.end, limit).or(best.m.attributive))
        };
        let trigger = trigger_span(toks, &phrases, g.head, best.m, target);
        for t in &mut consumed[g.head..best.m.end.max(g.head + 1)] {
            *t = true;
        }
        // "killed by a car bomb": an attack by a device names no attacker; it is coded as by
        // unidentified armed forces (inferred).
        let device = (source.is_none() && best.passive && matches!(p.code.root_number(), 18..=20))
            .then(|| device_attacker(toks, text, g.head + 1, limit))
            .flatten();
        let sources = match (source, device) {
            (Some(s), _) => source_members(&phrases, toks, s),
            (None, Some(m)) => {
                note!(trace, "inferred source: unidentified attackers behind \"{}\"", &text[m.span]);
                vec![m]
            }
            (None, None) => {
                note!(trace, "no event \"{}\" ({} {at}): no source actor", &text[trigger], p.code);
                continue;
            }
        };
        if conditional {
            note!(trace, "dropped  \"{}\": inside a condition", &text[trigger]);
            continue;
        }
        let mut code = p.code;
        if g.negated {
            if let Some(n) = p.not {
                code = n;
            } else if let Some(m) =
                g.refusal.then(|| map_code(&coder.dicts.frame_maps, FrameKind::Refuse, p.code)).flatten()
            {
                code = m.to;
            } else {
                note!(
                    trace,
                    "dropped  \"{}\" ({} {at}): negated and the pattern has no not= code",
                    &text[trigger],
                    p.code
                );
                continue;
            }
        }
        // A future act is a promise or a threat: "will support" → intent, "will attack" → threat.
        // "may halt mediation", "could impose sanctions": a possible conflictual act of one's own
        // is a threat too ("may have attacked" is a guess about the past, not a threat).
        let possible = g.modality == Modality::Hypothetical && g.form == dyad_dict::Form::Base && !best.passive;
        if (g.modality == Modality::Future || possible) && !g.negated {
            let kind = match code.root_number() {
                4..=8 if !possible => Some(FrameKind::Intent),
                14 | 16..=20 => Some(FrameKind::Threat),
                _ => None,
            };
            if let Some(m) = kind.and_then(|k| map_code(&coder.dicts.frame_maps, k, code)) {
                note!(trace, "future   {} read as {}{}", code, m.to, if possible { " (possible act)" } else { "" });
                code = m.to;
            }
        }
        let modality = if question { Modality::Question } else { g.modality };
        note!(trace, "pattern  {at} \"{}\" → {}{}", p.text, code, if best.passive { " (passive)" } else { "" });
        let mut targets = target.map(|t| phrases[t].members.clone()).unwrap_or_default();
        // People right after the verb: "received the Iranian minister", not "received applause
        // from residents".
        let adjacent = p.people
            && target.is_some_and(|t| {
                let start = phrases[t].start;
                start > g.head
                    && toks[g.head + 1..start]
                        .iter()
                        .all(|x| x.tags.has(Tags(Tags::DET.0 | Tags::ADJ.0 | Tags::NUM.0 | Tags::POSS.0)))
            });
        if p.people && (!adjacent || targets.is_empty() || !targets.iter().all(|m| m.human)) {
            note!(trace, "dropped  \"{}\": the pattern wants people as its target", &text[trigger]);
            continue;
        }
        let mut sources = sources;
        // "Ukraine received weapons from the US": the one named after "from" acts.
        if p.reverse && !best.passive {
            if targets.is_empty() {
                note!(trace, "dropped  \"{}\": a reversed pattern needs the party that acts", &text[trigger]);
                continue;
            }
            std::mem::swap(&mut sources, &mut targets);
            note!(trace, "reverse  the target acts on the subject");
        }
        out.push(Candidate {
            code,
            negated: g.negated,
            modality,
            sources,
            targets,
            trigger,
            pattern: at,
            mutual: p.mutual,
        });
        let _ = gi;
    }
    nominal_triggers(
        coder,
        &matcher,
        &groups,
        &subjects,
        &regions,
        &phrases,
        text,
        &mut consumed,
        question,
        &mut out,
        trace.as_deref_mut(),
    );
    if complaints::postposed(&groups, toks, &phrases, text, dict, &mut out).is_some() {
        note!(trace, "complaint reported after its content: the reporting verb is the event");
    }
    // A statement is coded only when nothing else in the sentence is.
    if out.iter().any(|c| c.code.root_number() != 1) {
        out.retain(|c| c.code.root_number() != 1);
    }
    condition_targets(&mut out, toks, &phrases);
    protests::fold_demands(&mut out, trace.as_deref_mut());
    protests::protest_targets(&mut out, toks, &phrases, text);
    infer_targets(&mut out, &phrases, memory, trace.as_deref_mut());
    let place = place_of(toks, &phrases, text);
    fill_countries(&mut out, place.as_ref().and_then(|m| m.code.country.clone()));
    domestic_place_targets(&mut out, toks, text);
    place_targets(&mut out, place.as_ref(), &phrases);
    // An act in which no party has a known country ("patients embraced", "government forces
    // killed eight people") fits in no dyad or country series; no event is better than such a
    // record.
    out.retain(|c| {
        let bare = c.sources.iter().chain(&c.targets).all(|m| m.code.country.is_none());
        if bare {
            note!(trace, "dropped  \"{}\" ({}): no party of a known country", &text[c.trigger], c.code);
        }
        !bare
    });
    // Places are only resolved where there is an event to place.
    let found = places
        .filter(|_| !out.is_empty())
        .map(|c| crate::places::find_places(toks, &phrases, text, c.geo, c.countries))
        .unwrap_or_default();
    let actors = phrases.into_iter().flat_map(|p| p.members).collect();
    SentenceOutput { candidates: out, actors, places: found }
}

/// The end of the clause region a pattern may match in: the next `;`, `:` or sentence end.
fn clause_limit(toks: &[Tok], text: &str, from: usize) -> usize {
    (from + 1..toks.len())
        .find(|&i| is_clause_break(&toks[i], text) && !toks[i].is_punct(text, "."))
        .unwrap_or(toks.len())
}

/// Fills a missing target from the sentence before when one other state is clearly salient
/// there and this sentence names no other party: "Japan and Vietnam held talks. Tokyo also
/// signed a port agreement." The target is marked `inferred`.
fn infer_targets(out: &mut [Candidate], phrases: &[Phrase], memory: &Memory, mut trace: Option<&mut Vec<String>>) {
    for c in out.iter_mut().filter(|c| c.targets.is_empty()) {
        // Only acts that have a counterpart by their nature: consult, cooperate, aid, yield,
        // demand, disapprove, reject, threaten, reduce relations.
        if !matches!(c.code.root_number(), 3..=8 | 10..=13 | 16) {
            continue;
        }
        let Some(country) = c.sources.first().and_then(|m| m.code.country.clone()) else { continue };
        if c.sources.iter().any(|m| m.code.country.as_deref() != Some(country.as_str())) {
            continue;
        }
        let other_party = phrases
            .iter()
            .flat_map(|p| &p.members)
            .any(|m| m.kind != MemberKind::Unknown && m.code.country.as_deref() != Some(country.as_str()));
        if other_party {
            continue;
        }
        if let Some(m) = memory.salient_counterpart(&country) {
            // The target keeps the span of its mention in the sentence before, as evidence.
            note!(trace, "inferred target {} from the sentence before", m.code);
            c.targets = vec![m];
        }
    }
}

/// A threat without a target is addressed to whoever must act to avert it: the subject of the
/// "unless" or "if" clause after it ("threatened to strike unless Israel rescinded the law").
fn condition_targets(out: &mut [Candidate], toks: &[Tok], phrases: &[Phrase]) {
    for c in out.iter_mut().filter(|c| c.targets.is_empty() && c.code.root_number() == 13) {
        let Some(cond) = toks.iter().position(|t| t.span.start >= c.trigger.end && t.tags.has(Tags::CONDITION)) else {
            continue;
        };
        let mut j = cond + 1;
        while j < toks.len() && toks[j].phrase == NONE && toks[j].tags.has(Tags(Tags::DET.0 | Tags::ADJ.0)) {
            j += 1;
        }
        let Some(p) = toks.get(j).map(|t| t.phrase).filter(|&p| p != NONE).map(|p| &phrases[p as usize]) else {
            continue;
        };
        let own = |m: &Member| c.sources.iter().any(|s| s.code.country.is_some() && s.code.country == m.code.country);
        if p.start == j && !p.members.is_empty() && !p.members.iter().any(own) {
            c.targets = p.members.clone();
        }
    }
}

/// Whether a verb sits in an "if"/"unless" clause.
fn in_condition(toks: &[Tok], start: usize) -> bool {
    let mut i = start;
    while i > 0 {
        i -= 1;
        let t = &toks[i];
        if t.tags.has(Tags::CONDITION) {
            return true;
        }
        if t.group != NONE || t.tags.has(Tags(Tags::SUBORD.0 | Tags::COORD.0)) {
            return false;
        }
    }
    false
}

/// The trigger: the head and the pattern words after it, without the target phrase.
fn trigger_span(toks: &[Tok], phrases: &[Phrase], head: usize, m: ItemsMatch, target: Option<usize>) -> Span {
    let mut end = m.end.max(head + 1);
    if let Some(t) = target {
        let p = &phrases[t];
        if p.end == end && p.start > head {
            end = p.start;
        }
    }
    toks[head].span.cover(toks[end - 1].span)
}

/// Source members; a compound in object position before the verb contributes only its last
/// conjunct ("Israel attacked Gaza and Lebanon protested").
fn source_members(phrases: &[Phrase], toks: &[Tok], p: usize) -> Vec<Member> {
    let ph = &phrases[p];
    let before = ph.start.checked_sub(1).map(|i| &toks[i]);
    let object_position =
        before.is_some_and(|b| (b.group != NONE && !b.tags.has(Tags::REPORT)) || b.tags.has(Tags::PREP));
    if ph.members.len() > 1 && !ph.pronoun && object_position {
        return vec![ph.members[ph.members.len() - 1].clone()];
    }
    ph.members.clone()
}

/// Sectors of the state itself.
const STATE_SECTORS: &[&str] = &["GOV", "MIL", "COP", "JUD", "LEG", "SPY"];

fn resolve_pronouns(phrases: &mut [Phrase], toks: &[Tok], text: &str, memory: &mut Memory) {
    // The sentence's subject: its first phrase, unless a preposition governs it ("In Paris, …").
    let subject = phrases.first().filter(|p| !after_preposition(toks, text, p.start)).map(|p| p.start);
    let first = phrases.first().map(|p| p.start);
    for p in phrases.iter_mut() {
        let is_subject = subject == Some(p.start);
        // "in Moscow", "from Kyiv": places named as settings are rarely what a pronoun refers to.
        let setting = p.members.iter().all(|m| m.kind == MemberKind::Country) && after_locative(toks, text, p.start);
        if p.pronoun {
            let span = p.span(toks);
            if let Some(class) = p.anaphor.or_else(|| class_of(&text[toks[p.start].span].to_ascii_lowercase())) {
                p.members = memory.resolve(class, span.start, first == Some(p.start));
                for m in &mut p.members {
                    m.span = span;
                }
                // A resolved pronoun keeps its referent salient for the next one.
                memory.observe(&p.members, span.end, is_subject);
            }
        } else {
            // "the foreign minister", "the government": a definite agent belongs to the state the
            // text is about.
            if text[toks[p.start].span].eq_ignore_ascii_case("the")
                && p.members.iter().any(Member::needs_country)
                && let Some(state) = memory.recent_state(toks[p.start].span.start)
            {
                for m in &mut p.members {
                    if m.needs_country() {
                        m.inherit_country(&state);
                        // "the government" after "the Nigeria Labour Congress" is Nigeria's, not
                        // the union's: state sectors take the country without the group.
                        if m.code.agents.iter().any(|a| STATE_SECTORS.contains(&a.as_str())) {
                            m.code.group = None;
                        }
                        m.resolved_by = Some("definite");
                    }
                }
            }
            // "its forces", "their government": the possessor's referent gives the country.
            if let Some(i) = p.possessor {
                let t = &toks[i];
                if let Some(class) = class_of(&text[t.span].to_ascii_lowercase())
                    && let Some(owner) = memory.resolve(class, t.span.start, false).first()
                {
                    for m in &mut p.members {
                        if m.needs_country() && owner.code.country.is_some() {
                            m.inherit_country(owner);
                            m.resolved_by = Some("possessive");
                        }
                    }
                }
            }
            if !setting {
                memory.observe(&p.members, p.span(toks).end, is_subject);
            }
        }
    }
}

/// The word before token `i`, lower-cased, skipping a determiner.
fn word_before(toks: &[Tok], text: &str, i: usize) -> Option<String> {
    let mut j = i;
    while j > 0 {
        j -= 1;
        let w = text[toks[j].span].to_ascii_lowercase();
        if w != "the" {
            return Some(w);
        }
    }
    None
}

/// Whether a preposition governs the phrase starting at token `i`.
fn after_preposition(toks: &[Tok], text: &str, i: usize) -> bool {
    let j = (0..i).rev().find(|&j| !text[toks[j].span].eq_ignore_ascii_case("the"));
    j.is_some_and(|j| toks[j].tags.has(Tags::PREP))
}

/// Whether the phrase starting at token `i` names a setting ("in Moscow", "from Kyiv").
fn after_locative(toks: &[Tok], text: &str, i: usize) -> bool {
    matches!(
        word_before(toks, text, i).as_deref(),
        Some("in" | "at" | "near" | "inside" | "outside" | "across" | "throughout")
    )
}

/// The best verb pattern for a group: most literal words, then a filled target, then file order.
/// `compound_source` allows a reciprocal pattern to match without its target ("X and Y met").
fn best_pattern(coder: &Coder, matcher: &Matcher, g: &VerbGroup, limit: usize, compound_source: bool) -> Option<Best> {
    let dict = &coder.compiled;
    let mut best: Option<Best> = None;
    let mut candidates = Vec::new();
    let after = &matcher.toks[(g.head + 1).min(limit)..limit];
    for &lemma in &g.lemmas {
        dict.candidates(lemma, after.iter().filter_map(|t| t.word), &mut candidates);
        for &pid in &candidates {
            let p = &dict.patterns[pid as usize];
            let (missing, last_missing) = matcher.missing(&p.required);
            if missing > 1 || (missing == 1 && !(last_missing && p.mutual && compound_source)) {
                continue;
            }
            let (items, passive) = if g.passive {
                match p.items.split_first() {
                    Some((Item::Target, rest)) => (rest, true),
                    _ => continue,
                }
            } else {
                (&p.items[..], false)
            };
            // A reciprocal pattern also matches without its closing "with $T" ("X and Y held
            // talks"), ranked below the full match.
            let (m, literals) = match matcher.items(items, g.head + 1, limit) {
                Some(m) => (m, p.literals),
                None if p.mutual
                    && compound_source
                    && !passive
                    && items.len() >= 2
                    && items[items.len() - 1] == Item::Target =>
                {
                    match matcher.items(&items[..items.len() - 2], g.head + 1, limit) {
                        Some(m) => (m, p.literals.saturating_sub(1)),
                        None => continue,
                    }
                }
                // "rejected a fresh offer from Afghanistan": a plain transitive pattern finds its
                // target inside the object phrase, ranked below a target in its slot.
                None if !passive && items == [Item::Target] => match object_target(matcher, g.head + 1, limit) {
                    Some(q) => (
                        ItemsMatch { end: matcher.phrases[q].end, target: Some(q), ..ItemsMatch::default() },
                        p.literals,
                    ),
                    None => continue,
                },
                None => continue,
            };
            let quality = if passive || (m.target.is_some() && items != [Item::Target]) {
                2
            } else if m.target.is_some() {
                if m.target.is_some_and(|t| matcher.phrases[t].start <= g.head + 4) { 2 } else { 1 }
            } else {
                0
            };
            let rank = (literals, quality);
            if best.as_ref().is_none_or(|b| rank > b.rank) {
                best = Some(Best { pattern: pid, m, passive, rank });
            }
        }
    }
    best
}

/// The first actor phrase inside the object of a verb: up to a dozen words, not crossing a
/// clause boundary, skipping places ("in Hanoi") and pronouns.
fn object_target(matcher: &Matcher, from: usize, limit: usize) -> Option<usize> {
    let toks = matcher.toks;
    let mut i = from;
    while i < limit.min(from + 12) {
        let t = &toks[i];
        if t.phrase != NONE {
            let p = &matcher.phrases[t.phrase as usize];
            let place = i > 0
                && matches!(
                    matcher.text[toks[i - 1].span].to_ascii_lowercase().as_str(),
                    "in" | "at" | "near" | "outside" | "inside" | "across" | "around" | "throughout"
                );
            if p.start == i && !p.pronoun && !place {
                return Some(t.phrase as usize);
            }
            i = p.end.max(i + 1);
            continue;
        }
        // Inside the object only "of", "from", "as", "about" and "over" continue the phrase
        // ("an offer from Afghanistan", "denounced as a crime Serbia's …"); other prepositions
        // start adjuncts ("bans on travel to Canada", "killed by …").
        let word = matcher.text[t.span].to_ascii_lowercase();
        let adjunct = t.tags.has(Tags::PREP) && !matches!(word.as_str(), "of" | "from" | "as" | "about" | "over");
        let boundary = t.group != NONE
            || adjunct
            || t.tags.has(Tags(Tags::SUBORD.0 | Tags::REL.0 | Tags::THAT.0 | Tags::COORD.0)) && word != "as"
            || (t.kind == dyad_text::TokenKind::Punct
                && !matches!(&matcher.text[t.span], "'" | "\"" | "`" | "``" | "''"));
        if boundary {
            return None;
        }
        i += 1;
    }
    None
}

/// "The administration declared that China must drop barriers": a reporting verb whose
/// complement puts an obligation on its subject is a demand (CAMEO 10, mapped by the embedded
/// verb like the demand frames) from the reporter to that subject.
#[allow(clippy::too_many_arguments)]
fn obligation(
    coder: &Coder,
    matcher: &Matcher,
    g: &VerbGroup,
    subj: Option<usize>,
    subjects: &[Option<usize>],
    limit: usize,
    text: &str,
    mut trace: Option<&mut Vec<String>>,
) -> Option<Candidate> {
    let toks = matcher.toks;
    let phrases = matcher.phrases;
    let target = subj?;
    // Left of the obliged subject: optional "that", then the reporting verb.
    let mut i = phrases[target].start;
    while i > 0
        && (toks[i - 1].tags.has(Tags(Tags::THAT.0 | Tags::TIME.0 | Tags::ADV.0)) || toks[i - 1].is_punct(text, ","))
    {
        i -= 1;
    }
    let mut reporter = toks.get(i.checked_sub(1)?)?;
    // "issued a stern reminder to Iraq that it must …", "sent a message that X should …": the
    // verb that delivers a message noun reports the obligation.
    if reporter.group == NONE {
        reporter = message_verb(toks, text, i - 1)?;
    }
    let source = subjects.get(reporter.group as usize).copied().flatten()?;
    if source == target {
        return None;
    }
    let embedded = best_pattern(coder, matcher, g, limit, false);
    // "should have a choice", "must be careful": a state, not an act demanded of the target…
    let stative = matches!(
        text[toks[g.head].span].to_ascii_lowercase().as_str(),
        "be" | "have" | "remain" | "stay" | "get" | "seem" | "become" | "know" | "feel" | "think"
    );
    // …but "must be ready to mediate" demands the act it frames.
    let framed = (embedded.is_none() && stative)
        .then(|| try_frames(coder, matcher, g, limit, Some(target), phrases, text, None))
        .flatten()
        .and_then(|h| h.inner);
    if embedded.is_none() && stative && framed.is_none() {
        return None;
    }
    let inner = embedded.as_ref().map(|b| coder.compiled.patterns[b.pattern as usize].code).or(framed);
    let code = inner
        .and_then(|c| map_code(&coder.dicts.frame_maps, FrameKind::Demand, c))
        .or_else(|| fallback_code(&coder.dicts.frame_maps, FrameKind::Demand))?;
    let trigger = toks[g.start].span.cover(toks[g.head].span);
    let pattern = match &embedded {
        Some(b) => format!(
            "{}+{}",
            coder.dicts.locate(code.origin),
            coder.dicts.locate(coder.compiled.patterns[b.pattern as usize].origin)
        ),
        None => coder.dicts.locate(code.origin),
    };
    note!(
        trace,
        "demand   \"{}\": an obligation reported by the subject of \"{}\" → {}",
        &text[trigger],
        &text[reporter.span],
        code.to
    );
    Some(Candidate {
        code: code.to,
        negated: false,
        modality: Modality::Asserted,
        sources: source_members(phrases, toks, source),
        targets: phrases[target].members.clone(),
        trigger,
        pattern,
        mutual: false,
    })
}

/// Nouns for a message that can carry an obligation ("a reminder that Iraq must …").
const MESSAGE_NOUNS: &[&str] =
    &["reminder", "warning", "message", "note", "letter", "statement", "ultimatum", "signal"];

/// The verb that delivers a message noun ending before token `end` (inclusive), within a few
/// words: "issued a stern reminder Saturday to Iraq", "sent a clear message".
fn message_verb<'t>(toks: &'t [Tok], text: &str, end: usize) -> Option<&'t Tok> {
    let mut noun = false;
    for j in (end.saturating_sub(8)..=end).rev() {
        let t = &toks[j];
        if t.group != NONE {
            return noun.then_some(t);
        }
        if t.kind == dyad_text::TokenKind::Punct || t.tags.has(Tags(Tags::SUBORD.0 | Tags::REL.0 | Tags::COORD.0)) {
            return None;
        }
        noun |= MESSAGE_NOUNS.contains(&text[t.span].to_ascii_lowercase().as_str());
    }
    None
}

/// A frame that matched: the composed candidate, or the frame's fallback when the embedded verb
/// codes nothing, and the token after the words it covers.
struct FrameHit {
    /// `None` when the frame is negated: neither it nor its embedded verb is coded.
    candidate: Option<Candidate>,
    fallback: bool,
    end: usize,
    /// The code of the embedded verb's own pattern, when it has one.
    inner: Option<CameoCode>,
}

/// Tries the frames of a verb group ("agreed to lift sanctions", "urged Iran to release").
#[allow(clippy::too_many_arguments)]
fn try_frames(
    coder: &Coder,
    matcher: &Matcher,
    g: &VerbGroup,
    limit: usize,
    subj: Option<usize>,
    phrases: &[Phrase],
    text: &str,
    mut trace: Option<&mut Vec<String>>,
) -> Option<FrameHit> {
    let dict = &coder.compiled;
    let toks = matcher.toks;
    let source = subj?;
    let mut fallback: Option<FrameHit> = None;
    for &lemma in &g.lemmas {
        for &fid in &dict.verb_frames[lemma as usize] {
            let f = &dict.frames[fid as usize];
            let Some(fm) = matcher.items(&f.items, g.head + 1, limit) else { continue };
            let Some(v) = fm.verb else { continue };
            let vlemmas: Vec<u32> =
                toks[v].word.map(|w| dict.entries[w as usize].verbs.iter().map(|r| r.0).collect()).unwrap_or_default();
            if g.negated {
                note!(trace, "dropped  \"{}\": negated frame", &text[toks[g.head].span.cover(toks[v].span)]);
                return Some(FrameHit { candidate: None, fallback: false, end: v + 1, inner: None });
            }
            let at = coder.dicts.locate(f.origin);
            // The embedded verb's best pattern, as an active base-form verb.
            let embedded = VerbGroup {
                start: v,
                head: v,
                lemmas: vlemmas,
                form: dyad_dict::Form::Base,
                passive: false,
                negated: false,
                modality: Modality::Asserted,
                nonfinite: true,
                refusal: false,
                obligation: false,
            };
            let compound = phrases[source].members.len() > 1;
            let best = best_pattern(coder, matcher, &embedded, limit, compound);
            // Refusing an act is its negation: a pattern's own not= code wins ("declined to rule
            // out military action" is the threat that "did not rule out" is).
            let mapped = best.as_ref().and_then(|b| {
                let p = &dict.patterns[b.pattern as usize];
                (f.kind == FrameKind::Refuse)
                    .then_some(p.not)
                    .flatten()
                    .or_else(|| map_code(&coder.dicts.frame_maps, f.kind, p.code).map(|m| m.to))
            });
            let (Some(best), Some(mapped)) = (best, mapped) else {
                // Remember the frame's own fallback in case no verb pattern does better.
                if fallback.is_none() {
                    let target = match f.kind {
                        FrameKind::Appeal | FrameKind::Demand => fm.target,
                        _ => first_phrase_after(toks, phrases, v, limit),
                    };
                    // Without a target, only a plain promise or agreement codes on its own ("agreed
                    // to hold exercises"); "decided to head home" is no event.
                    let head = text[toks[g.head].span].to_ascii_lowercase();
                    let promise = ["agree", "offer", "pledge", "promise"].iter().any(|w| head.starts_with(w));
                    let fb = fallback_code(&coder.dicts.frame_maps, f.kind)
                        .filter(|_| target.is_some() || (f.kind == FrameKind::Intent && promise));
                    if let Some(fb) = fb {
                        note!(trace, "frame    {at} \"{}\": embedded verb uncoded, fallback {}", f.text, fb.to);
                        fallback = Some(FrameHit {
                            candidate: Some(Candidate {
                                code: fb.to,
                                negated: false,
                                modality: g.modality,
                                sources: source_members(phrases, toks, source),
                                targets: target.map(|t| phrases[t].members.clone()).unwrap_or_default(),
                                trigger: toks[g.head].span.cover(toks[v].span),
                                pattern: at,
                                mutual: false,
                            }),
                            fallback: true,
                            end: v + 1,
                            inner: None,
                        });
                    }
                }
                continue;
            };
            let inner = &dict.patterns[best.pattern as usize];
            // An embedded pattern without `$T` takes its target from a prepositional phrase right
            // after it, as it does on its own ("threatened to break off relations with Congo").
            let trailing = || {
                (!inner.items.contains(&Item::Target))
                    .then(|| trailing_target(toks, phrases, text, best.m.end, limit).or(best.m.attributive))
                    .flatten()
            };
            let target = match f.kind {
                FrameKind::Appeal | FrameKind::Demand => fm.target.or(best.m.target),
                _ => best.m.target.or_else(trailing),
            };
            let end = best.m.end.max(v + 1);
            let trigger = trigger_span(toks, phrases, g.head, best.m, best.m.target);
            let pattern = format!("{at}+{}", coder.dicts.locate(inner.origin));
            note!(trace, "frame    {pattern} \"{}\" + \"{}\": {} → {}", f.text, inner.text, inner.code, mapped);
            return Some(FrameHit {
                candidate: Some(Candidate {
                    code: mapped,
                    negated: false,
                    modality: g.modality,
                    sources: source_members(phrases, toks, source),
                    targets: target.map(|t| phrases[t].members.clone()).unwrap_or_default(),
                    trigger,
                    pattern,
                    mutual: inner.mutual,
                }),
                fallback: false,
                end,
                inner: Some(inner.code),
            });
        }
    }
    fallback
}

/// A pattern without `$T` takes its target from a prepositional phrase right after it ("broke off
/// relations with Congo", "imposed a curfew on Gaza"); "from" and "by" name sources, not targets.
fn trailing_target(toks: &[Tok], phrases: &[Phrase], text: &str, from: usize, limit: usize) -> Option<usize> {
    let mut i = from;
    while i < limit && i < from + 4 {
        let t = &toks[i];
        if t.tags.has(Tags::PREP) {
            let w = text[t.span].to_ascii_lowercase();
            if !matches!(
                w.as_str(),
                "with"
                    | "against"
                    | "on"
                    | "to"
                    | "toward"
                    | "towards"
                    | "into"
                    | "upon"
                    | "over"
                    | "among"
                    | "between"
            ) {
                return None;
            }
            let mut j = i + 1;
            while j < limit && toks[j].phrase == NONE && toks[j].tags.has(Tags(Tags::DET.0 | Tags::ADJ.0)) {
                j += 1;
            }
            let ph = toks.get(j).map(|t| t.phrase).unwrap_or(NONE);
            return (j < limit && ph != NONE && phrases[ph as usize].start == j).then_some(ph as usize);
        }
        if t.phrase != NONE || t.group != NONE || t.kind == dyad_text::TokenKind::Punct {
            return None;
        }
        i += 1;
    }
    None
}

/// The first actor phrase after token `from` in the clause, past agents of no country.
fn first_phrase_after(toks: &[Tok], phrases: &[Phrase], from: usize, limit: usize) -> Option<usize> {
    for t in &toks[from + 1..limit] {
        // "willing to send troops to Saudi Arabia": troops of no country are what is sent.
        if t.phrase != NONE && !phrases[t.phrase as usize].pronoun {
            let p = &phrases[t.phrase as usize];
            if p.members.iter().all(Member::needs_country) {
                continue;
            }
            return Some(t.phrase as usize);
        }
        if t.kind == dyad_text::TokenKind::Punct || t.group != NONE {
            return None;
        }
    }
    None
}

/// Nominal triggers ("talks with", "a visit to") outside the words verb patterns consumed.
#[allow(clippy::too_many_arguments)]
fn nominal_triggers(
    coder: &Coder,
    matcher: &Matcher,
    groups: &[VerbGroup],
    subjects: &[Option<usize>],
    regions: &[(usize, usize)],
    phrases: &[Phrase],
    text: &str,
    consumed: &mut [bool],
    question: bool,
    out: &mut Vec<Candidate>,
    mut trace: Option<&mut Vec<String>>,
) {
    let dict = &coder.compiled;
    let toks = matcher.toks;
    for i in 0..toks.len() {
        let t = &toks[i];
        let Some(w) = t.word else { continue };
        let pats = &dict.entries[w as usize].noun_patterns;
        if pats.is_empty() || consumed[i] || t.group != NONE || t.phrase != NONE {
            continue;
        }
        let limit = clause_limit(toks, text, i);
        let mut best: Option<(u32, ItemsMatch, u16)> = None;
        for &pid in pats {
            let p = &dict.patterns[pid as usize];
            if matcher.missing(&p.required).0 > 0 {
                continue;
            }
            if let Some(m) = matcher.items(&p.items, i + 1, limit)
                && best.is_none_or(|b| p.literals > b.2)
            {
                best = Some((pid, m, p.literals));
            }
        }
        let Some((pid, m, _)) = best else { continue };
        let p = &dict.patterns[pid as usize];
        let at = coder.dicts.locate(p.origin);
        if let Some(v) = cancelling_verb(coder, groups, toks, i) {
            note!(trace, "dropped  \"{}\" ({} {at}): the object of \"{v}\", not done", &text[t.span], p.code);
            continue;
        }
        let pseudo = VerbGroup {
            start: i,
            head: i,
            lemmas: Vec::new(),
            form: dyad_dict::Form::Base,
            passive: false,
            negated: false,
            modality: Modality::Asserted,
            nonfinite: false,
            refusal: false,
            obligation: false,
        };
        let source = match subject(toks, phrases, text, regions, &pseudo, true, false) {
            Subject::Phrase(s) => Some(s),
            Subject::Inherit => {
                // The noun is the object of a verb: that verb's subject acts ("paid a visit").
                let gi = (0..i).rev().find(|&j| toks[j].group != NONE).map(|j| toks[j].group as usize);
                gi.and_then(|g| subjects.get(g).copied().flatten())
            }
            Subject::None | Subject::Skip => None,
        };
        let trigger = trigger_span(toks, phrases, i, m, m.target);
        for c in &mut consumed[i..m.end.max(i + 1)] {
            *c = true;
        }
        // "talks between Japan and Vietnam": a mutual noun with a compound target and no source.
        let (sources, targets) = match (source, m.target) {
            (Some(s), t) => {
                (source_members(phrases, toks, s), t.map(|t| phrases[t].members.clone()).unwrap_or_default())
            }
            (None, Some(t)) if p.mutual && phrases[t].members.len() > 1 => (phrases[t].members.clone(), Vec::new()),
            _ => {
                note!(trace, "no event \"{}\" ({} {at}): no source actor", &text[trigger], p.code);
                continue;
            }
        };
        if sources.is_empty() {
            continue;
        }
        let negated = groups.iter().any(|g| {
            g.negated && g.head < i && (g.head..i).all(|j| toks[j].group == NONE || j == g.head) && i - g.head <= 3
        });
        if negated && p.not.is_none() {
            note!(trace, "dropped  \"{}\" ({} {at}): negated", &text[trigger], p.code);
            continue;
        }
        note!(trace, "pattern  {at} \"{}\" → {}", p.text, p.code);
        out.push(Candidate {
            code: if negated { p.not.unwrap_or(p.code) } else { p.code },
            negated,
            modality: if question { Modality::Question } else { Modality::Asserted },
            sources,
            targets,
            trigger,
            pattern: at,
            mutual: p.mutual,
        });
    }
}

/// Verbs that stop, forbid or refuse what their object names: "would prohibit all aid to the
/// rebels", "called off the talks with Iran" do not give aid or hold talks.
const CANCELLING: &[&str] = &[
    "abandon",
    "ban",
    "bar",
    "block",
    "boycott",
    "cancel",
    "cease",
    "curtail",
    "cut",
    "delay",
    "deny",
    "end",
    "forbid",
    "freeze",
    "halt",
    "obstruct",
    "oppose",
    "postpone",
    "prevent",
    "prohibit",
    "refuse",
    "reject",
    "restrict",
    "scrap",
    "stop",
    "suspend",
    "terminate",
    "veto",
];

/// The cancelling verb whose object the noun at `i` is, over determiners and modifiers ("halted
/// all further aid to"), if any.
fn cancelling_verb<'d>(coder: &'d Coder, groups: &[VerbGroup], toks: &[Tok], i: usize) -> Option<&'d str> {
    let mut j = i;
    while j > 0 && i - j <= 4 {
        j -= 1;
        let t = &toks[j];
        if t.group != NONE {
            let g = &groups[t.group as usize];
            // A passive verb has no object ("were suspended pending an inquiry").
            if g.head != j || g.passive {
                return None;
            }
            let dict = &coder.compiled;
            return g.lemmas.iter().map(|&l| dict.lemmas[l as usize].as_str()).find(|l| CANCELLING.contains(l));
        }
        let modifier = t.kind == dyad_text::TokenKind::Number
            || t.tags.has(Tags(Tags::DET.0 | Tags::ADJ.0 | Tags::ADV.0 | Tags::NUM.0 | Tags::POSS.0))
            || (t.kind == dyad_text::TokenKind::Word && t.tags == Tags::NONE && t.phrase == NONE && !t.cap);
        if !modifier {
            return None;
        }
    }
    None
}

/// Devices that attack without naming who used them ("killed by a roadside bomb", "wounded in a car
/// bomb explosion"); a bare "explosion" or "blast" may be an accident and is not among them.
const DEVICES: &[&str] = &[
    "bomb",
    "bombs",
    "explosive",
    "explosives",
    "ied",
    "ieds",
    "landmine",
    "landmines",
    "grenade",
    "grenades",
    "sniper",
    "snipers",
    "booby-trap",
    "booby-trapped",
];

/// An unidentified attacker for a passive attack whose agent is a device: "by" or "in" followed
/// within a few words by a device noun, in the verb's clause. The member is `---UAF`, marked
/// `inferred`, with the device words as its text; the country comes later from the place.
fn device_attacker(toks: &[Tok], text: &str, from: usize, limit: usize) -> Option<Member> {
    let prep = (from..limit.min(from + 3))
        .find(|&i| toks[i].tags.has(Tags::BY) || text[toks[i].span].eq_ignore_ascii_case("in"))?;
    let mut i = prep + 1;
    while i < limit && i <= prep + 5 {
        let t = &toks[i];
        let w = text[t.span].to_ascii_lowercase();
        if DEVICES.contains(&w.as_str()) {
            let span = toks[prep + 1].span.cover(t.span);
            return Some(Member {
                kind: MemberKind::Agent,
                code: dyad_model::ActorCode { country: None, group: None, agents: vec!["UAF".into()] },
                name: None,
                span,
                form: None,
                gender: None,
                plural: false,
                human: false,
                resolved_by: Some("inferred"),
            });
        }
        if t.phrase != NONE || t.group != NONE || t.kind == dyad_text::TokenKind::Punct || t.tags.has(Tags::PREP) {
            return None;
        }
        i += 1;
    }
    None
}

/// The one country the sentence places its events in ("in Baghdad", "in Nepal"), if exactly one.
fn place_of(toks: &[Tok], phrases: &[Phrase], text: &str) -> Option<Member> {
    // Named places first; a country adjective before a noun ("in the current Palestinian
    // uprising", "in an Italian referendum") places the event only when no place is named, so it
    // does not cancel "in Tel Aviv". Before a part of a place ("the Iraqi city of Basra") it
    // counts as named.
    let mut named: Option<Option<&Member>> = None;
    let mut described: Option<Option<&Member>> = None;
    let report = crate::places::trailing_report(toks, text);
    for p in phrases.iter().filter(|p| p.start < report && !in_parentheses(toks, text, p.start)) {
        let place_prep = locative_before(toks, text, p.start);
        let Some(m) = p.members.first() else { continue };
        if !place_prep || p.members.len() != 1 || !matches!(m.kind, crate::resolve::MemberKind::Country) {
            continue;
        }
        let adjective = m.form == Some(dyad_dict::CountryForm::Adjective)
            && !p.pronoun
            && !toks.get(p.end).is_some_and(|t| PLACE_PARTS.contains(&text[t.span].to_ascii_lowercase().as_str()));
        let slot = if adjective { &mut described } else { &mut named };
        match slot {
            None => *slot = Some(Some(m)),
            Some(Some(f)) if f.code.country != m.code.country => *slot = Some(None),
            _ => {}
        }
    }
    let found = match named {
        Some(found) => found,
        None => described.flatten(),
    };
    found.map(|m| {
        let mut place = m.clone();
        place.code.agents.clear();
        place.resolved_by = Some("place");
        place
    })
}

/// Whether token `i` is inside an unclosed "(" ("the Islamic State group (outlawed in Russia)
/// claimed …"): an aside, not where the event happened.
fn in_parentheses(toks: &[Tok], text: &str, i: usize) -> bool {
    let mut depth = 0i32;
    for t in &toks[..i] {
        if t.is_punct(text, "(") {
            depth += 1;
        } else if t.is_punct(text, ")") {
            depth -= 1;
        }
    }
    depth > 0
}

/// Nouns of parts of a place: "in the east of the Gaza Strip", "in the capital city of Algiers".
const PLACE_PARTS: &[&str] = &[
    "city",
    "capital",
    "town",
    "village",
    "province",
    "region",
    "district",
    "enclave",
    "area",
    "areas",
    "part",
    "parts",
    "east",
    "west",
    "north",
    "south",
    "centre",
    "center",
    "heart",
    "outskirts",
    "suburbs",
    "sector",
    "streets",
    "state",
    "county",
    "port",
    "border",
];

/// Whether a locative preposition governs the phrase starting at token `start`, over its
/// modifiers and a part-of-place noun ("in the occupied West Bank", "in the east of Gaza").
fn locative_before(toks: &[Tok], text: &str, start: usize) -> bool {
    let mut j = start;
    let mut steps = 0;
    while j > 0 && steps < 7 {
        j -= 1;
        steps += 1;
        let t = &toks[j];
        let w = text[t.span].to_ascii_lowercase();
        if matches!(w.as_str(), "in" | "at" | "near" | "across" | "throughout" | "outside") {
            return true;
        }
        if t.phrase != NONE || t.group != NONE || t.kind == dyad_text::TokenKind::Punct {
            return false;
        }
        if w == "of" {
            // Only a part of a place continues ("the east of", "outside of"); "in support of
            // Israel" does not.
            let before = j.checked_sub(1).map(|k| text[toks[k].span].to_ascii_lowercase()).unwrap_or_default();
            if !PLACE_PARTS.contains(&before.as_str()) && before != "outside" {
                return false;
            }
            continue;
        }
        let modifier = t.tags.has(Tags(Tags::DET.0 | Tags::ADJ.0 | Tags::ADV.0))
            || (t.kind == dyad_text::TokenKind::Word
                && t.tags == Tags::NONE
                && (!t.cap || crate::phrases::looks_adjectival(&w)));
        if !modifier {
            return false;
        }
    }
    false
}

/// A pattern's target that is only a place in the source's own country ("declared a ceasefire in
/// south Lebanon" by a Lebanese group) is the setting, not a party: the event has no target.
/// Acts done to a place keep it — protests (see `place_targets`), force and coercion (roots 14–20:
/// "declared a state of siege in Haiti") and easing them (081: "lifted a curfew in Haiti").
fn domestic_place_targets(out: &mut [Candidate], toks: &[Tok], text: &str) {
    let on_a_place = |c: &Candidate| c.code.root_number() >= 14 || c.code.as_str().starts_with("081");
    for c in out.iter_mut().filter(|c| !c.targets.is_empty() && !on_a_place(c)) {
        let Some(home) = c.sources.first().and_then(|s| s.code.country.clone()) else { continue };
        if dyad_dict::GENERIC_COUNTRIES.contains(&home.as_str())
            || !c.sources.iter().all(|s| s.code.country.as_deref() == Some(home.as_str()))
        {
            continue;
        }
        c.targets.retain(|m| {
            let place = m.kind == MemberKind::Country
                && m.code.agents.is_empty()
                && m.code.country.as_deref() == Some(home.as_str())
                && m.resolved_by.is_none();
            !(place
                && toks
                    .iter()
                    .position(|t| t.span.start == m.span.start)
                    .is_some_and(|i| locative_before(toks, text, i)))
        });
    }
}

/// Protests, shows of force, attacks and claims of responsibility reported with a place but no
/// target are directed at the place's country ("staged a protest in Beijing", "conducting
/// exercises in Alaska"); a military act at home is not.
fn place_targets(out: &mut [Candidate], place: Option<&Member>, phrases: &[Phrase]) {
    for c in out.iter_mut().filter(|c| c.targets.is_empty()) {
        let root = c.code.root_number();
        if let Some(gov) = (root == 14).then(|| own_government(c, place, phrases)).flatten() {
            c.targets = vec![gov];
            continue;
        }
        let Some(place) = place else { continue };
        let foreign = !c.sources.iter().any(|s| s.code.country == place.code.country);
        // A claim of responsibility is for an act done at the place ("claimed responsibility for
        // an attack in Kenya's capital").
        let claim = c.code.as_str() == "015";
        if root == 14 || ((matches!(root, 15 | 18 | 19 | 20) || claim) && foreign) {
            c.targets = vec![place.clone()];
        }
    }
}

/// A protest by people of a country that names no one it is against — neither a target nor any
/// other country in the sentence, and no foreign place — is directed at that country's government,
/// as PLOVER and CAMEO coders read domestic protests ("Nepalese opposition parties organised a
/// general strike"). The target is marked `inferred` and points at the trigger (an empty span).
fn own_government(c: &Candidate, place: Option<&Member>, phrases: &[Phrase]) -> Option<Member> {
    /// Sectors of the state itself: their protests are not against their own government.
    const STATE: &[&str] = &["GOV", "MIL", "COP", "SPY", "UAF"];
    let first = c.sources.first()?;
    let country = first.code.country.clone()?;
    if dyad_dict::GENERIC_COUNTRIES.contains(&country.as_str()) {
        return None;
    }
    let non_state = |m: &Member| {
        m.code.country.as_deref() == Some(country.as_str())
            && match m.code.agents.first() {
                Some(a) => !STATE.contains(&a.as_str()),
                // "Palestinians", "thousands of Romanians": a country's people, not the state.
                None => m.form == Some(dyad_dict::CountryForm::People),
            }
    };
    if !c.sources.iter().all(non_state) {
        return None;
    }
    if place.is_some_and(|p| p.code.country.as_deref() != Some(country.as_str())) {
        return None;
    }
    let other_party =
        phrases.iter().flat_map(|p| &p.members).any(|m| m.code.country.as_deref().is_some_and(|k| k != country));
    if other_party {
        return None;
    }
    let mut gov = first.clone();
    gov.kind = MemberKind::Agent;
    gov.code = dyad_model::ActorCode { country: Some(country), group: None, agents: vec!["GOV".into()] };
    gov.name = None;
    gov.form = None;
    gov.human = false;
    gov.plural = false;
    gov.span = Span::new(c.trigger.start, c.trigger.start);
    gov.resolved_by = Some("inferred");
    Some(gov)
}

/// Sector agents named without a country ("the rebels", "demonstrators") take the country the
/// sentence places the event in, or else the other party's when the agent is a domestic one
/// (civilians, opposition, police …), as news reports domestic events; marked as resolved from
/// context. An NGO left without a country is the generic NGO.
fn fill_countries(out: &mut [Candidate], place: Option<String>) {
    const DOMESTIC: &[&str] = &[
        "CVL", "OPP", "REB", "COP", "JUD", "LEG", "LAB", "EDU", "BUS", "MED", "REL", "HLH", "ELI", "REF", "CRM", "PTY",
        "JRN", "AGR", "UAF",
    ];
    for c in out.iter_mut() {
        // Only a state passes its country on; an IGO, NGO or region does not.
        let counterpart = |side: &[Member], states: bool| {
            side.iter()
                .filter(|m| states || m.kind != MemberKind::Country)
                .find_map(|m| m.code.country.clone())
                .filter(|c| !dyad_dict::GENERIC_COUNTRIES.contains(&c.as_str()))
        };
        // A state named as a whole is a foreign counterpart more often than the home of the agent
        // acting on it ("Congress barred aid to Guatemala", "hackers attacked Estonia"), except
        // for the civilians living there ("ethnic Turks protested against Sweden"); the state's
        // own agents are ("police detained the Russian opposition leader").
        let (from_state, from_agents) = (counterpart(&c.targets, true), counterpart(&c.targets, false));
        let from_sources = counterpart(&c.sources, true);
        for (is_source, side) in [(true, &mut c.sources), (false, &mut c.targets)] {
            for m in side.iter_mut() {
                if !m.needs_country() {
                    continue;
                }
                let first = m.code.agents.first().map(String::as_str);
                let domestic = first.is_some_and(|a| DOMESTIC.contains(&a));
                let other = match (is_source, first == Some("CVL")) {
                    (false, _) => from_sources.clone(),
                    (true, true) => from_state.clone(),
                    (true, false) => from_agents.clone(),
                };
                let country = place.clone().or(if domestic { other } else { None });
                if let Some(country) = country {
                    m.code.country = Some(country);
                    m.resolved_by = Some("context");
                } else if m.code.agents.first().is_some_and(|a| a == "NGO") {
                    // "a human rights group" of no country is CAMEO's generic NGO.
                    m.code.agents.remove(0);
                    m.code.country = Some("NGO".into());
                }
            }
        }
    }
}
