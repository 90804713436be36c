//! Records beside events: quotations with their speakers and figures with what they count, as
//! GDELT's knowledge graph offers them.

use crate::ActorRef;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A quotation: direct speech in quote marks, or indirect speech ("X said that …").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteRecord {
    /// Always "quote", so mixed JSONL streams say what each line is.
    pub record: String,
    /// Stable id.
    pub quote_id: String,
    /// Document id.
    pub doc_id: String,
    /// Document URL.
    pub url: Option<String>,
    /// Index of the sentence the quotation starts in.
    pub sentence_index: usize,
    /// Date of the document.
    pub date: Option<NaiveDate>,
    /// The quoted words, without quote marks.
    pub text: String,
    /// Byte offset of the quoted words in the body.
    pub start: usize,
    /// End byte offset.
    pub end: usize,
    /// The speaker resolved to an actor, when the credited words name one.
    pub speaker: Option<ActorRef>,
    /// The words credited as speaker, as written ("the minister", "he").
    pub speaker_text: Option<String>,
    /// The reporting verb ("said", "warned").
    pub verb: Option<String>,
}

/// A figure: a quantity with its unit and what it counts, linked to the sentence's actors.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FigureRecord {
    /// Always "figure".
    pub record: String,
    /// Stable id.
    pub figure_id: String,
    /// Document id.
    pub doc_id: String,
    /// Document URL.
    pub url: Option<String>,
    /// Index of the sentence.
    pub sentence_index: usize,
    /// The sentence.
    pub sentence: String,
    /// Date of the document.
    pub date: Option<NaiveDate>,
    /// The figure as written ("at least 40 people").
    pub text: String,
    /// Byte offset in the body.
    pub start: usize,
    /// End byte offset.
    pub end: usize,
    /// The value, scale words applied ("$2 billion" → 2e9).
    pub value: f64,
    /// "%", an ISO currency code or a measure, when stated.
    pub unit: Option<String>,
    /// What is counted ("people", "troops", "aid").
    pub counted: Option<String>,
    /// Hedged ("at least", "about", "hundreds of").
    pub approximate: bool,
    /// The actors named in the sentence.
    pub actors: Vec<ActorRef>,
}
