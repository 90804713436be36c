//! JSONL documents: one `{"id","url","title","date","text"}` object per line.

use crate::source::{DocError, DocStream, ReadOptions, read_line_capped};
use chrono::NaiveDate;
use dyad_model::{Block, BlockKind, Document, Span, content_id};
use serde::Deserialize;
use std::io::BufRead;

#[derive(Deserialize)]
struct Record {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default, alias = "body", alias = "content")]
    text: Option<String>,
    #[serde(default)]
    outlet: Option<String>,
}

/// Parses `YYYY-MM-DD`, `YYYYMMDD`, `YYYY/MM/DD` or an RFC 3339 timestamp (its date part).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    for fmt in ["%Y-%m-%d", "%Y%m%d", "%Y/%m/%d"] {
        if let Ok(d) = NaiveDate::parse_from_str(s, fmt) {
            return Some(d);
        }
    }
    chrono::DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|d| d.date_naive())
        .or_else(|| s.get(..10).and_then(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").ok()))
}

pub(crate) fn read_jsonl(name: String, mut reader: impl BufRead + Send + 'static, opts: &ReadOptions) -> DocStream {
    let opts = opts.clone();
    let mut line_no = 0usize;
    let mut buf = Vec::new();
    Box::new(std::iter::from_fn(move || {
        loop {
            line_no += 1;
            let origin = format!("{name}:{line_no}");
            match read_line_capped(&mut reader, opts.max_doc_bytes, &mut buf) {
                Ok(None) => return None,
                Ok(Some(true)) => {
                    return Some(Err(DocError::new(
                        origin,
                        format!(
                            "line longer than the {} limit: skipped",
                            crate::source::human_bytes(opts.max_doc_bytes)
                        ),
                    )));
                }
                Ok(Some(false)) => {}
                Err(e) => return Some(Err(DocError::new(origin, format!("cannot read: {e}")))),
            }
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(parse_record(&buf, &origin, &opts));
        }
    }))
}

fn parse_record(line: &[u8], origin: &str, opts: &ReadOptions) -> Result<Document, DocError> {
    let line = std::str::from_utf8(line)
        .map_err(|e| DocError::new(origin, format!("invalid UTF-8 at byte {}", e.valid_up_to())))?;
    let r: Record =
        serde_json::from_str(line).map_err(|e| DocError::new(origin, format!("not a JSON document: {e}")))?;
    let text = r.text.ok_or_else(|| DocError::new(origin, "no \"text\" field"))?;
    if text.trim().is_empty() {
        return Err(DocError::new(origin, "empty \"text\""));
    }
    let published = match r.date.as_deref().filter(|d| !d.trim().is_empty()) {
        Some(d) => Some(
            parse_date(d)
                .ok_or_else(|| DocError::new(origin, format!("bad date '{d}': use YYYY-MM-DD or RFC 3339")))?,
        ),
        None => opts.default_date,
    };
    let id = match r.id {
        Some(serde_json::Value::String(s)) if !s.is_empty() => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => content_id(&text),
    };
    // The title is coded as a heading block in front of the text.
    let (body, blocks) = match r.title.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => {
            let body = format!("{t}\n\n{text}");
            let blocks = vec![
                Block { kind: BlockKind::Heading, span: Span::new(0, t.len()) },
                Block { kind: BlockKind::Body, span: Span::new(t.len() + 2, body.len()) },
            ];
            (body, blocks)
        }
        None => (text, Vec::new()),
    };
    Ok(Document {
        id,
        url: r.url,
        title: r.title,
        outlet: r.outlet,
        published,
        body,
        blocks,
        origin: origin.to_string(),
        ..Document::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(input: &str) -> Vec<Result<Document, DocError>> {
        read_jsonl("in.jsonl".into(), std::io::Cursor::new(input.as_bytes().to_vec()), &ReadOptions::default())
            .collect()
    }

    #[test]
    fn reads_documents_and_reports_bad_lines() {
        let docs = read(
            "{\"id\":\"a\",\"date\":\"2023-03-28\",\"text\":\"One.\"}\nnot json\n\n{\"id\":7,\"date\":\"2023-03-28T10:00:00Z\",\"title\":\"T\",\"text\":\"Two.\"}\n{\"text\":\"x\",\"date\":\"soon\"}\n",
        );
        assert_eq!(docs.len(), 4);
        let a = docs[0].as_ref().unwrap();
        assert_eq!((a.id.as_str(), a.published.unwrap().to_string().as_str()), ("a", "2023-03-28"));
        assert_eq!(docs[1].as_ref().unwrap_err().origin, "in.jsonl:2");
        let b = docs[2].as_ref().unwrap();
        assert_eq!(b.id, "7");
        assert_eq!(b.body, "T\n\nTwo.");
        assert_eq!(b.blocks[0].kind, BlockKind::Heading);
        assert!(docs[3].as_ref().unwrap_err().message.contains("bad date"));
    }

    #[test]
    fn parses_dates() {
        assert_eq!(parse_date("20000101"), NaiveDate::from_ymd_opt(2000, 1, 1));
        assert_eq!(parse_date("2017/2/7"), NaiveDate::from_ymd_opt(2017, 2, 7));
        assert_eq!(parse_date("2024-05-06T12:00:00+02:00"), NaiveDate::from_ymd_opt(2024, 5, 6));
        assert_eq!(parse_date("yesterday"), None);
    }
}
