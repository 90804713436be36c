//! Writers for event records. Each format is specified by the type that writes it:
//! [`JsonlWriter`] (the event record of DESIGN §5, one per line), [`CsvWriter`] (flat, with a
//! header), [`TableWriter`] (aligned columns for a terminal).
//!
//! ```
//! use dyad_export::{EventWriter, Format};
//! let mut out = Vec::new();
//! let mut w = Format::Csv.writer(&mut out);
//! w.finish().unwrap();
//! assert!(String::from_utf8(out).unwrap().starts_with("event_id,doc_id"));
//! ```
#![deny(missing_docs)]

mod csv_flat;
mod jsonl;
mod table;

pub use csv_flat::{CSV_COLUMNS, CsvWriter, row as csv_row};
pub use jsonl::JsonlWriter;
pub use table::TableWriter;

use dyad_model::Event;
use std::io::{self, Write};

/// Output formats of `dyad code`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One JSON event record per line.
    Jsonl,
    /// Flat CSV with a header row.
    Csv,
    /// Aligned columns for reading in a terminal.
    Table,
}

impl Format {
    /// Parses a format name.
    pub fn parse(s: &str) -> Option<Format> {
        match s {
            "jsonl" | "json" => Some(Format::Jsonl),
            "csv" => Some(Format::Csv),
            "table" => Some(Format::Table),
            _ => None,
        }
    }

    /// A writer of this format over `out`.
    pub fn writer<'a, W: Write + 'a>(self, out: W) -> Box<dyn EventWriter + 'a> {
        match self {
            Format::Jsonl => Box::new(JsonlWriter::new(out)),
            Format::Csv => Box::new(CsvWriter::new(out)),
            Format::Table => Box::new(TableWriter::new(out)),
        }
    }
}

/// Something that writes events; `finish` flushes and writes any trailer.
pub trait EventWriter {
    /// Writes one event.
    fn write(&mut self, e: &Event) -> io::Result<()>;
    /// Flushes buffered output.
    fn finish(&mut self) -> io::Result<()>;
}
