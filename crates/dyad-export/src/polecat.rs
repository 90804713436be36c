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
//! Reciprocal events ("Japan and Vietnam held talks", coded as JPN→VNM and VNM→JPN) are one
//! PLOVER record with both participants in `actor` and no `recipient`, as the manual says: the
//! direction whose source code sorts first is written, its mirror skipped.
//!
//! PLOVER has no category for CAMEO's statements (root 01) and requires a date: such events
//! are skipped too, and [`PolecatWriter::skipped`] counts every skipped record.

use crate::{DocInfo, EventWriter};
use dyad_model::{ActorRef, Event};
use serde::Serialize;
use std::io::{self, BufWriter, Write};

/// A CAMEO sector agent in PLOVER's spelling.
pub fn plover_sector(agent: &str) -> &str {
    match agent {
        "MED" => "JRN",
        "HLH" => "MED",
        other => other,
    }
}

/// A PLOVER entity object.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Entity<'a> {
    /// Country (ISO alpha-3) or class (IGO, NGO …).
    pub code: &'a str,
    /// First sector, PLOVER spelling.
    pub sector: &'a str,
    /// All sectors.
    pub sectors: Vec<&'a str>,
    /// The words in the text.
    pub entity_text: &'a str,
    /// The canonical name.
    pub identifier_text: &'a str,
}

/// The PLOVER entity object of an actor.
pub fn entity(a: &ActorRef) -> Entity<'_> {
    let sectors: Vec<&str> = a.agents.iter().map(|s| plover_sector(s)).collect();
    Entity {
        code: a.country.as_deref().unwrap_or(""),
        sector: sectors.first().copied().unwrap_or(""),
        sectors,
        entity_text: &a.text,
        identifier_text: a.name.as_deref().unwrap_or(&a.text),
    }
}

#[derive(Serialize)]
struct EventLoc<'a> {
    extracted_place: &'a str,
    resolved_place: &'a str,
    geonameid: Option<u64>,
    lat: f64,
    lon: f64,
    country_code: Option<&'a str>,
}

#[derive(Serialize)]
struct TextInfo {
    sequence: usize,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct CiteInfo<'a> {
    url: Option<&'a str>,
    title: Option<&'a str>,
    publication: Option<&'a str>,
    language: Option<&'a str>,
    coder: &'static str,
    codebook: &'static str,
    version: &'static str,
}

/// One PLOVER record, fields in the manual's order, then Dyad's two extensions.
#[derive(Serialize)]
struct Record<'a> {
    id: &'a str,
    date: String,
    actor: Vec<Entity<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    recipient: Option<[Entity<'a>; 1]>,
    event: [&'static str; 1],
    event_text: [&'a str; 1],
    quad_code: u8,
    mode: Vec<&'a str>,
    context: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    event_loc: Option<EventLoc<'a>>,
    text: &'a str,
    text_info: TextInfo,
    cite_info: CiteInfo<'a>,
    coder: &'static str,
    cameo: &'a str,
    goldstein: f32,
}

/// The PLOVER record of an event as JSON, or `None` when PLOVER cannot represent it (a
/// statement, or no date).
pub fn plover_record(e: &Event, doc: &DocInfo) -> Option<String> {
    let kind = e.plover.kind?;
    let date = e.date?;
    // A reciprocal pair (A→B and B→A) is one PLOVER record with both as actors: keep the
    // direction whose source code sorts first, drop its mirror.
    let reciprocal = e.reciprocal && e.target.is_some();
    if reciprocal && e.target.as_ref().is_some_and(|t| e.source.code > t.code) {
        return None;
    }
    let mut actor = vec![entity(&e.source)];
    if reciprocal {
        actor.extend(e.target.as_ref().map(entity));
    }
    let r = Record {
        id: &e.event_id,
        date: date.to_string(),
        actor,
        recipient: if reciprocal { None } else { e.target.as_ref().map(|t| [entity(t)]) },
        event: [kind.as_str()],
        event_text: [&e.trigger.text],
        quad_code: kind.quad(),
        mode: e.plover.mode.iter().map(String::as_str).collect(),
        context: &e.plover.context,
        event_loc: e.location.as_ref().map(|l| EventLoc {
            extracted_place: &l.name,
            resolved_place: &l.name,
            geonameid: l.geonames_id,
            lat: l.lat,
            lon: l.lon,
            country_code: l.country.as_deref(),
        }),
        text: &e.sentence,
        text_info: TextInfo {
            sequence: e.sentence_index,
            start: e.sentence_start,
            end: e.sentence_start + e.sentence.len(),
        },
        cite_info: CiteInfo {
            url: e.url.as_deref(),
            title: doc.title.as_deref(),
            publication: doc.outlet.as_deref(),
            language: doc.language.as_deref(),
            coder: "dyad",
            codebook: "CAMEO 1.1b3 via CAMEO2PLOVER",
            version: env!("CARGO_PKG_VERSION"),
        },
        coder: concat!("dyad ", env!("CARGO_PKG_VERSION")),
        cameo: e.cameo.as_str(),
        goldstein: e.goldstein,
    };
    serde_json::to_string(&r).ok()
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
                self.out.write_all(r.as_bytes())?;
                self.out.write_all(b"\n")
            }
            None => {
                self.skipped += 1;
                Ok(())
            }
        }
    }

    /// Records not written: statements, undated events, mirrors of reciprocal events.
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
