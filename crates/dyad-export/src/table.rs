//! An aligned, human-readable table: date, source, target, code and name, trigger.

use crate::EventWriter;
use dyad_model::{Codebook, Event};
use std::io::{self, Write};

/// Buffers events and writes them as aligned columns on `finish`.
pub struct TableWriter<W: Write> {
    out: W,
    rows: Vec<[String; 6]>,
    book: Codebook,
}

impl<W: Write> TableWriter<W> {
    /// Wraps an output.
    pub fn new(out: W) -> Self {
        TableWriter { out, rows: Vec::new(), book: Codebook::standard() }
    }
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n { s.to_string() } else { format!("{}…", s.chars().take(n - 1).collect::<String>()) }
}

impl<W: Write> EventWriter for TableWriter<W> {
    fn write(&mut self, e: &Event) -> io::Result<()> {
        let name = self.book.get(e.cameo).map(|c| c.name.as_str()).unwrap_or("");
        let target =
            e.target.as_ref().map(|t| format!("{} ({})", t.code, clip(&t.text, 28))).unwrap_or_else(|| "-".into());
        self.rows.push([
            e.date.map(|d| d.to_string()).unwrap_or_else(|| "-".into()),
            format!("{} ({})", e.source.code, clip(&e.source.text, 28)),
            target,
            format!("{} {}", e.cameo, clip(name, 30)),
            format!("{:+.1}", e.goldstein),
            format!("\"{}\"", clip(&e.trigger.text, 30)),
        ]);
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        let header = ["date", "source", "target", "event", "goldstein", "trigger"];
        let mut widths = header.map(|h| h.chars().count());
        for r in &self.rows {
            for (w, c) in widths.iter_mut().zip(r) {
                *w = (*w).max(c.chars().count());
            }
        }
        let line = |cells: &[String]| {
            cells
                .iter()
                .zip(&widths)
                .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
                .collect::<Vec<_>>()
                .join("  ")
                .trim_end()
                .to_string()
        };
        writeln!(self.out, "{}", line(&header.map(String::from)))?;
        for r in &self.rows {
            writeln!(self.out, "{}", line(r))?;
        }
        writeln!(self.out, "{} events", self.rows.len())?;
        self.out.flush()
    }
}
