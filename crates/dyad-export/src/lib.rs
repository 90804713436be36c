//! Writers for event records. Each format is specified by the type that writes it:
//! [`JsonlWriter`] (the event record of DESIGN §5, one per line), [`CsvWriter`] (flat, with a
//! header), [`TableWriter`] (aligned columns for a terminal), [`GdeltWriter`] (the 61-column
//! GDELT 2.0 event table), [`PolecatWriter`] (PLOVER records as JSON Lines),
//! [`PolecatTsvWriter`] (the 40-column POLECAT table) and, with the `parquet` feature,
//! `ParquetWriter` (Parquet partitioned by year and month, Hive layout).
//!
//! ```
//! use dyad_export::{EventWriter, Format, GdeltWriter};
//! let mut out = Vec::new();
//! let mut w = Format::Csv.writer(&mut out);
//! w.finish().unwrap();
//! drop(w);
//! assert!(String::from_utf8(out).unwrap().starts_with("event_id,doc_id"));
//!
//! let mut out = Vec::new();
//! let mut w = GdeltWriter::new(&mut out).header(true);
//! w.finish().unwrap();
//! drop(w);
//! assert_eq!(String::from_utf8(out).unwrap().split('\t').count(), 61);
//! ```
#![deny(missing_docs)]

mod csv_flat;
mod gdelt;
mod jsonl;
#[cfg(feature = "parquet")]
mod parquet;
mod polecat;
mod polecat_tsv;
mod table;

pub use csv_flat::{CSV_COLUMNS, CsvWriter, row as csv_row};
pub use gdelt::{Countries, GDELT_COLUMNS, GdeltFacts, GdeltWriter, gdelt_row};
pub use jsonl::JsonlWriter;
#[cfg(feature = "parquet")]
pub use parquet::{PARQUET_COLUMNS, ParquetWriter};
pub use polecat::{PolecatWriter, entity as plover_entity, plover_record, plover_sector};
pub use polecat_tsv::{POLECAT_COLUMNS, PolecatTsvWriter, polecat_row, quad_name};
pub use table::TableWriter;

use dyad_model::Event;
use std::io::{self, Write};

/// Facts about an event's document that some formats carry (POLECAT's `Source`, Parquet's
/// `outlet`); the event record itself has only the document id and URL.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocInfo {
    /// Publishing outlet.
    pub outlet: Option<String>,
    /// Headline or page title.
    pub title: Option<String>,
    /// Publication date.
    pub published: Option<chrono::NaiveDate>,
    /// BCP 47 language tag.
    pub language: Option<String>,
}

/// Output formats that write to one stream (`dyad code --format`, `dyad export --format`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One JSON event record per line.
    Jsonl,
    /// Flat CSV with a header row.
    Csv,
    /// Aligned columns for reading in a terminal.
    Table,
    /// The GDELT 2.0 event table (61 tab-separated columns, no header).
    Gdelt,
    /// PLOVER/POLECAT records, one JSON object per line.
    Polecat,
    /// The 40-column POLECAT table (tab-separated, with a header).
    PolecatTsv,
}

impl Format {
    /// Parses a format name.
    pub fn parse(s: &str) -> Option<Format> {
        match s {
            "jsonl" | "json" => Some(Format::Jsonl),
            "csv" => Some(Format::Csv),
            "table" => Some(Format::Table),
            "gdelt" => Some(Format::Gdelt),
            "polecat" | "plover" => Some(Format::Polecat),
            "polecat-tsv" => Some(Format::PolecatTsv),
            _ => None,
        }
    }

    /// A writer of this format over `out`.
    pub fn writer<'a, W: Write + 'a>(self, out: W) -> Box<dyn EventWriter + 'a> {
        match self {
            Format::Jsonl => Box::new(JsonlWriter::new(out)),
            Format::Csv => Box::new(CsvWriter::new(out)),
            Format::Table => Box::new(TableWriter::new(out)),
            Format::Gdelt => Box::new(GdeltWriter::new(out)),
            Format::Polecat => Box::new(PolecatWriter::new(out)),
            Format::PolecatTsv => Box::new(PolecatTsvWriter::new(out)),
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
