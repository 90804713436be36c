//! Progress on a terminal (documents, MB, records, errors, rate, ETA when the size is known) and
//! the one-line summary every run ends with.

use crate::Outcome;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::Instant;

/// Counters of a coding run, drawn as a bar when standard error is a terminal.
pub struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
    docs: usize,
    sentences: usize,
    records: usize,
    duplicates: usize,
    errors: usize,
    undated: usize,
    bytes: usize,
}

impl Progress {
    /// A bar sized in bytes when the input size is known, a spinner otherwise; none when quiet or
    /// when standard error is not a terminal.
    pub fn new(quiet: bool, total_bytes: Option<u64>) -> Progress {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let bar = match total_bytes {
                Some(n) => ProgressBar::new(n).with_style(
                    ProgressStyle::with_template("{bar:30} {bytes}/{total_bytes} {msg} ({bytes_per_sec}, ETA {eta})")
                        .unwrap_or_else(|_| ProgressStyle::default_bar()),
                ),
                None => ProgressBar::new_spinner().with_style(
                    ProgressStyle::with_template("{spinner} {bytes} {msg} ({bytes_per_sec})")
                        .unwrap_or_else(|_| ProgressStyle::default_spinner()),
                ),
            };
            bar.set_draw_target(ProgressDrawTarget::stderr_with_hz(4));
            bar
        });
        Progress {
            bar,
            started: Instant::now(),
            docs: 0,
            sentences: 0,
            records: 0,
            duplicates: 0,
            errors: 0,
            undated: 0,
            bytes: 0,
        }
    }

    fn redraw(&self) {
        if let Some(b) = &self.bar {
            b.set_position(self.bytes as u64);
            b.set_message(format!("{} docs, {} records, {} errors", self.docs, self.records, self.errors));
        }
    }

    /// A document was read.
    pub fn read(&mut self, bytes: usize) {
        self.bytes += bytes;
    }

    /// A duplicate was skipped.
    pub fn duplicate(&mut self) {
        self.duplicates += 1;
    }

    /// A document had no date.
    pub fn undated(&mut self) {
        self.undated += 1;
    }

    /// A batch was coded.
    pub fn coded(&mut self, docs: usize, sentences: usize, records: usize) {
        self.docs += docs;
        self.sentences += sentences;
        self.records += records;
        self.redraw();
    }

    /// An input failed; the message is printed above the bar.
    pub fn error(&mut self, message: &str) {
        self.errors += 1;
        match &self.bar {
            Some(b) => b.println(message),
            None => eprintln!("{message}"),
        }
        self.redraw();
    }

    /// Clears the bar, prints warnings and the summary, and says whether any input failed.
    pub fn finish(self, skipped: u64) -> Outcome {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
        if self.undated > 0 {
            eprintln!(
                "dyad: warning: {} documents have no date and no --date was given: their events carry no date, and people are resolved without a date",
                self.undated
            );
        }
        let secs = self.started.elapsed().as_secs_f64();
        eprintln!(
            "dyad: {} documents, {} sentences, {} records, {} duplicates, {skipped} records skipped, {} errors in {secs:.2}s ({:.0} docs/s, {:.1} MB/s)",
            self.docs,
            self.sentences,
            self.records,
            self.duplicates,
            self.errors,
            self.docs as f64 / secs.max(1e-9),
            self.bytes as f64 / 1e6 / secs.max(1e-9),
        );
        if self.errors > 0 { Outcome::SomeFailed } else { Outcome::Ok }
    }
}
