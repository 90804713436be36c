//! A document-level memory of actors, so pronouns ("he", "it", "they") and definite descriptions
//! ("the country", "the alliance", "the two sides", "the president") resolve to the most recent
//! compatible actor, across sentence and paragraph boundaries.

use crate::resolve::{Member, MemberKind};

/// What a pronoun can stand for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PronounClass {
    Male,
    Female,
    Thing,
    Plural,
    /// "the country", "the nation": a state.
    State,
    /// "the alliance", "the bloc", "the union": an international body.
    Body,
    /// "the group", "the movement", "the organisation": any organisation.
    Group,
    /// "the two sides", "both countries": the last two distinct actors.
    Pair,
}

/// The class of a definite description ("the country") given its noun, or of "two sides" forms.
pub(crate) fn definite_class(words: &[&str]) -> Option<(PronounClass, usize)> {
    match words {
        [
            "two" | "both",
            "sides" | "countries" | "nations" | "governments" | "states" | "neighbours" | "neighbors" | "leaders",
            ..,
        ] => Some((PronounClass::Pair, 2)),
        ["country" | "nation" | "kingdom" | "republic" | "state", ..] => Some((PronounClass::State, 1)),
        ["alliance" | "bloc" | "body" | "union" | "coalition", ..] => Some((PronounClass::Body, 1)),
        ["group" | "movement" | "militia" | "organisation" | "organization" | "faction" | "rebels", ..] => {
            Some((PronounClass::Group, 1))
        }
        _ => None,
    }
}

/// The class of a pronoun, or `None` for words that are not third-person pronouns.
pub(crate) fn class_of(lower: &str) -> Option<PronounClass> {
    Some(match lower {
        "he" | "him" | "his" | "himself" => PronounClass::Male,
        "she" | "her" | "hers" | "herself" => PronounClass::Female,
        "it" | "its" | "itself" => PronounClass::Thing,
        "they" | "them" | "their" | "themselves" => PronounClass::Plural,
        _ => return None,
    })
}

/// One remembered mention: the actors of a phrase and where it ended.
#[derive(Clone, Debug)]
struct Entry {
    members: Vec<Member>,
    end: usize,
    /// The phrase was its sentence's subject; a pronoun opening a sentence prefers subjects.
    subject: bool,
}

/// The memory of one document.
#[derive(Clone, Debug, Default)]
pub(crate) struct Memory {
    entries: Vec<Entry>,
    /// Where the sentence being coded starts: "the two sides" refers to actors before it.
    sentence_start: usize,
    /// Where the sentence before it started: the context an implicit target comes from.
    previous_start: usize,
}

/// How many phrases back a pronoun may reach.
const REACH: usize = 24;

impl Memory {
    /// Marks the start of the next sentence.
    pub fn begin_sentence(&mut self, start: usize) {
        self.previous_start = self.sentence_start;
        self.sentence_start = start;
    }

    /// The one state-level actor, other than `source_country`, that the previous sentence names:
    /// "Tokyo also signed a port agreement" after a sentence on talks between Japan and Vietnam
    /// has Vietnam as its counterpart. `None` unless exactly one such country is salient.
    pub fn salient_counterpart(&self, source_country: &str) -> Option<Member> {
        let (from, to) = (self.previous_start, self.sentence_start);
        if from >= to {
            return None;
        }
        let mut found: Option<&Member> = None;
        let context = self.entries.iter().rev().skip_while(|e| e.end > to).take_while(|e| e.end > from);
        for m in context.flat_map(|e| e.members.iter()) {
            let Some(country) = m.code.country.as_deref() else { continue };
            if country == source_country || dyad_dict::GENERIC_COUNTRIES.contains(&country) {
                continue;
            }
            match found {
                Some(f) if f.code.country.as_deref() != Some(country) => return None,
                // Prefer the state itself over its agents and people.
                Some(f) if !(f.human || f.kind != MemberKind::Country) || m.human => {}
                _ => found = Some(m),
            }
        }
        found.map(|m| Member { resolved_by: Some("inferred"), ..m.clone() })
    }

    /// Records the actors of a phrase ending at byte `end`.
    pub fn observe(&mut self, members: &[Member], end: usize, subject: bool) {
        if members.is_empty() || members.iter().all(|m| m.kind == MemberKind::Unknown) {
            return;
        }
        self.entries.push(Entry { members: members.to_vec(), end, subject });
        if self.entries.len() > 4 * REACH {
            self.entries.drain(..2 * REACH);
        }
    }

    /// Resolves a pronoun at byte `at` to the most recent compatible actor(s) before it.
    pub fn resolve(&self, class: PronounClass, at: usize, prefer_subject: bool) -> Vec<Member> {
        let how = match class {
            PronounClass::State | PronounClass::Body | PronounClass::Group | PronounClass::Pair => "definite",
            _ => "pronoun",
        };
        let mark = |m: &Member| Member { resolved_by: Some(how), ..m.clone() };
        let candidates = self.entries.iter().rev().filter(|e| e.end <= at).take(REACH);
        if class == PronounClass::Pair {
            let mut found: Vec<Member> = Vec::new();
            let before = self.sentence_start.min(at);
            for e in self.entries.iter().rev().filter(|e| e.end <= before).take(REACH) {
                for m in e.members.iter().rev() {
                    let state_like = m.code.country.is_some() && !m.human;
                    if state_like && !found.iter().any(|f| f.code.country == m.code.country) {
                        found.push(mark(m));
                        if found.len() == 2 {
                            return found;
                        }
                    }
                }
            }
            return Vec::new();
        }
        let fits = |e: &Entry| {
            let compound = e.members.len() > 1;
            let m = &e.members[0];
            match class {
                PronounClass::Male => !compound && m.human && !m.plural && m.gender != Some('f'),
                PronounClass::Female => !compound && m.human && !m.plural && m.gender != Some('m'),
                PronounClass::Thing => !compound && !m.plural && !m.human,
                PronounClass::Plural => compound || m.plural,
                PronounClass::State => !compound && m.kind == MemberKind::Country,
                PronounClass::Body => {
                    !compound
                        && m.kind == MemberKind::Organisation
                        && m.code.country.as_deref().is_some_and(|c| c == "IGO" || c == "NGO")
                }
                PronounClass::Group => !compound && m.kind == MemberKind::Organisation,
                PronounClass::Pair => false,
            }
        };
        // A pronoun opening a sentence most often continues the previous subject ("X received
        // the envoy. He thanked …").
        let subjects = candidates.clone().filter(|e| e.subject).take(2);
        let chosen = if prefer_subject { subjects.clone().find(|e| fits(e)) } else { None };
        if let Some(e) = chosen.or_else(|| candidates.clone().find(|e| fits(e))) {
            return e.members.iter().map(mark).collect();
        }
        Vec::new()
    }

    /// The one person named earlier in the document who carries `word` as one of the parts of
    /// their name: news names a person in full once, then by one name ("Kim Jong Un … Kim said",
    /// "Wang Yi … Wang told"). Such short forms are not dictionary names because they are
    /// ambiguous on their own; after the full name they are not. `None` when two people fit.
    pub fn person_named(&self, word: &str) -> Option<Member> {
        let mut found: Option<&Member> = None;
        for m in self.entries.iter().rev().flat_map(|e| e.members.iter()) {
            let Some(name) = m.name.as_deref().filter(|_| m.kind == MemberKind::Person) else { continue };
            if !name.split([' ', '-']).any(|part| part == word) {
                continue;
            }
            match found {
                Some(f) if f.name != m.name => return None,
                _ => found = Some(m),
            }
        }
        found.map(|m| Member { resolved_by: Some("name"), ..m.clone() })
    }

    /// The most recent state named before byte `at`, for agents named without a country ("the
    /// foreign minister", "the government").
    pub fn recent_state(&self, at: usize) -> Option<Member> {
        self.entries
            .iter()
            .rev()
            .filter(|e| e.end <= at)
            .take(REACH)
            .flat_map(|e| e.members.iter().rev())
            .find(|m| {
                m.code.country.as_deref().is_some_and(|c| !dyad_dict::GENERIC_COUNTRIES.contains(&c))
                    && m.kind != MemberKind::Person
            })
            .cloned()
    }
}
