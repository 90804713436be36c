//! Dyad's event coder: turns a [`Document`] into [`Event`] records with a shallow,
//! dictionary-driven parse — actor phrases, verb groups, event patterns and frames — and
//! explains every event by its sentence, trigger and pattern.
//!
//! [`Coder::code`] is a pure function of the document and the loaded dictionaries: no I/O, no
//! globals; a `Coder` is `Send + Sync`, so documents are coded in parallel.
//!
//! ```
//! use dyad_coder::Coder;
//! use dyad_dict::Dictionaries;
//! use dyad_model::Document;
//!
//! let (dicts, _) = Dictionaries::from_files(&[
//!     ("actors/countries.txt".into(), "Japan: JPN\n  adjectives: Japanese\nVietnam: VNM\n".into()),
//!     ("actors/agents.txt".into(), "prime minister: GOV\n".into()),
//!     ("verbs/04-consult.txt".into(), "042  visit $T\n".into()),
//! ]);
//! let coder = Coder::new(dicts);
//! let mut doc = Document::from_text("The Japanese prime minister visited Vietnam on Monday.");
//! doc.published = chrono::NaiveDate::from_ymd_opt(2017, 1, 16);
//! let events = coder.code(&doc);
//! assert_eq!(events.len(), 1);
//! assert_eq!(events[0].source.code, "JPNGOV");
//! assert_eq!(events[0].target.as_ref().unwrap().code, "VNM");
//! assert_eq!(events[0].cameo.as_str(), "042");
//! ```
#![deny(missing_docs)]

mod analysis;
mod discourse;
mod events;
mod matching;
mod phrases;
mod resolve;
mod sentence;
mod subjects;
mod verbs;

pub use events::SentenceTrace;

use dyad_dict::{Compiled, Dictionaries};
use dyad_model::{Codebook, Document, Event};
use dyad_text::Lexicon;

/// A frozen, shareable event coder built from dictionaries.
#[derive(Clone, Debug)]
pub struct Coder {
    pub(crate) dicts: Dictionaries,
    pub(crate) compiled: Compiled,
    pub(crate) codebook: Codebook,
    pub(crate) lexicon: Lexicon,
}

impl Coder {
    /// Compiles the dictionaries into a coder.
    pub fn new(dicts: Dictionaries) -> Coder {
        let compiled = dicts.compile();
        Coder { dicts, compiled, codebook: Codebook::standard(), lexicon: Lexicon::new() }
    }

    /// A coder over the dictionaries built into Dyad.
    pub fn embedded() -> Coder {
        Coder::new(Dictionaries::embedded_unchecked())
    }

    /// Codes every coded block (body and headings) of a document.
    pub fn code(&self, doc: &Document) -> Vec<Event> {
        events::code_document(self, doc, None)
    }

    /// Codes a document and also returns how many sentences were read, for throughput figures.
    pub fn code_counting(&self, doc: &Document) -> (Vec<Event>, usize) {
        let mut sentences = 0;
        let events = events::code_document_counting(self, doc, None, &mut sentences);
        (events, sentences)
    }

    /// Codes a document and records, sentence by sentence, which entries matched, which pattern
    /// fired and why an event was or was not produced.
    pub fn explain(&self, doc: &Document) -> (Vec<Event>, Vec<SentenceTrace>) {
        let mut traces = Vec::new();
        let events = events::code_document(self, doc, Some(&mut traces));
        (events, traces)
    }

    /// The dictionaries the coder was built from.
    pub fn dictionaries(&self) -> &Dictionaries {
        &self.dicts
    }

    /// The CAMEO codebook used for scores and PLOVER categories.
    pub fn codebook(&self) -> &Codebook {
        &self.codebook
    }
}

#[cfg(test)]
mod send_sync {
    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn coder_is_send_and_sync() {
        assert_send_sync::<super::Coder>();
    }
}
