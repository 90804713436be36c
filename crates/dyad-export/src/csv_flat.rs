//! Flat CSV: one row per event with nested fields spread into columns (`source_code`,
//! `plover_type`, `location_lat` …) and lists joined with `;`.

use crate::EventWriter;
use dyad_model::Event;
use std::io::{self, Write};

/// The header row, in order.
pub const CSV_COLUMNS: &[&str] = &[
    "event_id",
    "doc_id",
    "url",
    "sentence_index",
    "date",
    "date_precision",
    "date_source",
    "source_text",
    "source_code",
    "source_country",
    "source_agents",
    "source_name",
    "target_text",
    "target_code",
    "target_country",
    "target_agents",
    "target_name",
    "cameo",
    "cameo_root",
    "plover_type",
    "plover_mode",
    "plover_context",
    "goldstein",
    "quad_class",
    "location_name",
    "location_country",
    "location_lat",
    "location_lon",
    "trigger",
    "trigger_start",
    "trigger_end",
    "pattern",
    "negated",
    "modality",
    "block",
    "sentence",
];

/// Writes events as flat CSV rows under a header.
pub struct CsvWriter<W: Write> {
    out: csv::Writer<W>,
    header: bool,
}

impl<W: Write> CsvWriter<W> {
    /// Wraps an output; the header is written with the first row (or on `finish`).
    pub fn new(out: W) -> Self {
        CsvWriter { out: csv::Writer::from_writer(out), header: false }
    }

    fn header(&mut self) -> io::Result<()> {
        if !self.header {
            self.header = true;
            self.out.write_record(CSV_COLUMNS)?;
        }
        Ok(())
    }
}

fn to_value<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(serde_json::Value::Null) => String::new(),
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

/// The CSV cells of an event, in `CSV_COLUMNS` order.
pub fn row(e: &Event) -> Vec<String> {
    let t = e.target.as_ref();
    let l = e.location.as_ref();
    vec![
        e.event_id.clone(),
        e.doc_id.clone(),
        e.url.clone().unwrap_or_default(),
        e.sentence_index.to_string(),
        e.date.map(|d| d.to_string()).unwrap_or_default(),
        to_value(&e.date_precision),
        to_value(&e.date_source),
        e.source.text.clone(),
        e.source.code.clone(),
        e.source.country.clone().unwrap_or_default(),
        e.source.agents.join(";"),
        e.source.name.clone().unwrap_or_default(),
        t.map(|t| t.text.clone()).unwrap_or_default(),
        t.map(|t| t.code.clone()).unwrap_or_default(),
        t.and_then(|t| t.country.clone()).unwrap_or_default(),
        t.map(|t| t.agents.join(";")).unwrap_or_default(),
        t.and_then(|t| t.name.clone()).unwrap_or_default(),
        e.cameo.to_string(),
        e.cameo_root.to_string(),
        e.plover.kind.map(|k| k.as_str().to_string()).unwrap_or_default(),
        e.plover.mode.clone().unwrap_or_default(),
        e.plover.context.join(";"),
        format!("{:.1}", e.goldstein),
        e.quad_class.to_string(),
        l.map(|l| l.name.clone()).unwrap_or_default(),
        l.and_then(|l| l.country.clone()).unwrap_or_default(),
        l.map(|l| format!("{:.4}", l.lat)).unwrap_or_default(),
        l.map(|l| format!("{:.4}", l.lon)).unwrap_or_default(),
        e.trigger.text.clone(),
        e.trigger.start.to_string(),
        e.trigger.end.to_string(),
        e.pattern.clone(),
        e.negated.to_string(),
        to_value(&e.modality),
        e.block.as_str().to_string(),
        e.sentence.clone(),
    ]
}

impl<W: Write> EventWriter for CsvWriter<W> {
    fn write(&mut self, e: &Event) -> io::Result<()> {
        self.header()?;
        self.out.write_record(row(e))?;
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        self.header()?;
        self.out.flush()
    }
}
