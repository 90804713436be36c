//! Sources (files, directories, standard input) and the stream of documents read from each.

use crate::detect::{Format, detect};
use chrono::NaiveDate;
use dyad_model::Document;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Where documents come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A file.
    Path(PathBuf),
    /// Standard input.
    Stdin,
}

impl Source {
    /// The name used in messages.
    pub fn name(&self) -> String {
        match self {
            Source::Path(p) => p.display().to_string(),
            Source::Stdin => "<stdin>".to_string(),
        }
    }
}

/// A document that could not be read; the run goes on with the next.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{origin}: {message}")]
pub struct DocError {
    /// File, and record or line within it.
    pub origin: String,
    /// What went wrong and, where possible, what to do.
    pub message: String,
}

impl DocError {
    /// Builds an error for an origin.
    pub fn new(origin: impl Into<String>, message: impl Into<String>) -> DocError {
        DocError { origin: origin.into(), message: message.into() }
    }
}

/// How sources are read.
#[derive(Clone, Debug)]
pub struct ReadOptions {
    /// Publication date for documents that carry none.
    pub default_date: Option<NaiveDate>,
    /// Largest document (or JSONL line) accepted, in bytes.
    pub max_doc_bytes: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions { default_date: None, max_doc_bytes: 8 << 20 }
    }
}

/// A stream of documents and per-document errors.
pub type DocStream = Box<dyn Iterator<Item = Result<Document, DocError>> + Send>;

/// Expands command-line inputs: `-` is standard input, directories are walked recursively in
/// name order (hidden files skipped), files are taken as given.
pub fn expand(inputs: &[String]) -> Result<Vec<Source>, DocError> {
    let mut out = Vec::new();
    for input in inputs {
        if input == "-" {
            out.push(Source::Stdin);
            continue;
        }
        let path = Path::new(input);
        let meta = std::fs::metadata(path).map_err(|e| DocError::new(input.clone(), format!("cannot read: {e}")))?;
        if meta.is_dir() {
            walk(path, &mut out).map_err(|e| DocError::new(input.clone(), format!("cannot list directory: {e}")))?;
        } else {
            out.push(Source::Path(path.to_path_buf()));
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<Source>) -> io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')) {
            continue;
        }
        if p.is_dir() {
            walk(&p, out)?;
        } else {
            out.push(Source::Path(p));
        }
    }
    Ok(())
}

/// Opens a source and streams its documents; the format is detected from the first bytes.
pub fn read_source(source: &Source, opts: &ReadOptions) -> DocStream {
    let name = source.name();
    let reader: Box<dyn Read + Send> = match source {
        Source::Path(p) => match File::open(p) {
            Ok(f) => Box::new(f),
            Err(e) => return one_error(&name, format!("cannot open: {e}")),
        },
        Source::Stdin => Box::new(io::stdin()),
    };
    let mut reader = BufReader::with_capacity(1 << 16, reader);
    let prefix = match reader.fill_buf() {
        Ok(b) => b.to_vec(),
        Err(e) => return one_error(&name, format!("cannot read: {e}")),
    };
    if prefix.is_empty() {
        return one_error(&name, "empty input: no text to code");
    }
    match detect(&prefix) {
        Format::Text => crate::text::read_text(name, reader, opts),
        Format::Jsonl => crate::jsonl::read_jsonl(name, reader, opts),
        Format::Binary => one_error(&name, "binary data, not text: pass text, JSONL, HTML, a feed or a WARC file"),
        other => one_error(&name, format!("{} input is not supported by this build", other.name())),
    }
}

pub(crate) fn one_error(origin: &str, message: impl Into<String>) -> DocStream {
    Box::new(std::iter::once(Err(DocError::new(origin, message))))
}

/// Reads a whole stream up to `max` bytes; returns `Err` with a message when it is larger.
pub(crate) fn read_capped(mut r: impl Read, max: usize) -> Result<Vec<u8>, String> {
    let mut buf = Vec::new();
    let n = r.by_ref().take(max as u64 + 1).read_to_end(&mut buf).map_err(|e| format!("cannot read: {e}"))?;
    if n > max {
        return Err(format!("document larger than the {} limit: split it or raise --max-doc-bytes", human_bytes(max)));
    }
    Ok(buf)
}

/// "8.0 MB".
pub fn human_bytes(n: usize) -> String {
    if n >= 1 << 20 { format!("{:.1} MB", n as f64 / (1 << 20) as f64) } else { format!("{:.1} KB", n as f64 / 1024.0) }
}

/// Reads one line of at most `max` bytes; longer lines are consumed and reported.
pub(crate) fn read_line_capped(r: &mut impl BufRead, max: usize, out: &mut Vec<u8>) -> io::Result<Option<bool>> {
    out.clear();
    let mut too_long = false;
    loop {
        let buf = r.fill_buf()?;
        if buf.is_empty() {
            return Ok(if out.is_empty() && !too_long { None } else { Some(too_long) });
        }
        let (chunk, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (&buf[..=i], true),
            None => (buf, false),
        };
        if !too_long {
            if out.len() + chunk.len() > max {
                too_long = true;
                out.clear();
            } else {
                out.extend_from_slice(chunk);
            }
        }
        let len = chunk.len();
        r.consume(len);
        if done {
            return Ok(Some(too_long));
        }
    }
}
