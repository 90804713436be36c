//! PLOVER/POLECAT records as JSON Lines, one object per event, with the fields of the PLOVER
//! manual's "Data Fields" chapter:
//!
//! ```text
//! id           the event record's id                       (required)
//! date         YYYY-MM-DD                                  (required)
//! actor        [entity]: the source                        (required)
//! recipient    [entity]: the target; absent when there is none
//! event        ["CONSULT"]: the PLOVER category            (required)
//! event_text   [trigger words]
//! quad_code    PLOVER's quad of the category (1–4)
//! mode         [mode] when the CAMEO code implies one; context [contexts]
//! event_loc    {extracted_place, resolved_place, geonameid, lat, lon, country_code}, when located
//! text         the sentence; text_info {sequence (sentence index), start, end (byte offsets)}
//! cite_info    {url, title, publication, language, coder, codebook, version}
//! coder        "dyad VERSION"
//! ```
//!
//! An entity is `{code, sector, sectors, entity_text, identifier_text}`: `code` the country
//! (ISO alpha-3) or class (IGO, NGO …), `sector` the first sector agent in PLOVER's spelling
//! (CAMEO's MED, media, becomes JRN; HLH, health, becomes MED), `entity_text` the words,
//! `identifier_text` the canonical name. Two Dyad extensions keep the CAMEO reading: `cameo`
//! (the code, with leading zeros) and `goldstein`.
//!
//! PLOVER has no category for CAMEO's statements (root 01) and requires a date: such events
//! are skipped, and [`PolecatWriter::skipped`] counts them.

use crate::{DocInfo, EventWriter};
use dyad_model::{ActorRef, Event};
use serde_json::{Value, json};
use std::io::{self, BufWriter, Write};

/// A CAMEO sector agent in PLOVER's spelling.
pub fn plover_sector(agent: &str) -> &str {
    match agent {
        "MED" => "JRN",
        "HLH" => "MED",
        other => other,
    }
}

/// The PLOVER entity object of an actor.
pub fn entity(a: &ActorRef) -> Value {
    let sectors: Vec<&str> = a.agents.iter().map(|s| plover_sector(s)).collect();
    json!({
        "code": a.country.as_deref().unwrap_or(""),
        "sector": sectors.first().copied().unwrap_or(""),
        "sectors": sectors,
        "entity_text": a.text,
        "identifier_text": a.name.as_deref().unwrap_or(&a.text),
    })
}

/// The PLOVER record of an event, or `None` when PLOVER cannot represent it (a statement, or no
/// date).
pub fn plover_record(e: &Event, doc: &DocInfo) -> Option<Value> {
    let kind = e.plover.kind?;
    let date = e.date?;
    let mut r = serde_json::Map::new();
    r.insert("id".into(), json!(e.event_id));
    r.insert("date".into(), json!(date.to_string()));
    r.insert("actor".into(), json!([entity(&e.source)]));
    if let Some(t) = &e.target {
        r.insert("recipient".into(), json!([entity(t)]));
    }
    r.insert("event".into(), json!([kind.as_str()]));
    r.insert("event_text".into(), json!([e.trigger.text]));
    r.insert("quad_code".into(), json!(kind.quad()));
    r.insert("mode".into(), json!(e.plover.mode.iter().collect::<Vec<_>>()));
    r.insert("context".into(), json!(e.plover.context));
    if let Some(l) = &e.location {
        r.insert(
            "event_loc".into(),
            json!({
                "extracted_place": l.name, "resolved_place": l.name, "geonameid": l.geonames_id,
                "lat": l.lat, "lon": l.lon, "country_code": l.country,
            }),
        );
    }
    r.insert("text".into(), json!(e.sentence));
    r.insert(
        "text_info".into(),
        json!({"sequence": e.sentence_index, "start": e.sentence_start, "end": e.sentence_start + e.sentence.len()}),
    );
    r.insert(
        "cite_info".into(),
        json!({
            "url": e.url, "title": doc.title, "publication": doc.outlet, "language": doc.language,
            "coder": "dyad", "codebook": "CAMEO 1.1b3 via CAMEO2PLOVER", "version": env!("CARGO_PKG_VERSION"),
        }),
    );
    r.insert("coder".into(), json!(concat!("dyad ", env!("CARGO_PKG_VERSION"))));
    r.insert("cameo".into(), json!(e.cameo.as_str()));
    r.insert("goldstein".into(), json!(e.goldstein));
    Some(Value::Object(r))
}

/// Writes PLOVER records, one JSON object per line.
pub struct PolecatWriter<W: Write> {
    out: BufWriter<W>,
    skipped: usize,
}

impl<W: Write> PolecatWriter<W> {
    /// Wraps an output.
    pub fn new(out: W) -> Self {
        PolecatWriter { out: BufWriter::new(out), skipped: 0 }
    }

    /// Writes one event with facts about its document.
    pub fn write_with(&mut self, e: &Event, doc: &DocInfo) -> io::Result<()> {
        match plover_record(e, doc) {
            Some(r) => {
                serde_json::to_writer(&mut self.out, &r)?;
                self.out.write_all(b"\n")
            }
            None => {
                self.skipped += 1;
                Ok(())
            }
        }
    }

    /// Events PLOVER could not represent (statements, undated events).
    pub fn skipped(&self) -> usize {
        self.skipped
    }
}

impl<W: Write> EventWriter for PolecatWriter<W> {
    fn write(&mut self, e: &Event) -> io::Result<()> {
        self.write_with(e, &DocInfo::default())
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}
