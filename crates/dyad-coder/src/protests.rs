//! Protests: what a demonstration is against, and what it demands.

use crate::analysis::{NONE, Tok, is_clause_break};
use crate::phrases::Phrase;
use crate::sentence::Candidate;
use dyad_model::CameoCode;
use dyad_text::Tags;

/// A demand made by the protesters of the same sentence is the protest's purpose, not a second
/// event: "rallied against the government, saying the prime minister must resign" is one
/// demonstration for leadership change (1411), as CAMEO refines protests 141–145 by the demand
/// types 1041–1044. The protest keeps its own target, or takes the demand's when it has none and that is not
/// the protesters themselves.
pub(crate) fn fold_demands(out: &mut Vec<Candidate>, trace: Option<&mut Vec<String>>) {
    let mut trace = trace;
    let mut i = 0;
    while i < out.len() {
        let demand = &out[i];
        let protest = (demand.code.root_number() == 10)
            .then(|| {
                out.iter().position(|p| {
                    p.code.root_number() == 14
                        && !p.sources.is_empty()
                        && p.sources.iter().map(|m| &m.code).eq(demand.sources.iter().map(|m| &m.code))
                })
            })
            .flatten();
        let Some(j) = protest else {
            i += 1;
            continue;
        };
        let demand = out.remove(i);
        let p = &mut out[if j > i { j - 1 } else { j }];
        let code = refined(p.code, demand.code);
        if let Some(t) = trace.as_deref_mut() {
            t.push(format!("folded   demand {} into the protest {} → {code}", demand.code, p.code));
        }
        p.code = code;
        let own = demand.targets.iter().any(|t| p.sources.iter().any(|s| s.code == t.code));
        if p.targets.is_empty() && !own {
            p.targets = demand.targets;
        }
    }
}

/// A three-digit protest code refined by a 104x demand: 141 + 1043 → 1413.
fn refined(protest: CameoCode, demand: CameoCode) -> CameoCode {
    let (p, d) = (protest.as_str(), demand.as_str());
    if p.len() == 3 && matches!(p, "141" | "142" | "143" | "144" | "145") && d.len() == 4 && d.starts_with("104") {
        CameoCode::parse(&format!("{p}{}", &d[3..])).unwrap_or(protest)
    } else {
        protest
    }
}

/// Nouns after which "of", "for", "at", "over" or "to" name what a protest is against ("in
/// defiance of Beijing", "to show their disapproval for the US").
const PROTEST_ADJUNCTS: &[&str] = &["defiance", "disapproval", "opposition", "anger", "outrage", "protest"];

/// A protest without a target takes the party an adjunct after it names as opposed: "staged
/// rallies in Gaza against the party's leader", "blocked streets in defiance of Chinese
/// authorities", "during demonstrations against violations by the Israeli military". The search
/// stays in the clause (no comma, no finite verb) and reaches the first actor phrase within a few
/// words of the adjunct's preposition.
pub(crate) fn protest_targets(out: &mut [Candidate], toks: &[Tok], phrases: &[Phrase], text: &str) {
    for c in out.iter_mut().filter(|c| c.targets.is_empty() && c.code.root_number() == 14) {
        let Some(from) = toks.iter().position(|t| t.span.start >= c.trigger.end) else { continue };
        let limit = (from + 16).min(toks.len());
        let mut found = None;
        let mut i = from;
        while i < limit {
            let t = &toks[i];
            let w = text[t.span].to_ascii_lowercase();
            if t.is_punct(text, ",") || is_clause_break(t, text) {
                break;
            }
            // A finite verb starts another clause; "to show", "demanding" continue this one.
            let nonfinite = i > 0 && toks[i - 1].tags.has(Tags::TO) || w.ends_with("ing");
            if t.group != NONE && !nonfinite {
                break;
            }
            let adjunct = w == "against"
                || (PROTEST_ADJUNCTS.contains(&w.as_str())
                    && toks.get(i + 1).is_some_and(|n| {
                        matches!(
                            text[n.span].to_ascii_lowercase().as_str(),
                            "of" | "for" | "at" | "over" | "to" | "against"
                        )
                    }));
            if adjunct {
                found = adjunct_phrase(toks, phrases, text, i + 1);
                break;
            }
            i += 1;
        }
        let Some(p) = found.map(|p| &phrases[p]) else { continue };
        let own = p.members.iter().any(|m| c.sources.iter().any(|s| s.code == m.code));
        if !p.members.is_empty() && !own {
            c.targets = p.members.clone();
        }
    }
}

/// The first actor phrase from token `from`, over determiners, modifiers and the nouns of what is
/// opposed ("the alleged human rights violations by the Israeli military").
fn adjunct_phrase(toks: &[Tok], phrases: &[Phrase], text: &str, from: usize) -> Option<usize> {
    for t in toks.iter().skip(from).take(8) {
        if t.phrase != NONE {
            let p = t.phrase as usize;
            return (!phrases[p].pronoun || !phrases[p].members.is_empty()).then_some(p);
        }
        let w = text[t.span].to_ascii_lowercase();
        let passable = t.kind == dyad_text::TokenKind::Word
            && t.group == NONE
            && (t.tags.has(Tags(Tags::DET.0 | Tags::ADJ.0 | Tags::ADV.0 | Tags::POSS.0))
                || t.tags == Tags::NONE
                || matches!(w.as_str(), "of" | "by" | "for" | "at" | "over" | "to" | "against"));
        if !passable {
            return None;
        }
    }
    None
}
