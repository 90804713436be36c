//! Reading the knowledge-graph records back: quotations (optionally by speaker) and figures, in
//! document order, with their sentences restored from the `sentences` table.

use crate::query::ActorSel;
use crate::{Result, Store, day_number};
use chrono::NaiveDate;
use dyad_model::{FigureRecord, QuoteRecord};
use rusqlite::types::Value;

/// Which quotations or figures to read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RecordQuery {
    /// First day included.
    pub from: Option<NaiveDate>,
    /// Last day included.
    pub to: Option<NaiveDate>,
    /// Quotations: the speaker ("KAZ" for every Kazakh speaker, "KAZGOV" for its government);
    /// figures: an actor named in the sentence.
    pub actor: ActorSel,
    /// Most records returned (0: no limit).
    pub limit: usize,
}

impl RecordQuery {
    fn sql(&self, t: &str, actor_column: Option<&str>) -> (String, Vec<Value>) {
        let mut sql = vec!["1".to_string()];
        let mut args = Vec::new();
        if let Some(d) = self.from {
            sql.push(format!("{t}.day >= ?"));
            args.push(Value::Integer(day_number(Some(d))));
        }
        if let Some(d) = self.to {
            sql.push(format!("{t}.day <= ? AND {t}.day > 0"));
            args.push(Value::Integer(day_number(Some(d))));
        }
        if let Some(column) = actor_column {
            self.actor.push_sql(t, column, &mut sql, &mut args);
        }
        (sql.join(" AND "), args)
    }
}

impl Store {
    /// Stored quotations matching `q`, by document and position.
    pub fn quotes(&self, q: &RecordQuery) -> Result<Vec<QuoteRecord>> {
        let (cond, args) = q.sql("q", Some("speaker"));
        let limit = if q.limit == 0 { String::new() } else { format!(" LIMIT {}", q.limit) };
        let sql = format!("SELECT q.record FROM quotes q WHERE {cond} ORDER BY q.doc, q.start{limit}");
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args), |r| r.get::<_, String>(0))?;
        let mut out = Vec::new();
        for json in rows {
            let json = json?;
            out.push(serde_json::from_str(&json).map_err(|source| crate::StoreError::Record { id: 0, source })?);
        }
        Ok(out)
    }

    /// Stored figures matching `q` (an actor selects figures whose sentence names it), by
    /// document and position, each with its sentence.
    pub fn figures(&self, q: &RecordQuery) -> Result<Vec<FigureRecord>> {
        let (cond, args) = q.sql("f", None);
        let sql = format!(
            "SELECT f.record, s.text FROM figures f
             LEFT JOIN sentences s ON s.doc = f.doc AND s.idx = f.sentence_index
             WHERE {cond} ORDER BY f.doc, f.start"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args), |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
        })?;
        let mut out = Vec::new();
        let wanted = |f: &FigureRecord| match &q.actor {
            ActorSel::Any => true,
            ActorSel::Country(c) => f.actors.iter().any(|a| a.country.as_deref() == Some(c.as_str())),
            ActorSel::Code(c) => f.actors.iter().any(|a| a.code.starts_with(c.as_str())),
        };
        for row in rows {
            let (json, sentence) = row?;
            let mut f: FigureRecord =
                serde_json::from_str(&json).map_err(|source| crate::StoreError::Record { id: 0, source })?;
            if !wanted(&f) {
                continue;
            }
            f.sentence = sentence.unwrap_or_default();
            out.push(f);
            if q.limit > 0 && out.len() == q.limit {
                break;
            }
        }
        Ok(out)
    }
}
