//! Gzip input: multi-member decompression (as Common Crawl writes WARC.gz, one member per record)
//! with size caps, and recovery at the next member after a broken one.

use crate::source::human_bytes;
use flate2::bufread::GzDecoder;
use std::io::{self, BufRead, Cursor, Read};

/// Bytes looked at to detect a format.
const PEEK: usize = 8192;
/// Decompressed bytes allowed before the ratio guard applies.
const RATIO_GRACE: u64 = 16 << 20;
/// The gzip magic number and the deflate method byte that start every member.
const MAGIC: [u8; 3] = [0x1f, 0x8b, 0x08];

/// A reader that can skip past corrupt data to the next point where reading may resume.
pub(crate) trait ResyncRead: Read + Send {
    /// Drops buffered state and moves to the next gzip member; false when that is impossible.
    fn resync(&mut self) -> bool {
        false
    }
}

/// A reader without recovery points (plain files, standard input).
pub(crate) struct Plain<R>(pub(crate) R);

impl<R: Read> Read for Plain<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.0.read(buf)
    }
}

impl<R: Read + Send> ResyncRead for Plain<R> {}

/// A reader whose first bytes were read ahead for format detection and are served again.
pub(crate) struct Peeked<R> {
    prefix: Cursor<Vec<u8>>,
    /// An error met while reading ahead, returned once the prefix is served.
    pending: Option<io::Error>,
    inner: R,
}

impl<R: Read> Peeked<R> {
    /// Reads up to 8 KB ahead (fewer at the end of the input); fails only when not a byte could
    /// be read.
    pub(crate) fn new(mut inner: R) -> io::Result<Peeked<R>> {
        let mut prefix = vec![0; PEEK];
        let mut filled = 0;
        let mut pending = None;
        while filled < PEEK {
            match inner.read(&mut prefix[filled..]) {
                Ok(0) => break,
                Ok(n) => filled += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) if filled == 0 => return Err(e),
                Err(e) => {
                    pending = Some(e);
                    break;
                }
            }
        }
        prefix.truncate(filled);
        Ok(Peeked { prefix: Cursor::new(prefix), pending, inner })
    }

    /// The bytes read ahead.
    pub(crate) fn prefix(&self) -> &[u8] {
        self.prefix.get_ref()
    }
}

impl<R: Read> Read for Peeked<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.prefix.read(buf)?;
        if n > 0 || buf.is_empty() {
            return Ok(n);
        }
        match self.pending.take() {
            Some(e) => Err(e),
            None => self.inner.read(buf),
        }
    }
}

impl<R: ResyncRead> ResyncRead for Peeked<R> {
    fn resync(&mut self) -> bool {
        self.prefix = Cursor::new(Vec::new());
        self.pending = None;
        self.inner.resync()
    }
}

/// Tracks how many compressed bytes were consumed, for the ratio guard and recovery.
struct Tracked<R> {
    inner: R,
    pos: u64,
}

impl<R: BufRead> Read for Tracked<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.pos += n as u64;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Tracked<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }
    fn consume(&mut self, amt: usize) {
        self.pos += amt as u64;
        self.inner.consume(amt);
    }
}

/// Decompresses gzip members one after another, capping the output of the whole stream.
pub(crate) struct GzMembers<R: BufRead> {
    decoder: Option<GzDecoder<Tracked<R>>>,
    /// Compressed offset where the current member began.
    member_start: u64,
    out: u64,
    max_out: u64,
    max_ratio: u64,
}

impl<R: BufRead> GzMembers<R> {
    /// Reads gzip from `inner`, failing once more than `max_out` bytes come out or the
    /// output-to-input ratio passes `max_ratio` (after the first 16 MB).
    pub(crate) fn new(inner: R, max_out: u64, max_ratio: u64) -> GzMembers<R> {
        GzMembers {
            decoder: Some(GzDecoder::new(Tracked { inner, pos: 0 })),
            member_start: 0,
            out: 0,
            max_out,
            max_ratio,
        }
    }

    fn check_caps(&self, compressed: u64) -> io::Result<()> {
        if self.out > self.max_out {
            return Err(io::Error::other(format!(
                "decompressed data larger than the {} limit: possibly a decompression bomb",
                human_bytes(self.max_out as usize)
            )));
        }
        if self.out > RATIO_GRACE && self.out / compressed.max(1) > self.max_ratio {
            return Err(io::Error::other(format!(
                "gzip expands more than {}:1: possibly a decompression bomb",
                self.max_ratio
            )));
        }
        Ok(())
    }
}

impl<R: BufRead> Read for GzMembers<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            let Some(decoder) = self.decoder.as_mut() else { return Ok(0) };
            match decoder.read(buf) {
                Ok(0) if buf.is_empty() => return Ok(0),
                Ok(0) => {
                    let Some(decoder) = self.decoder.take() else { return Ok(0) };
                    let mut inner = decoder.into_inner();
                    let rest = inner.fill_buf()?;
                    if rest.is_empty() {
                        return Ok(0);
                    }
                    if !rest.starts_with(&MAGIC[..rest.len().min(3)]) {
                        return Err(io::Error::new(
                            io::ErrorKind::InvalidData,
                            format!("broken gzip data at byte {}: not a gzip member", inner.pos),
                        ));
                    }
                    self.member_start = inner.pos;
                    self.decoder = Some(GzDecoder::new(inner));
                }
                Ok(n) => {
                    self.out += n as u64;
                    let compressed = self.decoder.as_ref().map_or(0, |d| d.get_ref().pos);
                    if let Err(e) = self.check_caps(compressed) {
                        self.decoder = None;
                        return Err(e);
                    }
                    return Ok(n);
                }
                Err(e) => {
                    let at = self.decoder.as_ref().map_or(0, |d| d.get_ref().pos);
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        format!("broken gzip data at byte {at}: {e}"),
                    ));
                }
            }
        }
    }
}

impl<R: BufRead + Send> ResyncRead for GzMembers<R> {
    fn resync(&mut self) -> bool {
        let Some(decoder) = self.decoder.take() else { return false };
        let mut inner = decoder.into_inner();
        // Never restart at the member that just failed.
        if inner.pos == self.member_start {
            match inner.fill_buf() {
                Ok(b) if !b.is_empty() => inner.consume(1),
                _ => return false,
            }
        }
        loop {
            let buf = match inner.fill_buf() {
                Ok(b) if !b.is_empty() => b,
                _ => return false,
            };
            match buf.windows(3).position(|w| w == MAGIC) {
                Some(i) => {
                    inner.consume(i);
                    break;
                }
                // Keep the last two bytes: the magic may straddle two buffers.
                None if buf.len() > 2 => {
                    let n = buf.len() - 2;
                    inner.consume(n);
                }
                None => {
                    // Too few bytes to hold a member: the input ends here.
                    let n = buf.len();
                    inner.consume(n);
                }
            }
        }
        self.member_start = inner.pos;
        self.decoder = Some(GzDecoder::new(inner));
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::Compression;
    use flate2::write::GzEncoder;
    use std::io::Write;

    fn gz(data: &[u8]) -> Vec<u8> {
        let mut e = GzEncoder::new(Vec::new(), Compression::default());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn reads_members_in_sequence() {
        let mut input = gz(b"one ");
        input.extend(gz(b"two"));
        let mut out = String::new();
        GzMembers::new(&input[..], 1 << 20, 100).read_to_string(&mut out).unwrap();
        assert_eq!(out, "one two");
    }

    #[test]
    fn resumes_after_a_broken_member() {
        let mut input = gz(b"first ");
        let mut broken = gz(b"second member that will be corrupted in its deflate data");
        for b in &mut broken[12..20] {
            *b ^= 0x55;
        }
        input.extend(broken);
        input.extend(gz(b"third"));
        let mut r = GzMembers::new(&input[..], 1 << 20, 100);
        let mut out = Vec::new();
        let mut buf = [0u8; 64];
        let mut errors = 0;
        loop {
            match r.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => out.extend_from_slice(&buf[..n]),
                Err(_) => {
                    errors += 1;
                    if !r.resync() {
                        break;
                    }
                }
            }
        }
        assert!(errors >= 1);
        let out = String::from_utf8_lossy(&out);
        assert!(out.starts_with("first ") && out.ends_with("third"), "{out}");
    }

    #[test]
    fn stops_a_bomb() {
        // 40 identical members of 1 MB of zeros: 40 MB out of about 40 KB in.
        let input = gz(&vec![0u8; 1 << 20]).repeat(40);
        let err = io::copy(&mut GzMembers::new(&input[..], 1 << 40, 100), &mut io::sink()).unwrap_err();
        assert!(err.to_string().contains("decompression bomb"), "{err}");
        let err = io::copy(&mut GzMembers::new(&input[..], 1 << 20, 100_000), &mut io::sink()).unwrap_err();
        assert!(err.to_string().contains("limit"), "{err}");
    }
}
