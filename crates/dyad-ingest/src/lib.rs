//! Dyad's readers: files, directories and standard input become [`Document`]s, whatever their
//! format; the format is detected from content, never from the file name.
//!
//! [`expand`] turns command-line inputs into [`Source`]s (directories recursively, in a stable
//! order); [`read_source`] streams a source's documents, each either a `Document` or a
//! [`DocError`] that names the file and record, so one bad record never stops a run.
//!
//! Readers: plain text and JSONL; HTML pages ([`html_document`]: main-content extraction, every
//! text block classified as body, heading, caption, credit, related or navigation); RSS and Atom
//! feeds (one document per item); WARC archives, plain or gzip, record by record. Gzip input is
//! decompressed and detected again, with caps against decompression bombs. [`Deduper`] finds
//! exact and near-duplicate documents within a run; [`ReadStats`] counts skipped records.
//!
//! ```
//! use dyad_ingest::{Format, PageHints, ReadOptions, detect, html_document};
//! use dyad_model::BlockKind;
//! assert_eq!(detect(b"{\"id\": \"1\", \"text\": \"Kazakhstan signed a deal.\"}\n"), Format::Jsonl);
//! assert_eq!(detect(b"Kazakhstan signed a deal."), Format::Text);
//!
//! let page = b"<html><body><nav><a href='/'>Home</a></nav><article><h1>Deal signed</h1>\
//!     <p>Kazakhstan signed a trade deal with Uzbekistan on Tuesday, officials said.</p>\
//!     <p>Read More: Talks resume</p></article></body></html>";
//! let doc = html_document(page, &PageHints::default(), "page.html", &ReadOptions::default()).unwrap();
//! let kinds: Vec<BlockKind> = doc.blocks.iter().map(|b| b.kind).collect();
//! assert_eq!(kinds, [BlockKind::Navigation, BlockKind::Heading, BlockKind::Body, BlockKind::Related]);
//! ```
#![deny(missing_docs)]

mod boilerplate;
mod decode;
mod dedup;
mod detect;
mod feed;
mod gzip;
mod html;
mod jsonl;
mod source;
mod text;
mod warc;

pub use boilerplate::classify_line;
pub use dedup::{Deduper, Verdict};
pub use detect::{Format, detect};
pub use html::{PageHints, html_document};
pub use jsonl::parse_date;
pub use source::{DocError, DocStream, ReadOptions, ReadStats, Source, expand, read_format, read_source, read_stream};
pub use text::{line_blocks, text_document};

pub use dyad_model::Document;
