//! The event record: the contract every sink derives from (DESIGN §5). Field names are stable.

use crate::{BlockKind, CameoCode, Plover, Span};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One actor as it appears in an event: the words, the resolved code and its parts.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ActorRef {
    /// The words in the sentence that name the actor ("Kazakh foreign minister Mukhtar Tileuberdi").
    pub text: String,
    /// Full code, country + group + agents ("KAZGOV").
    pub code: String,
    /// Country or generic class (ISO alpha-3, IGO, NGO …), if known.
    pub country: Option<String>,
    /// Sector agents ("GOV", "MIL" …).
    pub agents: Vec<String>,
    /// Canonical name of the person, organisation or country.
    pub name: Option<String>,
    /// Byte offset of `text` in the document body.
    pub start: usize,
    /// End byte offset of `text` in the document body.
    pub end: usize,
    /// How the actor was found when it is not named in the clause itself ("pronoun",
    /// "definite", "possessive", "context", or "inferred" from the sentence before, whose
    /// mention the span then points at); absent for actors named in the clause.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved_by: Option<String>,
}

impl ActorRef {
    /// The span of the actor's words.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// The words that triggered the event.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trigger {
    /// The trigger words as they appear ("arrived in").
    pub text: String,
    /// Byte offset in the document body.
    pub start: usize,
    /// End byte offset in the document body.
    pub end: usize,
}

/// Where an event happened.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// Place name as resolved ("Hanoi").
    pub name: String,
    /// ISO alpha-3 country of the place.
    pub country: Option<String>,
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
    /// GeoNames id when the place came from GeoNames.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geonames_id: Option<u64>,
    /// Byte offsets of the place name in the body, when it was named in the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<usize>,
    /// End byte offset of the place name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<usize>,
}

/// How precisely the event date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    /// A specific day.
    Day,
    /// Some day in a month.
    Month,
    /// Some day in a year.
    Year,
}

/// Where the event date came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// Resolved from words in the clause or sentence ("on Wednesday", "in June 2022").
    Text,
    /// Defaulted to the publication date.
    Publication,
    /// No date at all: the input had none and none was given.
    #[default]
    None,
}

/// Whether the event is asserted as having happened.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// Reported as fact.
    #[default]
    Asserted,
    /// Intended, planned or promised ("will visit", "plans to").
    Future,
    /// Possible or conditional ("might", "could", "if").
    Hypothetical,
    /// Asked about ("Will X attack?").
    Question,
}

/// One coded event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Stable id: a hash of document, sentence, trigger, actors and code.
    pub event_id: String,
    /// Id of the document the event came from.
    pub doc_id: String,
    /// URL of the document, when known.
    pub url: Option<String>,
    /// Zero-based index of the sentence in the document.
    pub sentence_index: usize,
    /// The exact sentence, a slice of the document body.
    pub sentence: String,
    /// Byte offset of the sentence in the body.
    pub sentence_start: usize,
    /// Event date.
    pub date: Option<NaiveDate>,
    /// How precise `date` is.
    pub date_precision: Option<DatePrecision>,
    /// Where `date` came from.
    pub date_source: DateSource,
    /// Who acted.
    pub source: ActorRef,
    /// Who was acted upon; `None` for events without a recipient ("agreed to a ceasefire").
    pub target: Option<ActorRef>,
    /// CAMEO event code.
    pub cameo: CameoCode,
    /// CAMEO root (two digits).
    pub cameo_root: CameoCode,
    /// PLOVER category, mode and contexts.
    pub plover: Plover,
    /// Goldstein score of the code.
    pub goldstein: f32,
    /// GDELT quad class of the code.
    pub quad_class: u8,
    /// Where the event happened.
    pub location: Option<Location>,
    /// The words that triggered the event.
    pub trigger: Trigger,
    /// Dictionary pattern that fired: "file:line".
    pub pattern: String,
    /// True when the clause was negated and the code was changed to its negated reading.
    pub negated: bool,
    /// True for one direction of a reciprocal event ("Japan and Vietnam held talks" gives
    /// JPN→VNM and VNM→JPN); PLOVER writes such events once, with every participant as actor and
    /// no recipient.
    #[serde(default)]
    pub reciprocal: bool,
    /// Asserted, future, hypothetical or question.
    pub modality: Modality,
    /// The document block the sentence lies in.
    pub block: BlockKind,
}

/// Computes the stable event id from the facts that make an event distinct.
pub fn event_id(doc_id: &str, sentence: usize, trigger: usize, source: &str, target: &str, cameo: &str) -> String {
    let key = format!("{doc_id}\u{1f}{sentence}\u{1f}{trigger}\u{1f}{source}\u{1f}{target}\u{1f}{cameo}");
    blake3::hash(key.as_bytes()).to_hex()[..16].to_string()
}
