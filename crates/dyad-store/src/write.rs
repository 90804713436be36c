//! Writing: documents with their sentences and events, one transaction per batch; re-coding
//! replaces a document's mentions and re-counts the aggregates they touched.

use crate::{Result, Store, day_number};
use dyad_model::{Block, Document, Event, FigureRecord, QuoteRecord, Span, content_id};
use rusqlite::{OptionalExtension, Transaction, params};
use std::collections::{BTreeMap, HashMap, HashSet};

/// What a batch did to one aggregate event. An aggregate created in this batch has all its
/// mentions here, so its counts come from memory; others are re-counted in SQL.
#[derive(Default)]
struct Touch {
    created: bool,
    mentions: u32,
    docs: HashSet<i64>,
    outlets: HashSet<String>,
    first: i64,
}

type Touched = BTreeMap<i64, Touch>;

/// One document as the coder saw it: the document, the spans of the sentences of its coded
/// blocks in order (position = the records' `sentence_index`), and its events.
#[derive(Clone, Debug, Default)]
pub struct CodedDocument {
    /// The document.
    pub doc: Document,
    /// Sentence spans of the coded blocks, in order; may be empty (then only the sentences that
    /// carry events are stored).
    pub sentences: Vec<Span>,
    /// The coded events.
    pub events: Vec<Event>,
    /// Quotations with their speakers (empty when they were not asked for).
    pub quotes: Vec<QuoteRecord>,
    /// Quantities with what they count (empty when they were not asked for).
    pub figures: Vec<FigureRecord>,
}

/// What [`Store::add`] did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AddReport {
    /// Documents newly stored.
    pub documents: usize,
    /// Documents skipped because a document with the same body was already stored.
    pub already_stored: usize,
    /// Sentences stored.
    pub sentences: usize,
    /// Event records (mentions) stored.
    pub mentions: usize,
    /// Aggregate events created by this batch.
    pub new_events: usize,
    /// Quotations stored.
    pub quotes: usize,
    /// Figures stored.
    pub figures: usize,
}

impl std::ops::AddAssign for AddReport {
    fn add_assign(&mut self, o: AddReport) {
        self.documents += o.documents;
        self.already_stored += o.already_stored;
        self.sentences += o.sentences;
        self.mentions += o.mentions;
        self.new_events += o.new_events;
        self.quotes += o.quotes;
        self.figures += o.figures;
    }
}

/// What [`Store::replace`] did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RecodeReport {
    /// Documents re-coded.
    pub documents: usize,
    /// Mentions removed.
    pub removed: usize,
    /// Mentions stored.
    pub added: usize,
    /// Aggregate events that no longer have any mention and were dropped.
    pub dropped_events: usize,
}

/// A stored document due for re-coding: its row id and the rebuilt `Document`.
#[derive(Clone, Debug)]
pub struct StaleDocument {
    /// Row id in `documents`.
    pub row: i64,
    /// The document as ingested.
    pub doc: Document,
}

/// The key that counts distinct outlets for NumSources: the outlet name, else the URL's host,
/// else the document itself.
fn outlet_key(doc: &Document, hash: &str) -> String {
    if let Some(o) = doc.outlet.as_deref().map(str::trim).filter(|o| !o.is_empty()) {
        return o.to_lowercase();
    }
    if let Some(url) = doc.url.as_deref() {
        let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        let host = host.rsplit('@').next().unwrap_or(host).trim_start_matches("www.");
        if !host.is_empty() {
            return host.to_lowercase();
        }
    }
    format!("doc:{hash}")
}

fn now_stamp() -> String {
    chrono::Utc::now().format("%Y%m%d%H%M%S").to_string()
}

impl Store {
    /// Stores a batch in one transaction. Documents whose body is already stored are skipped
    /// and counted in `already_stored`; so are repeats within the batch.
    pub fn add(&mut self, batch: &[CodedDocument], dict_version: &str) -> Result<AddReport> {
        let added = now_stamp();
        let tx = self.conn.transaction()?;
        let mut report = AddReport::default();
        let mut touched = Touched::new();
        for cd in batch {
            let hash = content_id(&cd.doc.body);
            if tx.prepare_cached("SELECT 1 FROM documents WHERE hash = ?1")?.exists([&hash])? {
                report.already_stored += 1;
                continue;
            }
            let outlet = outlet_key(&cd.doc, &hash);
            let row = insert_document(&tx, &cd.doc, &hash, &outlet, &added, dict_version)?;
            report.documents += 1;
            let (sentences, mentions, new_events) = insert_coded(&tx, row, &outlet, cd, &added, &mut touched)?;
            report.sentences += sentences;
            report.mentions += mentions;
            report.new_events += new_events;
            let (quotes, figures) = insert_records(&tx, row, cd)?;
            report.quotes += quotes;
            report.figures += figures;
        }
        recount(&tx, &touched)?;
        tx.execute(
            "INSERT INTO meta (key, value) VALUES ('dict_version', ?1) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [dict_version],
        )?;
        tx.commit()?;
        Ok(report)
    }

    /// Up to `limit` stored documents with row id above `after`, coded with a dictionary
    /// version other than `dict_version` (all of them when `all`), in row order.
    pub fn stale_documents(
        &self,
        dict_version: &str,
        all: bool,
        after: i64,
        limit: usize,
    ) -> Result<Vec<StaleDocument>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, doc_id, url, title, outlet, language, published, origin, body, blocks FROM documents
             WHERE id > ?1 AND (?2 OR dict_version <> ?3) ORDER BY id LIMIT ?4",
        )?;
        let rows = stmt.query_map(params![after, all, dict_version, limit as i64], |r| {
            let blocks: Option<String> = r.get(9)?;
            let published: Option<String> = r.get(6)?;
            Ok(StaleDocument {
                row: r.get(0)?,
                doc: Document {
                    id: r.get(1)?,
                    url: r.get(2)?,
                    title: r.get(3)?,
                    outlet: r.get(4)?,
                    language: r.get(5)?,
                    published: published.and_then(|p| p.parse().ok()),
                    origin: r.get(7)?,
                    body: r.get(8)?,
                    blocks: blocks.and_then(|b| serde_json::from_str::<Vec<Block>>(&b).ok()).unwrap_or_default(),
                },
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Replaces the mentions of stored documents (row id, re-coded document) in one
    /// transaction, re-counts the aggregates touched, drops aggregates left without mentions,
    /// and records `dict_version` on each document.
    pub fn replace(&mut self, batch: &[(i64, CodedDocument)], dict_version: &str) -> Result<RecodeReport> {
        let added = now_stamp();
        let tx = self.conn.transaction()?;
        let mut report = RecodeReport::default();
        let mut touched = Touched::new();
        for (row, cd) in batch {
            {
                let mut stmt = tx.prepare_cached("DELETE FROM mentions WHERE doc = ?1 RETURNING event")?;
                let gone: Vec<i64> = stmt.query_map([row], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
                report.removed += gone.len();
                for id in gone {
                    touched.entry(id).or_default();
                }
            }
            tx.prepare_cached("DELETE FROM quotes WHERE doc = ?1")?.execute([row])?;
            tx.prepare_cached("DELETE FROM figures WHERE doc = ?1")?.execute([row])?;
            let outlet: String = tx.query_row("SELECT outlet_key FROM documents WHERE id = ?1", [row], |r| r.get(0))?;
            let (_, mentions, _) = insert_coded(&tx, *row, &outlet, cd, &added, &mut touched)?;
            insert_records(&tx, *row, cd)?;
            report.added += mentions;
            report.documents += 1;
            tx.execute("UPDATE documents SET dict_version = ?1 WHERE id = ?2", params![dict_version, row])?;
        }
        recount(&tx, &touched)?;
        for id in touched.keys() {
            report.dropped_events += tx.execute("DELETE FROM events WHERE id = ?1 AND num_mentions = 0", [id])?;
        }
        tx.execute(
            "INSERT INTO meta (key, value) VALUES ('dict_version', ?1) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [dict_version],
        )?;
        tx.commit()?;
        Ok(report)
    }
}

fn insert_document(
    tx: &Transaction,
    doc: &Document,
    hash: &str,
    outlet: &str,
    added: &str,
    dict_version: &str,
) -> Result<i64> {
    let blocks = if doc.blocks.is_empty() { None } else { serde_json::to_string(&doc.blocks).ok() };
    let mut stmt = tx.prepare_cached(
        "INSERT INTO documents (hash, doc_id, url, title, outlet, outlet_key, language, published, origin, body, blocks, added, dict_version)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    stmt.execute(params![
        hash,
        doc.id,
        doc.url,
        doc.title,
        doc.outlet,
        outlet,
        doc.language,
        doc.published.map(|d| d.to_string()),
        doc.origin,
        doc.body,
        blocks,
        added,
        dict_version,
    ])?;
    Ok(tx.last_insert_rowid())
}

/// Inserts sentences (new ones also into the FTS index) and mentions of one document; returns
/// (sentences inserted, mentions inserted, aggregates created).
fn insert_coded(
    tx: &Transaction,
    doc: i64,
    outlet: &str,
    cd: &CodedDocument,
    added: &str,
    touched: &mut Touched,
) -> Result<(usize, usize, usize)> {
    let body = cd.doc.body.as_str();
    let mut by_start: HashMap<usize, i64> = HashMap::new();
    let mut inserted = 0;
    let mut insert_sentence = |idx: usize, start: usize, end: usize, text: &str| -> Result<i64> {
        if let Some(&id) = by_start.get(&start) {
            return Ok(id);
        }
        let mut stmt = tx.prepare_cached(
            "INSERT OR IGNORE INTO sentences (doc, idx, start, end, text) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        let id = if stmt.execute(params![doc, idx as i64, start as i64, end as i64, text])? == 1 {
            let id = tx.last_insert_rowid();
            // One row per statement on purpose: a multi-row INSERT … SELECT into FTS5 opens a
            // statement savepoint, and FTS5 flushes its pending terms to disk at every savepoint,
            // which multiplies segment merging (measured: 3× the indexing cost).
            tx.prepare_cached("INSERT INTO sentences_fts (rowid, text) VALUES (?1, ?2)")?.execute(params![id, text])?;
            inserted += 1;
            id
        } else {
            tx.prepare_cached("SELECT id FROM sentences WHERE doc = ?1 AND start = ?2")?
                .query_row(params![doc, start as i64], |r| r.get(0))?
        };
        by_start.insert(start, id);
        Ok(id)
    };
    for (idx, span) in cd.sentences.iter().enumerate() {
        if let Some(text) = body.get(span.start..span.end) {
            insert_sentence(idx, span.start, span.end, text)?;
        }
    }
    let mut mentions = 0;
    let mut new_events = 0;
    for e in &cd.events {
        let sentence =
            insert_sentence(e.sentence_index, e.sentence_start, e.sentence_start + e.sentence.len(), &e.sentence)?;
        let day = day_number(e.date);
        let target = e.target.as_ref();
        let tcode = target.map(|t| t.code.as_str()).unwrap_or("");
        let tcountry = target.and_then(|t| t.country.as_deref());
        let cameo = e.cameo.as_str();
        let root = e.cameo.root_number() as i64;
        let existing: Option<i64> = tx
            .prepare_cached("SELECT id FROM events WHERE day = ?1 AND source = ?2 AND target = ?3 AND cameo = ?4")?
            .query_row(params![day, e.source.code, tcode, cameo], |r| r.get(0))
            .optional()?;
        let (event, created) = match existing {
            Some(id) => (id, false),
            None => {
                tx.prepare_cached(
                    "INSERT INTO events (day, source, target, cameo, source_country, target_country, root, quad, goldstein, added)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                )?
                .execute(params![day, e.source.code, tcode, cameo, e.source.country, tcountry, root, e.quad_class, e.goldstein as f64, added])?;
                new_events += 1;
                (tx.last_insert_rowid(), true)
            }
        };
        let mut record = e.clone();
        record.sentence = String::new();
        let json = serde_json::to_string(&record).map_err(|source| crate::StoreError::Record { id: 0, source })?;
        tx.prepare_cached(
            "INSERT INTO mentions (event_id, event, doc, sentence, day, source, target, source_country, target_country, cameo, root, quad,
                 goldstein, trigger_start, trigger_end, source_start, source_end, target_start, target_end, pattern, record)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)",
        )?
        .execute(params![
            e.event_id,
            event,
            doc,
            sentence,
            day,
            e.source.code,
            tcode,
            e.source.country,
            tcountry,
            cameo,
            root,
            e.quad_class,
            e.goldstein as f64,
            e.trigger.start as i64,
            e.trigger.end as i64,
            e.source.start as i64,
            e.source.end as i64,
            target.map(|t| t.start as i64),
            target.map(|t| t.end as i64),
            e.pattern,
            json,
        ])?;
        let mention = tx.last_insert_rowid();
        let t = touched.entry(event).or_insert_with(|| Touch { created, first: mention, ..Touch::default() });
        t.mentions += 1;
        t.docs.insert(doc);
        t.outlets.insert(outlet.to_string());
        mentions += 1;
    }
    Ok((inserted, mentions, new_events))
}

/// Inserts the quotations and figures of one document; returns how many of each.
fn insert_records(tx: &Transaction, doc: i64, cd: &CodedDocument) -> Result<(usize, usize)> {
    for q in &cd.quotes {
        let speaker = q.speaker.as_ref();
        tx.prepare_cached(
            "INSERT INTO quotes (doc, sentence_index, day, speaker, speaker_country, start, end, text, record)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?
        .execute(params![
            doc,
            q.sentence_index as i64,
            day_number(q.date),
            speaker.map(|s| s.code.as_str()).unwrap_or(""),
            speaker.and_then(|s| s.country.as_deref()),
            q.start as i64,
            q.end as i64,
            q.text,
            json(q)?,
        ])?;
    }
    for f in &cd.figures {
        let mut record = f.clone();
        record.sentence = String::new();
        tx.prepare_cached(
            "INSERT INTO figures (doc, sentence_index, day, value, unit, counts, start, end, text, record)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?
        .execute(params![
            doc,
            f.sentence_index as i64,
            day_number(f.date),
            f.value,
            f.unit,
            f.counted,
            f.start as i64,
            f.end as i64,
            f.text,
            json(&record)?,
        ])?;
    }
    Ok((cd.quotes.len(), cd.figures.len()))
}

/// A record as the JSON of its row's `record` column.
fn json<T: serde::Serialize>(record: &T) -> Result<String> {
    serde_json::to_string(record).map_err(|source| crate::StoreError::Record { id: 0, source })
}

/// Sets NumMentions, NumArticles, NumSources and the first mention of the aggregates a batch
/// touched: from memory for those it created, by re-counting their mentions for the others.
fn recount(tx: &Transaction, touched: &Touched) -> Result<()> {
    let mut set = tx.prepare_cached(
        "UPDATE events SET num_mentions = ?2, num_articles = ?3, num_sources = ?4, first_mention = ?5 WHERE id = ?1",
    )?;
    let mut count = tx.prepare_cached(
        "UPDATE events SET
             num_mentions = (SELECT count(*) FROM mentions WHERE event = ?1),
             num_articles = (SELECT count(DISTINCT doc) FROM mentions WHERE event = ?1),
             num_sources = (SELECT count(DISTINCT d.outlet_key) FROM mentions m JOIN documents d ON d.id = m.doc WHERE m.event = ?1),
             first_mention = (SELECT min(id) FROM mentions WHERE event = ?1)
         WHERE id = ?1",
    )?;
    for (id, t) in touched {
        if t.created {
            set.execute(params![id, t.mentions, t.docs.len() as i64, t.outlets.len() as i64, t.first])?;
        } else {
            count.execute([id])?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlet_keys() {
        let mut d = Document::from_text("x");
        assert!(outlet_key(&d, "h").starts_with("doc:"));
        d.url = Some("https://www.Reuters.com/world/a?b=1".into());
        assert_eq!(outlet_key(&d, "h"), "reuters.com");
        d.outlet = Some(" The Astana Times ".into());
        assert_eq!(outlet_key(&d, "h"), "the astana times");
    }
}
