//! Dyad's readers: files, directories and standard input become [`Document`]s, whatever their
//! format; the format is detected from content, never from the file name.
//!
//! [`expand`] turns command-line inputs into [`Source`]s (directories recursively, in a stable
//! order); [`read_source`] streams a source's documents, each either a `Document` or a
//! [`DocError`] that names the file and record, so one bad record never stops a run.
//!
//! ```
//! use dyad_ingest::{Format, detect};
//! assert_eq!(detect(b"{\"id\": \"1\", \"text\": \"Kazakhstan signed a deal.\"}\n"), Format::Jsonl);
//! assert_eq!(detect(b"Kazakhstan signed a deal."), Format::Text);
//! ```
#![deny(missing_docs)]

mod detect;
mod jsonl;
mod source;
mod text;

pub use detect::{Format, detect};
pub use jsonl::parse_date;
pub use source::{DocError, DocStream, ReadOptions, Source, expand, read_source};
pub use text::text_document;

pub use dyad_model::Document;
