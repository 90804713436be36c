//! WARC archives, plain or gzip (one member per record, as Common Crawl writes them): HTTP
//! response records with HTML bodies become Documents, record by record, in bounded memory.

use crate::decode::charset_param;
use crate::detect::{Format, detect};
use crate::gzip::ResyncRead;
use crate::html::{NoDocument, PageHints, extract, parse_loose_date};
use crate::source::{DocError, DocStream, ReadOptions, human_bytes, read_capped, read_line_capped};
use dyad_model::Document;
use std::io::{self, BufReader, Read};

/// Longest WARC header line, and most header lines, accepted in one record.
const MAX_HEADER_LINE: usize = 64 << 10;
const MAX_HEADER_LINES: usize = 512;
/// Room for the HTTP header on top of the document limit.
const HTTP_HEADER_ROOM: u64 = 256 << 10;

pub(crate) fn read_warc(name: String, reader: Box<dyn ResyncRead>, opts: &ReadOptions) -> DocStream {
    Box::new(WarcReader {
        name,
        reader: Some(BufReader::with_capacity(1 << 16, reader)),
        opts: opts.clone(),
        record: 0,
        lost: false,
        line: Vec::new(),
    })
}

struct WarcReader {
    name: String,
    reader: Option<BufReader<Box<dyn ResyncRead>>>,
    opts: ReadOptions,
    record: usize,
    /// Looking for the next record after garbage; reported once.
    lost: bool,
    line: Vec<u8>,
}

/// What reading one record gave.
enum Step {
    Doc(Box<Document>),
    Skip,
    Error(DocError),
    /// The input failed (broken gzip): report, then resume at the next gzip member.
    Broken(DocError),
    End,
}

impl Iterator for WarcReader {
    type Item = Result<Document, DocError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let mut reader = self.reader.take()?;
            let step = self.step(&mut reader);
            self.reader = Some(reader);
            match step {
                Step::Doc(d) => return Some(Ok(*d)),
                Step::Skip => self.opts.stats.add_skipped(),
                Step::Error(e) => return Some(Err(e)),
                Step::Broken(e) => {
                    let mut inner = self.reader.take()?.into_inner();
                    if inner.resync() {
                        self.reader = Some(BufReader::with_capacity(1 << 16, inner));
                        self.lost = true;
                    }
                    return Some(Err(e));
                }
                Step::End => {
                    self.reader = None;
                    return None;
                }
            }
        }
    }
}

struct Headers(Vec<(String, String)>);

impl Headers {
    fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

impl WarcReader {
    fn origin(&self) -> String {
        format!("{}:record {}", self.name, self.record)
    }

    fn step(&mut self, r: &mut BufReader<Box<dyn ResyncRead>>) -> Step {
        // The version line, after the blank lines that end the previous record.
        loop {
            match read_line_capped(r, MAX_HEADER_LINE, &mut self.line) {
                Ok(None) => return Step::End,
                Ok(Some(_)) => {}
                Err(e) => return Step::Broken(DocError::new(self.origin(), e.to_string())),
            }
            if self.line.starts_with(b"WARC/") {
                self.lost = false;
                break;
            }
            if self.line.iter().all(u8::is_ascii_whitespace) || self.lost {
                continue;
            }
            self.lost = true;
            let found = String::from_utf8_lossy(&self.line[..self.line.len().min(40)]).trim().to_string();
            return Step::Error(DocError::new(
                format!("{}:record {}", self.name, self.record + 1),
                format!("expected a WARC record header, found '{found}': skipping to the next record"),
            ));
        }
        self.record += 1;
        let headers = match self.headers(r) {
            Ok(h) => h,
            Err(step) => return step,
        };
        let Some(len) = headers.get("Content-Length").and_then(|v| v.trim().parse::<u64>().ok()) else {
            self.lost = true;
            return Step::Error(DocError::new(self.origin(), "WARC record without a valid Content-Length: skipped"));
        };
        let is_response = headers.get("WARC-Type").is_some_and(|t| t.trim().eq_ignore_ascii_case("response"))
            && headers.get("Content-Type").is_some_and(|t| t.to_ascii_lowercase().contains("application/http"));
        let limit = self.opts.max_doc_bytes as u64 + HTTP_HEADER_ROOM;
        if !is_response || len > limit {
            return match io::copy(&mut r.by_ref().take(len), &mut io::sink()) {
                Ok(n) if n < len => Step::Error(DocError::new(
                    self.origin(),
                    format!("truncated record: {n} of {len} bytes (the archive ends early)"),
                )),
                Ok(_) if is_response => Step::Error(DocError::new(
                    self.origin(),
                    format!(
                        "response larger than the {} limit: skipped (raise --max-doc-bytes)",
                        human_bytes(limit as usize)
                    ),
                )),
                Ok(_) => Step::Skip,
                Err(e) => Step::Broken(DocError::new(self.origin(), e.to_string())),
            };
        }
        let mut block = Vec::with_capacity(len as usize);
        match r.by_ref().take(len).read_to_end(&mut block) {
            Ok(n) if (n as u64) < len => {
                return Step::Error(DocError::new(
                    self.origin(),
                    format!("truncated record: {n} of {len} bytes (the archive ends early)"),
                ));
            }
            Ok(_) => {}
            Err(e) => return Step::Broken(DocError::new(self.origin(), e.to_string())),
        }
        let hints = PageHints {
            id: headers
                .get("WARC-Record-ID")
                .map(|i| i.trim().trim_start_matches('<').trim_end_matches('>').to_string())
                .filter(|i| !i.is_empty()),
            url: headers
                .get("WARC-Target-URI")
                .map(|u| u.trim().trim_start_matches('<').trim_end_matches('>').to_string())
                .filter(|u| !u.is_empty()),
            date: headers.get("WARC-Date").and_then(parse_loose_date),
            ..PageHints::default()
        };
        match self.response(&block, hints) {
            Ok(Some(d)) => Step::Doc(Box::new(d)),
            Ok(None) => Step::Skip,
            Err(m) => Step::Error(DocError::new(self.origin(), m)),
        }
    }

    fn headers(&mut self, r: &mut BufReader<Box<dyn ResyncRead>>) -> Result<Headers, Step> {
        let mut headers = Vec::new();
        loop {
            match read_line_capped(r, MAX_HEADER_LINE, &mut self.line) {
                Ok(None) => {
                    return Err(Step::Error(DocError::new(
                        self.origin(),
                        "truncated record: the archive ends inside its header",
                    )));
                }
                Ok(Some(true)) => {
                    self.lost = true;
                    return Err(Step::Error(DocError::new(self.origin(), "WARC header line too long: record skipped")));
                }
                Ok(Some(false)) => {}
                Err(e) => return Err(Step::Broken(DocError::new(self.origin(), e.to_string()))),
            }
            let line = String::from_utf8_lossy(&self.line);
            let line = line.trim_end_matches(['\r', '\n']);
            if line.is_empty() {
                return Ok(Headers(headers));
            }
            if headers.len() == MAX_HEADER_LINES {
                self.lost = true;
                return Err(Step::Error(DocError::new(self.origin(), "too many WARC header lines: record skipped")));
            }
            if let Some((k, v)) = line.split_once(':') {
                headers.push((k.trim().to_string(), v.trim().to_string()));
            }
        }
    }

    /// The Document of an HTTP response, `None` for responses that are not HTML articles.
    fn response(&self, block: &[u8], mut hints: PageHints) -> Result<Option<Document>, String> {
        let (head, body) = match find(block, b"\r\n\r\n") {
            Some(i) => (&block[..i], &block[i + 4..]),
            None => match find(block, b"\n\n") {
                Some(i) => (&block[..i], &block[i + 2..]),
                None => return Err("HTTP response without the blank line that ends its header".into()),
            },
        };
        let head = String::from_utf8_lossy(head);
        let mut lines = head.lines();
        let status = lines.next().and_then(|l| l.split_whitespace().nth(1)).and_then(|c| c.parse::<u16>().ok());
        if !status.is_some_and(|s| (200..300).contains(&s)) {
            return Ok(None);
        }
        let http = Headers(
            lines
                .filter_map(|l| l.split_once(':'))
                .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
                .collect(),
        );
        match http.get("Content-Type") {
            Some(ct) if !ct.to_ascii_lowercase().contains("html") => return Ok(None),
            Some(ct) => hints.charset = charset_param(ct).map(str::to_string),
            None if detect(&body[..body.len().min(8192)]) != Format::Html => return Ok(None),
            None => {}
        }
        let mut owned;
        let mut body = body;
        if http.get("Transfer-Encoding").is_some_and(|t| t.to_ascii_lowercase().contains("chunked"))
            && let Some(d) = dechunk(body)
        {
            owned = d;
            body = &owned;
        }
        match http.get("Content-Encoding").map(|e| e.trim().to_ascii_lowercase()) {
            None => {}
            Some(e) if e.is_empty() || e == "identity" => {}
            Some(e) if e == "gzip" || e == "x-gzip" => {
                owned = read_capped(flate2::read::MultiGzDecoder::new(body), self.opts.max_doc_bytes)
                    .map_err(|m| format!("gzip-encoded response: {m}"))?;
                body = &owned;
            }
            Some(e) if e == "deflate" => {
                owned = read_capped(flate2::read::ZlibDecoder::new(body), self.opts.max_doc_bytes)
                    .map_err(|m| format!("deflate-encoded response: {m}"))?;
                body = &owned;
            }
            Some(e) => return Err(format!("unsupported Content-Encoding '{e}': record skipped")),
        }
        match extract(body, &hints, &self.origin(), &self.opts) {
            Ok(d) => Ok(Some(d)),
            Err(NoDocument::NoArticleText) => Ok(None),
            Err(e) => Err(e.message()),
        }
    }
}

/// Removes HTTP chunked transfer coding; `None` when the body is not validly chunked.
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let eol = find(body, b"\r\n")?;
        let size_text = std::str::from_utf8(&body[..eol]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        body = &body[eol + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = body.get(size..)?;
        body = body.strip_prefix(b"\r\n").unwrap_or(body);
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dechunks() {
        assert_eq!(dechunk(b"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n").as_deref(), Some(&b"hello world"[..]));
        assert_eq!(dechunk(b"<html>"), None);
    }
}
