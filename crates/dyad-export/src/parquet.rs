//! Parquet files partitioned by year and month in the Hive layout, so DuckDB
//! (`read_parquet('out/**/*.parquet', hive_partitioning = true)`), Spark, Trino and pandas
//! (`pd.read_parquet('out')`) read the directory as one table with `year` and `month` columns:
//!
//! ```text
//! OUT/year=2024/month=03/part-0.parquet
//! OUT/year=__HIVE_DEFAULT_PARTITION__/month=__HIVE_DEFAULT_PARTITION__/part-0.parquet   (undated)
//! ```
//!
//! One row per event record, Snappy-compressed, with the flat CSV columns typed
//! ([`PARQUET_COLUMNS`]): `date` is a DATE, `sentence_index`, `trigger_start` and `trigger_end`
//! INT64, `goldstein` FLOAT, `quad_class` INT32, `location_lat`/`location_lon` DOUBLE,
//! `negated` BOOLEAN, everything else UTF-8 (CAMEO codes keep their leading zeros; lists are
//! `;`-joined). Then `outlet` and `title` of the document and, when written from the store,
//! `event` (the aggregate event id), `num_mentions`, `num_sources` and `num_articles`.
//! Partition values live in the path only, as Hive expects. Requires the `parquet` feature.

use crate::gdelt::GdeltFacts;
use crate::{DocInfo, EventWriter};
use arrow_array::{
    ArrayRef, BooleanArray, Date32Array, Float32Array, Float64Array, Int32Array, Int64Array, RecordBatch, StringArray,
};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use chrono::Datelike;
use dyad_model::Event;
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use std::collections::BTreeMap;
use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Column names and types, in order.
pub const PARQUET_COLUMNS: &[(&str, &str)] = &[
    ("event_id", "utf8"),
    ("doc_id", "utf8"),
    ("url", "utf8?"),
    ("sentence_index", "int64"),
    ("sentence", "utf8"),
    ("date", "date?"),
    ("date_precision", "utf8?"),
    ("date_source", "utf8"),
    ("source_text", "utf8"),
    ("source_code", "utf8"),
    ("source_country", "utf8?"),
    ("source_agents", "utf8"),
    ("source_name", "utf8?"),
    ("target_text", "utf8?"),
    ("target_code", "utf8?"),
    ("target_country", "utf8?"),
    ("target_agents", "utf8?"),
    ("target_name", "utf8?"),
    ("cameo", "utf8"),
    ("cameo_root", "utf8"),
    ("plover_type", "utf8?"),
    ("plover_mode", "utf8?"),
    ("plover_context", "utf8"),
    ("goldstein", "float32"),
    ("quad_class", "int32"),
    ("location_name", "utf8?"),
    ("location_country", "utf8?"),
    ("location_lat", "float64?"),
    ("location_lon", "float64?"),
    ("trigger", "utf8"),
    ("trigger_start", "int64"),
    ("trigger_end", "int64"),
    ("pattern", "utf8"),
    ("negated", "bool"),
    ("modality", "utf8"),
    ("block", "utf8"),
    ("outlet", "utf8?"),
    ("title", "utf8?"),
    ("event", "int64?"),
    ("num_mentions", "int32?"),
    ("num_sources", "int32?"),
    ("num_articles", "int32?"),
];

/// Rows buffered per partition before a row group is written.
const ROW_GROUP: usize = 65_536;

fn schema() -> SchemaRef {
    let fields: Vec<Field> = PARQUET_COLUMNS
        .iter()
        .map(|(name, ty)| {
            let nullable = ty.ends_with('?');
            let dt = match ty.trim_end_matches('?') {
                "utf8" => DataType::Utf8,
                "int64" => DataType::Int64,
                "int32" => DataType::Int32,
                "float32" => DataType::Float32,
                "float64" => DataType::Float64,
                "date" => DataType::Date32,
                _ => DataType::Boolean,
            };
            Field::new(*name, dt, nullable)
        })
        .collect();
    Arc::new(Schema::new(fields))
}

struct Row {
    event: Event,
    doc: DocInfo,
    facts: Option<GdeltFacts>,
}

fn to_value<T: serde::Serialize>(v: &T) -> Option<String> {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => Some(s),
        _ => None,
    }
}

fn batch(rows: &[Row], schema: &SchemaRef) -> io::Result<RecordBatch> {
    let s = |f: &dyn Fn(&Row) -> String| -> ArrayRef { Arc::new(StringArray::from_iter_values(rows.iter().map(f))) };
    let o = |f: &dyn Fn(&Row) -> Option<String>| -> ArrayRef {
        Arc::new(StringArray::from(rows.iter().map(f).collect::<Vec<_>>()))
    };
    let i64s = |f: &dyn Fn(&Row) -> i64| -> ArrayRef { Arc::new(Int64Array::from_iter_values(rows.iter().map(f))) };
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    let t = |r: &Row| r.event.target.clone();
    let l = |r: &Row| r.event.location.clone();
    let columns: Vec<ArrayRef> = vec![
        s(&|r| r.event.event_id.clone()),
        s(&|r| r.event.doc_id.clone()),
        o(&|r| r.event.url.clone()),
        i64s(&|r| r.event.sentence_index as i64),
        s(&|r| r.event.sentence.clone()),
        Arc::new(Date32Array::from(
            rows.iter().map(|r| r.event.date.map(|d| (d - epoch).num_days() as i32)).collect::<Vec<_>>(),
        )),
        o(&|r| r.event.date_precision.as_ref().and_then(to_value)),
        s(&|r| to_value(&r.event.date_source).unwrap_or_default()),
        s(&|r| r.event.source.text.clone()),
        s(&|r| r.event.source.code.clone()),
        o(&|r| r.event.source.country.clone()),
        s(&|r| r.event.source.agents.join(";")),
        o(&|r| r.event.source.name.clone()),
        o(&|r| t(r).map(|t| t.text)),
        o(&|r| t(r).map(|t| t.code)),
        o(&|r| t(r).and_then(|t| t.country)),
        o(&|r| t(r).map(|t| t.agents.join(";"))),
        o(&|r| t(r).and_then(|t| t.name)),
        s(&|r| r.event.cameo.as_str().to_string()),
        s(&|r| r.event.cameo_root.as_str().to_string()),
        o(&|r| r.event.plover.kind.map(|k| k.as_str().to_string())),
        o(&|r| r.event.plover.mode.clone()),
        s(&|r| r.event.plover.context.join(";")),
        Arc::new(Float32Array::from_iter_values(rows.iter().map(|r| r.event.goldstein))),
        Arc::new(Int32Array::from_iter_values(rows.iter().map(|r| r.event.quad_class as i32))),
        o(&|r| l(r).map(|l| l.name)),
        o(&|r| l(r).and_then(|l| l.country)),
        Arc::new(Float64Array::from(rows.iter().map(|r| r.event.location.as_ref().map(|l| l.lat)).collect::<Vec<_>>())),
        Arc::new(Float64Array::from(rows.iter().map(|r| r.event.location.as_ref().map(|l| l.lon)).collect::<Vec<_>>())),
        s(&|r| r.event.trigger.text.clone()),
        i64s(&|r| r.event.trigger.start as i64),
        i64s(&|r| r.event.trigger.end as i64),
        s(&|r| r.event.pattern.clone()),
        Arc::new(BooleanArray::from(rows.iter().map(|r| r.event.negated).collect::<Vec<_>>())),
        s(&|r| to_value(&r.event.modality).unwrap_or_default()),
        s(&|r| r.event.block.as_str().to_string()),
        o(&|r| r.doc.outlet.clone()),
        o(&|r| r.doc.title.clone()),
        Arc::new(Int64Array::from(rows.iter().map(|r| r.facts.as_ref().map(|f| f.id as i64)).collect::<Vec<_>>())),
        Arc::new(Int32Array::from(
            rows.iter().map(|r| r.facts.as_ref().map(|f| f.num_mentions as i32)).collect::<Vec<_>>(),
        )),
        Arc::new(Int32Array::from(
            rows.iter().map(|r| r.facts.as_ref().map(|f| f.num_sources as i32)).collect::<Vec<_>>(),
        )),
        Arc::new(Int32Array::from(
            rows.iter().map(|r| r.facts.as_ref().map(|f| f.num_articles as i32)).collect::<Vec<_>>(),
        )),
    ];
    RecordBatch::try_new(schema.clone(), columns).map_err(io::Error::other)
}

struct Partition {
    rows: Vec<Row>,
    writer: Option<ArrowWriter<File>>,
    path: PathBuf,
}

/// Writes event records into a Hive-partitioned directory of Parquet files.
pub struct ParquetWriter {
    root: PathBuf,
    schema: SchemaRef,
    partitions: BTreeMap<(Option<i32>, u32), Partition>,
    files: Vec<PathBuf>,
    rows: usize,
}

const DEFAULT_PARTITION: &str = "__HIVE_DEFAULT_PARTITION__";

impl ParquetWriter {
    /// Writes under `root` (created if missing). Existing part files of the same partitions are
    /// replaced.
    pub fn create(root: &Path) -> io::Result<ParquetWriter> {
        std::fs::create_dir_all(root)?;
        Ok(ParquetWriter {
            root: root.to_path_buf(),
            schema: schema(),
            partitions: BTreeMap::new(),
            files: Vec::new(),
            rows: 0,
        })
    }

    /// Writes one record, with facts about its document and, from the store, its aggregate.
    pub fn write_with(&mut self, e: &Event, doc: &DocInfo, facts: Option<&GdeltFacts>) -> io::Result<()> {
        let key = match e.date {
            Some(d) => (Some(d.year()), d.month()),
            None => (None, 0),
        };
        let root = &self.root;
        let part = self.partitions.entry(key).or_insert_with(|| {
            let dir = match key {
                (Some(y), m) => root.join(format!("year={y:04}")).join(format!("month={m:02}")),
                (None, _) => root.join(format!("year={DEFAULT_PARTITION}")).join(format!("month={DEFAULT_PARTITION}")),
            };
            Partition { rows: Vec::new(), writer: None, path: dir.join("part-0.parquet") }
        });
        part.rows.push(Row { event: e.clone(), doc: doc.clone(), facts: facts.cloned() });
        self.rows += 1;
        if part.rows.len() >= ROW_GROUP {
            flush(part, &self.schema, &mut self.files)?;
        }
        Ok(())
    }

    /// The files written so far (complete after `finish`).
    pub fn files(&self) -> &[PathBuf] {
        &self.files
    }

    /// Records written.
    pub fn rows(&self) -> usize {
        self.rows
    }
}

fn flush(part: &mut Partition, schema: &SchemaRef, files: &mut Vec<PathBuf>) -> io::Result<()> {
    if part.rows.is_empty() {
        return Ok(());
    }
    if part.writer.is_none() {
        if let Some(dir) = part.path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let file = File::create(&part.path)?;
        let props = WriterProperties::builder().set_compression(Compression::SNAPPY).build();
        part.writer = Some(ArrowWriter::try_new(file, schema.clone(), Some(props)).map_err(io::Error::other)?);
        files.push(part.path.clone());
    }
    let b = batch(&part.rows, schema)?;
    if let Some(w) = part.writer.as_mut() {
        w.write(&b).map_err(io::Error::other)?;
    }
    part.rows.clear();
    Ok(())
}

impl EventWriter for ParquetWriter {
    fn write(&mut self, e: &Event) -> io::Result<()> {
        self.write_with(e, &DocInfo::default(), None)
    }

    fn finish(&mut self) -> io::Result<()> {
        for part in self.partitions.values_mut() {
            flush(part, &self.schema, &mut self.files)?;
            if let Some(w) = part.writer.take() {
                w.close().map_err(io::Error::other)?;
            }
        }
        Ok(())
    }
}
