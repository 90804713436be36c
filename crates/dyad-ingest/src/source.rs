//! Sources (files, directories, standard input) and the stream of documents read from each.

use crate::detect::{Format, detect};
use crate::gzip::{GzMembers, Peeked, Plain, ResyncRead};
use chrono::NaiveDate;
use dyad_model::Document;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

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
    /// Builds an error for an origin; the message is kept to one line of at most 300
    /// characters, since causes (parser errors) may quote whole stretches of the input.
    pub fn new(origin: impl Into<String>, message: impl Into<String>) -> DocError {
        DocError { origin: one_line(origin.into(), 4096), message: one_line(message.into(), 300) }
    }
}

/// Replaces line breaks and control characters with spaces and cuts to `max` characters.
fn one_line(s: String, max: usize) -> String {
    if s.len() <= max && !s.chars().any(char::is_control) {
        return s;
    }
    let mut out: String = s.chars().map(|c| if c.is_control() { ' ' } else { c }).take(max).collect();
    if s.chars().count() > max {
        out.push('…');
    }
    out
}

/// How sources are read.
#[derive(Clone, Debug)]
pub struct ReadOptions {
    /// Publication date for documents that carry none.
    pub default_date: Option<NaiveDate>,
    /// Largest document (or JSONL line, or WARC record) accepted, in bytes, so one huge input
    /// cannot exhaust memory.
    pub max_doc_bytes: usize,
    /// Largest decompressed size of one gzip file, so a decompression bomb stops with an error.
    pub max_file_bytes: u64,
    /// Largest decompressed-to-compressed ratio of a gzip file past its first 16 MB; real text
    /// stays far below the default of 100, a bomb (up to ~1000:1) does not.
    pub max_gzip_ratio: u64,
    /// Counters shared by every clone of these options, for progress and the summary line.
    pub stats: Arc<ReadStats>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            default_date: None,
            max_doc_bytes: 8 << 20,
            max_file_bytes: 64 << 30,
            max_gzip_ratio: 100,
            stats: Arc::default(),
        }
    }
}

/// Counters a run can print: what was read and what was skipped on purpose (not errors).
#[derive(Debug, Default)]
pub struct ReadStats {
    skipped: AtomicU64,
    input_bytes: AtomicU64,
}

impl ReadStats {
    /// Records skipped on purpose: WARC requests, metadata, non-HTML or non-2xx responses, pages
    /// without article text.
    pub fn skipped(&self) -> u64 {
        self.skipped.load(Ordering::Relaxed)
    }

    /// Bytes read from the inputs as stored (compressed bytes for gzip), for progress and rates.
    pub fn input_bytes(&self) -> u64 {
        self.input_bytes.load(Ordering::Relaxed)
    }

    pub(crate) fn add_skipped(&self) {
        self.skipped.fetch_add(1, Ordering::Relaxed);
    }

    pub(crate) fn add_input_bytes(&self, n: u64) {
        self.input_bytes.fetch_add(n, Ordering::Relaxed);
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
    read_stream(name, reader, opts)
}

/// Streams the documents of any reader (a file, a socket, bytes in memory) named `name` in
/// messages; the format is detected from the first bytes.
pub fn read_stream(name: String, reader: impl Read + Send + 'static, opts: &ReadOptions) -> DocStream {
    let counted = Counted { inner: reader, stats: opts.stats.clone() };
    match Peeked::new(counted) {
        Ok(p) if p.prefix().is_empty() => one_error(&name, "empty input: no text to code"),
        Ok(p) => {
            let format = detect(p.prefix());
            dispatch(format, name, Box::new(Plain(p)), opts, false)
        }
        Err(e) => one_error(&name, format!("cannot read: {e}")),
    }
}

/// Streams the documents of a reader as one given format, skipping detection (for callers that
/// know the format, and for fuzzing each reader on its own).
pub fn read_format(format: Format, name: String, reader: impl Read + Send + 'static, opts: &ReadOptions) -> DocStream {
    dispatch(format, name, Box::new(Plain(reader)), opts, false)
}

fn dispatch(
    format: Format,
    name: String,
    reader: Box<dyn ResyncRead>,
    opts: &ReadOptions,
    inside_gzip: bool,
) -> DocStream {
    match format {
        Format::Text => crate::text::read_text(name, reader, opts),
        Format::Jsonl => crate::jsonl::read_jsonl(name, BufReader::with_capacity(1 << 16, reader), opts),
        Format::Html => crate::html::read_html(name, reader, opts),
        Format::Feed => crate::feed::read_feed(name, reader, opts),
        Format::Warc => crate::warc::read_warc(name, reader, opts),
        Format::Gzip if inside_gzip => one_error(&name, "gzip inside gzip: decompress the outer layer first"),
        Format::Gzip => {
            let gz =
                GzMembers::new(BufReader::with_capacity(1 << 16, reader), opts.max_file_bytes, opts.max_gzip_ratio);
            match Peeked::new(gz) {
                Ok(p) if p.prefix().is_empty() => one_error(&name, "empty gzip data: no text to code"),
                Ok(p) => {
                    let format = detect(p.prefix());
                    dispatch(format, name, Box::new(p), opts, true)
                }
                Err(e) => one_error(&name, format!("cannot read: {e}")),
            }
        }
        Format::Binary => one_error(&name, "binary data, not text: pass text, JSONL, HTML, a feed or a WARC file"),
    }
}

/// Counts the bytes read from an input as stored.
struct Counted<R> {
    inner: R,
    stats: Arc<ReadStats>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.stats.add_input_bytes(n as u64);
        Ok(n)
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
