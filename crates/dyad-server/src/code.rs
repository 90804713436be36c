//! `POST /v1/code` (code an article, store nothing) and `POST /v1/documents` (code and store).

use crate::error::{ApiError, ApiResult, Json};
use crate::limits::ApiKey;
use crate::params;
use crate::state::{AppState, Inner};
use axum::extract::State;
use axum::http::StatusCode;
use chrono::NaiveDate;
use dyad_ingest::{Format, PageHints, ReadOptions, html_document, read_format};
use dyad_model::{Document, Event, content_id};
use dyad_store::CodedDocument;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// One article as a client sends it: its text or its HTML page, and what is known about it.
#[derive(Deserialize, Debug, Default)]
#[serde(deny_unknown_fields)]
pub struct DocumentInput {
    /// Plain text; with a `title`, the title is coded too, as a heading (as `dyad ingest` reads
    /// a JSONL record).
    pub text: Option<String>,
    /// An HTML page: the main content is extracted, boilerplate left out.
    pub html: Option<String>,
    /// Publication date, `YYYY-MM-DD`: relative dates ("on Tuesday") and people's roles are
    /// resolved against it; overrides a date found in the HTML.
    pub date: Option<String>,
    /// Link to the article.
    pub url: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// The article's own id (default: a hash of its text).
    pub id: Option<String>,
    /// Outlet name.
    pub outlet: Option<String>,
}

impl DocumentInput {
    /// Builds the document; `what` names it in errors ("the body", "documents[3]").
    fn document(self, what: &str, max_bytes: usize) -> ApiResult<Document> {
        let date: Option<NaiveDate> = params::date("date", self.date.as_deref())
            .map_err(|e| ApiError::bad_request(format!("{what}: {}", e.message)))?;
        let opts = ReadOptions { default_date: date, max_doc_bytes: max_bytes, ..ReadOptions::default() };
        let mut doc = match (self.text, self.html) {
            (Some(text), None) => {
                if text.trim().is_empty() {
                    return Err(ApiError::bad_request(format!("{what}: `text` is empty: send the article's text")));
                }
                // Read as the JSONL record it is, so a document sent here and the same record
                // given to `dyad ingest` are the same document (title as a heading, same id).
                let record = serde_json::json!({
                    "id": self.id, "url": self.url, "title": self.title, "outlet": self.outlet,
                    "date": date.map(|d| d.to_string()), "text": text,
                });
                let line = std::io::Cursor::new(record.to_string().into_bytes());
                match read_format(Format::Jsonl, "request".into(), line, &opts).next() {
                    Some(Ok(doc)) => doc,
                    Some(Err(e)) => return Err(ApiError::bad_request(format!("{what}: {e}"))),
                    None => return Err(ApiError::bad_request(format!("{what}: no text to code"))),
                }
            }
            (None, Some(html)) => {
                let hints = PageHints {
                    id: self.id.clone(),
                    url: self.url.clone(),
                    title: self.title.clone(),
                    date,
                    outlet: self.outlet.clone(),
                    ..PageHints::default()
                };
                html_document(html.as_bytes(), &hints, "request", &opts)
                    .map_err(|e| ApiError::unprocessable(format!("{what}: {e}")))?
            }
            (Some(_), Some(_)) => {
                return Err(ApiError::bad_request(format!(
                    "{what}: give the article as `text` or as `html`, not both"
                )));
            }
            (None, None) => {
                return Err(ApiError::bad_request(format!(
                    "{what}: no article: send `text` (plain text) or `html` (a web page)"
                )));
            }
        };
        if let Some(id) = self.id.filter(|i| !i.trim().is_empty()) {
            doc.id = id;
        }
        if self.url.is_some() {
            doc.url = self.url;
        }
        if self.title.is_some() {
            doc.title = self.title;
        }
        if self.outlet.is_some() {
            doc.outlet = self.outlet;
        }
        if date.is_some() {
            doc.published = date;
        }
        Ok(doc)
    }
}

/// What was coded: the document as read, and its events.
#[derive(Serialize)]
pub struct CodeResponse {
    /// The document as read.
    pub document: CodedInfo,
    /// The events, in document order.
    pub events: Vec<Event>,
}

/// A coded document's facts.
#[derive(Serialize)]
pub struct CodedInfo {
    /// Id (given, or a content hash).
    pub id: String,
    /// URL.
    pub url: Option<String>,
    /// Title (given, or found in the HTML).
    pub title: Option<String>,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// Sentences read.
    pub sentences: usize,
    /// Bytes of text read (after HTML extraction).
    pub text_bytes: usize,
}

/// `POST /v1/code`.
pub async fn code(
    State(state): State<AppState>,
    Json(input): Json<DocumentInput>,
) -> ApiResult<axum::Json<CodeResponse>> {
    state
        .compute(move |inner| {
            let doc = input.document("the body", usize::MAX)?;
            let (events, sentences) = inner.coder.code_counting(&doc);
            Ok(axum::Json(CodeResponse {
                document: CodedInfo {
                    id: doc.id,
                    url: doc.url,
                    title: doc.title,
                    published: doc.published,
                    sentences,
                    text_bytes: doc.body.len(),
                },
                events,
            }))
        })
        .await
}

/// `POST /v1/documents` body.
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct IngestRequest {
    /// The articles.
    pub documents: Vec<DocumentInput>,
}

/// What happened to one document.
#[derive(Serialize)]
pub struct IngestItem {
    /// Document id.
    pub id: String,
    /// `stored`, or `already_stored` when a document with the same text was stored before.
    pub status: &'static str,
    /// Events coded (0 for documents already stored).
    pub events: usize,
}

/// `POST /v1/documents` answer.
#[derive(Serialize)]
pub struct IngestResponse {
    /// Documents newly stored.
    pub stored: usize,
    /// Documents skipped because the same text was stored already.
    pub already_stored: usize,
    /// Event records stored.
    pub events: usize,
    /// Aggregate events created.
    pub new_aggregate_events: usize,
    /// One entry per document, in request order.
    pub documents: Vec<IngestItem>,
}

fn code_batch(inner: &Inner, docs: Vec<Document>) -> Vec<CodedDocument> {
    let kinds = dyad_coder::RecordKinds { quotes: true, figures: true };
    docs.into_par_iter()
        .map(|doc| {
            let r = inner.coder.code_records(&doc, kinds);
            CodedDocument { doc, sentences: r.spans, events: r.events, quotes: r.quotes, figures: r.figures }
        })
        .collect()
}

/// `POST /v1/documents`: the key is checked before the body is read.
pub async fn ingest(
    State(state): State<AppState>,
    _key: ApiKey,
    Json(req): Json<IngestRequest>,
) -> ApiResult<(StatusCode, axum::Json<IngestResponse>)> {
    let max = state.inner.max_documents;
    if req.documents.is_empty() {
        return Err(ApiError::bad_request("`documents` is empty: send one or more articles"));
    }
    if req.documents.len() > max {
        return Err(ApiError::too_large(format!(
            "{} documents in one request; this server takes at most {max}: split the batch",
            req.documents.len()
        )));
    }
    let coded = state
        .compute(move |inner| {
            let docs = req
                .documents
                .into_iter()
                .enumerate()
                .map(|(i, d)| d.document(&format!("documents[{i}]"), usize::MAX))
                .collect::<ApiResult<Vec<Document>>>()?;
            Ok(code_batch(inner, docs))
        })
        .await?;
    state
        .write(move |store, inner| {
            let mut seen = HashSet::new();
            let mut items = Vec::with_capacity(coded.len());
            let mut fresh = Vec::with_capacity(coded.len());
            for cd in coded {
                let hash = content_id(&cd.doc.body);
                let stored_before = !seen.insert(hash.clone()) || store.has_document(&hash)?;
                items.push(IngestItem {
                    id: cd.doc.id.clone(),
                    status: if stored_before { "already_stored" } else { "stored" },
                    events: if stored_before { 0 } else { cd.events.len() },
                });
                if !stored_before {
                    fresh.push(cd);
                }
            }
            let report = store.add(&fresh, &inner.dict_version)?;
            tracing::info!(stored = report.documents, events = report.mentions, "documents stored");
            Ok((
                if report.documents > 0 { StatusCode::CREATED } else { StatusCode::OK },
                axum::Json(IngestResponse {
                    stored: report.documents,
                    already_stored: items.iter().filter(|i| i.status == "already_stored").count(),
                    events: report.mentions,
                    new_aggregate_events: report.new_events,
                    documents: items,
                }),
            ))
        })
        .await
}
