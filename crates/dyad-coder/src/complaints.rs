//! Complaints reported after their content: "Croatian authorities are failing to uphold the
//! rights of refugees, a human rights group protested." The reporting verb is itself the event:
//! its subject criticises (or accuses) the actor the reported clause is about. Like a statement,
//! it is coded only when the reported clause codes nothing itself.

use crate::analysis::{NONE, Tok};
use crate::phrases::Phrase;
use crate::sentence::Candidate;
use crate::verbs::VerbGroup;
use dyad_dict::Compiled;
use dyad_model::{CameoCode, Modality};
use dyad_text::Tags;

/// Reporting verbs that criticise what they report (111), and those that accuse (112).
const CRITICISE: &[&str] = &["protest", "complain", "criticise", "criticize", "condemn", "denounce"];
const ACCUSE: &[&str] = &["charge", "allege", "accuse"];

/// Adds the complaint of a trailing ", <actor> protested [here] [on Wednesday]." clause, with the
/// first actor of the reported clause as its target.
pub(crate) fn postposed(
    groups: &[VerbGroup],
    toks: &[Tok],
    phrases: &[Phrase],
    text: &str,
    dict: &Compiled,
    out: &mut Vec<Candidate>,
) -> Option<()> {
    let g = groups.iter().rev().find(|g| !g.nonfinite)?;
    if g.negated || g.passive || g.modality != Modality::Asserted {
        return None;
    }
    let lemma = dict.lemmas.get(*g.lemmas.first()? as usize)?.as_str();
    let code = if CRITICISE.contains(&lemma) {
        "111"
    } else if ACCUSE.contains(&lemma) {
        "112"
    } else {
        return None;
    };
    // Nothing but adverbs, time words and punctuation after the verb.
    let tail_is_bare = toks[g.head + 1..]
        .iter()
        .all(|t| t.phrase == NONE && t.group == NONE && (!t.tags.has(Tags::PREP) || is_time(t, text)));
    if !tail_is_bare {
        return None;
    }
    // ", <actor phrase> <verb>": the subject right before the verb, a comma right before it.
    let subject = toks.get(g.start.checked_sub(1)?).map(|t| t.phrase).filter(|&p| p != NONE)? as usize;
    let sp = &phrases[subject];
    if sp.pronoun || sp.members.is_empty() || !toks.get(sp.start.checked_sub(1)?)?.is_punct(text, ",") {
        return None;
    }
    // The reported clause is about its first actor.
    let about = phrases.iter().find(|p| p.end <= sp.start && !p.members.is_empty())?;
    if about.members.iter().any(|m| sp.members.iter().any(|s| s.code == m.code)) {
        return None;
    }
    // Only when the reported clause codes nothing itself, as for a statement; what the reporting
    // verb's own patterns read ("protested on …" as a rally) gives way.
    let trigger = toks[g.head].span;
    if out.iter().any(|c| c.trigger.start != trigger.start) {
        return None;
    }
    out.clear();
    out.push(Candidate {
        code: CameoCode::parse(code).ok()?,
        negated: false,
        modality: Modality::Asserted,
        sources: sp.members.clone(),
        targets: about.members.clone(),
        trigger,
        pattern: "complaints.rs: a complaint reported after its content".into(),
        mutual: false,
    });
    Some(())
}

/// "on Wednesday", "here": words that may follow a reporting verb.
fn is_time(t: &Tok, text: &str) -> bool {
    matches!(text[t.span].to_ascii_lowercase().as_str(), "on" | "in" | "at" | "late" | "early")
}
