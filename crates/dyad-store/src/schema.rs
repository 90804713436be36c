//! The store's schema, versioned in the `meta` table. A store written by a newer Dyad is refused
//! with a message that says so; older versions are migrated in place, in one transaction.

use crate::StoreError;
use rusqlite::{Connection, OptionalExtension};

/// The schema version this build writes and reads.
pub const SCHEMA_VERSION: u32 = 2;

/// Version 1.
///
/// * `documents`: one row per distinct body (`hash` is its content hash), with everything needed
///   to rebuild the `Document` for `dyad recode`, and the dictionary version that coded it.
/// * `sentences`: the sentences of coded blocks, in document order (`idx` is the record's
///   `sentence_index`), byte offsets into the body; `sentences_fts` indexes their text (FTS5,
///   external content, no per-row size table: cheaper inserts, BM25 reads lengths from the text).
/// * `events`: GDELT-style aggregate events, one per (day, source code, target code, CAMEO code)
///   across all documents, with NumMentions, NumSources (distinct outlets) and NumArticles.
///   `day` is `yyyymmdd`, 0 when the date is unknown; `target` is '' when there is none.
/// * `mentions`: every coded event record, pointing at its aggregate, document and sentence, with
///   its evidence (trigger and actor byte spans, the pattern) and the full record as JSON (its
///   `sentence` field left empty: the text lives in `sentences`).
pub const SCHEMA_V1: &str = r#"
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE documents (
    id           INTEGER PRIMARY KEY,
    hash         TEXT NOT NULL UNIQUE,
    doc_id       TEXT NOT NULL,
    url          TEXT,
    title        TEXT,
    outlet       TEXT,
    outlet_key   TEXT NOT NULL,
    language     TEXT,
    published    TEXT,
    origin       TEXT NOT NULL,
    body         TEXT NOT NULL,
    blocks       TEXT,
    added        TEXT NOT NULL,
    dict_version TEXT NOT NULL
);
CREATE INDEX documents_doc_id ON documents(doc_id);

CREATE TABLE sentences (
    id    INTEGER PRIMARY KEY,
    doc   INTEGER NOT NULL REFERENCES documents(id),
    idx   INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end   INTEGER NOT NULL,
    text  TEXT NOT NULL,
    UNIQUE (doc, start)
);

CREATE VIRTUAL TABLE sentences_fts USING fts5(
    text, content = 'sentences', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2', columnsize = 0
);

CREATE TABLE events (
    id             INTEGER PRIMARY KEY,
    day            INTEGER NOT NULL,
    source         TEXT NOT NULL,
    target         TEXT NOT NULL,
    cameo          TEXT NOT NULL,
    source_country TEXT,
    target_country TEXT,
    root           INTEGER NOT NULL,
    quad           INTEGER NOT NULL,
    goldstein      REAL NOT NULL,
    num_mentions   INTEGER NOT NULL DEFAULT 0,
    num_sources    INTEGER NOT NULL DEFAULT 0,
    num_articles   INTEGER NOT NULL DEFAULT 0,
    first_mention  INTEGER,
    added          TEXT NOT NULL,
    UNIQUE (day, source, target, cameo)
);
CREATE INDEX events_dyad ON events(source_country, target_country, source, target, day, quad, goldstein, root);

CREATE TABLE mentions (
    id             INTEGER PRIMARY KEY,
    event_id       TEXT NOT NULL,
    event          INTEGER NOT NULL REFERENCES events(id),
    doc            INTEGER NOT NULL REFERENCES documents(id),
    sentence       INTEGER NOT NULL REFERENCES sentences(id),
    day            INTEGER NOT NULL,
    source         TEXT NOT NULL,
    target         TEXT NOT NULL,
    source_country TEXT,
    target_country TEXT,
    cameo          TEXT NOT NULL,
    root           INTEGER NOT NULL,
    quad           INTEGER NOT NULL,
    goldstein      REAL NOT NULL,
    trigger_start  INTEGER NOT NULL,
    trigger_end    INTEGER NOT NULL,
    source_start   INTEGER NOT NULL,
    source_end     INTEGER NOT NULL,
    target_start   INTEGER,
    target_end     INTEGER,
    pattern        TEXT NOT NULL,
    record         TEXT NOT NULL
);
CREATE INDEX mentions_event ON mentions(event);
CREATE INDEX mentions_doc ON mentions(doc);
CREATE INDEX mentions_sentence ON mentions(sentence);
CREATE INDEX mentions_day ON mentions(day, quad, goldstein, root);
CREATE INDEX mentions_dyad ON mentions(source_country, target_country, source, target, day, quad, goldstein, root);

-- The one-a-day view: one row per (day, source, target, CAMEO code), as Phoenix's filter keeps.
CREATE VIEW one_a_day AS
    SELECT id, day, source, target, cameo, source_country, target_country, root, quad, goldstein,
           num_mentions, num_sources, num_articles
    FROM events WHERE num_mentions > 0;
"#;

/// Version 2 adds the knowledge-graph records beside the events.
///
/// * `quotes`: quotations with their speaker resolved to an actor (`speaker` is the actor code,
///   '' when the words credited name no actor), the quoted words' byte span, and the full record
///   as JSON.
/// * `figures`: quantities with their value, unit and what they count, and the full record.
///
/// Both point at their document and sentence and are replaced with the events on `dyad recode`.
pub const SCHEMA_V2: &str = r#"
CREATE TABLE quotes (
    id              INTEGER PRIMARY KEY,
    doc             INTEGER NOT NULL REFERENCES documents(id),
    sentence_index  INTEGER NOT NULL,
    day             INTEGER NOT NULL,
    speaker         TEXT NOT NULL,
    speaker_country TEXT,
    start           INTEGER NOT NULL,
    end             INTEGER NOT NULL,
    text            TEXT NOT NULL,
    record          TEXT NOT NULL
);
CREATE INDEX quotes_doc ON quotes(doc);
CREATE INDEX quotes_speaker ON quotes(speaker, day);

CREATE TABLE figures (
    id              INTEGER PRIMARY KEY,
    doc             INTEGER NOT NULL REFERENCES documents(id),
    sentence_index  INTEGER NOT NULL,
    day             INTEGER NOT NULL,
    value           REAL NOT NULL,
    unit            TEXT,
    counts          TEXT,
    start           INTEGER NOT NULL,
    end             INTEGER NOT NULL,
    text            TEXT NOT NULL,
    record          TEXT NOT NULL
);
CREATE INDEX figures_doc ON figures(doc);
CREATE INDEX figures_day ON figures(day);
"#;

/// Creates the schema in an empty database, or checks and migrates an existing one.
pub fn prepare(conn: &mut Connection) -> Result<(), StoreError> {
    let has_meta: bool = conn
        .query_row("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'", [], |_| Ok(true))
        .optional()?
        .unwrap_or(false);
    if !has_meta {
        let tables: i64 =
            conn.query_row("SELECT count(*) FROM sqlite_master WHERE type = 'table'", [], |r| r.get(0))?;
        if tables > 0 {
            return Err(StoreError::NotAStore);
        }
        let tx = conn.transaction()?;
        tx.execute_batch(SCHEMA_V1)?;
        tx.execute_batch(SCHEMA_V2)?;
        // Let FTS5 buffer 8 MB of terms (default 1 MB) before writing a segment: fewer, larger
        // segments and less merging while ingesting; merge 16 segments at a level, not 4, for
        // less merging again (queries read a few more segments). Stored in the index's config.
        tx.execute("INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('hashsize', 8388608)", [])?;
        tx.execute("INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('automerge', 16)", [])?;
        tx.execute("INSERT INTO meta (key, value) VALUES ('schema_version', ?1)", [SCHEMA_VERSION.to_string()])?;
        tx.execute("INSERT INTO meta (key, value) VALUES ('application', 'dyad')", [])?;
        tx.commit()?;
        return Ok(());
    }
    let found: Option<String> =
        conn.query_row("SELECT value FROM meta WHERE key = 'schema_version'", [], |r| r.get(0)).optional()?;
    let found: u32 = found.and_then(|v| v.parse().ok()).ok_or(StoreError::NotAStore)?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema { found, supported: SCHEMA_VERSION });
    }
    // Each migration runs in one transaction that ends by writing the new `schema_version`.
    if found < 2 {
        let tx = conn.transaction()?;
        tx.execute_batch(SCHEMA_V2)?;
        tx.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'", [])?;
        tx.commit()?;
    }
    Ok(())
}
