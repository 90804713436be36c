//! `dyad ingest` and `dyad recode`: code documents on all cores and store them, one transaction
//! per batch; report what was stored, what was already there, and where the time went.

use crate::args::{IngestArgs, RecodeArgs};
use crate::{Outcome, load_coder};
use anyhow::Context;
use dyad_coder::{Coder, RecordKinds};
use dyad_ingest::{ReadOptions, expand, read_source};
use dyad_model::{Document, content_id};
use dyad_store::{AddReport, CodedDocument, Store};
use rayon::prelude::*;
use std::collections::HashSet;
use std::io::IsTerminal;
use std::time::{Duration, Instant};

/// The dictionary version recorded with every coded document: a hash of the parsed
/// dictionaries, so the same entries give the same version wherever they were read from.
pub fn dict_version(coder: &Coder) -> String {
    let text = format!("{:?}", coder.dictionaries());
    format!("dict-{}", &blake3::hash(text.as_bytes()).to_hex()[..16])
}

fn code_all(coder: &Coder, docs: Vec<Document>, kinds: RecordKinds) -> Vec<CodedDocument> {
    docs.into_par_iter()
        .map(|doc| {
            let r = coder.code_records(&doc, kinds);
            CodedDocument { doc, sentences: r.spans, events: r.events, quotes: r.quotes, figures: r.figures }
        })
        .collect()
}

/// The records stored besides events, from `--records`.
fn stored_kinds(list: &str) -> anyhow::Result<RecordKinds> {
    let (events, kinds) = crate::code::record_kinds(list)?;
    if !events {
        anyhow::bail!("--records must include events: the store always keeps them (add quotes, figures or both)");
    }
    Ok(kinds)
}

fn open_store(path: &std::path::Path) -> anyhow::Result<Store> {
    Store::open(path).with_context(|| format!("cannot open the store {}", path.display()))
}

fn threads(n: Option<usize>) {
    if let Some(n) = n {
        rayon::ThreadPoolBuilder::new().num_threads(n).build_global().ok();
    }
}

/// CPU time of the calling thread (Linux `/proc/thread-self/schedstat`, nanoseconds on CPU).
fn thread_cpu() -> Option<Duration> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(Duration::from_nanos(s.split_whitespace().next()?.parse().ok()?))
}

/// CPU time of every live thread of the process.
fn process_cpu() -> Option<Duration> {
    let mut total = Duration::ZERO;
    for task in std::fs::read_dir("/proc/self/task").ok()? {
        let s = std::fs::read_to_string(task.ok()?.path().join("schedstat")).ok()?;
        total += Duration::from_nanos(s.split_whitespace().next()?.parse().ok()?);
    }
    Some(total)
}

/// Codes batch N on the thread pool while batch N − 1 is written, one transaction per batch;
/// times both (they overlap, so the wall time is less than their sum).
struct Pipeline<'a> {
    coder: &'a Coder,
    kinds: RecordKinds,
    store: Store,
    version: String,
    pending: Vec<CodedDocument>,
    coding: Duration,
    storing: Duration,
    storing_cpu: Option<Duration>,
    total: AddReport,
}

impl Pipeline<'_> {
    /// Stores a coded batch; returns what was stored, the wall time and the thread's CPU time.
    fn store_pending(
        store: &mut Store,
        pending: &[CodedDocument],
        version: &str,
    ) -> anyhow::Result<(AddReport, Duration, Option<Duration>)> {
        let (t, cpu) = (Instant::now(), thread_cpu());
        let r = if pending.is_empty() { AddReport::default() } else { store.add(pending, version)? };
        let cpu = cpu.and_then(|before| Some(thread_cpu()?.saturating_sub(before)));
        Ok((r, t.elapsed(), cpu))
    }

    fn account(&mut self, report: AddReport, storing: Duration, cpu: Option<Duration>) {
        self.total += report;
        self.storing += storing;
        self.storing_cpu = self.storing_cpu.zip(cpu).map(|(a, b)| a + b);
    }

    /// Codes `batch` while storing what was coded before.
    fn push(&mut self, batch: &mut Vec<Document>) -> anyhow::Result<()> {
        let docs = std::mem::take(batch);
        let pending = std::mem::take(&mut self.pending);
        let (coder, kinds) = (self.coder, self.kinds);
        let (store, version) = (&mut self.store, self.version.as_str());
        let ((coded, coding), stored) = rayon::join(
            || {
                let t = Instant::now();
                (code_all(coder, docs, kinds), t.elapsed())
            },
            || Pipeline::store_pending(store, &pending, version),
        );
        let (report, storing, cpu) = stored?;
        self.account(report, storing, cpu);
        self.coding += coding;
        self.pending = coded;
        Ok(())
    }

    /// Stores what is left.
    fn finish(&mut self) -> anyhow::Result<()> {
        let pending = std::mem::take(&mut self.pending);
        let (report, storing, cpu) = Pipeline::store_pending(&mut self.store, &pending, &self.version)?;
        self.account(report, storing, cpu);
        Ok(())
    }
}

pub fn run(a: IngestArgs) -> anyhow::Result<Outcome> {
    let default_date = match &a.date {
        Some(d) => Some(dyad_ingest::parse_date(d).with_context(|| format!("bad --date '{d}': use YYYY-MM-DD"))?),
        None => None,
    };
    threads(a.threads);
    let kinds = stored_kinds(&a.records)?;
    let coder = load_coder(a.dict.as_deref())?;
    let version = dict_version(&coder);
    let store = open_store(&a.db.db)?;
    let sources = expand(&a.inputs).map_err(|e| anyhow::anyhow!("{e}"))?;
    let opts = ReadOptions { default_date, max_doc_bytes: a.max_doc_bytes, ..ReadOptions::default() };
    let batch_size = a.batch.max(1);
    let progress = !a.quiet && std::io::stderr().is_terminal();
    let started = Instant::now();
    let mut p = Pipeline {
        coder: &coder,
        kinds,
        store,
        version,
        pending: Vec::new(),
        coding: Duration::ZERO,
        storing: Duration::ZERO,
        storing_cpu: Some(Duration::ZERO),
        total: AddReport::default(),
    };
    let main_cpu = thread_cpu();
    let (mut read, mut errors) = (0usize, 0usize);
    let mut seen: HashSet<String> = HashSet::new();
    let mut batch: Vec<Document> = Vec::with_capacity(batch_size);
    let mut last_report = Instant::now();
    for source in &sources {
        for item in read_source(source, &opts) {
            match item {
                Ok(doc) => {
                    read += 1;
                    // Stored by an earlier run or batch, or repeated in this run: not worth
                    // coding again.
                    let hash = content_id(&doc.body);
                    if !seen.insert(hash.clone()) || p.store.has_document(&hash)? {
                        p.total.already_stored += 1;
                        continue;
                    }
                    batch.push(doc);
                    if batch.len() == batch_size {
                        p.push(&mut batch).with_context(|| format!("cannot write to {}", a.db.db.display()))?;
                        if progress && last_report.elapsed() > Duration::from_secs(2) {
                            eprint!(
                                "\rdyad: {read} documents read, {} stored, {} events…",
                                p.total.documents, p.total.mentions
                            );
                            last_report = Instant::now();
                        }
                    }
                }
                Err(e) => {
                    errors += 1;
                    eprintln!("dyad: {e}");
                }
            }
        }
    }
    p.push(&mut batch).and_then(|_| p.finish()).with_context(|| format!("cannot write to {}", a.db.db.display()))?;
    let main_cpu = main_cpu.and_then(|before| Some(thread_cpu()?.saturating_sub(before)));
    let (t, cpu) = (Instant::now(), thread_cpu());
    p.store.optimize()?;
    let cpu = cpu.and_then(|before| Some(thread_cpu()?.saturating_sub(before)));
    p.account(AddReport::default(), t.elapsed(), cpu);
    if progress {
        eprint!("\r\x1b[K");
    }
    if !a.quiet {
        let secs = started.elapsed().as_secs_f64().max(1e-9);
        let counts = p.store.counts()?;
        let t = &p.total;
        eprintln!(
            "dyad: {read} documents read: {} stored, {} already stored; {} events stored ({} new aggregate events), {} quotes, {} figures; {errors} errors",
            t.documents, t.already_stored, t.mentions, t.new_events, t.quotes, t.figures
        );
        let share = if p.coding.as_secs_f64() > 0.0 {
            format!(" ({:.0}% of coding)", 100.0 * p.storing.as_secs_f64() / p.coding.as_secs_f64())
        } else {
            String::new()
        };
        eprintln!(
            "dyad: {secs:.2}s: coding {:.2}s, storing {:.2}s{share}, overlapped; {:.0} documents/s, {:.0} events/s stored",
            p.coding.as_secs_f64(),
            p.storing.as_secs_f64(),
            t.documents as f64 / secs,
            t.mentions as f64 / secs,
        );
        // CPU time tells the costs apart even on a busy machine: coding is everything the pool
        // did besides storing; reading (and hashing) ran on the main thread.
        if let (Some(all), Some(store_cpu), Some(read_cpu)) = (process_cpu(), p.storing_cpu, main_cpu) {
            let coding_cpu = all.saturating_sub(store_cpu).saturating_sub(read_cpu);
            eprintln!(
                "dyad: CPU: coding {:.2}s, storing {:.2}s ({:.0}% of coding), reading {:.2}s",
                coding_cpu.as_secs_f64(),
                store_cpu.as_secs_f64(),
                100.0 * store_cpu.as_secs_f64() / coding_cpu.as_secs_f64().max(1e-9),
                read_cpu.as_secs_f64()
            );
        }
        eprintln!(
            "dyad: {} holds {} documents, {} sentences, {} events ({} aggregate events); dictionaries {}",
            a.db.db.display(),
            counts.documents,
            counts.sentences,
            counts.mentions,
            counts.events,
            p.version
        );
    }
    Ok(if errors > 0 { Outcome::SomeFailed } else { Outcome::Ok })
}

pub fn recode(a: RecodeArgs) -> anyhow::Result<Outcome> {
    threads(a.threads);
    let kinds = stored_kinds(&a.records)?;
    if !a.db.db.exists() {
        anyhow::bail!("no store at {}: run `dyad ingest … --db {}` first", a.db.db.display(), a.db.db.display());
    }
    let coder = load_coder(a.dict.as_deref())?;
    let version = dict_version(&coder);
    let mut store = open_store(&a.db.db)?;
    let previous = store.meta("dict_version")?.unwrap_or_default();
    let started = Instant::now();
    let mut total = dyad_store::RecodeReport::default();
    let mut after = 0;
    loop {
        let stale = store.stale_documents(&version, a.all, after, a.batch.max(1))?;
        let Some(last) = stale.last() else { break };
        after = last.row;
        let rows: Vec<i64> = stale.iter().map(|s| s.row).collect();
        let coded = code_all(&coder, stale.into_iter().map(|s| s.doc).collect(), kinds);
        let batch: Vec<(i64, CodedDocument)> = rows.into_iter().zip(coded).collect();
        let r = store.replace(&batch, &version)?;
        total.documents += r.documents;
        total.removed += r.removed;
        total.added += r.added;
        total.dropped_events += r.dropped_events;
    }
    if !a.quiet {
        let n = store.counts()?.documents;
        if total.documents == 0 {
            eprintln!(
                "dyad: all {n} documents are coded with dictionaries {version}; nothing to do (--all re-codes anyway)"
            );
        } else {
            eprintln!(
                "dyad: re-coded {} documents with dictionaries {version} (store had {}): {} events removed, {} stored, {} aggregate events dropped, in {:.2}s",
                total.documents,
                if previous.is_empty() { "none" } else { &previous },
                total.removed,
                total.added,
                total.dropped_events,
                started.elapsed().as_secs_f64()
            );
        }
    }
    Ok(Outcome::Ok)
}
