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
mod complaints;
mod discourse;
mod events;
mod matching;
mod phrases;
mod places;
mod protests;
mod resolve;
mod sentence;
mod subjects;
mod verbs;

pub use events::{RecordKinds, Records, SentenceTrace};

use dyad_dict::{Compiled, Dictionaries};
use dyad_geo::Gazetteer;
use dyad_model::{Codebook, Document, Event};
use dyad_text::Lexicon;
use std::sync::{Arc, OnceLock};

/// A frozen, shareable event coder built from dictionaries.
#[derive(Clone, Debug)]
pub struct Coder {
    pub(crate) dicts: Dictionaries,
    pub(crate) compiled: Compiled,
    pub(crate) codebook: Codebook,
    pub(crate) lexicon: Lexicon,
    /// Built on first use, so dictionary loading stays fast and coding without places pays
    /// nothing; shared by clones.
    gazetteer: Arc<OnceLock<Gazetteer>>,
    places: bool,
}

impl Coder {
    /// Compiles the dictionaries into a coder.
    pub fn new(dicts: Dictionaries) -> Coder {
        let compiled = dicts.compile();
        Coder::from_parts(dicts, compiled)
    }

    fn from_parts(dicts: Dictionaries, compiled: Compiled) -> Coder {
        Coder {
            dicts,
            compiled,
            codebook: Codebook::standard(),
            lexicon: Lexicon::new(),
            gazetteer: Arc::new(OnceLock::new()),
            places: true,
        }
    }

    /// A coder over the dictionaries built into Dyad.
    pub fn embedded() -> Coder {
        let (dicts, compiled) = Dictionaries::embedded_compiled();
        Coder::from_parts(dicts, compiled)
    }

    /// Turns event locations on or off (on by default); off, the gazetteer is never built.
    pub fn with_places(mut self, on: bool) -> Coder {
        self.places = on;
        self
    }

    /// Gives the coder a gazetteer built elsewhere, for instance on a thread started before the
    /// dictionaries were loaded.
    pub fn with_gazetteer(self, gazetteer: Gazetteer) -> Coder {
        // A fresh coder has not built its own yet, so the cell is empty.
        let _ = self.gazetteer.set(gazetteer);
        self
    }

    /// The gazetteer, built on first use; `None` when places are off.
    pub fn gazetteer(&self) -> Option<&Gazetteer> {
        self.places.then(|| self.gazetteer.get_or_init(Gazetteer::embedded))
    }

    /// Codes a document into events and, when asked, quotations and figures.
    pub fn code_records(&self, doc: &Document, kinds: RecordKinds) -> Records {
        events::code_records(self, doc, kinds, None)
    }

    /// Codes every coded block (body and headings) of a document.
    pub fn code(&self, doc: &Document) -> Vec<Event> {
        events::code_document(self, doc, None)
    }

    /// Codes a document and also returns how many sentences were read, for throughput figures.
    pub fn code_counting(&self, doc: &Document) -> (Vec<Event>, usize) {
        let r = events::code_records(self, doc, RecordKinds::default(), None);
        (r.events, r.sentences)
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
