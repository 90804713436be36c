//! From candidates to records: compound actors expanded into one event per pair, duplicates
//! dropped, codes turned into Goldstein scores, quad classes and PLOVER categories.

use crate::Coder;
use crate::discourse::Memory;
use crate::resolve::{Member, Resolver};
use crate::sentence::{Candidate, code_sentence};
use dyad_model::{ActorRef, DatePrecision, DateSource, Document, Event, Span, Trigger, event_id};
use dyad_text::{fold, sentences};

/// What the coder saw and decided in one sentence, for `dyad dict explain`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SentenceTrace {
    /// The sentence text.
    pub sentence: String,
    /// One line per decision, in order.
    pub notes: Vec<String>,
}

pub(crate) fn code_document(coder: &Coder, doc: &Document, traces: Option<&mut Vec<SentenceTrace>>) -> Vec<Event> {
    let mut n = 0;
    code_document_counting(coder, doc, traces, &mut n)
}

pub(crate) fn code_document_counting(
    coder: &Coder,
    doc: &Document,
    mut traces: Option<&mut Vec<SentenceTrace>>,
    sentence_count: &mut usize,
) -> Vec<Event> {
    let text = doc.body.as_str();
    let lower = fold(text);
    let hits = coder.compiled.find_names(text, &lower);
    let res = Resolver { dicts: &coder.dicts, date: doc.published };
    let mut memory = Memory::default();
    let mut out = Vec::new();
    let mut index = 0;
    for block in doc.blocks_or_body() {
        if !block.kind.is_coded() {
            continue;
        }
        for span in sentences(text, block.span) {
            let mut notes = traces.as_ref().map(|_| Vec::new());
            let cands = code_sentence(coder, text, &lower, span, &hits, &res, &mut memory, notes.as_mut());
            let before = out.len();
            for c in cands {
                expand(coder, doc, span, index, block.kind, &c, &mut out);
            }
            if let (Some(t), Some(mut notes)) = (traces.as_deref_mut(), notes) {
                for e in &out[before..] {
                    notes.push(format!(
                        "event    {} → {} {} ({})",
                        e.source.code,
                        e.target.as_ref().map(|t| t.code.as_str()).unwrap_or("-"),
                        e.cameo,
                        coder.codebook.get(e.cameo).map(|i| i.name.as_str()).unwrap_or("")
                    ));
                }
                t.push(SentenceTrace { sentence: text[span].to_string(), notes });
            }
            index += 1;
        }
    }
    *sentence_count += index;
    out
}

fn actor_ref(text: &str, m: &Member) -> ActorRef {
    ActorRef {
        text: text[m.span].to_string(),
        code: m.code.to_string(),
        country: m.code.country.clone(),
        agents: m.code.agents.clone(),
        name: m.name.clone(),
        start: m.span.start,
        end: m.span.end,
        resolved_by: m.resolved_by.map(str::to_string),
    }
}

/// One event per (source, target) pair; a mutual predicate with a compound source and no target
/// pairs the conjuncts with each other.
fn expand(
    coder: &Coder,
    doc: &Document,
    sentence: Span,
    index: usize,
    block: dyad_model::BlockKind,
    c: &Candidate,
    out: &mut Vec<Event>,
) {
    let text = doc.body.as_str();
    let mut pairs: Vec<(&Member, Option<&Member>)> = Vec::new();
    if c.targets.is_empty() {
        if c.mutual && c.sources.len() > 1 {
            for a in &c.sources {
                for b in &c.sources {
                    if a.span != b.span {
                        pairs.push((a, Some(b)));
                    }
                }
            }
        } else {
            pairs.extend(c.sources.iter().map(|s| (s, None)));
        }
    } else {
        for s in &c.sources {
            for t in &c.targets {
                pairs.push((s, Some(t)));
            }
        }
    }
    let Some(info) = coder.codebook.get(c.code) else { return };
    for (s, t) in pairs {
        if let Some(t) = t {
            if t.span == s.span || t.code == s.code {
                continue;
            }
        }
        let source = actor_ref(text, s);
        let target = t.map(|t| actor_ref(text, t));
        let tcode = target.as_ref().map(|t| t.code.as_str()).unwrap_or("");
        let id = event_id(&doc.id, index, c.trigger.start, &source.code, tcode, c.code.as_str());
        if out.iter().rev().take(16).any(|e| e.event_id == id) {
            continue;
        }
        out.push(Event {
            event_id: id,
            doc_id: doc.id.clone(),
            url: doc.url.clone(),
            sentence_index: index,
            sentence: text[sentence].to_string(),
            sentence_start: sentence.start,
            date: doc.published,
            date_precision: doc.published.map(|_| DatePrecision::Day),
            date_source: if doc.published.is_some() { DateSource::Publication } else { DateSource::None },
            source,
            target,
            cameo: c.code,
            cameo_root: c.code.root(),
            plover: info.plover.clone(),
            goldstein: info.goldstein,
            quad_class: info.quad_class,
            location: None,
            trigger: Trigger { text: text[c.trigger].to_string(), start: c.trigger.start, end: c.trigger.end },
            pattern: c.pattern.clone(),
            negated: c.negated,
            modality: c.modality,
            block,
        });
    }
}
