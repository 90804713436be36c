//! JSON Lines: exactly the event record of DESIGN §5, one object per line, fields in record order.

use crate::EventWriter;
use dyad_model::Event;
use std::io::{self, BufWriter, Write};

/// Writes one JSON event record per line.
pub struct JsonlWriter<W: Write> {
    out: BufWriter<W>,
}

impl<W: Write> JsonlWriter<W> {
    /// Wraps an output.
    pub fn new(out: W) -> Self {
        JsonlWriter { out: BufWriter::new(out) }
    }
}

impl<W: Write> EventWriter for JsonlWriter<W> {
    fn write(&mut self, e: &Event) -> io::Result<()> {
        serde_json::to_writer(&mut self.out, e)?;
        self.out.write_all(b"\n")
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}
