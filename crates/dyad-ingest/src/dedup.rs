//! Duplicate detection within a run: exact copies by content hash, near copies (the same story
//! with a different footer, a fixed typo, a re-syndicated wire text) by SimHash over word
//! shingles. Memory is bounded: past the capacity the oldest documents are forgotten.

use dyad_model::Document;
use rustc_hash::FxHashMap;
use std::collections::VecDeque;

/// Whether a document was seen before in this run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Not seen before.
    Unique,
    /// The same coded text as the document with this id.
    Exact(String),
    /// Nearly the same coded text as the document with this id.
    Near(String),
}

/// Words per shingle: three keeps word order without making every edit a big change.
const SHINGLE: usize = 3;
/// Documents with fewer shingles are checked for exact copies only: SimHash is noisy on them.
const MIN_SHINGLES: usize = 8;
/// Fingerprints at most this many bits apart are near-duplicates: a one-word edit in a 400-word
/// story flips about 2.5 bits, while unrelated texts differ in about 32.
const MAX_DISTANCE: u32 = 6;
/// Bands of the fingerprint: with 7 bands of 9 bits, fingerprints within 6 bits share at least
/// one band exactly (pigeonhole), so a band lookup finds every candidate.
const BANDS: usize = 7;
const BAND_BITS: usize = 9;

struct Seen {
    exact: u64,
    simhash: Option<u64>,
    id: String,
}

/// Remembers the documents of a run and says which later ones repeat them.
pub struct Deduper {
    capacity: usize,
    seen: VecDeque<Seen>,
    /// Number of documents forgotten so far; entry `i` of `seen` has serial `forgotten + i`.
    forgotten: u64,
    exact: FxHashMap<u64, u64>,
    bands: [FxHashMap<u16, Vec<u64>>; BANDS],
}

impl Default for Deduper {
    fn default() -> Self {
        Deduper::with_capacity(500_000)
    }
}

impl Deduper {
    /// A deduper remembering the last 500,000 documents (about 100 MB).
    pub fn new() -> Deduper {
        Deduper::default()
    }

    /// A deduper remembering the last `capacity` documents, to bound memory on endless inputs.
    pub fn with_capacity(capacity: usize) -> Deduper {
        Deduper {
            capacity: capacity.max(1),
            seen: VecDeque::new(),
            forgotten: 0,
            exact: FxHashMap::default(),
            bands: Default::default(),
        }
    }

    /// Checks a document against those seen before and remembers it when it is unique.
    pub fn check(&mut self, doc: &Document) -> Verdict {
        let text = coded_text(doc);
        let exact = exact_hash(&text);
        if let Some(&serial) = self.exact.get(&exact) {
            return Verdict::Exact(self.id_of(serial).to_string());
        }
        let simhash = simhash(&text);
        if let Some(fp) = simhash {
            for (band, map) in self.bands.iter().enumerate() {
                let Some(serials) = map.get(&band_of(fp, band)) else { continue };
                for &serial in serials {
                    let other = &self.seen[(serial - self.forgotten) as usize];
                    if other.simhash.is_some_and(|o| (o ^ fp).count_ones() <= MAX_DISTANCE) {
                        return Verdict::Near(other.id.clone());
                    }
                }
            }
        }
        self.remember(Seen { exact, simhash, id: doc.id.clone() });
        Verdict::Unique
    }

    /// Documents currently remembered.
    pub fn len(&self) -> usize {
        self.seen.len()
    }

    /// True before the first unique document.
    pub fn is_empty(&self) -> bool {
        self.seen.is_empty()
    }

    fn id_of(&self, serial: u64) -> &str {
        &self.seen[(serial - self.forgotten) as usize].id
    }

    fn remember(&mut self, s: Seen) {
        if self.seen.len() == self.capacity {
            self.forget_oldest();
        }
        let serial = self.forgotten + self.seen.len() as u64;
        self.exact.insert(s.exact, serial);
        if let Some(fp) = s.simhash {
            for (band, map) in self.bands.iter_mut().enumerate() {
                map.entry(band_of(fp, band)).or_default().push(serial);
            }
        }
        self.seen.push_back(s);
    }

    fn forget_oldest(&mut self) {
        let Some(old) = self.seen.pop_front() else { return };
        let serial = self.forgotten;
        self.forgotten += 1;
        if self.exact.get(&old.exact) == Some(&serial) {
            self.exact.remove(&old.exact);
        }
        if let Some(fp) = old.simhash {
            for (band, map) in self.bands.iter_mut().enumerate() {
                let key = band_of(fp, band);
                if let Some(v) = map.get_mut(&key) {
                    v.retain(|&s| s != serial);
                    if v.is_empty() {
                        map.remove(&key);
                    }
                }
            }
        }
    }
}

/// The text that is coded (body and heading blocks), so two copies of a story with different
/// menus and footers still match.
fn coded_text(doc: &Document) -> String {
    let mut out = String::with_capacity(doc.body.len());
    for b in doc.blocks_or_body().iter().filter(|b| b.kind.is_coded()) {
        if let Some(t) = doc.body.get(b.span.start..b.span.end) {
            out.push_str(t);
            out.push('\n');
        }
    }
    out
}

fn exact_hash(text: &str) -> u64 {
    let mut h = blake3::Hasher::new();
    for w in text.split_whitespace() {
        h.update(w.as_bytes());
        h.update(b" ");
    }
    let bytes = h.finalize();
    u64::from_le_bytes(bytes.as_bytes()[..8].try_into().unwrap_or_default())
}

/// A 64-bit SimHash over lowercase word 3-shingles; `None` for very short texts.
fn simhash(text: &str) -> Option<u64> {
    let words: Vec<u64> = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(word_hash).collect();
    if words.len() < SHINGLE + MIN_SHINGLES - 1 {
        return None;
    }
    let mut counts = [0i32; 64];
    for w in words.windows(SHINGLE) {
        let h = mix(w.iter().fold(0xcbf2_9ce4_8422_2325u64, |acc, &x| (acc ^ x).wrapping_mul(0x0100_0000_01b3)));
        for (bit, c) in counts.iter_mut().enumerate() {
            *c += if h >> bit & 1 == 1 { 1 } else { -1 };
        }
    }
    Some(counts.iter().enumerate().fold(0u64, |fp, (bit, &c)| if c > 0 { fp | 1 << bit } else { fp }))
}

fn word_hash(w: &str) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for c in w.chars().flat_map(char::to_lowercase) {
        h = (h ^ c as u64).wrapping_mul(0x0100_0000_01b3);
    }
    mix(h)
}

/// SplitMix64's finaliser: spreads every input bit over the whole word.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

fn band_of(fp: u64, band: usize) -> u16 {
    ((fp >> (band * BAND_BITS)) & ((1 << BAND_BITS) - 1)) as u16
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A deterministic pseudo-story of `n` words drawn from a small vocabulary.
    fn story(seed: u64, n: usize) -> String {
        const WORDS: &[&str] = &[
            "the",
            "minister",
            "said",
            "talks",
            "with",
            "Kazakhstan",
            "Russia",
            "agreed",
            "on",
            "water",
            "oil",
            "border",
            "president",
            "visit",
            "troops",
            "deal",
            "signed",
            "in",
            "Astana",
            "Moscow",
            "and",
            "a",
            "new",
            "of",
            "to",
            "week",
            "officials",
            "China",
            "trade",
            "sanctions",
        ];
        let mut x = seed;
        (0..n)
            .map(|_| {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                WORDS[(x >> 33) as usize % WORDS.len()]
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn doc(id: &str, text: &str) -> Document {
        Document { id: id.into(), body: text.into(), ..Document::default() }
    }

    #[test]
    fn finds_exact_and_near_copies() {
        let mut d = Deduper::new();
        let a = story(1, 400);
        assert_eq!(d.check(&doc("a", &a)), Verdict::Unique);
        assert_eq!(d.check(&doc("b", &a.replace(' ', "  "))), Verdict::Exact("a".into()));
        let edited = a.replacen("minister", "ministry", 1);
        assert_ne!(edited, a);
        assert_eq!(d.check(&doc("c", &edited)), Verdict::Near("a".into()));
        assert_eq!(d.check(&doc("d", &story(2, 400))), Verdict::Unique);
        assert_eq!(d.check(&doc("e", "Short text.")), Verdict::Unique);
        assert_eq!(d.check(&doc("f", "Short  text.")), Verdict::Exact("e".into()));
        assert_eq!(d.len(), 3);
    }

    #[test]
    fn unrelated_stories_stay_unique() {
        let mut d = Deduper::new();
        for i in 0..500 {
            assert_eq!(d.check(&doc(&i.to_string(), &story(i + 100, 300))), Verdict::Unique, "{i}");
        }
    }

    #[test]
    fn forgets_the_oldest_past_capacity() {
        let mut d = Deduper::with_capacity(2);
        for i in 0..5 {
            assert_eq!(d.check(&doc(&i.to_string(), &story(i, 200))), Verdict::Unique, "{i}");
        }
        assert_eq!(d.len(), 2);
        assert_eq!(d.check(&doc("x", &story(0, 200))), Verdict::Unique);
        assert_eq!(d.check(&doc("y", &story(4, 200))), Verdict::Exact("4".into()));
    }
}
