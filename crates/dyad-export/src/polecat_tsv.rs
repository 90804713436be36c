//! The POLECAT release table: 40 tab-separated columns under a header row, in the order of the
//! POLECAT Dataverse files (`Event ID` … `Version`).
//!
//! Filled from the event record: `Event ID`, `Event Date` (YYYY-MM-DD), `Event Type` (PLOVER
//! category, lower case), `Event Mode`, `Intensity` (the CAMEO Goldstein score: Dyad has no
//! PLOVER intensity, and both run −10 … +10), `Quad Code` (`VERBAL COOPERATION`, `MATERIAL
//! COOPERATION`, `VERBAL CONFLICT`, `MATERIAL CONFLICT`, from the category), `Contexts`
//! (`;`-joined); for actor and recipient: `Name` (canonical), `Country` (ISO alpha-3 or class),
//! `Primary … Sector` and `… Sectors` (PLOVER spelling, `;`-joined), `Name Raw` (the words);
//! `Placename`, `Country`, `Latitude`, `Longitude`, `GeoNames ID`, `Raw Placename` from the
//! location; `Source` (outlet), `Publication Date`, `Language`, `Version` (`dyad VERSION`).
//! Left empty, as Dyad does not produce them: COW codes, titles, Wikipedia ids, city, district,
//! province, feature type and the story-level people, organisations and locations.
//!
//! Statements (CAMEO root 01, no PLOVER category) and undated events are skipped, as in the
//! JSONL form. Tabs and newlines inside fields become spaces.

use crate::polecat::plover_sector;
use crate::{DocInfo, EventWriter};
use dyad_model::{ActorRef, Event};
use std::io::{self, BufWriter, Write};

/// The 40 column names, in order.
pub const POLECAT_COLUMNS: [&str; 40] = [
    "Event ID",
    "Event Date",
    "Event Type",
    "Event Mode",
    "Intensity",
    "Quad Code",
    "Contexts",
    "Actor Name",
    "Actor Country",
    "Actor COW",
    "Primary Actor Sector",
    "Actor Sectors",
    "Actor Title",
    "Actor Name Raw",
    "Wikipedia Actor ID",
    "Recipient Name",
    "Recipient Country",
    "Recipient COW",
    "Primary Recipient Sector",
    "Recipient Sectors",
    "Recipient Title",
    "Recipient Name Raw",
    "Wikipedia Recipient ID",
    "Placename",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
    "GeoNames ID",
    "Raw Placename",
    "Feature Type",
    "Source",
    "Publication Date",
    "Story People",
    "Story Organizations",
    "Story Locations",
    "Language",
    "Version",
];

/// POLECAT's name for a quad code.
pub fn quad_name(quad: u8) -> &'static str {
    match quad {
        1 => "VERBAL COOPERATION",
        2 => "MATERIAL COOPERATION",
        3 => "VERBAL CONFLICT",
        _ => "MATERIAL CONFLICT",
    }
}

fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

fn actor_cells(a: Option<&ActorRef>, r: &mut Vec<String>) {
    let Some(a) = a else {
        r.extend(std::iter::repeat_n(String::new(), 8));
        return;
    };
    let sectors: Vec<&str> = a.agents.iter().map(|s| plover_sector(s)).collect();
    r.push(clean(a.name.as_deref().unwrap_or(&a.text)));
    r.push(a.country.clone().unwrap_or_default());
    r.push(String::new());
    r.push(sectors.first().map(|s| s.to_string()).unwrap_or_default());
    r.push(sectors.join(";"));
    r.push(String::new());
    r.push(clean(&a.text));
    r.push(String::new());
}

/// The 40 cells of an event, or `None` when POLECAT cannot represent it.
pub fn polecat_row(e: &Event, doc: &DocInfo) -> Option<Vec<String>> {
    let kind = e.plover.kind?;
    let date = e.date?;
    let mut r = Vec::with_capacity(40);
    r.push(e.event_id.clone());
    r.push(date.to_string());
    r.push(kind.as_str().to_ascii_lowercase());
    r.push(e.plover.mode.clone().unwrap_or_default());
    r.push(format!("{}", e.goldstein));
    r.push(quad_name(kind.quad()).to_string());
    r.push(e.plover.context.join(";"));
    actor_cells(Some(&e.source), &mut r);
    actor_cells(e.target.as_ref(), &mut r);
    match &e.location {
        Some(l) => {
            r.push(clean(&l.name));
            r.extend(std::iter::repeat_n(String::new(), 3));
            r.push(l.country.clone().unwrap_or_default());
            r.push(format!("{:.4}", l.lat));
            r.push(format!("{:.4}", l.lon));
            r.push(l.geonames_id.map(|g| g.to_string()).unwrap_or_default());
            r.push(clean(&l.name));
            r.push(String::new());
        }
        None => r.extend(std::iter::repeat_n(String::new(), 10)),
    }
    r.push(clean(doc.outlet.as_deref().unwrap_or("")));
    r.push(doc.published.map(|d| d.to_string()).unwrap_or_default());
    r.extend(std::iter::repeat_n(String::new(), 3));
    r.push(doc.language.clone().unwrap_or_default());
    r.push(concat!("dyad ", env!("CARGO_PKG_VERSION")).to_string());
    debug_assert_eq!(r.len(), 40);
    Some(r)
}

/// Writes the POLECAT table.
pub struct PolecatTsvWriter<W: Write> {
    out: BufWriter<W>,
    started: bool,
    skipped: usize,
}

impl<W: Write> PolecatTsvWriter<W> {
    /// Wraps an output; the header is written before the first row (or on `finish`).
    pub fn new(out: W) -> Self {
        PolecatTsvWriter { out: BufWriter::new(out), started: false, skipped: 0 }
    }

    fn start(&mut self) -> io::Result<()> {
        if !self.started {
            self.started = true;
            writeln!(self.out, "{}", POLECAT_COLUMNS.join("\t"))?;
        }
        Ok(())
    }

    /// Writes one event with facts about its document.
    pub fn write_with(&mut self, e: &Event, doc: &DocInfo) -> io::Result<()> {
        self.start()?;
        match polecat_row(e, doc) {
            Some(r) => writeln!(self.out, "{}", r.join("\t")),
            None => {
                self.skipped += 1;
                Ok(())
            }
        }
    }

    /// Events POLECAT could not represent (statements, undated events).
    pub fn skipped(&self) -> usize {
        self.skipped
    }
}

impl<W: Write> EventWriter for PolecatTsvWriter<W> {
    fn write(&mut self, e: &Event) -> io::Result<()> {
        self.write_with(e, &DocInfo::default())
    }

    fn finish(&mut self) -> io::Result<()> {
        self.start()?;
        self.out.flush()
    }
}
