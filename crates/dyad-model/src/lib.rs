//! Plain data shared by every Dyad crate: documents, spans, actors, event records and the CAMEO
//! and PLOVER codebooks.
//!
//! The main types are [`Document`] (one input, owning its text), [`Span`] (byte offsets into that
//! text), [`Event`] (the record every sink writes) and [`Codebook`] (CAMEO codes with Goldstein
//! scores, quad classes and PLOVER categories).
//!
//! ```
//! use dyad_model::{Codebook, Document, Span};
//!
//! let doc = Document::from_text("Japan and Vietnam held talks in Hanoi.");
//! assert_eq!(&doc.body[Span::new(0, 5)], "Japan");
//! let book = Codebook::standard();
//! let consult = book.lookup("046").unwrap();
//! assert_eq!(consult.quad_class, 1);
//! assert_eq!(consult.plover.kind.unwrap().as_str(), "CONSULT");
//! ```
#![deny(missing_docs)]

mod actor;
mod cameo;
mod document;
mod event;
mod plover;
mod record;
mod span;

pub use actor::ActorCode;
pub use cameo::{CAMEO_TSV, CameoCode, CodeError, CodeInfo, Codebook};
pub use document::{Block, BlockKind, Document, content_id};
pub use event::{ActorRef, DatePrecision, DateSource, Event, Location, Modality, Trigger, event_id};
pub use plover::{Plover, PloverType};
pub use record::{FigureRecord, QuoteRecord};
pub use span::Span;
