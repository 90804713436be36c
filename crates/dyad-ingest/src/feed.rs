//! RSS 2.0 and Atom feeds (through `feed-rs`): one Document per item, its HTML content read by
//! the HTML reader as a fragment.

use crate::html::{PageHints, domain, extract};
use crate::source::{DocError, DocStream, ReadOptions, read_capped};
use dyad_model::Document;
use feed_rs::model::Entry;
use std::io::Read;

/// Feeds are read whole; this many times the document limit is allowed for one.
const FEED_LIMIT_FACTOR: usize = 8;

pub(crate) fn read_feed(name: String, reader: impl Read + Send + 'static, opts: &ReadOptions) -> DocStream {
    let bytes = match read_capped(reader, opts.max_doc_bytes.saturating_mul(FEED_LIMIT_FACTOR)) {
        Ok(b) => b,
        Err(m) => return crate::source::one_error(&name, m),
    };
    let feed = match feed_rs::parser::parse(&bytes[..]) {
        Ok(f) => f,
        Err(e) => return crate::source::one_error(&name, format!("not a valid RSS or Atom feed: {e}")),
    };
    let outlet = feed
        .title
        .as_ref()
        .map(|t| t.content.trim().to_string())
        .filter(|t| !t.is_empty())
        .or_else(|| feed.links.first().and_then(|l| domain(&l.href)));
    let opts = opts.clone();
    Box::new(
        feed.entries
            .into_iter()
            .enumerate()
            .map(move |(i, entry)| item_document(entry, &format!("{name}:item {}", i + 1), outlet.as_deref(), &opts)),
    )
}

fn item_document(entry: Entry, origin: &str, outlet: Option<&str>, opts: &ReadOptions) -> Result<Document, DocError> {
    let title = entry
        .title
        .as_ref()
        .map(|t| t.content.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty());
    let content = entry.content.as_ref().and_then(|c| c.body.clone()).filter(|b| !b.trim().is_empty());
    let html = content.or_else(|| entry.summary.as_ref().map(|s| s.content.clone())).filter(|b| !b.trim().is_empty());
    let Some(html) = html else {
        return Err(DocError::new(origin, "feed item has no content or description"));
    };
    let hints = PageHints {
        id: Some(entry.id.clone()).filter(|i| !i.is_empty()),
        url: entry.links.first().map(|l| l.href.clone()),
        title: title.clone(),
        date: entry.published.or(entry.updated).map(|d| d.date_naive()),
        outlet: outlet.map(str::to_string),
        charset: Some("utf-8".into()),
        fragment: true,
    };
    let mut doc = extract(html.as_bytes(), &hints, origin, opts).map_err(|e| DocError::new(origin, e.message()))?;
    // The item's own metadata beats whatever the fragment seemed to say.
    doc.title = title.or(doc.title);
    doc.url = hints.url.or(doc.url);
    doc.published = hints.date.or(doc.published);
    doc.outlet = hints.outlet.or(doc.outlet);
    Ok(doc)
}
