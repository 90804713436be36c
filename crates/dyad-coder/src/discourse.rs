//! A document-level memory of actors, so pronouns ("he", "it", "they") resolve to the most
//! recent compatible actor, across sentence boundaries.

use crate::resolve::{Member, MemberKind};

/// What a pronoun can stand for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PronounClass {
    Male,
    Female,
    Thing,
    Plural,
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
}

/// The memory of one document.
#[derive(Clone, Debug, Default)]
pub(crate) struct Memory {
    entries: Vec<Entry>,
}

/// How many phrases back a pronoun may reach.
const REACH: usize = 24;

impl Memory {
    /// Records the actors of a phrase ending at byte `end`.
    pub fn observe(&mut self, members: &[Member], end: usize) {
        if members.is_empty() || members.iter().all(|m| m.kind == MemberKind::Unknown) {
            return;
        }
        self.entries.push(Entry { members: members.to_vec(), end });
        if self.entries.len() > 4 * REACH {
            self.entries.drain(..2 * REACH);
        }
    }

    /// Resolves a pronoun at byte `at` to the most recent compatible actor(s) before it.
    pub fn resolve(&self, class: PronounClass, at: usize) -> Vec<Member> {
        let candidates = self.entries.iter().rev().filter(|e| e.end <= at).take(REACH);
        for e in candidates {
            let compound = e.members.len() > 1;
            let m = &e.members[0];
            let ok = match class {
                PronounClass::Male => !compound && m.human && m.gender != Some('f'),
                PronounClass::Female => !compound && m.human && m.gender != Some('m'),
                PronounClass::Thing => !compound && !m.plural && !m.human,
                PronounClass::Plural => compound || m.plural,
            };
            if ok {
                return e.members.iter().map(|m| Member { resolved_by: Some("pronoun"), ..m.clone() }).collect();
            }
        }
        Vec::new()
    }
}
