//! Actor phrases: the noun phrases that name actors, built from dictionary mentions and the words
//! around them — modifiers, possessives, "of"/"from"/"in" attachments, appositions and
//! coordination — and resolved to actor codes on the event's date.

use crate::analysis::{NONE, Tok, Tokens};
use crate::discourse::{Memory, PronounClass};
use crate::resolve::{Member, MemberKind, Resolver};
use dyad_dict::CountryForm;
use dyad_model::Span;
use dyad_text::{Tags, TokenKind};

/// An actor phrase: a token range and one actor per conjunct.
#[derive(Clone, Debug)]
pub(crate) struct Phrase {
    pub start: usize,
    pub end: usize,
    pub members: Vec<Member>,
    /// A pronoun to be resolved from discourse.
    pub pronoun: bool,
    /// A possessive pronoun in front ("its forces"), whose referent gives the country.
    pub possessor: Option<usize>,
    /// For a definite description standing for an earlier actor ("the country"), its class.
    pub anaphor: Option<crate::discourse::PronounClass>,
}

impl Phrase {
    pub fn span(&self, toks: &[Tok]) -> Span {
        toks[self.start].span.cover(toks[self.end - 1].span)
    }
}

/// Whether a token may be part of the core of a name phrase.
fn is_core(t: &Tok, text: &str, first_in_sentence: bool) -> bool {
    if t.mention != NONE {
        return true;
    }
    if t.kind != TokenKind::Word || !t.cap {
        return false;
    }
    // A capitalised function word opens a sentence or a headline, it is not a name.
    if t.tags.0 & !(Tags::ADJ.0 | Tags::NOUN.0 | Tags::MODIFIER_FORMER.0) != 0 {
        return false;
    }
    let _ = (text, first_in_sentence);
    t.word.is_none() || t.tags.has(Tags::ADJ)
}

/// Whether a token may modify a phrase from the left ("former", "senior", "the", "two").
fn is_modifier(t: &Tok, text: &str) -> bool {
    if t.tags.has(Tags::THAT) {
        return false;
    }
    t.kind == TokenKind::Number
        || t.tags.has(Tags(Tags::DET.0 | Tags::POSS.0 | Tags::ADJ.0 | Tags::NUM.0 | Tags::MODIFIER_FORMER.0))
        || (t.kind == TokenKind::Word
            && !t.cap
            && !t.verbal
            && t.tags == Tags::NONE
            && t.mention == NONE
            && looks_adjectival(&text[t.span]))
        || (t.kind == TokenKind::Word && t.tags.has(Tags::ADV) && text[t.span].ends_with("ly"))
}

/// Lower-case words that may modify a name ("ethnic Albanian", "armed Islamist"): adjective
/// endings, so verbs before a name ("match the EU") stay outside the phrase.
pub(crate) fn looks_adjectival(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    ["al", "ic", "ian", "ive", "ous", "ary", "ist", "ish", "ese", "ful", "less", "ent", "ant", "ern"]
        .iter()
        .any(|suf| w.len() > suf.len() + 2 && w.ends_with(suf))
}

/// Nouns for the bodies a state leads ("Saudi-led coalition jets", "US-led alliance troops").
const LED_BODIES: &[&str] = &["coalition", "alliance", "multinational", "international", "joint"];

struct Core {
    start: usize,
    end: usize,
}

/// Finds maximal runs of core tokens, dropping country adjectives that are only the first part of
/// a hyphen compound ("Syrian-backed", "US-led").
fn cores(tk: &Tokens, text: &str) -> Vec<Core> {
    let toks = &tk.toks;
    let n = toks.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if !is_core(&toks[i], text, i == 0) {
            i += 1;
            continue;
        }
        let start = i;
        while i < n && is_core(&toks[i], text, false) {
            // A hyphen inside a run separates two names ("U.S.-Soviet") only between mentions.
            i += 1;
            if i + 1 < n
                && toks[i].is_punct(text, "-")
                && toks[i + 1].mention != NONE
                && toks[i - 1].mention != NONE
                && toks[i + 1].mention != toks[i - 1].mention
            {
                break;
            }
        }
        // "anti-Syria journalist", "anti-American protesters": what follows "anti-" is what the
        // actor opposes, not its country.
        let mut start = start;
        if start >= 2
            && toks[start - 1].is_punct(text, "-")
            && text[toks[start - 2].span].eq_ignore_ascii_case("anti")
            && toks[start].mention != NONE
        {
            let m = toks[start].mention;
            while start < i && toks[start].mention == m {
                start += 1;
            }
        }
        // "Vietnamese-led forces", "Saudi-led coalition troops": the leader's name and the
        // forces it leads are one actor, coded as the leader's.
        if i + 2 < n
            && toks[i].is_punct(text, "-")
            && text[toks[i + 1].span].eq_ignore_ascii_case("led")
            && toks[i - 1].mention != NONE
            && !toks[i + 2].cap
            && (toks[i + 2].mention != NONE
                || (LED_BODIES.contains(&text[toks[i + 2].span].to_ascii_lowercase().as_str())
                    && toks.get(i + 3).is_some_and(|t| t.mention != NONE && !t.cap)))
        {
            i += 2;
            if toks[i].mention == NONE {
                i += 1;
            }
            while i < n && is_core(&toks[i], text, false) {
                i += 1;
            }
        }
        let mut end = i;
        // "Syrian-backed", "NATO-member": the mention before a hyphen and a lower-case word is a
        // modifier of what follows, not an actor.
        if end < n && toks[end].is_punct(text, "-") && end + 1 < n && !toks[end + 1].cap && toks[end].mention == NONE {
            let last = &toks[end - 1];
            if last.mention != NONE {
                end = tk.mentions[last.mention as usize].first;
                i += 2;
            }
        }
        if end > start {
            out.push(Core { start, end });
        }
    }
    out
}

/// Builds every actor phrase of a sentence and records it on the tokens.
/// `lower` is the ASCII-lower-cased body, byte for byte the same offsets as `text`.
pub(crate) fn build(tk: &mut Tokens, text: &str, lower: &str, res: &Resolver, memory: &Memory) -> Vec<Phrase> {
    let mut phrases: Vec<Phrase> = Vec::new();
    for c in cores(tk, text) {
        let toks = &tk.toks;
        let mut start = c.start;
        let mut former = false;
        let mut steps = 0;
        while start > 0 && steps < 4 && is_modifier(&toks[start - 1], text) && toks[start - 1].mention == NONE {
            start -= 1;
            steps += 1;
            former |= toks[start].tags.has(Tags::MODIFIER_FORMER);
        }
        // "anti-Russian activists": the opposed name (left out of the core) and its prefix are
        // modifiers of the phrase.
        if start > 0 && toks[start - 1].mention != NONE {
            let m = toks[start - 1].mention;
            let mut k = start - 1;
            while k > 0 && toks[k - 1].mention == m {
                k -= 1;
            }
            if k >= 2 && toks[k - 1].is_punct(text, "-") && text[toks[k - 2].span].eq_ignore_ascii_case("anti") {
                start = k - 2;
            }
        }
        // "ex-president": the prefix is its own token before a hyphen.
        if start >= 2 && toks[start - 1].is_punct(text, "-") && toks[start - 2].tags.has(Tags::MODIFIER_FORMER) {
            former = true;
            start -= 2;
        }
        let mut end = c.end;
        // A lower-case agent right after the core belongs to it ("Kazakh foreign minister").
        while end < toks.len() && toks[end].mention != NONE && !toks[end].cap {
            end += 1;
        }
        former |= toks[start..end].iter().any(|t| t.tags.has(Tags::MODIFIER_FORMER));
        if let Some(m) = res.member_of(tk, text, start, c.start, end, former) {
            // "military exercises", "police station": an agent alone before a noun is an
            // adjective, not an actor.
            let next = toks.get(end);
            let before_noun = next.is_some_and(|n| {
                n.kind == TokenKind::Word && !n.cap && !n.verbal && n.tags == Tags::NONE && n.mention == NONE
            });
            if !(m.kind == MemberKind::Agent && m.code.country.is_none() && before_noun) {
                let possessor = (start..c.start).find(|&i| {
                    toks[i].tags.has(Tags::POSS) && crate::discourse::class_of(&lower[toks[i].span]).is_some()
                });
                phrases.push(Phrase { start, end, members: vec![m], pronoun: false, possessor, anaphor: None });
            }
        }
    }
    // Pronouns that can stand for actors, where no name phrase already covers them.
    let covered = |i: usize| phrases.iter().any(|p| p.start <= i && i < p.end);
    let mut pronouns = Vec::new();
    for (i, t) in tk.toks.iter().enumerate() {
        let personal = t.tags.has(Tags(Tags::PRON.0 | Tags::PRON_OBJ.0 | Tags::POSS.0));
        if personal && !covered(i) && crate::discourse::class_of(&lower[t.span]).is_some() {
            pronouns.push(Phrase {
                start: i,
                end: i + 1,
                members: Vec::new(),
                pronoun: true,
                possessor: None,
                anaphor: None,
            });
        }
        // "the country", "the alliance", "the two sides", "both sides": definite descriptions of
        // earlier actors.
        let the = text[t.span].eq_ignore_ascii_case("the");
        let both = text[t.span].eq_ignore_ascii_case("both");
        if (the || both) && !covered(i) {
            let from = if the { i + 1 } else { i };
            let words: Vec<&str> =
                tk.toks[from..(from + 2).min(tk.toks.len())].iter().map(|t| &lower[t.span]).collect();
            let class = crate::discourse::definite_class(&words).filter(|&(c, _)| the || c == PronounClass::Pair);
            if let Some((class, len)) = class {
                let end = from + len;
                if !(from..end).any(covered) {
                    pronouns.push(Phrase {
                        start: i,
                        end,
                        members: Vec::new(),
                        pronoun: true,
                        possessor: None,
                        anaphor: Some(class),
                    });
                }
            }
        }
    }
    phrases.extend(pronouns);
    phrases.sort_by_key(|p| p.start);
    phrases.dedup_by(|b, a| b.start < a.end);
    let phrases = attach(phrases, tk, text, lower);
    let mut phrases = coordinate(phrases, tk, lower);
    for p in &mut phrases {
        short_names(p, tk, text, memory);
    }
    // An unknown name is no actor, alone or in a compound ("Congo and Costa Rica" is Costa Rica).
    for p in &mut phrases {
        if p.members.iter().any(|m| m.kind != MemberKind::Unknown) {
            p.members.retain(|m| m.kind != MemberKind::Unknown);
        }
    }
    phrases.retain(|p| p.pronoun || p.members.iter().any(|m| m.kind != MemberKind::Unknown));
    for (pi, p) in phrases.iter().enumerate() {
        for t in &mut tk.toks[p.start..p.end] {
            t.phrase = pi as u32;
        }
    }
    phrases
}

/// Possessives, "of/from/in" attachments and appositions merge adjacent phrases.
fn attach(phrases: Vec<Phrase>, tk: &Tokens, text: &str, lower: &str) -> Vec<Phrase> {
    let toks = &tk.toks;
    let mut out: Vec<Phrase> = Vec::with_capacity(phrases.len());
    for p in phrases {
        // Inside a name an apposition took in ("Forces for Defence of Democracy").
        if out.last().is_some_and(|prev| p.start < prev.end) {
            continue;
        }
        if let Some(prev) = out.last_mut()
            && !prev.pronoun
            && !p.pronoun
            && prev.members.len() == 1
            && p.members.len() == 1
        {
            let between = &toks[prev.end..p.start];
            let gap_words: Vec<&str> = between.iter().map(|t| &lower[t.span]).collect();
            let (a, b) = (&prev.members[0], &p.members[0]);
            // "Russia's foreign minister": the possessor's country fills the possessed.
            if gap_words.len() == 1
                && toks[prev.end].is_possessive(text)
                && a.kind != MemberKind::Person
                && b.kind != MemberKind::Unknown
            {
                let mut m = b.clone();
                if m.needs_country() {
                    m.inherit_country(a);
                }
                m.span = prev.span(toks).cover(p.span(toks));
                prev.end = p.end;
                prev.members = vec![m];
                continue;
            }
            // "the foreign minister of Russia", "officials from Kazakhstan", "authorities in Croatia".
            // Modifiers of the place may come between: "dissidents from military-ruled Myanmar",
            // "refugees from war-torn Syria".
            let modifiers = between.len() <= 5
                && between.iter().enumerate().skip(1).all(|(k, t)| {
                    gap_words[k] == "the"
                        || t.is_punct(text, "-")
                        || (t.kind == TokenKind::Word
                            && !t.cap
                            && t.group == NONE
                            && (t.tags.has(Tags::ADJ)
                                || (t.tags == Tags::NONE
                                    && (gap_words[k].ends_with("ed")
                                        || gap_words[k].contains('-')
                                        || looks_adjectival(gap_words[k])
                                        || between.get(k + 1).is_some_and(|n| n.is_punct(text, "-"))
                                        || between[k - 1].is_punct(text, "-")))))
                });
            let prep_ok = gap_words.first().is_some_and(|p| matches!(*p, "of" | "from" | "in")) && modifiers;
            let moved = gap_words.first() != Some(&"of") && moved_object(toks, lower, prev.start);
            if prep_ok && !moved && prev.possessor.is_none() && a.needs_country() && b.is_country_like() {
                let mut m = a.clone();
                m.inherit_country(b);
                m.span = prev.span(toks).cover(p.span(toks));
                prev.end = p.end;
                prev.members = vec![m];
                continue;
            }
            // "the Albanians of southern Serbia", "the Kurds of Iraq": a people named with the
            // country it lives in is that country's civilians.
            if gap_words.first() == Some(&"of")
                && modifiers
                && prev.possessor.is_none()
                && a.kind == MemberKind::Country
                && a.form == Some(CountryForm::People)
                && b.kind == MemberKind::Country
                && b.is_country_like()
            {
                let mut m = a.clone();
                m.kind = MemberKind::Agent;
                m.form = None;
                m.code.agents = vec!["CVL".into()];
                m.inherit_country(b);
                m.span = prev.span(toks).cover(p.span(toks));
                prev.end = p.end;
                prev.members = vec![m];
                continue;
            }
            // "The main rebel group, Forces for Defence of Democracy (FDD), …": a description,
            // then the group's own name that the dictionaries do not know (unknown, or only a
            // countryless agent word such as "Forces" or "Citizens"): the description codes it.
            if gap_words == [","]
                && a.kind == MemberKind::Agent
                && !toks[prev.end - 1].cap
                && toks[p.start].cap
                && (b.kind == MemberKind::Unknown || b.needs_country())
                && let Some(end) = apposed_name_end(toks, text, lower, p.end)
            {
                let m = a.clone();
                prev.end = end;
                prev.members = vec![m];
                continue;
            }
            // "Salaheddine Sidhoum, Algeria's leading human rights activist,": an unknown name
            // described by the phrase after the comma.
            if gap_words == [","] && a.kind == MemberKind::Unknown && b.kind != MemberKind::Unknown {
                let close = p.end >= toks.len()
                    || toks[p.end].is_punct(text, ",")
                    || toks[p.end].word.is_some()
                    || toks[p.end].tags.has(Tags::REL);
                if close {
                    let mut m = b.clone();
                    m.span = prev.span(toks);
                    prev.end = p.end;
                    prev.members = vec![m];
                    continue;
                }
            }
        }
        out.push(p);
    }
    out
}

/// The end of a proper name in apposition that goes on from token `from` ("… for Defence of
/// Democracy (FDD)"), when a comma or the sentence end closes it.
fn apposed_name_end(toks: &[Tok], text: &str, lower: &str, from: usize) -> Option<usize> {
    let mut i = from;
    while i < toks.len() {
        let t = &toks[i];
        let joiner = matches!(&lower[t.span], "of" | "for" | "and" | "the" | "in")
            && toks.get(i + 1).is_some_and(|n| n.cap && n.kind == TokenKind::Word);
        if (t.kind == TokenKind::Word && t.cap && t.group == NONE && t.mention == NONE) || joiner {
            i += 1;
        } else {
            break;
        }
    }
    let end = i;
    if i < toks.len() && toks[i].is_punct(text, "(") {
        let close = (i + 1..toks.len().min(i + 6)).find(|&k| toks[k].is_punct(text, ")"))?;
        i = close + 1;
    }
    (i >= toks.len() || toks[i].is_punct(text, ",")).then_some(end)
}

/// "the US and Britain", "the US, Russia, and Switzerland", "US and British activists".
fn coordinate(phrases: Vec<Phrase>, tk: &Tokens, lower: &str) -> Vec<Phrase> {
    let toks = &tk.toks;
    let mut out: Vec<Phrase> = Vec::with_capacity(phrases.len());
    let mut pending_commas: Vec<usize> = Vec::new();
    for p in phrases {
        if let Some(prev) = out.last_mut()
            && !prev.pronoun
            && !p.pronoun
        {
            let between: Vec<&str> =
                toks[prev.end..p.start].iter().map(|t| &lower[t.span]).filter(|w| *w != "the").collect();
            let conj = matches!(
                between.as_slice(),
                ["and"] | ["or"] | [",", "and"] | [",", "or"] | ["as", "well", "as"] | ["and", "also"]
            );
            let comma = between.as_slice() == [","];
            // "… bypass Russia, and Washington pledged": an object, then the subject of the next
            // clause, is no compound.
            let object_before = prev.start > 0 && toks[prev.start - 1].verbal;
            let subject_after = toks.get(p.end).is_some_and(|t| t.verbal);
            // ", and" joining two phrases (no list before it) before a verb joins clauses.
            let clause_join = between.as_slice() == [",", "and"] && pending_commas.is_empty() && subject_after;
            // "Sudan, and, with strings attached, Cuba"; an aside before a verb opens a clause.
            let conj = conj || (!subject_after && interrupted_conjunction(&toks[prev.end..p.start], &between));
            let conj = conj && !(object_before && subject_after) && !clause_join;
            let comma = comma && !(object_before && subject_after);
            if conj || comma {
                // Adjectives share the head of the last conjunct: "US and British activists".
                let last = p.members.last().cloned();
                let mut merged = prev.clone();
                if let Some(head) = &last {
                    // "US and British activists": a short name shares the head too when the last
                    // conjunct is an adjective with a head noun.
                    let head_adjective = head.form == Some(CountryForm::Adjective);
                    for m in &mut merged.members {
                        let attributive = m.form == Some(CountryForm::Adjective)
                            || (head_adjective && m.form == Some(CountryForm::Name));
                        if m.kind == MemberKind::Country
                            && attributive
                            && m.code.agents.is_empty()
                            && !head.code.agents.is_empty()
                        {
                            m.code.agents = head.code.agents.clone();
                        }
                    }
                }
                merged.members.extend(p.members.clone());
                merged.end = p.end;
                if comma {
                    // A comma list becomes a compound only when a conjunction closes it.
                    pending_commas.push(out.len() - 1);
                    out.push(p);
                    continue;
                }
                // Fold any pending comma list into this compound.
                if let Some(&first) = pending_commas.first() {
                    let mut all = out[first].clone();
                    for q in out.drain(first + 1..) {
                        all.members.extend(q.members);
                    }
                    all.members.extend(p.members.clone());
                    all.end = p.end;
                    out.truncate(first);
                    out.push(all);
                    pending_commas.clear();
                    continue;
                }
                *prev = merged;
                continue;
            }
        }
        pending_commas.clear();
        out.push(p);
    }
    out
}

/// A name the dictionaries do not know, alone or after a title ("Kim", "President Kim"), is the
/// person named in full earlier in the document whose name has it as a part.
fn short_names(p: &mut Phrase, tk: &Tokens, text: &str, memory: &Memory) {
    if p.pronoun || p.members.len() != 1 {
        return;
    }
    let m = &p.members[0];
    let untitled = m.kind == MemberKind::Unknown;
    let titled = m.kind == MemberKind::Agent && m.code.country.is_none() && m.human;
    if !(untitled || titled) {
        return;
    }
    let unknown: Vec<&Tok> =
        tk.toks[p.start..p.end].iter().filter(|t| t.mention == NONE && t.cap && t.kind == TokenKind::Word).collect();
    let [word] = unknown[..] else { return };
    if let Some(person) = memory.person_named(&text[word.span]) {
        p.members[0] = Member { span: m.span, ..person };
    }
}

/// Verbs that move their object out of a place: "withdrew troops from Syria", "recalled its
/// ambassador from Moscow" name where from, which is the target, not whose troops.
const MOVING_OUT: &[&str] = &[
    "withdraw",
    "withdraws",
    "withdrew",
    "withdrawn",
    "withdrawing",
    "pull",
    "pulls",
    "pulled",
    "pulling",
    "evacuate",
    "evacuates",
    "evacuated",
    "evacuating",
    "recall",
    "recalls",
    "recalled",
    "recalling",
    "redeploy",
    "redeployed",
    "withdrawal",
    "pullout",
    "evacuation",
];

/// Whether the phrase starting at token `start` is the object of a verb (or noun) of moving out,
/// over determiners, possessives, numbers, modifiers and "of" ("pulled all its 2,000 troops",
/// "the withdrawal of some invasion forces").
fn moved_object(toks: &[Tok], lower: &str, start: usize) -> bool {
    let mut i = start;
    while i > 0 {
        i -= 1;
        let t = &toks[i];
        if MOVING_OUT.contains(&&lower[t.span]) {
            return true;
        }
        let filler = t.kind == TokenKind::Number
            || t.tags.has(Tags(Tags::DET.0 | Tags::POSS.0 | Tags::NUM.0 | Tags::ADJ.0 | Tags::ADV.0))
            || &lower[t.span] == "of"
            || (t.kind == TokenKind::Word && !t.cap && t.tags == Tags::NONE && t.group == NONE);
        if !filler || start - i > 5 {
            return false;
        }
    }
    false
}

/// "Sudan, and, with strings attached, Cuba", "Iran and, above all, Cuba": a conjunction whose
/// last conjunct follows a short lower-case aside closed by a comma.
fn interrupted_conjunction(gap: &[Tok], words: &[&str]) -> bool {
    let rest = match words {
        [",", "and" | "or", rest @ ..] | ["and" | "or", rest @ ..] => rest,
        _ => return false,
    };
    let rest = rest.strip_prefix(&[","][..]).unwrap_or(rest);
    let Some((&",", aside)) = rest.split_last() else { return false };
    (1..=4).contains(&aside.len())
        && aside.iter().all(|w| w.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-'))
        && gap.iter().all(|t| t.kind == TokenKind::Punct || !t.cap)
}
