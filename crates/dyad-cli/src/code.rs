//! `dyad code`: read inputs, code documents on all cores in input order, write records.

use crate::args::CodeArgs;
use crate::progress::Progress;
use crate::{Outcome, load_coder};
use anyhow::Context;
use dyad_coder::{RecordKinds, Records};
use dyad_ingest::{Deduper, ReadOptions, Source, Verdict, expand, read_source};
use dyad_model::Document;
use rayon::prelude::*;
use std::io::Write;

/// Documents coded together between writes; bounds memory while keeping every core busy.
const BATCH: usize = 256;

/// Which records to write, from `--records`.
pub(crate) fn record_kinds(list: &str) -> anyhow::Result<(bool, RecordKinds)> {
    let mut events = false;
    let mut kinds = RecordKinds::default();
    for item in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        match item {
            "events" => events = true,
            "quotes" => kinds.quotes = true,
            "figures" => kinds.figures = true,
            other => anyhow::bail!("unknown record type '{other}' in --records: use events, quotes, figures"),
        }
    }
    Ok((events, kinds))
}

/// What the reading thread passes on.
enum Input {
    Document(Document),
    /// A duplicate of an earlier document, skipped (its size in bytes).
    Duplicate(usize),
    /// A one-line error naming the input.
    Error(String),
}

/// Where records go: an event writer in the chosen format, or, when quotes or figures are
/// asked for, one JSONL stream that holds every record type in document order.
enum Sink<'a> {
    Events(Box<dyn dyad_export::EventWriter + 'a>),
    Records(std::io::BufWriter<Box<dyn Write>>),
}

/// Writes one record as a JSON line.
macro_rules! record {
    ($out:expr, $r:expr) => {{
        serde_json::to_writer(&mut *$out, $r)?;
        $out.write_all(b"\n")?;
    }};
}

impl Sink<'_> {
    fn finish(&mut self) -> std::io::Result<()> {
        match self {
            Sink::Events(w) => w.finish(),
            Sink::Records(out) => out.flush(),
        }
    }
}

/// Writes a batch's records in input order; returns (events, other records, sentences).
fn write_batch(coded: Vec<Records>, events_on: bool, sink: &mut Sink) -> anyhow::Result<(usize, usize, usize)> {
    let (mut events, mut others, mut sentences) = (0, 0, 0);
    for r in coded {
        sentences += r.sentences;
        match sink {
            Sink::Events(w) => {
                for e in &r.events {
                    w.write(e)?;
                }
                events += r.events.len();
            }
            Sink::Records(out) => {
                if events_on {
                    for e in &r.events {
                        record!(out, e);
                    }
                    events += r.events.len();
                }
                for q in &r.quotes {
                    record!(out, q);
                }
                for f in &r.figures {
                    record!(out, f);
                }
                others += r.quotes.len() + r.figures.len();
            }
        }
    }
    Ok((events, others, sentences))
}

pub fn run(a: CodeArgs) -> anyhow::Result<Outcome> {
    let format = dyad_export::Format::parse(&a.format).with_context(|| {
        format!("unknown --format '{}': use jsonl, csv, table, gdelt, polecat or polecat-tsv", a.format)
    })?;
    let (events_on, kinds) = record_kinds(&a.records)?;
    if (kinds.quotes || kinds.figures) && format != dyad_export::Format::Jsonl {
        anyhow::bail!("--records quotes/figures need --format jsonl");
    }
    let default_date = match &a.date {
        Some(d) => Some(dyad_ingest::parse_date(d).with_context(|| format!("bad --date '{d}': use YYYY-MM-DD"))?),
        None => None,
    };
    if let Some(n) = a.threads {
        rayon::ThreadPoolBuilder::new().num_threads(n).build_global().ok();
    }
    // The gazetteer takes about as long to build as the dictionaries: build both at once.
    let gazetteer = (!a.no_places).then(|| std::thread::spawn(dyad_geo::Gazetteer::embedded));
    let mut coder = load_coder(a.dict.as_deref())?.with_places(!a.no_places);
    if let Some(g) = gazetteer {
        coder = coder.with_gazetteer(g.join().map_err(|_| anyhow::anyhow!("building the gazetteer failed"))?);
    }
    let sources = expand(&a.inputs).map_err(|e| anyhow::anyhow!("{e}"))?;
    let total_bytes: u64 = sources
        .iter()
        .filter_map(|s| match s {
            Source::Path(p) => std::fs::metadata(p).ok().map(|m| m.len()),
            Source::Stdin => None,
        })
        .sum();
    let opts = ReadOptions { default_date, max_doc_bytes: a.max_doc_bytes, ..ReadOptions::default() };
    let mut dedup = (!a.keep_duplicates).then(Deduper::new);
    let out: Box<dyn Write> = match &a.output {
        Some(p) => Box::new(std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?),
        None => Box::new(std::io::stdout()),
    };
    let mut sink = if kinds.quotes || kinds.figures {
        Sink::Records(std::io::BufWriter::new(out))
    } else {
        Sink::Events(format.writer(std::io::BufWriter::new(out)))
    };
    let mut progress = Progress::new(a.quiet, (!sources.contains(&Source::Stdin)).then_some(total_bytes));
    let mut batch: Vec<Document> = Vec::with_capacity(BATCH);
    let flush = |batch: &mut Vec<Document>, sink: &mut Sink, progress: &mut Progress| -> anyhow::Result<()> {
        let coded: Vec<Records> = batch.par_iter().map(|d| coder.code_records(d, kinds)).collect();
        let (events, others, sentences) = write_batch(coded, events_on, sink)?;
        progress.coded(batch.len(), sentences, events + others);
        batch.clear();
        Ok(())
    };
    // Reading, parsing and duplicate detection run on their own thread, ahead of coding.
    let (tx, rx) = std::sync::mpsc::sync_channel::<Input>(2 * BATCH);
    std::thread::scope(|scope| -> anyhow::Result<()> {
        let (sources, opts) = (&sources, &opts);
        scope.spawn(move || {
            for source in sources {
                for item in read_source(source, opts) {
                    let input = match item {
                        Ok(doc) => match dedup.as_mut().map(|d| d.check(&doc)) {
                            Some(v) if v != Verdict::Unique => Input::Duplicate(doc.body.len()),
                            _ => Input::Document(doc),
                        },
                        Err(e) => Input::Error(format!("dyad: {e}")),
                    };
                    if tx.send(input).is_err() {
                        return; // the coder stopped on an error
                    }
                }
            }
        });
        for input in rx {
            match input {
                Input::Document(doc) => {
                    progress.read(doc.body.len());
                    if doc.published.is_none() {
                        progress.undated();
                    }
                    batch.push(doc);
                    if batch.len() == BATCH {
                        flush(&mut batch, &mut sink, &mut progress)?;
                    }
                }
                Input::Duplicate(bytes) => {
                    progress.read(bytes);
                    progress.duplicate();
                }
                Input::Error(e) => progress.error(&e),
            }
        }
        Ok(())
    })?;
    flush(&mut batch, &mut sink, &mut progress)?;
    sink.finish()?;
    Ok(progress.finish(opts.stats.skipped()))
}
