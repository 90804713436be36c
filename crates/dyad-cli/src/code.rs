//! `dyad code`: read inputs, code documents on all cores in input order, write events.

use crate::args::CodeArgs;
use crate::{Outcome, load_coder};
use anyhow::Context;
use dyad_ingest::{Deduper, ReadOptions, Verdict, expand, read_source};
use dyad_model::Document;
use rayon::prelude::*;
use std::io::Write;
use std::time::Instant;

/// Documents coded together between writes; bounds memory while keeping every core busy.
const BATCH: usize = 256;

pub fn run(a: CodeArgs) -> anyhow::Result<Outcome> {
    let format = dyad_export::Format::parse(&a.format).with_context(|| format!("unknown --format '{}': use jsonl, csv, table, gdelt, polecat or polecat-tsv", a.format))?;
    let default_date = match &a.date {
        Some(d) => Some(dyad_ingest::parse_date(d).with_context(|| format!("bad --date '{d}': use YYYY-MM-DD"))?),
        None => None,
    };
    if let Some(n) = a.threads {
        rayon::ThreadPoolBuilder::new().num_threads(n).build_global().ok();
    }
    let coder = load_coder(a.dict.as_deref())?;
    let sources = expand(&a.inputs).map_err(|e| anyhow::anyhow!("{e}"))?;
    let opts = ReadOptions { default_date, max_doc_bytes: a.max_doc_bytes, ..ReadOptions::default() };
    let mut dedup = (!a.keep_duplicates).then(Deduper::new);
    let out: Box<dyn Write> = match &a.output {
        Some(p) => Box::new(std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut writer = format.writer(out);
    let started = Instant::now();
    let (mut docs, mut events, mut errors, mut undated, mut duplicates) = (0usize, 0usize, 0usize, 0usize, 0usize);
    let mut batch: Vec<Document> = Vec::with_capacity(BATCH);
    let flush = |batch: &mut Vec<Document>, writer: &mut Box<dyn dyad_export::EventWriter>| -> anyhow::Result<usize> {
        let coded: Vec<Vec<dyad_model::Event>> = batch.par_iter().map(|d| coder.code(d)).collect();
        let mut n = 0;
        for evs in coded {
            for e in &evs {
                writer.write(e)?;
            }
            n += evs.len();
        }
        batch.clear();
        Ok(n)
    };
    for source in &sources {
        for item in read_source(source, &opts) {
            match item {
                Ok(doc) => {
                    if let Some(d) = dedup.as_mut()
                        && d.check(&doc) != Verdict::Unique
                    {
                        duplicates += 1;
                        continue;
                    }
                    docs += 1;
                    if doc.published.is_none() {
                        undated += 1;
                    }
                    batch.push(doc);
                    if batch.len() == BATCH {
                        events += flush(&mut batch, &mut writer)?;
                    }
                }
                Err(e) => {
                    errors += 1;
                    eprintln!("dyad: {e}");
                }
            }
        }
    }
    events += flush(&mut batch, &mut writer)?;
    writer.finish()?;
    if undated > 0 {
        eprintln!("dyad: warning: {undated} documents have no date and no --date was given: their events carry no date, and people are resolved without a date");
    }
    if !a.quiet {
        let secs = started.elapsed().as_secs_f64();
        let skipped = opts.stats.skipped();
        eprintln!("dyad: {docs} documents, {events} events, {duplicates} duplicates, {skipped} records skipped, {errors} errors in {secs:.2}s ({:.0} docs/s)", docs as f64 / secs.max(1e-9));
    }
    Ok(if errors > 0 { Outcome::SomeFailed } else { Outcome::Ok })
}
