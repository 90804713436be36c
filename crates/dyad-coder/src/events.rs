//! From candidates to records: compound actors expanded into one event per pair, duplicates
//! dropped, codes turned into Goldstein scores, quad classes and PLOVER categories.

use crate::Coder;
use crate::discourse::Memory;
use crate::resolve::{Member, Resolver};
use crate::sentence::{Candidate, PlaceContext, code_sentence};
use dyad_model::{
    ActorRef, DatePrecision, DateSource, Document, Event, FigureRecord, QuoteRecord, Span, Trigger, event_id,
};
use dyad_text::{fold, sentences};

/// What the coder saw and decided in one sentence, for `dyad dict explain`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SentenceTrace {
    /// The sentence text.
    pub sentence: String,
    /// One line per decision, in order.
    pub notes: Vec<String>,
}

/// Which record types to produce besides events.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RecordKinds {
    /// Quotations with their speakers.
    pub quotes: bool,
    /// Figures with what they count.
    pub figures: bool,
}

/// Everything coded from one document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Records {
    /// Events.
    pub events: Vec<Event>,
    /// Quotations (when asked for).
    pub quotes: Vec<QuoteRecord>,
    /// Figures (when asked for).
    pub figures: Vec<FigureRecord>,
    /// Sentences read.
    pub sentences: usize,
    /// The spans of the sentences of the coded blocks, in order: position = `sentence_index`
    /// (a store keeps them so full-text search finds sentences without events too).
    pub spans: Vec<Span>,
}

pub(crate) fn code_document(coder: &Coder, doc: &Document, traces: Option<&mut Vec<SentenceTrace>>) -> Vec<Event> {
    code_records(coder, doc, RecordKinds::default(), traces).events
}

/// The countries a document names, most often first: the context for resolving places.
fn document_countries(coder: &Coder, hits: &[dyad_dict::NameHit]) -> Vec<String> {
    let mut counts: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    for h in hits {
        for k in &h.kinds {
            if let dyad_dict::NameKind::Country(c, _) = k {
                *counts.entry(coder.dicts.countries[*c as usize].code.as_str()).or_default() += 1;
            }
        }
    }
    let mut v: Vec<(&str, usize)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    v.into_iter().map(|(c, _)| c.to_string()).collect()
}

pub(crate) fn code_records(
    coder: &Coder,
    doc: &Document,
    kinds: RecordKinds,
    mut traces: Option<&mut Vec<SentenceTrace>>,
) -> Records {
    let text = doc.body.as_str();
    let lower = fold(text);
    let hits = coder.compiled.find_names(text, &lower);
    let res = Resolver { dicts: &coder.dicts, date: doc.published };
    let countries = document_countries(coder, &hits);
    let geo = coder.gazetteer();
    let place_ctx = geo.map(|geo| PlaceContext { geo, countries: &countries });
    let mut memory = Memory::default();
    let mut records = Records::default();
    let mut actors: Vec<(usize, Member)> = Vec::new();
    let mut index = 0;
    for block in doc.blocks_or_body() {
        if !block.kind.is_coded() {
            continue;
        }
        let first_in_block = index;
        let mut sentence_spans = Vec::new();
        for span in sentences(text, block.span) {
            let mut notes = traces.as_ref().map(|_| Vec::new());
            let found =
                code_sentence(coder, text, &lower, span, &hits, &res, &mut memory, place_ctx.as_ref(), notes.as_mut());
            // Dates are only read where there is an event to date (most sentences have none).
            let mut dates =
                if found.candidates.is_empty() { Vec::new() } else { dyad_text::find_dates(text, span, doc.published) };
            // "a 1994 agreement", "the 2015 deal": a year naming a thing is not the event's date.
            dates.retain(|d| !(d.precision == dyad_model::DatePrecision::Year && after_determiner(text, d.span.start)));
            let before = records.events.len();
            for c in &found.candidates {
                let place = crate::places::place_for(&found.places, c.trigger);
                let when = dates.iter().min_by_key(|d| distance(d.span, c.trigger));
                let context = EventContext { sentence: span, index, block: block.kind, place, date: when };
                expand(coder, doc, &context, c, &mut records.events);
            }
            if let (Some(t), Some(mut notes)) = (traces.as_deref_mut(), notes) {
                for e in &records.events[before..] {
                    notes.push(format!(
                        "event    {} → {} {} ({}){}{}",
                        e.source.code,
                        e.target.as_ref().map(|t| t.code.as_str()).unwrap_or("-"),
                        e.cameo,
                        coder.codebook.get(e.cameo).map(|i| i.name.as_str()).unwrap_or(""),
                        e.date
                            .filter(|_| e.date_source == DateSource::Text)
                            .map(|d| format!(" on {d}"))
                            .unwrap_or_default(),
                        e.location.as_ref().map(|l| format!(" in {}", l.name)).unwrap_or_default(),
                    ));
                }
                t.push(SentenceTrace { sentence: text[span].to_string(), notes });
            }
            if kinds.figures {
                figures(doc, span, index, &found.actors, &mut records.figures);
            }
            if kinds.quotes {
                actors.extend(found.actors.into_iter().map(|m| (index, m)));
            }
            sentence_spans.push(span);
            index += 1;
        }
        if kinds.quotes {
            quotes(doc, block.span, first_in_block, &sentence_spans, &actors, &mut records.quotes);
        }
        records.spans.extend(sentence_spans);
    }
    records.sentences = index;
    records
}

/// Whether the word before `at` is a determiner or possessive ("a", "the", "its").
fn after_determiner(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end();
    let word = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    matches!(word.to_ascii_lowercase().as_str(), "a" | "an" | "the" | "its" | "their" | "his" | "her" | "this" | "that")
}

fn distance(a: Span, b: Span) -> usize {
    if a.end <= b.start { b.start - a.end } else { a.start.saturating_sub(b.end) }
}

/// Quotations of a block, their speakers resolved to the actors coded at those words.
fn quotes(
    doc: &Document,
    block: Span,
    first: usize,
    spans: &[Span],
    actors: &[(usize, Member)],
    out: &mut Vec<QuoteRecord>,
) {
    let text = doc.body.as_str();
    for q in dyad_text::find_quotes(text, block) {
        let sentence_index =
            first + spans.iter().position(|s| s.contains(Span::new(q.span.start, q.span.start))).unwrap_or(0);
        let speaker = q.speaker.and_then(|sp| {
            actors
                .iter()
                .find(|(_, m)| {
                    m.span.start < sp.end && sp.start < m.span.end && m.code.country.is_some() || m.span == sp
                })
                .map(|(_, m)| actor_ref(text, m))
        });
        let id = blake3::hash(format!("{}\u{1f}q\u{1f}{}", doc.id, q.span.start).as_bytes()).to_hex()[..16].to_string();
        out.push(QuoteRecord {
            record: "quote".into(),
            quote_id: id,
            doc_id: doc.id.clone(),
            url: doc.url.clone(),
            sentence_index,
            date: doc.published,
            text: text[q.span].to_string(),
            start: q.span.start,
            end: q.span.end,
            speaker,
            speaker_text: q.speaker.map(|s| text[s].to_string()),
            verb: q.verb.map(|v| text[v].to_string()),
        });
    }
}

/// Figures of a sentence, linked to the actors the sentence names.
fn figures(doc: &Document, sentence: Span, index: usize, actors: &[Member], out: &mut Vec<FigureRecord>) {
    let text = doc.body.as_str();
    let quantities = dyad_text::find_quantities(text, sentence);
    if quantities.is_empty() {
        return;
    }
    let refs: Vec<ActorRef> = actors.iter().filter(|m| !m.code.is_empty()).map(|m| actor_ref(text, m)).collect();
    for q in quantities {
        let id = blake3::hash(format!("{}\u{1f}f\u{1f}{}", doc.id, q.span.start).as_bytes()).to_hex()[..16].to_string();
        out.push(FigureRecord {
            record: "figure".into(),
            figure_id: id,
            doc_id: doc.id.clone(),
            url: doc.url.clone(),
            sentence_index: index,
            sentence: text[sentence].to_string(),
            date: doc.published,
            text: text[q.span].to_string(),
            start: q.span.start,
            end: q.span.end,
            value: q.value,
            unit: q.unit,
            counted: q.counted,
            approximate: q.approximate,
            actors: refs.clone(),
        });
    }
}

/// Where an event sits: its sentence, block, place and date mention.
struct EventContext<'a> {
    sentence: Span,
    index: usize,
    block: dyad_model::BlockKind,
    place: Option<&'a crate::places::PlaceMention>,
    date: Option<&'a dyad_text::DateMention>,
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
fn expand(coder: &Coder, doc: &Document, cx: &EventContext, c: &Candidate, out: &mut Vec<Event>) {
    let text = doc.body.as_str();
    let mut pairs: Vec<(&Member, Option<&Member>)> = Vec::new();
    let reciprocal = c.targets.is_empty() && c.mutual && c.sources.len() > 1;
    if c.targets.is_empty() {
        if reciprocal {
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
        if let Some(t) = t
            && (t.span == s.span || t.code == s.code)
        {
            continue;
        }
        let source = actor_ref(text, s);
        let target = t.map(|t| actor_ref(text, t));
        let tcode = target.as_ref().map(|t| t.code.as_str()).unwrap_or("");
        let id = event_id(&doc.id, cx.index, c.trigger.start, &source.code, tcode, c.code.as_str());
        if out.iter().rev().take(16).any(|e| e.event_id == id) {
            continue;
        }
        out.push(Event {
            event_id: id,
            doc_id: doc.id.clone(),
            url: doc.url.clone(),
            sentence_index: cx.index,
            sentence: text[cx.sentence].to_string(),
            sentence_start: cx.sentence.start,
            date: cx.date.map(|d| d.date).or(doc.published),
            date_precision: cx.date.map(|d| d.precision).or(doc.published.map(|_| DatePrecision::Day)),
            date_source: match (cx.date, doc.published) {
                (Some(_), _) => DateSource::Text,
                (None, Some(_)) => DateSource::Publication,
                (None, None) => DateSource::None,
            },
            source,
            target,
            cameo: c.code,
            cameo_root: c.code.root(),
            plover: info.plover.clone(),
            goldstein: info.goldstein,
            quad_class: info.quad_class,
            location: cx.place.map(|p| p.location.clone()),
            trigger: Trigger { text: text[c.trigger].to_string(), start: c.trigger.start, end: c.trigger.end },
            pattern: c.pattern.clone(),
            negated: c.negated,
            reciprocal,
            modality: c.modality,
            block: cx.block,
        });
    }
}
