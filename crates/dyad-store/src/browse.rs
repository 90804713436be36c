//! Browsing stored records page by page, newest first, with the filters a person uses in an event
//! table (either side of a dyad, a CAMEO code prefix, a PLOVER type, words in the sentence), and
//! the places events happened in, for a map.
//!
//! Pages use keyset pagination: a [`Cursor`] names the last record of a page, and the next page
//! starts strictly after it, so pages stay consistent while new records arrive.

use crate::query::{ActorSel, Filter, Mention, fts_query, mention};
use crate::{Result, Store, StoreError, day_number};
use rusqlite::params_from_iter;
use rusqlite::types::Value;

/// A position in the newest-first order of records: the event day (`yyyymmdd`, 0 for undated)
/// and the mention row id of the last record seen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cursor {
    /// Event day of the last record, `yyyymmdd`; 0 when it has no date.
    pub day: i64,
    /// Mention row id of the last record.
    pub id: i64,
}

impl Cursor {
    /// The cursor after a record.
    pub fn after(m: &Mention) -> Cursor {
        Cursor { day: day_number(m.record.date), id: m.id }
    }

    /// Reads the text form written by `Display` ("20240312-1234").
    pub fn parse(s: &str) -> Option<Cursor> {
        let (day, id) = s.trim().split_once('-')?;
        let (day, id) = (day.parse().ok()?, id.parse().ok()?);
        (day >= 0 && id > 0).then_some(Cursor { day, id })
    }
}

impl std::fmt::Display for Cursor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}", self.day, self.id)
    }
}

/// Which records to list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventQuery {
    /// Dates, source, target and CAMEO root.
    pub filter: Filter,
    /// An actor on either side.
    pub actor: ActorSel,
    /// A CAMEO code or prefix: "04" (every consultation), "042" (visits).
    pub cameo: Option<String>,
    /// A PLOVER type ("CONSULT", "ASSAULT"), as written in the records.
    pub plover: Option<String>,
    /// Words in the sentence (a full-text query, as [`Store::search`] takes).
    pub text: Option<String>,
    /// Start after this record.
    pub after: Option<Cursor>,
}

/// A place where events happened.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceRow {
    /// Place name.
    pub name: String,
    /// ISO alpha-3 country of the place.
    pub country: Option<String>,
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
    /// Records located there.
    pub count: u64,
    /// Cooperation records (quad 1–2).
    pub cooperation: u64,
    /// Conflict records (quad 3–4).
    pub conflict: u64,
    /// Mean Goldstein score.
    pub goldstein_mean: f64,
}

impl EventQuery {
    /// The WHERE clause over mentions `m`, without the cursor.
    fn sql(&self) -> (String, Vec<Value>) {
        let (cond, mut args) = self.filter.sql("m");
        let mut sql = vec![cond];
        if self.actor != ActorSel::Any {
            let (mut s, mut t) = (Vec::new(), Vec::new());
            self.actor.push_sql("m", "source", &mut s, &mut args);
            self.actor.push_sql("m", "target", &mut t, &mut args);
            sql.push(format!("(({}) OR ({}))", s.join(" AND "), t.join(" AND ")));
        }
        if let Some(c) = self.cameo.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
            sql.push("m.cameo >= ? AND m.cameo < ?".into());
            args.push(Value::Text(c.to_string()));
            args.push(Value::Text(format!("{c}~")));
        }
        if let Some(p) = self.plover.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
            sql.push("json_extract(m.record, '$.plover.type') = ?".into());
            args.push(Value::Text(p.to_ascii_uppercase()));
        }
        if let Some(t) = self.text.as_deref().filter(|t| !t.trim().is_empty()) {
            sql.push("m.sentence IN (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?)".into());
            args.push(Value::Text(fts_query(t)));
        }
        (sql.join(" AND "), args)
    }
}

/// Turns an FTS5 syntax error ("fts5: syntax error near …", "unterminated string") into a
/// message about the user's query: with a text query, a plain SQLITE_ERROR can only come from it.
fn fts_error(q: &EventQuery, e: rusqlite::Error) -> StoreError {
    match (e, q.text.as_deref()) {
        (rusqlite::Error::SqliteFailure(f, Some(msg)), Some(text)) if f.code == rusqlite::ErrorCode::Unknown => {
            StoreError::Invalid(format!(
                "bad text query '{text}': {msg}; use plain words, or FTS5 syntax with balanced quotes and parentheses"
            ))
        }
        (e, _) => StoreError::Sqlite(e),
    }
}

impl Store {
    /// Up to `limit` records matching `q`, newest first (by event day, undated last, then by
    /// storage order, latest first), starting after `q.after`.
    pub fn list_mentions(&self, q: &EventQuery, limit: usize) -> Result<Vec<Mention>> {
        let (cond, mut args) = q.sql();
        let mut sql = format!(
            "SELECT {} FROM mentions m JOIN sentences s ON s.id = m.sentence JOIN documents d ON d.id = m.doc WHERE {cond}",
            crate::query::MENTION_COLUMNS
        );
        if let Some(c) = q.after {
            sql.push_str(" AND (m.day < ? OR (m.day = ? AND m.id < ?))");
            args.extend([Value::Integer(c.day), Value::Integer(c.day), Value::Integer(c.id)]);
        }
        sql.push_str(" ORDER BY m.day DESC, m.id DESC LIMIT ?");
        args.push(Value::Integer(limit as i64));
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query(params_from_iter(args)).map_err(|e| fts_error(q, e))?;
        let mut out = Vec::new();
        while let Some(r) = rows.next().map_err(|e| fts_error(q, e))? {
            out.push(mention(r, 0)?.map_err(|(id, source)| StoreError::Record { id, source })?);
        }
        Ok(out)
    }

    /// The places of records matching `q` (those the coder located), most events first.
    pub fn places(&self, q: &EventQuery, limit: usize) -> Result<Vec<PlaceRow>> {
        let (cond, mut args) = q.sql();
        let sql = format!(
            "SELECT name, country, lat, lon, count(*), sum(quad <= 2), sum(quad >= 3), avg(goldstein) FROM (
                 SELECT json_extract(m.record, '$.location.name') AS name, json_extract(m.record, '$.location.country') AS country,
                        json_extract(m.record, '$.location.lat') AS lat, json_extract(m.record, '$.location.lon') AS lon,
                        m.quad AS quad, m.goldstein AS goldstein
                 FROM mentions m WHERE {cond})
             WHERE lat IS NOT NULL AND lon IS NOT NULL
             GROUP BY name, country, lat, lon ORDER BY count(*) DESC, name LIMIT ?"
        );
        args.push(Value::Integer(limit as i64));
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt
            .query_map(params_from_iter(args), |r| {
                Ok(PlaceRow {
                    name: r.get::<_, Option<String>>(0)?.unwrap_or_default(),
                    country: r.get(1)?,
                    lat: r.get(2)?,
                    lon: r.get(3)?,
                    count: r.get::<_, i64>(4)? as u64,
                    cooperation: r.get::<_, i64>(5)? as u64,
                    conflict: r.get::<_, i64>(6)? as u64,
                    goldstein_mean: r.get(7)?,
                })
            })
            .map_err(|e| fts_error(q, e))?;
        rows.collect::<rusqlite::Result<_>>().map_err(|e| fts_error(q, e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip() {
        let c = Cursor { day: 20240312, id: 77 };
        assert_eq!(Cursor::parse(&c.to_string()), Some(c));
        assert_eq!(Cursor::parse("0-5"), Some(Cursor { day: 0, id: 5 }));
        assert_eq!(Cursor::parse("x-5"), None);
        assert_eq!(Cursor::parse("20240312"), None);
    }

    #[test]
    fn queries_build_sql() {
        let q = EventQuery {
            actor: ActorSel::from_code("KAZ"),
            cameo: Some("04".into()),
            plover: Some("consult".into()),
            text: Some("Baikonur".into()),
            ..EventQuery::default()
        };
        let (sql, args) = q.sql();
        assert!(sql.contains("((m.source_country = ?) OR (m.target_country = ?))"), "{sql}");
        assert!(sql.contains("json_extract(m.record, '$.plover.type') = ?"));
        assert!(sql.contains("sentences_fts MATCH ?"));
        assert_eq!(args.len(), 6);
        assert_eq!(args[4], Value::Text("CONSULT".into()));
    }
}
