//! Dyad's event store: one SQLite file (WAL mode) holding documents, their sentences, every
//! coded event record with its evidence (a *mention*), and GDELT-style aggregate *events* that
//! join mentions of the same (date, source, target, CAMEO code) across documents.
//!
//! The main types are [`Store`] (open, add, recode, read), [`CodedDocument`] (what the coder made
//! of one document), [`Filter`] and [`ActorSel`] (which records to read), and the analyses
//! [`SeriesQuery`], [`ActorRow`], [`DyadRow`] and [`shifts`] (change points on dyad series).
//!
//! Writes are batched: [`Store::add`] stores a batch of documents in one transaction, so a killed
//! process leaves the store as it was after the last whole batch, and re-running the same input
//! skips what is already stored (documents are keyed by the hash of their body).
//!
//! ```
//! use dyad_model::{Document, Span};
//! use dyad_store::{CodedDocument, Filter, Store};
//!
//! let mut store = Store::open_in_memory().unwrap();
//! let doc = Document::from_text("Kazakhstan hosted talks. Russia sent a delegation.");
//! let sentences = vec![Span::new(0, 24), Span::new(25, 50)];
//! let batch = [CodedDocument { doc, sentences, ..CodedDocument::default() }];
//! let first = store.add(&batch, "v1").unwrap();
//! assert_eq!((first.documents, first.already_stored), (1, 0));
//! let again = store.add(&batch, "v1").unwrap();
//! assert_eq!((again.documents, again.already_stored), (0, 1));
//! let hits = store.search("delegation", 10).unwrap();
//! assert_eq!(hits[0].text, "Russia sent a delegation.");
//! assert_eq!(store.counts().unwrap().mentions, 0);
//! # let _ = Filter::default();
//! ```
#![deny(missing_docs)]

mod analysis;
mod browse;
mod changepoint;
mod query;
mod records;
mod schema;
pub mod shifts;
mod write;

pub use analysis::{ActorRow, DyadRow, Metric, Period, SeriesQuery, SeriesRow};
pub use browse::{Cursor, EventQuery, PlaceRow};
pub use changepoint::{Cost, pelt};
pub use query::{ActorSel, Aggregate, Filter, Mention, SearchHit};
pub use records::RecordQuery;
pub use schema::{SCHEMA_V1, SCHEMA_V2, SCHEMA_VERSION};
pub use write::{AddReport, CodedDocument, RecodeReport, StaleDocument};

use rusqlite::{Connection, OptionalExtension};
use std::path::{Path, PathBuf};

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// SQLite reported an error.
    #[error("{0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The file is an SQLite database, but not a Dyad store.
    #[error("not a Dyad store: the database has tables but no Dyad `meta` table (use a new --db path)")]
    NotAStore,
    /// The store was written by a newer Dyad.
    #[error("the store has schema version {found}, newer than this dyad supports ({supported}): upgrade dyad")]
    NewerSchema {
        /// Version in the file.
        found: u32,
        /// Newest version this build reads.
        supported: u32,
    },
    /// A stored record could not be read back.
    #[error("stored record {id} is not valid JSON: {source}")]
    Record {
        /// Mention id.
        id: i64,
        /// The parse error.
        source: serde_json::Error,
    },
    /// An argument was out of range.
    #[error("{0}")]
    Invalid(String),
}

/// A `Result` with [`StoreError`].
pub type Result<T> = std::result::Result<T, StoreError>;

/// Row counts of the main tables.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Stored documents.
    pub documents: u64,
    /// Stored sentences.
    pub sentences: u64,
    /// Coded event records (mentions).
    pub mentions: u64,
    /// Aggregate events (distinct day, source, target, CAMEO code).
    pub events: u64,
    /// Stored quotations.
    pub quotes: u64,
    /// Stored figures.
    pub figures: u64,
}

/// An open store.
pub struct Store {
    pub(crate) conn: Connection,
    path: Option<PathBuf>,
}

impl Store {
    /// Opens the store at `path`, creating it (and its schema) when the file does not exist.
    pub fn open(path: &Path) -> Result<Store> {
        let conn = Connection::open(path)?;
        Store::setup(conn, Some(path.to_path_buf()))
    }

    /// A store in memory, for tests and one-off analyses.
    pub fn open_in_memory() -> Result<Store> {
        Store::setup(Connection::open_in_memory()?, None)
    }

    fn setup(mut conn: Connection, path: Option<PathBuf>) -> Result<Store> {
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        // WAL: readers never block the writer, and a killed writer loses at most its open
        // transaction. NORMAL sync is safe against corruption in WAL mode (a power cut may drop
        // the last transactions, never damage the file). Foreign keys are declared but not
        // enforced on every insert (SQLite's default; the writer keeps them, and
        // `integrity_check` verifies them): enforcing cost 10% of storing.
        let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        conn.execute_batch(
            "PRAGMA synchronous = NORMAL;
             PRAGMA foreign_keys = OFF;
             PRAGMA cache_size = -65536;
             PRAGMA temp_store = MEMORY;
             PRAGMA wal_autocheckpoint = 8192;",
        )?;
        schema::prepare(&mut conn)?;
        Ok(Store { conn, path })
    }

    /// The file the store lives in (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// A value from the `meta` table (`schema_version`, `dict_version` …).
    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        Ok(self.conn.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0)).optional()?)
    }

    /// Sets a value in the `meta` table.
    pub fn set_meta(&self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )?;
        Ok(())
    }

    /// Row counts of documents, sentences, mentions and aggregate events.
    pub fn counts(&self) -> Result<Counts> {
        let n = |table: &str| -> Result<u64> {
            Ok(self.conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get::<_, i64>(0))? as u64)
        };
        Ok(Counts {
            documents: n("documents")?,
            sentences: n("sentences")?,
            mentions: n("mentions")?,
            events: n("events")?,
            quotes: n("quotes")?,
            figures: n("figures")?,
        })
    }

    /// Runs `PRAGMA integrity_check`, `PRAGMA foreign_key_check` and FTS5's own integrity check
    /// of the sentence index against the sentences; returns "ok" for a sound store, else what
    /// is wrong.
    pub fn integrity_check(&self) -> Result<String> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let lines: Vec<String> = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        let answer = lines.join("\n");
        if answer != "ok" {
            return Ok(answer);
        }
        let mut stmt = self.conn.prepare("PRAGMA foreign_key_check")?;
        let broken: Vec<String> = stmt
            .query_map([], |r| {
                Ok(format!("{} row {} has no {}", r.get::<_, String>(0)?, r.get::<_, i64>(1)?, r.get::<_, String>(2)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        if let Some(first) = broken.first() {
            return Ok(format!("{} broken references, first: {first}", broken.len()));
        }
        match self.conn.execute("INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('integrity-check', 1)", []) {
            Ok(_) => Ok(answer),
            Err(e) => Ok(format!("sentences_fts: {e}")),
        }
    }

    /// Whether a document with this content hash (see [`dyad_model::content_id`]) is stored.
    pub fn has_document(&self, hash: &str) -> Result<bool> {
        let mut stmt = self.conn.prepare_cached("SELECT 1 FROM documents WHERE hash = ?1")?;
        Ok(stmt.exists([hash])?)
    }

    /// Runs `ANALYZE` so SQLite's planner knows the tables' shapes (cheap; worth doing after a
    /// large ingest).
    pub fn optimize(&self) -> Result<()> {
        self.conn.execute_batch("PRAGMA optimize; ANALYZE;")?;
        Ok(())
    }

    /// The underlying connection, for ad-hoc SQL (read the schema in [`SCHEMA_V1`] and [`SCHEMA_V2`]).
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

/// `yyyymmdd` for a date; 0 for none.
pub fn day_number(date: Option<chrono::NaiveDate>) -> i64 {
    use chrono::Datelike;
    date.map(|d| d.year() as i64 * 10_000 + d.month() as i64 * 100 + d.day() as i64).unwrap_or(0)
}

/// The date of a `yyyymmdd` number; `None` for 0 or an impossible date.
pub fn day_date(day: i64) -> Option<chrono::NaiveDate> {
    if day <= 0 {
        return None;
    }
    chrono::NaiveDate::from_ymd_opt((day / 10_000) as i32, (day / 100 % 100) as u32, (day % 100) as u32)
}
