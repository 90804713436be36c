//! The shapes of the API's answers (documented in `openapi.json`, checked by the API tests).

use crate::names::ActorNames;
use chrono::NaiveDate;
use dyad_model::{Codebook, Event};
use dyad_store::Mention;
use serde::Serialize;

/// Names of GDELT's quad classes, 1 to 4.
pub const QUAD_NAMES: [&str; 4] =
    ["verbal cooperation", "material cooperation", "verbal conflict", "material conflict"];

/// One stored record in a list.
#[derive(Serialize)]
pub struct EventItem {
    /// Mention row id: `GET /v1/events/{id}` shows its evidence.
    pub id: i64,
    /// Aggregate event (one per day, source, target and CAMEO code) it belongs to.
    pub aggregate: i64,
    /// Title of the article.
    pub title: Option<String>,
    /// Outlet of the article.
    pub outlet: Option<String>,
    /// Publication date of the article.
    pub published: Option<NaiveDate>,
    /// Readable names of the source and target codes.
    pub source_name: Option<String>,
    /// See `source_name`.
    pub target_name: Option<String>,
    /// The event record, sentence included.
    pub record: Event,
}

impl EventItem {
    /// From a stored mention.
    pub fn new(m: Mention, names: &ActorNames) -> EventItem {
        EventItem {
            id: m.id,
            aggregate: m.event,
            title: m.title,
            outlet: m.outlet,
            published: m.published,
            source_name: names.name(&m.record.source.code),
            target_name: m.record.target.as_ref().and_then(|t| names.name(&t.code)),
            record: m.record,
        }
    }
}

/// A page of records.
#[derive(Serialize)]
pub struct EventPage {
    /// Records, newest first.
    pub events: Vec<EventItem>,
    /// Pass as `cursor` for the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

/// The article an event came from.
#[derive(Serialize)]
pub struct DocumentInfo {
    /// The article's own id (or a content hash).
    pub doc_id: String,
    /// Link to the article.
    pub url: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// Language tag.
    pub language: Option<String>,
}

/// The sentence an event was coded from.
#[derive(Serialize)]
pub struct SentenceInfo {
    /// Position among the document's coded sentences.
    pub index: usize,
    /// Byte offset of the sentence in the document body.
    pub start: usize,
    /// End byte offset.
    pub end: usize,
    /// The sentence.
    pub text: String,
}

/// Words of the document, by byte offsets into its body.
#[derive(Serialize)]
pub struct SpanText {
    /// The words.
    pub text: String,
    /// Byte offset in the document body.
    pub start: usize,
    /// End byte offset.
    pub end: usize,
}

/// The words behind an event.
#[derive(Serialize)]
pub struct Evidence {
    /// The trigger.
    pub trigger: SpanText,
    /// The source actor's words.
    pub source: SpanText,
    /// The target actor's words.
    pub target: Option<SpanText>,
    /// The place's words, when the place was named.
    pub location: Option<SpanText>,
}

/// A piece of the sentence for display: plain text or one of the evidence roles.
#[derive(Serialize, Debug, PartialEq)]
pub struct Segment {
    /// The text.
    pub text: String,
    /// `trigger`, `source`, `target`, `location`, or `null` for plain text.
    pub role: Option<&'static str>,
}

/// A code with its name.
#[derive(Serialize)]
pub struct CodeName {
    /// The code.
    pub code: String,
    /// Its name in the CAMEO codebook.
    pub name: Option<String>,
}

/// An event's codes, spelled out.
#[derive(Serialize)]
pub struct Codes {
    /// CAMEO code and name.
    pub cameo: CodeName,
    /// CAMEO root and name.
    pub root: CodeName,
    /// PLOVER type (`null` for statements), mode and contexts.
    pub plover: PloverView,
    /// Goldstein score.
    pub goldstein: f32,
    /// GDELT quad class, 1–4.
    pub quad_class: u8,
    /// Its name.
    pub quad_name: Option<&'static str>,
}

/// PLOVER reading.
#[derive(Serialize)]
pub struct PloverView {
    /// The category.
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// The mode.
    pub mode: Option<String>,
    /// Contexts.
    pub context: Vec<String>,
}

/// `GET /v1/events/{id}`.
#[derive(Serialize)]
pub struct EventDetail {
    /// Mention row id.
    pub id: i64,
    /// Aggregate event id.
    pub aggregate: i64,
    /// Number of records of the aggregate event (reports of the same day, dyad and code).
    pub aggregate_mentions: usize,
    /// The record.
    pub record: Event,
    /// The article.
    pub document: DocumentInfo,
    /// The sentence.
    pub sentence: SentenceInfo,
    /// Evidence spans (byte offsets into the body).
    pub evidence: Evidence,
    /// The sentence cut at the evidence, for highlighting.
    pub segments: Vec<Segment>,
    /// Codes with names.
    pub codes: Codes,
    /// Readable name of the source code.
    pub source_name: Option<String>,
    /// Readable name of the target code.
    pub target_name: Option<String>,
}

impl EventDetail {
    /// Builds the evidence view of a stored record.
    pub fn new(m: Mention, aggregate_mentions: usize, names: &ActorNames, codebook: &Codebook) -> EventDetail {
        let e = &m.record;
        let span = |text: &str, start: usize, end: usize| SpanText { text: text.to_string(), start, end };
        let evidence = Evidence {
            trigger: span(&e.trigger.text, e.trigger.start, e.trigger.end),
            source: span(&e.source.text, e.source.start, e.source.end),
            target: e.target.as_ref().map(|t| span(&t.text, t.start, t.end)),
            location: e.location.as_ref().and_then(|l| Some(span(&l.name, l.start?, l.end?))),
        };
        // Actors and places win over the trigger where they overlap: a pattern's trigger often
        // spans its target ("threatened Kazakhstan with sanctions").
        let mut roles: Vec<(&'static str, usize, usize)> = vec![("source", e.source.start, e.source.end)];
        if let Some(t) = &e.target {
            roles.push(("target", t.start, t.end));
        }
        if let Some(l) = &evidence.location {
            roles.push(("location", l.start, l.end));
        }
        roles.push(("trigger", e.trigger.start, e.trigger.end));
        let segments = segments(&e.sentence, e.sentence_start, &roles);
        let name = |c: dyad_model::CameoCode| codebook.get(c).map(|i| i.name.clone());
        let codes = Codes {
            cameo: CodeName { code: e.cameo.to_string(), name: name(e.cameo) },
            root: CodeName { code: e.cameo_root.to_string(), name: name(e.cameo_root) },
            plover: PloverView {
                kind: e.plover.kind.map(|k| k.as_str().to_string()),
                mode: e.plover.mode.clone(),
                context: e.plover.context.clone(),
            },
            goldstein: e.goldstein,
            quad_class: e.quad_class,
            quad_name: QUAD_NAMES.get((e.quad_class as usize).wrapping_sub(1)).copied(),
        };
        EventDetail {
            id: m.id,
            aggregate: m.event,
            aggregate_mentions,
            document: DocumentInfo {
                doc_id: e.doc_id.clone(),
                url: e.url.clone(),
                title: m.title.clone(),
                outlet: m.outlet.clone(),
                published: m.published,
                language: m.language.clone(),
            },
            sentence: SentenceInfo {
                index: e.sentence_index,
                start: e.sentence_start,
                end: e.sentence_start + e.sentence.len(),
                text: e.sentence.clone(),
            },
            evidence,
            segments,
            codes,
            source_name: names.name(&e.source.code),
            target_name: e.target.as_ref().and_then(|t| names.name(&t.code)),
            record: m.record,
        }
    }
}

/// Cuts `sentence` (which starts at body offset `at`) into runs of one role each. Earlier roles
/// in `roles` win where spans overlap; spans outside the sentence (an actor resolved from an earlier
/// sentence) are left out.
pub fn segments(sentence: &str, at: usize, roles: &[(&'static str, usize, usize)]) -> Vec<Segment> {
    let mut role_of: Vec<Option<&'static str>> = vec![None; sentence.len()];
    for &(role, start, end) in roles.iter().rev() {
        let (s, e) = (start.saturating_sub(at), end.saturating_sub(at).min(sentence.len()));
        if start < at || s >= e || !sentence.is_char_boundary(s) || !sentence.is_char_boundary(e) {
            continue;
        }
        role_of[s..e].iter_mut().for_each(|r| *r = Some(role));
    }
    // Spaces at the edge of a marked run stay plain ("threatened " → "threatened").
    let bytes = sentence.as_bytes();
    for _ in 0..2 {
        for i in 0..bytes.len() {
            let edge = i == 0 || i + 1 == bytes.len() || role_of[i - 1] != role_of[i] || role_of[i + 1] != role_of[i];
            if role_of[i].is_some() && bytes[i].is_ascii_whitespace() && edge {
                role_of[i] = None;
            }
        }
    }
    let mut out: Vec<Segment> = Vec::new();
    let mut from = 0;
    for i in 1..=sentence.len() {
        if i == sentence.len() || (role_of[i] != role_of[from] && sentence.is_char_boundary(i)) {
            out.push(Segment { text: sentence[from..i].to_string(), role: role_of[from] });
            from = i;
        }
    }
    out
}

/// One period of a series.
#[derive(Serialize)]
pub struct SeriesPoint {
    /// First day of the period.
    pub start: NaiveDate,
    /// Events.
    pub count: u64,
    /// Sum of Goldstein scores.
    pub goldstein_sum: f64,
    /// Mean Goldstein score; `null` without events.
    pub goldstein_mean: Option<f64>,
    /// Quad class 1.
    pub verbal_cooperation: u64,
    /// Quad class 2.
    pub material_cooperation: u64,
    /// Quad class 3.
    pub verbal_conflict: u64,
    /// Quad class 4.
    pub material_conflict: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_are_cut_at_the_evidence() {
        // "Russia threatened Kazakhstan with sanctions." at body offset 100.
        let s = "Russia threatened Kazakhstan with sanctions.";
        let roles = [("source", 100, 106), ("target", 118, 128), ("location", 5, 9), ("trigger", 107, 143)];
        let segs = segments(s, 100, &roles);
        let view: Vec<(&str, Option<&str>)> = segs.iter().map(|g| (g.text.as_str(), g.role)).collect();
        assert_eq!(
            view,
            [
                ("Russia", Some("source")),
                (" ", None),
                ("threatened", Some("trigger")),
                (" ", None),
                ("Kazakhstan", Some("target")),
                (" ", None),
                ("with sanctions", Some("trigger")),
                (".", None)
            ]
        );
        let joined: String = segs.iter().map(|g| g.text.as_str()).collect();
        assert_eq!(joined, s);
        // Multi-byte text and a span running past the sentence.
        let segs = segments("Кремль осудил Киев.", 0, &[("source", 0, 12), ("target", 26, 99)]);
        assert_eq!(segs[0].text, "Кремль");
        assert_eq!(segs.last().unwrap().role, Some("target"));
        assert_eq!(segs.iter().map(|g| g.text.as_str()).collect::<String>(), "Кремль осудил Киев.");
    }
}
