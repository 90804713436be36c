//! Shared helpers: fixture paths, reading whole sources, body-text scoring and WARC writing.

use dyad_ingest::{DocError, Document, ReadOptions, Source, read_source, read_stream};
use flate2::Compression;
use flate2::write::GzEncoder;
use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;

pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// Every document and error of a fixture file.
pub fn read_fixture(name: &str, opts: &ReadOptions) -> (Vec<Document>, Vec<DocError>) {
    split(read_source(&Source::Path(fixture(name)), opts).collect())
}

/// Every document and error of bytes held in memory.
pub fn read_bytes(name: &str, bytes: Vec<u8>, opts: &ReadOptions) -> (Vec<Document>, Vec<DocError>) {
    split(read_stream(name.to_string(), std::io::Cursor::new(bytes), opts).collect())
}

fn split(items: Vec<Result<Document, DocError>>) -> (Vec<Document>, Vec<DocError>) {
    let (mut docs, mut errors) = (Vec::new(), Vec::new());
    for item in items {
        match item {
            Ok(d) => docs.push(d),
            Err(e) => errors.push(e),
        }
    }
    (docs, errors)
}

/// The text that reaches coding: body and heading blocks.
pub fn coded_text(doc: &Document) -> String {
    doc.blocks_or_body()
        .iter()
        .filter(|b| b.kind.is_coded())
        .map(|b| &doc.body[b.span.start..b.span.end])
        .collect::<Vec<_>>()
        .join("\n")
}

fn tokens(text: &str) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    for t in text.split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty()) {
        *m.entry(t.to_lowercase()).or_insert(0) += 1;
    }
    m
}

/// Token-overlap precision and recall of extracted against labelled body text.
pub fn precision_recall(extracted: &str, labelled: &str) -> (f64, f64) {
    let (got, want) = (tokens(extracted), tokens(labelled));
    let common: usize = got.iter().map(|(t, n)| (*n).min(want.get(t).copied().unwrap_or(0))).sum();
    let total = |m: &HashMap<String, usize>| m.values().sum::<usize>().max(1) as f64;
    (common as f64 / total(&got), common as f64 / total(&want))
}

/// One WARC record, with its Content-Length; `cut` keeps only that many block bytes (a
/// truncated record).
pub fn warc_record(
    kind: &str,
    id: &str,
    uri: Option<&str>,
    content_type: &str,
    block: &[u8],
    cut: Option<usize>,
) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{id}>\r\nWARC-Date: 2023-03-28T12:00:00Z\r\n"
    );
    if let Some(u) = uri {
        r.push_str(&format!("WARC-Target-URI: {u}\r\n"));
    }
    r.push_str(&format!("Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n", block.len()));
    let mut out = r.into_bytes();
    out.extend_from_slice(&block[..cut.unwrap_or(block.len())]);
    if cut.is_none() {
        out.extend_from_slice(b"\r\n\r\n");
    }
    out
}

/// An HTTP response carrying an HTML page.
pub fn http_response(html: &[u8], content_type: &str) -> Vec<u8> {
    let mut r = format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n", html.len())
        .into_bytes();
    r.extend_from_slice(html);
    r
}

/// One gzip member, as Common Crawl writes one per record.
pub fn gz(data: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::new(6));
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// The WARC.gz fixture: a warcinfo record, a request, three responses (the last truncated by
/// the end of the archive) and a metadata record between them.
pub fn crawl_warc_gz() -> Vec<u8> {
    let page = |n: &str| std::fs::read(fixture(n)).unwrap();
    let mut out = Vec::new();
    let info = b"software: dyad-ingest test generator\r\nformat: WARC File Format 1.0\r\n";
    out.extend(gz(&warc_record(
        "warcinfo",
        "00000000-0000-4000-8000-000000000000",
        None,
        "application/warc-fields",
        info,
        None,
    )));
    let request = b"GET /2023/03/28/kazakhstan-kyrgyzstan-border/ HTTP/1.1\r\nHost: steppeherald.example\r\n\r\n";
    let uri1 = "https://steppeherald.example/2023/03/28/kazakhstan-kyrgyzstan-border/";
    out.extend(gz(&warc_record(
        "request",
        "00000000-0000-4000-8000-000000000001",
        Some(uri1),
        "application/http; msgtype=request",
        request,
        None,
    )));
    let r1 = http_response(&page("wordpress_article.html"), "text/html; charset=UTF-8");
    out.extend(gz(&warc_record(
        "response",
        "00000000-0000-4000-8000-000000000002",
        Some(uri1),
        "application/http; msgtype=response",
        &r1,
        None,
    )));
    let meta = b"fetchTimeMs: 112\r\n";
    out.extend(gz(&warc_record(
        "metadata",
        "00000000-0000-4000-8000-000000000003",
        Some(uri1),
        "application/warc-fields",
        meta,
        None,
    )));
    let r2 = http_response(&page("jsonld_article.html"), "text/html");
    out.extend(gz(&warc_record(
        "response",
        "00000000-0000-4000-8000-000000000004",
        Some("https://caspianwire.example/news/2022/11/02/hydropower"),
        "application/http; msgtype=response",
        &r2,
        None,
    )));
    let r3 = http_response(&page("cp1251_article.html"), "text/html; charset=windows-1251");
    let half = r3.len() / 2;
    out.extend(gz(&warc_record(
        "response",
        "00000000-0000-4000-8000-000000000005",
        Some("https://stepnye.example/news/1"),
        "application/http; msgtype=response",
        &r3,
        Some(half),
    )));
    out
}
