//! Reading: filters over stored records, mentions and aggregate events in date order, and
//! full-text search over sentences.

use crate::{Result, Store, StoreError, day_date, day_number};
use chrono::NaiveDate;
use dyad_model::Event;
use rusqlite::types::Value;
use rusqlite::{Row, params, params_from_iter};

/// Which actors a side of a dyad matches.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum ActorSel {
    /// Anyone (and, for targets, no target at all).
    #[default]
    Any,
    /// Every actor of a country or generic class: "KAZ" matches KAZ, KAZGOV, KAZMIL …
    Country(String),
    /// Codes starting with this one: "KAZGOV" matches KAZGOV and KAZGOVMIL.
    Code(String),
}

impl ActorSel {
    /// Reads a code: empty or `*` is anyone, three letters a country, longer a code prefix.
    pub fn from_code(code: &str) -> ActorSel {
        let c = code.trim().to_ascii_uppercase();
        match c.len() {
            0 => ActorSel::Any,
            _ if c == "*" => ActorSel::Any,
            3 => ActorSel::Country(c),
            _ => ActorSel::Code(c),
        }
    }

    /// The code as given ("*" for anyone).
    pub fn label(&self) -> &str {
        match self {
            ActorSel::Any => "*",
            ActorSel::Country(c) | ActorSel::Code(c) => c,
        }
    }

    /// Appends the SQL condition for one side (`source` or `target`) of table alias `t`.
    pub(crate) fn push_sql(&self, t: &str, side: &str, sql: &mut Vec<String>, args: &mut Vec<Value>) {
        match self {
            ActorSel::Any => {}
            ActorSel::Country(c) => {
                sql.push(format!("{t}.{side}_country = ?"));
                args.push(Value::Text(c.clone()));
            }
            ActorSel::Code(c) => {
                // The country part first, so the dyad index is entered on both countries; then a
                // range ('~' sorts after A–Z) for the prefix, checked inside the same index.
                match c.get(..3) {
                    Some("---") => sql.push(format!("{t}.{side}_country IS NULL")),
                    Some(country) if country.bytes().all(|b| b.is_ascii_uppercase()) => {
                        sql.push(format!("{t}.{side}_country = ?"));
                        args.push(Value::Text(country.to_string()));
                    }
                    _ => {}
                }
                sql.push(format!("{t}.{side} >= ? AND {t}.{side} < ?"));
                args.push(Value::Text(c.clone()));
                args.push(Value::Text(format!("{c}~")));
            }
        }
    }
}

/// Which records to read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// First day included.
    pub from: Option<NaiveDate>,
    /// Last day included.
    pub to: Option<NaiveDate>,
    /// Source actors.
    pub source: ActorSel,
    /// Target actors.
    pub target: ActorSel,
    /// CAMEO root (1–20).
    pub root: Option<u8>,
    /// Also match the reverse dyad (target as source and source as target).
    pub both_directions: bool,
}

impl Filter {
    /// The WHERE clause (without the keyword; "1" when empty) over table alias `t`.
    pub(crate) fn sql(&self, t: &str) -> (String, Vec<Value>) {
        let mut sql = Vec::new();
        let mut args = Vec::new();
        if let Some(d) = self.from {
            sql.push(format!("{t}.day >= ?"));
            args.push(Value::Integer(day_number(Some(d))));
        }
        if let Some(d) = self.to {
            sql.push(format!("{t}.day <= ? AND {t}.day > 0"));
            args.push(Value::Integer(day_number(Some(d))));
        }
        if let Some(r) = self.root {
            sql.push(format!("{t}.root = ?"));
            args.push(Value::Integer(r as i64));
        }
        let mut forward = Vec::new();
        self.source.push_sql(t, "source", &mut forward, &mut args);
        self.target.push_sql(t, "target", &mut forward, &mut args);
        if self.both_directions && !forward.is_empty() {
            let mut back = Vec::new();
            self.target.push_sql(t, "source", &mut back, &mut args);
            self.source.push_sql(t, "target", &mut back, &mut args);
            sql.push(format!("(({}) OR ({}))", forward.join(" AND "), back.join(" AND ")));
        } else {
            sql.extend(forward);
        }
        if sql.is_empty() { ("1".to_string(), args) } else { (sql.join(" AND "), args) }
    }

    /// Whether either side names an actor (then the dyad indexes beat the date index).
    pub(crate) fn has_actor(&self) -> bool {
        self.source != ActorSel::Any || self.target != ActorSel::Any
    }

    /// The "dated" condition over alias `t`: with an actor given, written so SQLite does not
    /// pick the date index over a dyad index (a unary `+` makes a term unindexable).
    pub(crate) fn dated(&self, t: &str) -> String {
        if self.has_actor() { format!("+{t}.day > 0") } else { format!("{t}.day > 0") }
    }

    /// The same filter with the dyad reversed (for two-direction series).
    pub fn reversed(&self) -> Filter {
        Filter { source: self.target.clone(), target: self.source.clone(), both_directions: false, ..self.clone() }
    }
}

/// One stored event record with where it sits in the store.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Row id in `mentions`.
    pub id: i64,
    /// Id of the aggregate event it belongs to (GDELT's GLOBALEVENTID).
    pub event: i64,
    /// The event record, sentence included.
    pub record: Event,
    /// The document's outlet.
    pub outlet: Option<String>,
    /// The document's title.
    pub title: Option<String>,
    /// The document's publication date.
    pub published: Option<NaiveDate>,
    /// The document's language.
    pub language: Option<String>,
    /// When the document was stored, `YYYYMMDDHHMMSS` UTC.
    pub added: String,
}

/// An aggregate event: every mention of the same (day, source, target, CAMEO code).
#[derive(Clone, Debug, PartialEq)]
pub struct Aggregate {
    /// Row id (GLOBALEVENTID in GDELT exports).
    pub id: i64,
    /// Event date.
    pub date: Option<NaiveDate>,
    /// Number of mentions (records), repeats within a document included.
    pub num_mentions: u32,
    /// Number of distinct outlets.
    pub num_sources: u32,
    /// Number of distinct documents.
    pub num_articles: u32,
    /// When the first mention was stored, `YYYYMMDDHHMMSS` UTC.
    pub added: String,
    /// The first mention: its record gives names, places and the source URL.
    pub first: Mention,
}

/// A sentence found by full-text search.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchHit {
    /// Row id of the sentence.
    pub sentence: i64,
    /// The sentence.
    pub text: String,
    /// The sentence with matches in `[` `]`, shortened around them.
    pub snippet: String,
    /// The document's own id.
    pub doc_id: String,
    /// The document's URL.
    pub url: Option<String>,
    /// The document's title.
    pub title: Option<String>,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// Index of the sentence in the document.
    pub index: usize,
    /// Events coded from the sentence, as "SOURCE TARGET CAMEO".
    pub events: Vec<String>,
}

pub(crate) const MENTION_COLUMNS: &str =
    "m.id, m.event, m.record, s.text, d.outlet, d.title, d.published, d.language, d.added";

pub(crate) fn mention(r: &Row, at: usize) -> rusqlite::Result<std::result::Result<Mention, (i64, serde_json::Error)>> {
    let id: i64 = r.get(at)?;
    let json: String = r.get(at + 2)?;
    let mut record: Event = match serde_json::from_str(&json) {
        Ok(e) => e,
        Err(e) => return Ok(Err((id, e))),
    };
    record.sentence = r.get(at + 3)?;
    let published: Option<String> = r.get(at + 6)?;
    Ok(Ok(Mention {
        id,
        event: r.get(at + 1)?,
        record,
        outlet: r.get(at + 4)?,
        title: r.get(at + 5)?,
        published: published.and_then(|p| p.parse().ok()),
        language: r.get(at + 7)?,
        added: r.get(at + 8)?,
    }))
}

/// Makes a user's search words an FTS5 query: plain words are quoted (so "U.S." or "al-Qaeda"
/// never trip the query syntax) and must all occur; a query using FTS5 syntax (quotes, AND, OR,
/// NOT, NEAR, `*`, parentheses) is passed through.
pub(crate) fn fts_query(raw: &str) -> String {
    let syntax = raw.contains(['"', '*', '(', ')', '^'])
        || raw.split_whitespace().any(|w| matches!(w, "AND" | "OR" | "NOT") || w.starts_with("NEAR("));
    if syntax {
        return raw.to_string();
    }
    raw.split_whitespace().map(|w| format!("\"{}\"", w.replace('"', ""))).collect::<Vec<_>>().join(" ")
}

impl Store {
    /// Calls `f` for every stored record matching `filter`, in (date, storage) order.
    pub fn for_each_mention(&self, filter: &Filter, mut f: impl FnMut(Mention) -> Result<()>) -> Result<()> {
        let (cond, args) = filter.sql("m");
        let sql = format!(
            "SELECT {MENTION_COLUMNS} FROM mentions m JOIN sentences s ON s.id = m.sentence JOIN documents d ON d.id = m.doc
             WHERE {cond} ORDER BY m.day, m.id"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query(params_from_iter(args))?;
        while let Some(r) = rows.next()? {
            f(mention(r, 0)?.map_err(|(id, source)| StoreError::Record { id, source })?)?;
        }
        Ok(())
    }

    /// Calls `f` for every aggregate event matching `filter` (the one-a-day view: one per day,
    /// source, target and CAMEO code), in (date, id) order.
    pub fn for_each_event(&self, filter: &Filter, mut f: impl FnMut(Aggregate) -> Result<()>) -> Result<()> {
        let (cond, args) = filter.sql("e");
        let sql = format!(
            "SELECT e.id, e.day, e.num_mentions, e.num_sources, e.num_articles, e.added, {MENTION_COLUMNS}
             FROM events e JOIN mentions m ON m.id = e.first_mention JOIN sentences s ON s.id = m.sentence
             JOIN documents d ON d.id = m.doc
             WHERE {cond} AND e.num_mentions > 0 ORDER BY e.day, e.id"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query(params_from_iter(args))?;
        while let Some(r) = rows.next()? {
            let first = mention(r, 6)?.map_err(|(id, source)| StoreError::Record { id, source })?;
            f(Aggregate {
                id: r.get(0)?,
                date: day_date(r.get(1)?),
                num_mentions: r.get(2)?,
                num_sources: r.get(3)?,
                num_articles: r.get(4)?,
                added: r.get(5)?,
                first,
            })?;
        }
        Ok(())
    }

    /// The mentions of one aggregate event, in storage order.
    pub fn mentions_of(&self, event: i64) -> Result<Vec<Mention>> {
        let sql = format!(
            "SELECT {MENTION_COLUMNS} FROM mentions m JOIN sentences s ON s.id = m.sentence JOIN documents d ON d.id = m.doc
             WHERE m.event = ?1 ORDER BY m.id"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query([event])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            out.push(mention(r, 0)?.map_err(|(id, source)| StoreError::Record { id, source })?);
        }
        Ok(out)
    }

    /// Reads mentions by row id (for the evidence behind an analysis), in the order given.
    pub fn mentions_by_id(&self, ids: &[i64]) -> Result<Vec<Mention>> {
        let sql = format!(
            "SELECT {MENTION_COLUMNS} FROM mentions m JOIN sentences s ON s.id = m.sentence JOIN documents d ON d.id = m.doc
             WHERE m.id = ?1"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut out = Vec::new();
        for id in ids {
            let mut rows = stmt.query([id])?;
            if let Some(r) = rows.next()? {
                out.push(mention(r, 0)?.map_err(|(id, source)| StoreError::Record { id, source })?);
            }
        }
        Ok(out)
    }

    /// Full-text search over stored sentences, best matches first (BM25).
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let q = fts_query(query);
        if q.trim().is_empty() {
            return Err(StoreError::Invalid("empty search: give one or more words".into()));
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.id, s.text, snippet(sentences_fts, 0, '[', ']', '…', 16), d.doc_id, d.url, d.title, d.published, s.idx
             FROM sentences_fts f JOIN sentences s ON s.id = f.rowid JOIN documents d ON d.id = s.doc
             WHERE sentences_fts MATCH ?1 ORDER BY f.rank LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![q, limit as i64], |r| {
            let published: Option<String> = r.get(6)?;
            Ok(SearchHit {
                sentence: r.get(0)?,
                text: r.get(1)?,
                snippet: r.get(2)?,
                doc_id: r.get(3)?,
                url: r.get(4)?,
                title: r.get(5)?,
                published: published.and_then(|p| p.parse().ok()),
                index: r.get::<_, i64>(7)? as usize,
                events: Vec::new(),
            })
        });
        let mut hits: Vec<SearchHit> = match rows {
            Ok(rows) => rows.collect::<rusqlite::Result<_>>(),
            Err(e) => Err(e),
        }
        .map_err(|e| match e {
            rusqlite::Error::SqliteFailure(_, Some(msg)) if msg.contains("fts5") => {
                StoreError::Invalid(format!("bad search query '{query}': {msg}"))
            }
            e => StoreError::Sqlite(e),
        })?;
        let mut ev =
            self.conn.prepare_cached("SELECT source, target, cameo FROM mentions WHERE sentence = ?1 ORDER BY id")?;
        for h in &mut hits {
            h.events = ev
                .query_map([h.sentence], |r| {
                    let (s, t, c): (String, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
                    Ok(format!("{s} {} {c}", if t.is_empty() { "-" } else { &t }))
                })?
                .collect::<rusqlite::Result<_>>()?;
        }
        Ok(hits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_words_are_quoted_unless_syntax() {
        assert_eq!(fts_query("Baikonur"), "\"Baikonur\"");
        assert_eq!(fts_query("U.S. sanctions"), "\"U.S.\" \"sanctions\"");
        assert_eq!(fts_query("\"space launch\" OR Baikonur"), "\"space launch\" OR Baikonur");
    }

    #[test]
    fn filters_build_sql() {
        let f =
            Filter { source: ActorSel::from_code("kaz"), target: ActorSel::from_code("RUSGOV"), ..Filter::default() };
        let (sql, args) = f.sql("m");
        assert_eq!(sql, "m.source_country = ? AND m.target_country = ? AND m.target >= ? AND m.target < ?");
        assert_eq!(args.len(), 4);
        let none = Filter { source: ActorSel::from_code("---COP"), ..Filter::default() };
        assert_eq!(none.sql("m").0, "m.source_country IS NULL AND m.source >= ? AND m.source < ?");
        let both = Filter { both_directions: true, ..f };
        assert!(both.sql("m").0.contains(" OR "));
        assert_eq!(Filter::default().sql("e").0, "1");
    }
}
