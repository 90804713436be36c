//! `dyad export` (stored events in GDELT, POLECAT, CSV, JSONL or Parquet form) and
//! `dyad search` (full-text search over stored sentences).

use crate::analysis::{filter_from, open_existing, resolve_actor};
use crate::args::{ExportArgs, SearchArgs};
use crate::{Outcome, load_coder};
use anyhow::Context;
use dyad_export::{Countries, DocInfo, EventWriter, Format, GdeltFacts, GdeltWriter, PolecatTsvWriter, PolecatWriter};
use dyad_store::{Aggregate, Mention};
use std::io::Write;

fn doc_info(m: &Mention) -> DocInfo {
    DocInfo { outlet: m.outlet.clone(), title: m.title.clone(), published: m.published, language: m.language.clone() }
}

fn facts(a: &Aggregate) -> GdeltFacts {
    GdeltFacts {
        id: a.id as u64,
        num_mentions: a.num_mentions,
        num_sources: a.num_sources,
        num_articles: a.num_articles,
        date_added: a.added.clone(),
    }
}

/// A writer that can take the document facts and aggregate counts some formats carry.
enum Sink<'a> {
    Plain(Box<dyn EventWriter + 'a>),
    Gdelt(GdeltWriter<Box<dyn Write + 'a>>),
    Polecat(PolecatWriter<Box<dyn Write + 'a>>),
    PolecatTsv(PolecatTsvWriter<Box<dyn Write + 'a>>),
    #[cfg(feature = "parquet")]
    Parquet(dyad_export::ParquetWriter),
}

impl Sink<'_> {
    fn write(&mut self, m: &Mention, agg: Option<&Aggregate>) -> std::io::Result<()> {
        match self {
            Sink::Plain(w) => w.write(&m.record),
            Sink::Gdelt(w) => match agg {
                Some(a) => w.write_event(&m.record, &facts(a)),
                None => w.write(&m.record),
            },
            Sink::Polecat(w) => w.write_with(&m.record, &doc_info(m)),
            Sink::PolecatTsv(w) => w.write_with(&m.record, &doc_info(m)),
            #[cfg(feature = "parquet")]
            Sink::Parquet(w) => w.write_with(&m.record, &doc_info(m), agg.map(facts).as_ref()),
        }
    }

    fn finish(&mut self) -> std::io::Result<usize> {
        match self {
            Sink::Plain(w) => w.finish().map(|_| 0),
            Sink::Gdelt(w) => w.finish().map(|_| 0),
            Sink::Polecat(w) => w.finish().map(|_| w.skipped()),
            Sink::PolecatTsv(w) => w.finish().map(|_| w.skipped()),
            #[cfg(feature = "parquet")]
            Sink::Parquet(w) => w.finish().map(|_| 0),
        }
    }
}

/// `dyad export --records quotes|figures`: the knowledge-graph records as JSONL.
fn export_records(a: &ExportArgs, store: &dyad_store::Store) -> anyhow::Result<Outcome> {
    if !matches!(a.format.as_str(), "jsonl" | "json") {
        anyhow::bail!("--records {} is written as JSONL: use --format jsonl", a.records);
    }
    let filter = filter_from(&a.filter)?;
    let actor = match &a.source {
        Some(s) => resolve_actor(s, load_coder(a.dict.as_deref())?.dictionaries())?,
        None => dyad_store::ActorSel::Any,
    };
    let q = dyad_store::RecordQuery { from: filter.from, to: filter.to, actor, limit: 0 };
    let mut out: Box<dyn Write> = match &a.output {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let rows = match a.records.as_str() {
        "quotes" => write_lines(&mut out, &store.quotes(&q)?)?,
        "figures" => write_lines(&mut out, &store.figures(&q)?)?,
        other => anyhow::bail!("unknown --records '{other}': use events, quotes or figures"),
    };
    out.flush()?;
    let to = a.output.as_ref().map(|p| p.display().to_string()).unwrap_or_else(|| "standard output".into());
    eprintln!("dyad: wrote {rows} {} to {to}", a.records);
    Ok(Outcome::Ok)
}

fn write_lines<T: serde::Serialize>(out: &mut dyn Write, records: &[T]) -> anyhow::Result<usize> {
    for r in records {
        serde_json::to_writer(&mut *out, r)?;
        out.write_all(b"\n")?;
    }
    Ok(records.len())
}

pub fn run(a: ExportArgs) -> anyhow::Result<Outcome> {
    let store = open_existing(&a.db.db)?;
    if a.records != "events" {
        return export_records(&a, &store);
    }
    let needs_dicts = a.format == "gdelt" || a.source.is_some() || a.target.is_some();
    let dicts = if needs_dicts { Some(load_coder(a.dict.as_deref())?) } else { None };
    let mut filter = filter_from(&a.filter)?;
    if let (Some(s), Some(c)) = (&a.source, &dicts) {
        filter.source = resolve_actor(s, c.dictionaries())?;
    }
    if let (Some(t), Some(c)) = (&a.target, &dicts) {
        filter.target = resolve_actor(t, c.dictionaries())?;
    }
    let out: Box<dyn Write> = match (&a.output, a.format.as_str()) {
        (_, "parquet") => Box::new(std::io::sink()),
        (Some(p), _) => Box::new(std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?),
        (None, _) => Box::new(std::io::stdout().lock()),
    };
    let mut sink = match a.format.as_str() {
        "gdelt" => {
            let countries = Countries::from_dictionaries(
                &dicts.as_ref().map(|c| c.dictionaries().countries.clone()).unwrap_or_default(),
            );
            Sink::Gdelt(GdeltWriter::with_countries(out, countries).header(a.header))
        }
        "polecat" | "plover" => Sink::Polecat(PolecatWriter::new(out)),
        "polecat-tsv" => Sink::PolecatTsv(PolecatTsvWriter::new(out)),
        "csv" => Sink::Plain(Format::Csv.writer(out)),
        "jsonl" | "json" => Sink::Plain(Format::Jsonl.writer(out)),
        "parquet" => parquet_sink(a.output.as_deref())?,
        other => anyhow::bail!("unknown --format '{other}': use gdelt, polecat, polecat-tsv, csv, jsonl or parquet"),
    };
    let mut rows = 0usize;
    // GDELT rows are aggregate events; the others are records, or first mentions with --one-a-day.
    if a.format == "gdelt" || a.one_a_day {
        store.for_each_event(&filter, |agg| {
            rows += 1;
            sink.write(&agg.first, Some(&agg))
                .map_err(|e| dyad_store::StoreError::Invalid(format!("cannot write: {e}")))
        })?;
    } else {
        store.for_each_mention(&filter, |m| {
            rows += 1;
            sink.write(&m, None).map_err(|e| dyad_store::StoreError::Invalid(format!("cannot write: {e}")))
        })?;
    }
    let skipped = sink.finish()?;
    let to = a.output.as_ref().map(|p| p.display().to_string()).unwrap_or_else(|| "standard output".into());
    let unit = if a.format == "gdelt" || a.one_a_day { "aggregate events" } else { "event records" };
    eprintln!("dyad: wrote {} {unit} as {} to {to}", rows - skipped, a.format);
    if skipped > 0 {
        eprintln!("dyad: {skipped} records skipped: PLOVER has no category for CAMEO statements (01) and needs a date");
    }
    Ok(Outcome::Ok)
}

#[cfg(feature = "parquet")]
fn parquet_sink<'a>(dir: Option<&std::path::Path>) -> anyhow::Result<Sink<'a>> {
    let dir = dir.context("--format parquet writes a directory: give it with -o DIR")?;
    Ok(Sink::Parquet(
        dyad_export::ParquetWriter::create(dir).with_context(|| format!("cannot create {}", dir.display()))?,
    ))
}

#[cfg(not(feature = "parquet"))]
fn parquet_sink<'a>(_dir: Option<&std::path::Path>) -> anyhow::Result<Sink<'a>> {
    anyhow::bail!(
        "this dyad was built without Parquet support: build it with `cargo build --release --features parquet`"
    )
}

pub fn search(a: SearchArgs) -> anyhow::Result<Outcome> {
    let store = open_existing(&a.db.db)?;
    let hits = store.search(&a.query, a.limit)?;
    let mut out = std::io::stdout().lock();
    for h in &hits {
        if a.json {
            let v = serde_json::json!({
                "doc_id": h.doc_id, "url": h.url, "title": h.title, "published": h.published.map(|d| d.to_string()),
                "sentence_index": h.index, "sentence": h.text, "snippet": h.snippet, "events": h.events,
            });
            writeln!(out, "{v}")?;
            continue;
        }
        let date = h.published.map(|d| d.to_string()).unwrap_or_else(|| "-".into());
        let title = h.title.as_deref().unwrap_or("");
        writeln!(out, "{date}  {}  #{}  {title}", h.doc_id, h.index)?;
        writeln!(out, "    {}", h.snippet)?;
        if !h.events.is_empty() {
            writeln!(out, "    events: {}", h.events.join(", "))?;
        }
    }
    if !a.json {
        eprintln!("dyad: {} sentences", hits.len());
    }
    Ok(Outcome::Ok)
}
